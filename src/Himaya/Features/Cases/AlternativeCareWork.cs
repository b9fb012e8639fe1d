using Himaya.Platform;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Cases;

public sealed record GatekeepingRequest(DateOnly? PanelOn, string? PanelMembers, IReadOnlyList<string>? OptionsConsidered, string? Decision, string? Reasons);
public sealed record PlacementRequest(PlacementType? Type, int? FosterCarerId, string? PlaceName, DateOnly? StartOn, long? GatekeepingDecisionId);
public sealed record EndPlacementRequest(DateOnly? EndOn, string? Reason);
public sealed record ReunificationRequest(DateOnly? ReunifiedOn, string? WithWhom, string? Plan);
public sealed record VisitRequest(DateOnly? DoneOn, string? Findings);

public sealed record GatekeepingView(long Id, DateOnly PanelOn, string PanelMembers, IReadOnlyList<string> OptionsConsidered, string Decision, string Reasons, string By);
public sealed record PlacementView(long Id, PlacementType Type, int? FosterCarerId, string PlaceName, long? GatekeepingDecisionId, DateOnly StartOn, DateOnly? EndOn, string? EndReason, string By);
public sealed record VisitView(long Id, int MonthsAfter, DateOnly DueOn, DateOnly? DoneOn, string? Findings, bool Due, bool Overdue);
public sealed record CareView(IReadOnlyList<GatekeepingView> Gatekeeping, IReadOnlyList<PlacementView> Placements, IReadOnlyList<VisitView> Visits);

