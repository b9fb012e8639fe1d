using Himaya.Features.Identity;
using Himaya.Features.Shared;
using Himaya.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Cases.Pages;

/// <summary>Counts only: the team's caseload and overdue work per worker, and cases by stage per district.</summary>
public sealed class TeamModel(CaseLists lists) : HimayaPage
{
    public CaseDashboard Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Me.Can(Permission.ReadCases)) return ForbiddenPage();
        if (await lists.DashboardAsync(Me, ct) is not Outcome<CaseDashboard>.Ok ok) return ForbiddenPage();
        Board = ok.Value;
        return Page();
    }
}
