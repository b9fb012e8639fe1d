using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Institutions.Pages;

/// <summary>
/// On the dashboard, for those who see the register: the institutions of their area or mandate, those not visited in a
/// year, and the recommendations still open or past due.
/// </summary>
public sealed class MandatePanel(ICurrentUserSource users, AppDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Counts(bool Monitors, int Institutions, int NotVisited, int Open, int Overdue);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var me = await users.GetAsync(ct);
        if (me is null || !me.Can(Permission.ViewInstitutions)) return Content("");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var yearAgo = today.AddYears(-1);
        var ids = db.Set<Institution>().AsNoTracking().VisibleTo(me).Select(i => i.Id);
        var count = await ids.CountAsync(ct);
        var visited = await db.Set<InstitutionVisit>().AsNoTracking().Where(v => ids.Contains(v.InstitutionId) && v.VisitedOn >= yearAgo)
            .Select(v => v.InstitutionId).Distinct().CountAsync(ct);
        var open = db.Set<VisitFinding>().AsNoTracking().Where(f => ids.Contains(f.InstitutionId)
            && VisitFinding.OpenStatuses.Contains(f.Status));
        var overdue = await open.CountAsync(f => f.DueOn < today && f.Status != FollowUpStatus.Implemented, ct);
        return View("/Features/Institutions/Pages/MandatePanel.cshtml", new Counts(me.Can(Permission.MonitorInstitutions), count, count - visited, await open.CountAsync(ct), overdue));
    }
}