/// <summary>
/// Alternative care on a case: gatekeeping panel decisions, placements (a residential one only after a panel decided
/// for it; a foster one only with an approved carer who has room and takes the child), family reunification with its
/// monitoring visits. Placements keep the child's care arrangement in the registry up to date, in its history.
/// </summary>
public sealed class AlternativeCareWork(AppDbContext db, StepFrame frame, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public Task<Outcome<CaseView>> GatekeepAsync(CurrentUser user, Guid caseId, GatekeepingRequest r, CancellationToken ct) =>
        OnCaseAsync(user, caseId, (c, child, e) =>
        {
            if (r.PanelOn is null) e.Add(CareErrors.PanelOnRequired());
            else if (r.PanelOn > Today) e.Add(PlatformErrors.FutureDate("panelOn"));
            Text(e, "panelMembers", r.PanelMembers, 1000);
            if (r.OptionsConsidered is null || r.OptionsConsidered.Count == 0) e.Add(CareErrors.OptionsRequired());
            else if (r.OptionsConsidered.FirstOrDefault(o => !CareOptions.All.Contains(o)) is { } bad) e.Add(CareErrors.UnknownOption(bad));
            if (r.Decision is null || !CareOptions.All.Contains(r.Decision)) e.Add(CareErrors.DecisionRequired(string.Join(", ", CareOptions.All)));
            else if (r.OptionsConsidered is { Count: > 0 } && !r.OptionsConsidered.Contains(r.Decision)) e.Add(CareErrors.DecisionNotConsidered());
            Text(e, "reasons", r.Reasons, 4000);
            return StepFrame.NoRefusal;
        }, (c, child) =>
        {
            var d = new GatekeepingDecision
            {
                CaseId = c.Id, PanelOn = r.PanelOn!.Value, PanelMembers = r.PanelMembers!.Trim(), OptionsConsidered = string.Join(',', r.OptionsConsidered!.Distinct()),
                Decision = r.Decision!, Reasons = r.Reasons!.Trim(), At = Now, ById = user.Id,
            };
            db.GatekeepingDecisions.Add(d);
            return Task.FromResult<StepResult>(new StepDone("gatekeeping", d.Decision, d.Reasons));
        }, ct);

    public Task<Outcome<CaseView>> PlaceAsync(CurrentUser user, Guid caseId, PlacementRequest r, CancellationToken ct) =>
        OnCaseAsync(user, caseId, async (c, child, e) =>
        {
            if (r.Type is null) e.Add(CareErrors.PlacementTypeRequired());
            if (r.StartOn is null) e.Add(CareErrors.StartOnRequired());
            else if (r.StartOn > Today) e.Add(PlatformErrors.FutureDate("startOn"));
            if (r.Type is PlacementType.Kinship or PlacementType.SmallGroupHome or PlacementType.ResidentialInstitution) Text(e, "placeName", r.PlaceName, 200);
            if (r.Type == PlacementType.Foster)
            {
                if (r.FosterCarerId is null) e.Add(CareErrors.FosterCarerRequired());
                else if (await db.FosterCarers.AsNoTracking().FirstOrDefaultAsync(f => f.Id == r.FosterCarerId, ct) is not { } carer) e.Add(CareErrors.UnknownFosterCarer());
                else if (await FosterCarers.WhyNotAsync(db, carer, child, Today, ct) is { } why) e.Add(why);
            }
            if (!e.IsEmpty) return null;
            // Gatekeeping: no child enters residential care without a panel having weighed the alternatives and decided so.
            var decision = r.Type != PlacementType.ResidentialInstitution ? null : r.GatekeepingDecisionId is { } gid
                ? await db.GatekeepingDecisions.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gid && g.CaseId == c.Id, ct)
                : await db.GatekeepingDecisions.AsNoTracking().Where(g => g.CaseId == c.Id && g.Decision == "residential").OrderByDescending(g => g.PanelOn).FirstOrDefaultAsync(ct);
            var current = await db.Placements.AsNoTracking().Where(p => p.ChildId == child.Id && p.EndOn == null).FirstOrDefaultAsync(ct);
            return c.CanPlace(r.Type!.Value, r.StartOn!.Value, decision, current);
        }, async (c, child) =>
        {
            var current = await db.Placements.Where(p => p.ChildId == child.Id && p.EndOn == null).FirstOrDefaultAsync(ct);
            if (current?.End(r.StartOn!.Value, "moved to a new placement") is { } refused) return refused;
            long? gatekeeping = r.Type == PlacementType.ResidentialInstitution
                ? r.GatekeepingDecisionId ?? await db.GatekeepingDecisions.Where(g => g.CaseId == c.Id && g.Decision == "residential").OrderByDescending(g => g.PanelOn).Select(g => (long?)g.Id).FirstAsync(ct)
                : r.GatekeepingDecisionId;
            var name = r.Type == PlacementType.Foster ? await db.FosterCarers.Where(f => f.Id == r.FosterCarerId).Select(f => f.Name).FirstAsync(ct) : r.PlaceName!.Trim();
            db.Placements.Add(new Placement
            {
                CaseId = c.Id, ChildId = child.Id, Type = r.Type!.Value, FosterCarerId = r.Type == PlacementType.Foster ? r.FosterCarerId : null, PlaceName = name,
                GatekeepingDecisionId = gatekeeping, StartOn = r.StartOn!.Value, At = Now, ById = user.Id,
            });
            CaseRules.SetCareArrangement(db, child, r.Type.Value switch
            {
                PlacementType.Kinship => CareArrangement.Kinship,
                PlacementType.Foster => CareArrangement.Foster,
                PlacementType.ResidentialInstitution => CareArrangement.ResidentialInstitution,
                _ => CareArrangement.Other,
            }, user, Now);
            return new StepDone("placement", $"{r.Type}: {name}");
        }, ct);

    public Task<Outcome<CaseView>> EndPlacementAsync(CurrentUser user, Guid caseId, long placementId, EndPlacementRequest r, CancellationToken ct) =>
        OnCaseAsync(user, caseId, async (c, child, e) =>
        {
            var p = await db.Placements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == placementId && x.CaseId == c.Id, ct);
            if (p is null) { e.Add(CareErrors.NoSuchPlacement()); return null; }
            // An ended placement is refused whatever was sent.
            if (p.CanEnd() is { } ended) return ended;
            if (r.EndOn is null) e.Add(CareErrors.EndOnRequired());
            else if (r.EndOn > Today) e.Add(PlatformErrors.FutureDate("endOn"));
            Text(e, "reason", r.Reason, 500);
            return r.EndOn is { } on ? p.CanEndOn(on) : null;
        }, async (c, child) =>
        {
            var p = await db.Placements.FirstAsync(x => x.Id == placementId, ct);
            return p.End(r.EndOn!.Value, r.Reason!.Trim()) ?? (StepResult)new StepDone("placement-ended", p.PlaceName, p.EndReason);
        }, ct);

    public Task<Outcome<CaseView>> ReunifyAsync(CurrentUser user, Guid caseId, ReunificationRequest r, CancellationToken ct) =>
        OnCaseAsync(user, caseId, async (c, child, e) =>
        {
            if (r.ReunifiedOn is null) e.Add(CareErrors.ReunifiedOnRequired());
            else if (r.ReunifiedOn > Today) e.Add(PlatformErrors.FutureDate("reunifiedOn"));
            Text(e, "withWhom", r.WithWhom, 200);
            Text(e, "plan", r.Plan, 4000);
            if (!e.IsEmpty) return null;
            var current = await db.Placements.AsNoTracking().Where(p => p.ChildId == child.Id && p.EndOn == null).FirstOrDefaultAsync(ct);
            return c.CanReunify(r.ReunifiedOn!.Value, current, await db.MonitoringVisits.AnyAsync(v => v.CaseId == c.Id && v.DoneOn == null, ct));
        }, async (c, child) =>
        {
            var current = await db.Placements.Where(p => p.ChildId == child.Id && p.EndOn == null).FirstOrDefaultAsync(ct);
            if (current?.End(r.ReunifiedOn!.Value, "reunified with the family") is { } refused) return refused;
            db.MonitoringVisits.AddRange(MonitoringVisit.After(c.Id, r.ReunifiedOn!.Value));
            CaseRules.SetCareArrangement(db, child, CareArrangement.Parents, user, Now);
            return new StepDone("reunified", r.WithWhom!.Trim(), r.Plan!.Trim());
        }, ct);

    public Task<Outcome<CaseView>> RecordVisitAsync(CurrentUser user, Guid caseId, long visitId, VisitRequest r, CancellationToken ct) =>
        OnCaseAsync(user, caseId, async (c, child, e) =>
        {
            var v = await db.MonitoringVisits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == visitId && x.CaseId == c.Id, ct);
            if (v is null) { e.Add(CareErrors.NoSuchVisit()); return null; }
            // A recorded visit is refused whatever was sent.
            if (v.CanRecord() is { } recorded) return recorded;
            if (r.DoneOn is null) e.Add(CareErrors.VisitOnRequired());
            else if (r.DoneOn > Today) e.Add(PlatformErrors.FutureDate("doneOn"));
            Text(e, "findings", r.Findings, 4000);
            return r.DoneOn is { } on ? v.CanRecordOn(on) : null;
        }, async (c, child) =>
        {
            var v = await db.MonitoringVisits.FirstAsync(x => x.Id == visitId, ct);
            return v.Record(r.DoneOn!.Value, r.Findings!.Trim(), user.Id) ?? (StepResult)new StepDone("monitoring-visit", $"{v.MonthsAfter} months", v.Findings);
        }, ct);

    /// <summary>
    /// These steps in the one frame (<see cref="StepFrame"/>): on an open case, by its owner or supervisor, validation and
    /// the rules that need lookups in <paramref name="check"/>. Appended records need no case version: they overwrite nothing.
    /// </summary>
    private Task<Outcome<CaseView>> OnCaseAsync(CurrentUser user, Guid caseId, Func<Case, Child, FieldErrors, Task<Refusal?>> check,
        Func<Case, Child, Task<StepResult>> change, CancellationToken ct) =>
        frame.RunAsync(user, frame.OnCase(user, caseId, Permission.WorkCases, x => change(x.Case, x.Child), ct) with
        {
            Check = (x, e) => check(x.Case, x.Child, e),
            Open = x => x.Case.CanAddRecords(),
        }, ct);

    private static void Text(FieldErrors e, string field, string? value, int max) => CaseRules.Text(e, field, value, max, required: true);
}
