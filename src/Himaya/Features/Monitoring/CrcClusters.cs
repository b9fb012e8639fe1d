namespace Himaya.Features.Monitoring;

/// <summary>
/// The clusters the UN Committee on the Rights of the Child asks States parties to report under, with the articles each
/// covers. An article in two clusters (6, 39…) is reported under the first that names it here, most specific first,
/// so that every indicator appears once in the report pack.
/// </summary>
public static class CrcClusters
{
    public const string None = "none";

    public static readonly IReadOnlyList<(string Key, int[] Articles)> All =
    [
        ("violence", [19, 34, 39]),
        ("family", [5, 9, 10, 11, 18, 20, 21, 25]),
        ("health", [23, 24, 26, 27, 33]),
        ("education", [28, 29, 31]),
        ("special", [22, 30, 32, 35, 36, 37, 38, 40]),
        ("civil", [7, 8, 13, 14, 15, 16, 17]),
        ("principles", [2, 3, 6, 12]),
        ("definition", [1]),
        ("general", [4, 42, 44]),
    ];

    /// <summary>The cluster an indicator is reported under: that of its first article in the order above; none without articles.</summary>
    public static string Of(IReadOnlyList<int> articles) =>
        All.FirstOrDefault(c => c.Articles.Any(articles.Contains)).Key ?? None;

    /// <summary>The SDG an indicator serves (the goal of its target "4.2" is "4"), or none.</summary>
    public static string Goal(string? sdgTarget) => sdgTarget is { Length: > 0 } t ? t.Split('.')[0] : None;
}
