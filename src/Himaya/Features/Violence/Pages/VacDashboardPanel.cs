using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Violence.Pages;

/// <summary>On the dashboard: for reporters, the way to report and their reports; for responders, the open and overdue reports they see.</summary>
public sealed class VacDashboardPanel(ICurrentUserSource users, AppDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Counts(bool Reports, bool Responds, int Open, int Overdue);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = await users.GetAsync(HttpContext.RequestAborted);
        if (me is null || !(me.Can(Permission.ReportViolence) || me.Can(Permission.ReadVacReports))) return Content("");
        int open = 0, overdue = 0;
        if (me.Can(Permission.ReadVacReports))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var q = db.VacReports.AsNoTracking().DetailsVisibleTo(me).Where(r => r.Status != ReportStatus.Closed);
            open = await q.CountAsync(HttpContext.RequestAborted);
            overdue = await q.CountAsync(r => r.FirstRespondedAt == null && r.ResponseDueAt < now, HttpContext.RequestAborted);
        }
        return View("/Features/Violence/Pages/VacDashboardPanel.cshtml", new Counts(me.Can(Permission.ReportViolence), me.Can(Permission.ReadVacReports), open, overdue));
    }
}
