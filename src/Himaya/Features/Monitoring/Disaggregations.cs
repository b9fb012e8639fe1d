using System.Text.RegularExpressions;

namespace Himaya.Features.Monitoring;

/// <summary>
/// A value's disaggregation as one canonical key: its dimensions (SDMX column names such as SEX, AGE, RESIDENCE,
/// WEALTH_QUINTILE, DISABILITY_STATUS) sorted, "SEX=F;AGE=Y3T5" style. The same breakdown always gives the same key, so
/// a value is found again whatever order a file gave its columns in. Empty is the total.
/// </summary>
public static partial class Disaggregations
{
    /// <summary>The dimensions Himaya reads from files; any other column is not a breakdown of the value.</summary>
    public static readonly IReadOnlyList<string> Dimensions = ["SEX", "AGE", "RESIDENCE", "WEALTH_QUINTILE", "DISABILITY_STATUS"];

    public static string Key(IEnumerable<KeyValuePair<string, string>> parts) =>
        string.Join(';', parts.Where(p => p.Value.Length > 0).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    public static IReadOnlyDictionary<string, string> Parse(string key) =>
        key.Length == 0 ? new Dictionary<string, string>()
        : key.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    /// <summary>Whether a key is the total: no breakdown, or every dimension at SDMX's total code (_T), as files often write it.</summary>
    public static bool IsTotal(string key) => key.Length == 0 || key.Split(';').All(p => p.EndsWith("=_T", StringComparison.Ordinal));

    public static bool IsTotal(IReadOnlyDictionary<string, string> parts) => parts.Values.All(v => v == "_T");

    /// <summary>A dimension's value as SDMX codes are written: letters, digits, '_', '-', '+', '.'; at most 40.</summary>
    public static bool IsValue(string value) => value.Length <= 40 && ValuePattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_+.-]*$")]
    private static partial Regex ValuePattern();
}
