using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Deprivation.Pages;

/// <summary>Stored analyses (registry and survey) and the change between two of them, with its significance when both have standard errors.</summary>
public sealed class RunsModel(DeprivationRuns runs) : HimayaPage
{
    [FromQuery(Name = "a")] public Guid? A { get; set; }
    [FromQuery(Name = "b")] public Guid? B { get; set; }
    [FromQuery(Name = "k")] public double? K { get; set; }

    public List<RunSummary> Runs { get; private set; } = [];
    public RunComparison? Comparison { get; private set; }
    public Guid? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? saved, CancellationToken ct)
    {
        if (!Me.Can(Permission.ViewAggregates)) return ForbiddenPage();
        Saved = saved;
        if (await runs.ListAsync(Me, ct) is Outcome<List<RunSummary>>.Ok ok) Runs = ok.Value;
        if (A is { } a && B is { } b)
        {
            if (a == b) Errors.Add(DeprivationErrors.ChooseTwoDifferentRuns());
            else if (await runs.CompareAsync(Me, a, b, ct) is Outcome<RunComparison>.Ok c) Comparison = c.Value;
            else Errors.Add(DeprivationErrors.ChooseListedRuns());
        }
        return Page();
    }

    /// <summary>Stores the analysis the analysis page shows (its age group and disaggregations).</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var form = Request.Form;
        var by = new[] { form["by"].ToString(), form["by2"].ToString() }.Where(x => x.Length > 0).ToList();
        switch (await runs.SaveRegistryAsync(Me, new SaveRunRequest(form["ageGroup"], by, null, form["label"], form["framework"], form["version"]), ct))
        {
            case Outcome<RunSummary>.Ok ok: return Redirect($"/deprivation/runs?saved={ok.Value.Id}");
            case Outcome<RunSummary>.Forbidden: return ForbiddenPage();
            default: return Redirect("/deprivation/runs");
        }
    }

    public IEnumerable<(string, string)> Options => Runs.Select(r => (r.Id.ToString(), Describe(r)));

    public string Describe(RunSummary r) => $"{r.CreatedAt.ToLocalTime().ToString("g", System.Globalization.CultureInfo.CurrentCulture)} · {(r.Label ?? r.Source)} · {r.AgeGroup}" +
        (r.By.Length > 0 ? " · " + r.By : "");

    public string Percent(double? x) => x is { } v ? v.ToString("P1", System.Globalization.CultureInfo.CurrentCulture) : "—";
}
