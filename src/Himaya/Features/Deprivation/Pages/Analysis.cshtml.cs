using Himaya.Deprivation;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Deprivation.Pages;

/// <summary>
/// The deprivation analysis of the registry within the user's scope: headline measures for every k, dimension headcounts,
/// the distribution of deprivation counts, the overlap of three dimensions and a table by one or two disaggregations.
/// The page asks with GET, so that a view is a link that can be shared; it uses the same use case as the API.
/// </summary>
public sealed class AnalysisModel(RegistryAnalysis analysis, Frameworks frameworks, AdminUnits units) : HimayaPage
{
    /// <summary>The framework as "name@version" (empty: the default framework's latest version).</summary>
    [FromQuery(Name = "fw")] public string? FrameworkChoice { get; set; }
    public List<FrameworkVersion> FrameworkVersions { get; private set; } = [];
    [FromQuery(Name = "ageGroup")] public string? AgeGroupId { get; set; }
    [FromQuery(Name = "by")] public string? By1 { get; set; }
    [FromQuery(Name = "by2")] public string? By2 { get; set; }
    /// <summary>The cut-off the charts and the group table show (the headline table shows every k).</summary>
    [FromQuery(Name = "k")] public string? KText { get; set; }
    /// <summary>The figure the district map shows: M0 (default) or H.</summary>
    [FromQuery(Name = "map")] public string? MapMeasure { get; set; }
    public AdminUnits Units => units;
    [FromQuery(Name = "venn0")] public string? Venn0 { get; set; }
    [FromQuery(Name = "venn1")] public string? Venn1 { get; set; }
    [FromQuery(Name = "venn2")] public string? Venn2 { get; set; }

    public RegistryAnalysisResult? Result { get; private set; }
    public int K { get; private set; } = 1;
    public int[] Venn { get; private set; } = [0, 1, 2];
    public RegistryFramework Framework { get; private set; } = RegistryFramework.Azerbaijan;

    /// <summary>"name@version" split (both null for the default).</summary>
    public static (string? Name, string? Version) SplitChoice(string? choice) =>
        choice is { Length: > 0 } c && c.Split('@') is [var n, var v] ? (n, v) : (string.IsNullOrWhiteSpace(choice) ? null : choice, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Me.Can(Himaya.Platform.Permission.ViewAggregates)) return ForbiddenPage();
        FrameworkVersions = await frameworks.ListAsync(ct);
        var (fwName, fwVersion) = SplitChoice(FrameworkChoice);
        if (await frameworks.FindAsync(fwName, fwVersion, ct) is { } chosen) Framework = chosen;
        else { Errors.Add(DeprivationErrors.FrameworkNotFound("fw")); return Page(); }
        var by = new[] { By1, By2 }.Where(b => !string.IsNullOrWhiteSpace(b)).Select(b => b!.Trim()).ToList();
        var group = Framework.Group(string.IsNullOrWhiteSpace(AgeGroupId) ? null : AgeGroupId);
        if (KText is { Length: > 0 })
        {
            if (!int.TryParse(KText, out var k) || k < 1 || (group is not null && k > group.Framework.Dimensions.Count)) Errors.Add(DeprivationErrors.ChooseCutOff());
            else K = k;
        }
        if (Venn0 is { Length: > 0 } || Venn1 is { Length: > 0 } || Venn2 is { Length: > 0 })
        {
            var parts = new[] { Venn0, Venn1, Venn2 }.Select(p => int.TryParse(p, out var i) ? i : -1).ToArray();
            if (group is null || parts.Distinct().Count() != 3 || parts.Any(i => i < 0 || i >= group.Framework.Dimensions.Count))
                Errors.Add(DeprivationErrors.ChooseThreeDimensions());
            else Venn = parts;
        }
        if (!Errors.IsEmpty) return Page();
        switch (await analysis.RunAsync(Me, new AnalysisRequest(group?.Id ?? AgeGroupId, by, null, Framework.Id, Framework.Version), ct))
        {
            case Outcome<RegistryAnalysisResult>.Ok ok:
                Result = ok.Value;
                break;
            case Outcome<RegistryAnalysisResult>.Invalid bad:
                Errors = bad.Errors;
                break;
            default:
                return ForbiddenPage();
        }
        return Page();
    }

    /// <summary>A group's label as the reader knows it (district and region names, translated values).</summary>
    public string LabelOf(string by, string value) => by switch
    {
        "district" or "region" => units.DisplayName(value, Culture),
        "sex" => T["Enum.Sex." + value],
        "disability" => T[value == "yes" ? "Common.Yes" : "Common.No"],
        "residence" => value == "unknown" ? T["Common.Unknown"] : T["Enum.Residence." + value],
        "displacement" => T["Enum.Displacement." + value],
        _ => value,
    };

    public string Percent(double share) => double.IsNaN(share) ? "—" : share.ToString("P1", System.Globalization.CultureInfo.CurrentCulture);

    public string Number(double x, string format = "N3") => double.IsNaN(x) ? "—" : x.ToString(format, System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>The same question as CSV, from the API.</summary>
    public string CsvLink => $"/api/v1/deprivation/analysis?format=csv&framework={Uri.EscapeDataString(Result!.Framework.Id)}&version={Uri.EscapeDataString(Result.Framework.Version)}&ageGroup={Uri.EscapeDataString(Result.AgeGroup.Id)}"
        + (Result.Result.GroupColumns.Count > 0 ? "&by=" + Uri.EscapeDataString(string.Join(',', Result.Result.GroupColumns)) : "");
}
