using Himaya.Features.Registry;
using Himaya.Platform;
using Himaya.Features.Services;
using Himaya.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Cases;

public sealed record CaseQuery(CaseStage? Stage = null, bool Mine = false, string? District = null, bool OverdueOnly = false, bool ClosedToo = false, int Page = 1);

/// <summary>A piece of due work: what, for which case or referral, by when.</summary>
public sealed record WorkItem(string Kind, DateTime? Due, bool Overdue, Guid? CaseId, string? CaseNumber, string? ChildName, Guid? ReferralId, string? Detail);

public sealed record WorkerLoad(int UserId, string UserName, string DisplayName, int Open, int Overdue, int AwaitingApproval, IReadOnlyDictionary<CaseStage, int> ByStage);
public sealed record DistrictStages(string DistrictCode, string DistrictName, IReadOnlyDictionary<CaseStage, int> ByStage, int Overdue);
public sealed record CaseDashboard(int Open, int Overdue, int AwaitingApproval, IReadOnlyDictionary<CaseStage, int> ByStage, IReadOnlyList<WorkerLoad> Workers,
    IReadOnlyList<DistrictStages> Districts, int OverdueReferrals);

/// <summary>Lists over cases: the case list, each user's due work, and the team and district counts. All through <see cref="CaseScope"/>.</summary>
public sealed class CaseLists(AppDbContext db, AuditLog audit, AdminUnits units, TimeProvider clock)
{
    public const int PageSize = 50;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<Outcome<CasePage>> ListAsync(CurrentUser user, CaseQuery query, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadCases)) return new Outcome<CasePage>.Forbidden();
        if (query.District is { Length: > 0 } d && units.Find(d) is null) return Outcome<CasePage>.Refused(PlatformErrors.UnknownDistrict("district"));
        if (query.Page is < 1 or > 10_000) return Outcome<CasePage>.Refused(CaseErrors.PageRange(10_000));
        var q = db.Cases.AsNoTracking().VisibleTo(user);
        if (query.Stage is { } s) q = q.Where(c => c.Stage == s);
        else if (!query.ClosedToo) q = q.Where(c => c.Stage != CaseStage.Closed);
        if (query.Mine) { var me = user.Id; q = q.Where(c => c.OwnerId == me || c.SupervisorId == me); }
        if (query.District is { Length: > 0 })
        {
            var codes = units.SelfAndDescendants(query.District).ToList();
            q = q.Where(c => codes.Contains(c.DistrictCode));
        }
        if (query.OverdueOnly) q = Overdue(q);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(c => c.DueAt == null).ThenBy(c => c.DueAt).ThenByDescending(c => c.OpenedAt)
            .Skip((query.Page - 1) * PageSize).Take(PageSize)
            .Join(db.Children, c => c.ChildId, ch => ch.Id, (c, ch) => new { c, ch.Surname, ch.GivenName, ch.Patronymic })
            .Join(db.Users, x => x.c.OwnerId, u => u.Id, (x, u) => new { x.c, x.Surname, x.GivenName, x.Patronymic, u.UserName })
            .ToListAsync(ct);
        var items = rows.Select(x => new CaseListItem(x.c.Id, x.c.Number, x.c.ChildId, $"{x.Surname} {x.GivenName} {x.Patronymic}".Trim(), x.c.DistrictCode,
            x.c.Stage, x.c.Risk, x.c.Pending, x.UserName, x.c.OpenedAt, x.c.DueAt, IsOverdue(x.c))).ToList();
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, CaseWork.EntityType, null,
            $"stage={query.Stage}; mine={query.Mine}; district={query.District}; overdue={query.OverdueOnly}; page={query.Page}; ids={string.Join(',', items.Select(i => i.Id.ToString("N")))}"), ct);
        return new CasePage(items, total, query.Page, PageSize);
    }

    /// <summary>
    /// A child's cases the user may see, newest first, and — when the child has an open case the user may not see (a
    /// colleague's caseload) — who holds it, so nobody opens a second one. The caller has already checked the child is in scope.
    /// </summary>
    public async Task<(List<CaseListItem> Cases, string? OpenHeldBy)> ForChildAsync(CurrentUser user, Guid childId, CancellationToken ct)
    {
        var rows = await db.Cases.AsNoTracking().VisibleTo(user).Where(c => c.ChildId == childId).OrderByDescending(c => c.OpenedAt)
            .Join(db.Users, c => c.OwnerId, u => u.Id, (c, u) => new { c, u.UserName }).ToListAsync(ct);
        var items = rows.Select(x => new CaseListItem(x.c.Id, x.c.Number, x.c.ChildId, "", x.c.DistrictCode, x.c.Stage, x.c.Risk, x.c.Pending, x.UserName, x.c.OpenedAt, x.c.DueAt, IsOverdue(x.c))).ToList();
        string? heldBy = null;
        if (!items.Any(i => i.Stage != CaseStage.Closed))
            heldBy = await db.Cases.AsNoTracking().Where(c => c.ChildId == childId && c.Stage != CaseStage.Closed)
                .Join(db.Users, c => c.OwnerId, u => u.Id, (c, u) => u.DisplayName + " (" + u.UserName + ")").FirstOrDefaultAsync(ct);
        return (items, heldBy);
    }

    /// <summary>
    /// The user's due and overdue work, soonest first: steps of cases they own, decisions waiting for them as supervisor,
    /// their referrals that nobody answered in time, and referrals their agency must answer or deliver.
    /// </summary>
    public async Task<Outcome<List<WorkItem>>> MyWorkAsync(CurrentUser user, CancellationToken ct)
    {
        // Roles without case work (analysts, monitors) simply have none.
        var me = user.Id;
        var items = new List<WorkItem>();
        var now = Now;
        var today = Today;
        if (user.Can(Permission.ReadCases))
        {
            var cases = db.Cases.AsNoTracking().VisibleTo(user).Where(c => c.Stage != CaseStage.Closed && (c.OwnerId == me || c.SupervisorId == me));
            var rows = await cases.Join(db.Children, c => c.ChildId, ch => ch.Id, (c, ch) => new { c.Id, c.Number, c.OwnerId, c.SupervisorId, c.Stage, c.Pending, c.DueAt, c.NextReviewOn, ch.Surname, ch.GivenName })
                .Take(2000).ToListAsync(ct);
            foreach (var c in rows)
            {
                var name = $"{c.Surname} {c.GivenName}";
                if (c.OwnerId == me && c.Pending == PendingApproval.None)
                {
                    if (c.Stage is CaseStage.InitialAssessment or CaseStage.ComprehensiveAssessment or CaseStage.CasePlan)
                        items.Add(new WorkItem(c.Stage switch { CaseStage.InitialAssessment => "initial-assessment", CaseStage.ComprehensiveAssessment => "comprehensive-assessment", _ => "case-plan" },
                            c.DueAt, c.DueAt < now, c.Id, c.Number, name, null, null));
                    else if (c.NextReviewOn is { } review)
                        items.Add(new WorkItem("plan-review", review.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), review < today, c.Id, c.Number, name, null, null));
                }
                if (c.SupervisorId == me && c.Pending != PendingApproval.None && user.Can(Permission.ApproveCases))
                    items.Add(new WorkItem(c.Pending == PendingApproval.Plan ? "approve-plan" : "approve-closure", null, false, c.Id, c.Number, name, null, null));
            }
            // Monitoring visits after reunification: due within two weeks, or overdue.
            var soon = today.AddDays(14);
            var visits = await db.MonitoringVisits.AsNoTracking().Where(v => v.DoneOn == null && v.DueOn <= soon)
                .Join(cases.Where(c => c.OwnerId == me), v => v.CaseId, c => c.Id, (v, c) => new { v.DueOn, v.MonthsAfter, c.Id, c.Number, c.ChildId })
                .Join(db.Children, x => x.ChildId, ch => ch.Id, (x, ch) => new { x, ch.Surname, ch.GivenName }).Take(500).ToListAsync(ct);
            items.AddRange(visits.Select(v => new WorkItem("monitoring-visit", v.x.DueOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), v.x.DueOn < today, v.x.Id, v.x.Number,
                $"{v.Surname} {v.GivenName}", null, v.x.MonthsAfter.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            // Deprivation of liberty: reviewed within 48 hours, then every 30 days, until release; and hearings in the coming week.
            var detained = await db.JusticeRecords.AsNoTracking().Where(j => j.DetainedFrom != null && j.DetainedUntil == null)
                .Join(cases, j => j.CaseId, c => c.Id, (j, c) => new { j, c.Id, c.Number, c.ChildId })
                .Join(db.Children, x => x.ChildId, ch => ch.Id, (x, ch) => new { x, ch.Surname, ch.GivenName }).Take(500).ToListAsync(ct);
            items.AddRange(detained.Select(d => new WorkItem("detention-review", d.x.j.DetentionReviewDue!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                d.x.j.DetentionReviewDue < today, d.x.Id, d.x.Number, $"{d.Surname} {d.GivenName}", null, d.x.j.DetentionPlace)));
            var week = today.AddDays(7);
            var hearings = await db.CourtHearings.AsNoTracking().Where(h => h.On >= today && h.On <= week)
                .Join(db.JusticeRecords, h => h.JusticeRecordId, j => j.Id, (h, j) => new { h.On, h.Court, j.CaseId })
                .Join(cases.Where(c => c.OwnerId == me), x => x.CaseId, c => c.Id, (x, c) => new { x.On, x.Court, c.Id, c.Number }).Take(200).ToListAsync(ct);
            items.AddRange(hearings.Select(h => new WorkItem("court-hearing", h.On.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), false, h.Id, h.Number, null, null, h.Court)));
            if (user.Can(Permission.WorkCases))
            {
                var districts = user.Districts;
                var carers = db.FosterCarers.AsNoTracking().Where(f => f.NextReviewOn != null && f.NextReviewOn <= today.AddDays(30) && (f.Status == FosterCarerStatus.Approved || f.Status == FosterCarerStatus.Suspended));
                carers = user.ScopeKind switch { ScopeKind.National => carers, ScopeKind.Areas => carers.Where(f => districts.Contains(f.DistrictCode)), _ => carers.Where(f => f.CreatedById == me) };
                items.AddRange((await carers.Take(200).ToListAsync(ct)).Select(f => new WorkItem("carer-review", f.NextReviewOn!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                    f.NextReviewOn < today, null, null, null, null, f.Name)));
            }
            var late = await db.Referrals.AsNoTracking()
                .Where(r => (r.Status == ReferralStatus.Sent && r.RespondBy < now) || ((r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Delivered) && r.DueOn < today))
                .Join(cases.Where(c => c.OwnerId == me), r => r.CaseId, c => c.Id, (r, c) => new { r.Id, r.Status, r.RespondBy, r.DueOn, r.ServiceId, c.Number, CaseId = c.Id })
                .Join(db.Services, x => x.ServiceId, s => s.Id, (x, s) => new { x, s.Name }).Take(500).ToListAsync(ct);
            items.AddRange(late.Select(l => new WorkItem(l.x.Status == ReferralStatus.Sent ? "referral-no-response" : "referral-not-delivered",
                l.x.Status == ReferralStatus.Sent ? l.x.RespondBy : l.x.DueOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), true, l.x.CaseId, l.x.Number, null, l.x.Id, l.Name)));
        }
        if (user.Can(Permission.ApproveCases))
        {
            var transfers = await db.Cases.AsNoTracking().Where(c => c.TransferToSupervisorId == me)
                .Join(db.Children, c => c.ChildId, ch => ch.Id, (c, ch) => new { c.Number, c.TransferRequestedAt, ch.Surname, ch.GivenName }).Take(200).ToListAsync(ct);
            items.AddRange(transfers.Select(t => new WorkItem("transfer-to-accept", null, false, null, t.Number, $"{t.Surname} {t.GivenName}", null, null)));
        }
        if (user.Can(Permission.RespondReferrals))
        {
            var incoming = await db.Referrals.AsNoTracking().AddressedTo(db.Services, user)
                .Where(r => r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Delivered)
                .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { r.Id, r.Status, r.RespondBy, r.DueOn, c.Number, c.ChildId })
                .Join(db.Children, x => x.ChildId, ch => ch.Id, (x, ch) => new { x, ch.Surname, ch.GivenName }).Take(500).ToListAsync(ct);
            items.AddRange(incoming.Select(i => i.x.Status == ReferralStatus.Sent
                ? new WorkItem("referral-to-answer", i.x.RespondBy, i.x.RespondBy < now, null, i.x.Number, $"{i.Surname} {i.GivenName}", i.x.Id, null)
                : new WorkItem("referral-to-deliver", i.x.DueOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), i.x.DueOn < today, null, i.x.Number, $"{i.Surname} {i.GivenName}", i.x.Id, null)));
        }
        items = [.. items.OrderByDescending(i => i.Overdue).ThenBy(i => i.Due ?? DateTime.MaxValue).ThenBy(i => i.CaseNumber, StringComparer.Ordinal)];
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, "my-work", null, $"items={items.Count}"), ct);
        return items;
    }

    /// <summary>Counts only (no personal data): by stage, by worker (supervisors and coordinators), by district.</summary>
    public async Task<Outcome<CaseDashboard>> DashboardAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadCases)) return new Outcome<CaseDashboard>.Forbidden();
        var open = db.Cases.AsNoTracking().VisibleTo(user).Where(c => c.Stage != CaseStage.Closed);
        var now = Now;
        var today = Today;
        // One scan of the open cases (served by the partial index of open cases by district, owner and stage, which
        // carries the columns counted here), grouped as finely as any figure needs; every figure is summed in memory.
        // The overdue condition is Case.IsOverdue's, written out for SQL.
        var rows = await open.GroupBy(c => new { c.DistrictCode, c.OwnerId, c.Stage }).Select(g => new
        {
            g.Key.DistrictCode, g.Key.OwnerId, g.Key.Stage, N = g.Count(), Waiting = g.Count(c => c.Pending != PendingApproval.None),
            Overdue = g.Count(c => (c.DueAt != null && c.DueAt < now && c.Pending == PendingApproval.None) || (c.NextReviewOn != null && c.NextReviewOn < today)),
        }).ToListAsync(ct);
        var byStage = rows.GroupBy(r => r.Stage).ToDictionary(g => g.Key, g => g.Sum(r => r.N));
        var ownerIds = rows.Select(r => r.OwnerId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var workers = rows.GroupBy(r => r.OwnerId).Select(g => new WorkerLoad(g.Key, names.TryGetValue(g.Key, out var u) ? u.UserName : "#" + g.Key,
                names.TryGetValue(g.Key, out var u2) ? u2.DisplayName : "", g.Sum(x => x.N), g.Sum(x => x.Overdue), g.Sum(x => x.Waiting),
                g.GroupBy(x => x.Stage).ToDictionary(x => x.Key, x => x.Sum(y => y.N))))
            .OrderByDescending(w => w.Overdue).ThenByDescending(w => w.Open).ThenBy(w => w.UserName, StringComparer.Ordinal).ToList();
        var culture = ApiSupport.Culture;
        var districts = rows.GroupBy(r => r.DistrictCode).Select(g => new DistrictStages(g.Key, units.DisplayName(g.Key, culture),
                g.GroupBy(x => x.Stage).ToDictionary(x => x.Key, x => x.Sum(y => y.N)), g.Sum(x => x.Overdue)))
            .OrderBy(d => d.DistrictName, StringComparer.CurrentCulture).ToList();
        // The open statuses are named first so that the partial index of open referrals serves the count.
        var lateReferrals = await db.Referrals.AsNoTracking()
            .Where(r => (r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Delivered) && open.Any(c => c.Id == r.CaseId))
            .CountAsync(r => (r.Status == ReferralStatus.Sent && r.RespondBy < now) || ((r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Delivered) && r.DueOn < today), ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Analysis, "case-dashboard", null, null), ct);
        return new CaseDashboard(byStage.Values.Sum(), workers.Sum(w => w.Overdue), workers.Sum(w => w.AwaitingApproval), byStage, workers, districts, lateReferrals);
    }

    private IQueryable<Case> Overdue(IQueryable<Case> q)
    {
        var now = Now;
        var today = Today;
        return q.Where(c => c.Stage != CaseStage.Closed &&
            ((c.DueAt != null && c.DueAt < now && c.Pending == PendingApproval.None) || (c.NextReviewOn != null && c.NextReviewOn < today)));
    }

    private bool IsOverdue(Case c) => c.IsOverdue(Now, Today);
}
