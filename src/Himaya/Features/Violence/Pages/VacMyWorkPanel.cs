using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Violence.Pages;

/// <summary>
/// In "my work": the reports the user must act on now — assigned to them and not yet answered — and, apart, those
/// escalated to them by the clock (supervisors, coordinators), overdue first; and the coordination follow-ups they own.
/// </summary>
public sealed class VacMyWorkPanel(ICurrentUserSource users, AppDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<VacOptions> options,
    CoordinationWork coordination) : ViewComponent
{
    public sealed record Item(Guid Id, string Reference, ViolenceType Type, ReportRisk Risk, DateTime DueAt, bool Overdue, Escalation Escalation);
    public sealed record Work(IReadOnlyList<Item> Mine, IReadOnlyList<Item> Escalated, IReadOnlyList<FollowUpView> FollowUps, bool MayBeEscalatedTo);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = await users.GetAsync(HttpContext.RequestAborted);
        if (me is null || !me.Can(Permission.ReadVacReports)) return Content("");
        var ct = HttpContext.RequestAborted;
        var now = clock.GetUtcNow().UtcDateTime;
        var toCoordinator = TimeSpan.FromHours(options.Value.CoordinatorAfterHours);
        Item ItemOf(VacReport r) => new(r.Id, r.Reference, r.Type, r.Risk, r.ResponseDueAt, r.IsOverdue(now), r.EscalationAt(now, toCoordinator));
        var reports = db.VacReports.AsNoTracking();
        var mine = await reports.DetailsVisibleTo(me).Where(r => r.Status != ReportStatus.Closed && r.FirstRespondedAt == null && r.AssignedToId == me.Id)
            .OrderBy(r => r.ResponseDueAt).Take(100).ToListAsync(ct);
        var escalated = await reports.EscalatedTo(me, now, toCoordinator).OrderBy(r => r.ResponseDueAt).Take(100).ToListAsync(ct);
        var followUps = await coordination.OwnedByAsync(me, ct);
        return View("/Features/Violence/Pages/VacMyWorkPanel.cshtml", new Work([.. mine.Select(ItemOf)], [.. escalated.Select(ItemOf)], followUps,
            VacEscalations.LevelOf(me) != Escalation.None));
    }
}
