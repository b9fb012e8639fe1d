using System.Globalization;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Monitoring.Pages;

/// <summary>
/// One project's results framework: each outcome with its outputs, each output's targets by place and period beside what
/// has been reached (the latest cumulative report), and a form to report progress for those who keep the data.
/// </summary>
public sealed class ProjectPageModel(ProjectStore store, AdminUnits units) : HimayaPage
{
    public ProjectView Project { get; private set; } = null!;
    public bool Reported { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, bool? done, CancellationToken ct)
    {
        Reported = done == true;
        return await LoadAsync(code, ct) ?? Page();
    }

    /// <summary>A progress report from the form (the API's POST /api/v1/projects/{code}/progress); refused, the form comes back with its values.</summary>
    public async Task<IActionResult> OnPostProgressAsync(string code, CancellationToken ct)
    {
        var e = new FieldErrors();
        var value = QueryParse.Decimal(e, "value", Value("value"));
        if (e.IsEmpty)
        {
            switch (await store.ReportProgressAsync(Me, code, new(Value("result"), Value("place"), Value("period"), value, Value("note")), ct))
            {
                case Outcome<ProjectView>.Ok: return Redirect($"/projects/{Uri.EscapeDataString(code)}?done=true#progress-form");
                case Outcome<ProjectView>.Invalid bad: e = bad.Errors; break;
                case Outcome<ProjectView>.NotFound: return NotFoundPage();
                default: return ForbiddenPage();
            }
        }
        Errors = e;
        return await LoadAsync(code, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        switch (await store.GetAsync(Me, code, ct))
        {
            case Outcome<ProjectView>.Ok ok: Project = ok.Value; return null;
            case Outcome<ProjectView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
    }

    public ProjectSummary Summary => Project.Project;

    public static string Text(IndicatorNames n) => n.In(Culture);

    public string PlaceName(string code) => code == IndicatorStore.Nation ? T["Projects.Whole"] : units.DisplayName(code, Culture);

    public static string Number(decimal value, IndicatorUnit unit) =>
        value.ToString("#,0.##", CultureInfo.CurrentCulture) + (unit == IndicatorUnit.Percent ? "%" : "");

    public IEnumerable<(string, string)> ResultChoices =>
        Project.Results.Where(r => r.Level == ResultLevel.Output).Select(r => (r.Code, $"{r.Code} {Text(r.Statement)}"));

    public IEnumerable<(string, string)> PlaceChoices =>
        Summary.Districts.Select(d => (d, PlaceName(d))).OrderBy(p => p.Item2, StringComparer.CurrentCulture).Prepend((IndicatorStore.Nation, PlaceName(IndicatorStore.Nation)));
}
