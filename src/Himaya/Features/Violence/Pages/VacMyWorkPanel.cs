using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Violence.Pages;

/// <summary>
/// In "my work": the reports the user must act on now — assigned to them and not yet answered, and, for supervisors and
/// coordinators, those escalated to them by the clock — overdue first.
/// </summary>
public sealed class VacMyWorkPanel(ICurrentUserSource users, AppDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<VacOptions> options) : ViewComponent
{
    public sealed record Item(Guid Id, string Reference, ViolenceType Type, ReportRisk Risk, DateTime DueAt, bool Overdue, Escalation Escalation);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = await users.GetAsync(HttpContext.RequestAborted);
        if (me is null || !me.Can(Permission.ReadVacReports)) return Content("");
        var now = clock.GetUtcNow().UtcDateTime;
        var toCoordinator = TimeSpan.FromHours(options.Value.CoordinatorAfterHours);
        var supervises = me.Roles.Contains(Roles.Supervisor, StringComparer.Ordinal);
        var coordinates = me.Roles.Contains(Roles.DistrictCoordinator, StringComparer.Ordinal);
        var open = db.VacReports.AsNoTracking().DetailsVisibleTo(me).Where(r => r.Status != ReportStatus.Closed && r.FirstRespondedAt == null);
        // Mine to answer, or late enough to be escalated to someone in my role (the escalation itself is decided below).
        var rows = await open.Where(r => r.AssignedToId == me.Id || ((supervises || coordinates) && r.ResponseDueAt < now))
            .OrderBy(r => r.ResponseDueAt).Take(100).ToListAsync(HttpContext.RequestAborted);
        var items = rows.Select(r => (r, e: r.EscalationAt(now, toCoordinator)))
            .Where(x => x.r.AssignedToId == me.Id || (supervises && x.e != Escalation.None) || (coordinates && x.e == Escalation.Coordinator))
            .Select(x => new Item(x.r.Id, x.r.Reference, x.r.Type, x.r.Risk, x.r.ResponseDueAt, x.r.IsOverdue(now), x.e)).ToList();
        return View("/Features/Violence/Pages/VacMyWorkPanel.cshtml", items);
    }
}
