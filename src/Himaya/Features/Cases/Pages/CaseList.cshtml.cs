using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Cases.Pages;

/// <summary>The cases the user may see: their own by default, filterable by stage, district and overdue.</summary>
public sealed class CaseListModel(CaseLists lists, AdminUnits units) : HimayaPage
{
    [FromQuery(Name = "stage")] public string? Stage { get; set; }
    [FromQuery(Name = "district")] public string? District { get; set; }
    [FromQuery(Name = "mine")] public bool? Mine { get; set; }
    [FromQuery(Name = "overdue")] public bool Overdue { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public CasePage Result { get; private set; } = new([], 0, 1, CaseLists.PageSize);
    public AdminUnits Units => units;
    public bool MineOnly => Mine ?? CaseScope.SeesOwnCaseloadOnly(Me) || Me.Can(Permission.WorkCases);
    public IEnumerable<(string, string)> DistrictOptions => units.Districts.Where(d => Me.ScopeKind != ScopeKind.Areas || Me.Districts.Contains(d.Code))
        .Select(d => (d.Code, units.DisplayName(d.Code, Culture))).OrderBy(d => d.Item2, StringComparer.CurrentCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Me.Can(Permission.ReadCases)) return ForbiddenPage();
        CaseStage? stage = EnumNames.TryParse<CaseStage>(Stage, false, out var s) ? s : null;
        switch (await lists.ListAsync(Me, new CaseQuery(stage, MineOnly, District, Overdue, stage == CaseStage.Closed, Math.Max(1, PageNumber)), ct))
        {
            case Outcome<CasePage>.Ok ok: Result = ok.Value; break;
            case Outcome<CasePage>.Invalid bad: Errors = bad.Errors; break;
            default: return ForbiddenPage();
        }
        return Page();
    }
}
