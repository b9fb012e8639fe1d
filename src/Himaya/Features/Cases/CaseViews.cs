using Himaya.Features.Identity;
using Himaya.Features.Registry;
using System.Text.Json;
using Himaya.Platform;
using Himaya.Features.Services;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Cases;

/// <summary>Reads cases and referrals into their views, always through <see cref="CaseScope"/>. Callers audit the read.</summary>
public sealed class CaseViews(AppDbContext db, AdminUnits units, CaseAttachments attachments, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The case as the user may see it (sensitive notes left out unless the user may read them), or null when out of scope.</summary>
    public async Task<CaseView?> ViewAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var child = await db.Children.AsNoTracking().Where(x => x.Id == c.ChildId)
            .Select(x => new { x.Id, x.Surname, x.GivenName, x.Patronymic, x.Sex, x.BirthDate, x.HasFunctionalDifficulty, x.DistrictCode }).FirstAsync(ct);
        var assessments = await db.CaseAssessments.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.Id).ToListAsync(ct);
        var plan = await db.CasePlanActions.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.Position).ToListAsync(ct);
        var notes = await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == id).OrderByDescending(n => n.On).ThenByDescending(n => n.At).ToListAsync(ct);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var referrals = await ReferralsAsync(db.Referrals.Where(r => r.CaseId == id), ct);
        var people = await NamesAsync([c.OwnerId, c.SupervisorId, c.TransferToSupervisorId ?? c.OwnerId, .. assessments.Select(a => a.ById), .. notes.Select(n => n.ById), .. events.Select(e => e.ById)], ct);
        var readSensitive = user.Id == c.OwnerId || user.Id == c.SupervisorId || user.Can(Permission.ReadSensitiveNotes);
        var shown = notes.Where(n => !n.Sensitive || readSensitive).ToList();
        var name = $"{child.Surname} {child.GivenName} {child.Patronymic}".Trim();
        var (files, hiddenFiles) = await attachments.ListAsync(id, readSensitive, ct);
        var care = await CareAsync(id, ct);
        var justice = await Justice.ViewsAsync(db, id, Today, ct);
        return new CaseView(c.Id, c.Number, c.Version,
            new CaseChild(child.Id, name, child.Sex, child.BirthDate, Registry.Child.AgeOn(child.BirthDate, Today), child.HasFunctionalDifficulty, child.DistrictCode),
            c.DistrictCode, units.DisplayName(c.DistrictCode, ApiSupport.Culture), c.Stage, c.Risk, c.Pending, c.Reason, Split(c.Concerns), c.OpenedFrom,
            Ref(people, c.OwnerId), Ref(people, c.SupervisorId), c.OpenedAt, c.DueAt, IsOverdue(c), c.NextReviewOn, c.IndividualCarePlan, Split(c.CarePlanDomains),
            c.ReviewCycleMonths, [.. plan.Select(a => new PlanActionView(a.Goal, a.Action, a.Responsible, a.DueOn, a.Done, a.ServiceType))],
            [.. assessments.Select(a => new AssessmentView(a.Id, a.Kind, a.At, Ref(people, a.ById).UserName, JsonDocument.Parse(a.Content).RootElement.Clone()))],
            [.. shown.Select(n => new NoteView(n.Id, n.Kind, n.On, n.Text, n.Sensitive, n.At, Ref(people, n.ById).UserName))], notes.Count - shown.Count,
            files, hiddenFiles, referrals, care, justice, [.. events.Select(e => new EventView(e.At, Ref(people, e.ById).UserName, e.Kind, e.Detail, e.Comment))],
            c.ClosureReason, c.ClosureOutcome, c.ClosedAt,
            c.TransferToSupervisorId is { } to ? new PendingTransfer(Ref(people, to), c.TransferToDistrict!, c.TransferReason ?? "", c.TransferRequestedAt ?? c.UpdatedAt) : null,
            c.UpdatedAt,
            new CaseRights(user.Can(Permission.WorkCases) && (user.Id == c.OwnerId || user.Id == c.SupervisorId),
                user.Can(Permission.ApproveCases) && user.Id == c.SupervisorId, readSensitive));
    }

    public async Task<CareView> CareAsync(Guid caseId, CancellationToken ct)
    {
        var decisions = await db.GatekeepingDecisions.AsNoTracking().Where(g => g.CaseId == caseId).OrderBy(g => g.Id).ToListAsync(ct);
        var placements = await db.Placements.AsNoTracking().Where(p => p.CaseId == caseId).OrderBy(p => p.StartOn).ThenBy(p => p.Id).ToListAsync(ct);
        var visits = await db.MonitoringVisits.AsNoTracking().Where(v => v.CaseId == caseId).OrderBy(v => v.DueOn).ToListAsync(ct);
        var names = await NamesAsync([.. decisions.Select(d => d.ById), .. placements.Select(p => p.ById)], ct);
        string Name(int id) => names.TryGetValue(id, out var u) ? u.UserName : "#" + id;
        return new CareView(
            [.. decisions.Select(d => new GatekeepingView(d.Id, d.PanelOn, d.PanelMembers, d.OptionsConsidered.Split(',', StringSplitOptions.RemoveEmptyEntries), d.Decision, d.Reasons, Name(d.ById)))],
            [.. placements.Select(p => new PlacementView(p.Id, p.Type, p.FosterCarerId, p.PlaceName, p.GatekeepingDecisionId, p.StartOn, p.EndOn, p.EndReason, Name(p.ById)))],
            [.. visits.Select(v => new VisitView(v.Id, v.MonthsAfter, v.DueOn, v.DoneOn, v.Findings, v.DoneOn is null && v.DueOn <= Today.AddDays(14), v.DoneOn is null && v.DueOn < Today))]);
    }

    private bool IsOverdue(Case c) => c.IsOverdue(Now, Today);

    /// <summary>Referrals with their service, case number, child and sender. The query must already be scoped by the caller.</summary>
    public async Task<List<ReferralView>> ReferralsAsync(IQueryable<Referral> referrals, CancellationToken ct)
    {
        var rows = await referrals.AsNoTracking()
            .Join(db.Services, r => r.ServiceId, s => s.Id, (r, s) => new { r, s.Name })
            .Join(db.Cases, x => x.r.CaseId, c => c.Id, (x, c) => new { x.r, x.Name, c.Number, c.ChildId, c.DistrictCode })
            .Join(db.Children, x => x.ChildId, ch => ch.Id, (x, ch) => new { x.r, x.Name, x.Number, x.DistrictCode, ch.Surname, ch.GivenName, ch.Patronymic, ch.BirthDate })
            .OrderByDescending(x => x.r.SentAt).Take(500).ToListAsync(ct);
        var people = await NamesAsync([.. rows.Select(x => x.r.SentById)], ct);
        return [.. rows.Select(x => new ReferralView(x.r.Id, x.r.CaseId, x.Number, $"{x.Surname} {x.GivenName} {x.Patronymic}".Trim(), Registry.Child.AgeOn(x.BirthDate, Today),
            x.DistrictCode, x.r.ServiceId, x.Name, x.r.Reason, x.r.ConsentGiven, x.r.ConsentBy, x.r.ConsentOn, x.r.Status, x.r.SentAt,
            Ref(people, x.r.SentById).UserName, x.r.RespondBy, x.r.DueOn, x.r.DeclineReason, x.r.DeclinedForCapacity, x.r.RespondedAt, x.r.DeliveryNote, x.r.DeliveredAt,
            x.r.Outcome, x.r.CompletedAt, IsOverdue(x.r), x.r.Version))];
    }

    public bool IsOverdue(Referral r) =>
        (r.Status == ReferralStatus.Sent && r.RespondBy < Now) ||
        (r.Status is ReferralStatus.Accepted or ReferralStatus.Delivered && r.DueOn is { } due && due < Today);

    public async Task<Dictionary<int, UserRef>> NamesAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var set = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => set.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new UserRef(u.Id, u.UserName, u.DisplayName), ct);
    }

    private static UserRef Ref(Dictionary<int, UserRef> people, int id) => people.TryGetValue(id, out var u) ? u : new UserRef(id, "#" + id, "");

    private static string[] Split(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
