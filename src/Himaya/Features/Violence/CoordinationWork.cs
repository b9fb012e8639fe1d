using Himaya.Features.Identity;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Violence;

public sealed record MemberRequest(string? DistrictCode, string? Agency, string? PersonName, string? Role);
public sealed record MeetingRequest(string? DistrictCode, DateOnly? HeldOn, string? Notes);
public sealed record DecisionRequest(Guid? ReportId, string? Text, string? Owner, DateOnly? DueOn, int? OwnerUserId = null);
public sealed record LeaveRequest(DateOnly? LeftOn);
public sealed record DoneRequest(string? Note);

public sealed record MemberView(int Id, string Agency, string PersonName, string? Role, DateOnly? LeftOn = null);
public sealed record AgendaItemView(Guid ReportId, string Reference, ViolenceType Type, ReportRisk RiskLevel, ReportStatus Status, bool Overdue);
public sealed record DecisionView(long Id, Guid? ReportId, string? Reference, string Text, string Owner, DateOnly? DueOn,
    int? OwnerUserId = null, DateTime? DoneAt = null, string? DoneBy = null, string? DoneNote = null);
/// <summary>A decision with its meeting, as a follow-up to track: open or done, overdue, and whether the reader may mark it done.</summary>
public sealed record FollowUpView(long Id, Guid MeetingId, DateOnly HeldOn, Guid? ReportId, string? Reference, string Text, string Owner,
    int? OwnerUserId, DateOnly? DueOn, bool Overdue, DateTime? DoneAt, string? DoneBy, string? DoneNote, bool MayMarkDone);
/// <param name="EarlierOpenDecisions">Decisions of the district's earlier meetings still open: on every agenda until done.</param>
public sealed record MeetingView(Guid Id, string DistrictCode, DateOnly HeldOn, string? Notes, IReadOnlyList<AgendaItemView> Agenda,
    IReadOnlyList<DecisionView> Decisions, IReadOnlyList<FollowUpView> EarlierOpenDecisions);
public sealed record MeetingSummary(Guid Id, DateOnly HeldOn, int AgendaItems, int Decisions);
/// <param name="Members">Current members; <paramref name="FormerMembers"/> those who left, kept as history.</param>
public sealed record MechanismView(string DistrictCode, IReadOnlyList<MemberView> Members, IReadOnlyList<MeetingSummary> Meetings,
    IReadOnlyList<MemberView> FormerMembers, IReadOnlyList<FollowUpView> OpenDecisions);

/// <summary>
/// The district coordination mechanism: its members, its meetings (agenda from the open and overdue reports of the
/// district when the meeting is called) and their decisions with follow-up owners. For the district's supervisors and
/// coordinator (the triage permission), in their area; every read and change audited. A follow-up is marked done by its
/// owner (when they are a user) or the district's coordinator.
/// </summary>
public sealed class CoordinationWork(AppDbContext db, AuditLog audit, AdminUnits units, TimeProvider clock)
{
    private static bool InArea(CurrentUser u, string district) => u.ScopeKind == ScopeKind.National || u.Districts.Contains(district);

    private Outcome<T>? Check<T>(CurrentUser user, string? district, FieldErrors e, string field = "districtCode")
    {
        if (!user.Can(Permission.TriageVacReports)) return new Outcome<T>.Forbidden();
        if (string.IsNullOrWhiteSpace(district)) e.Add(PlatformErrors.Required(field));
        else if (!units.IsDistrict(district)) e.Add(PlatformErrors.UnknownDistrict(field));
        else if (!InArea(user, district)) return new Outcome<T>.NotFound();
        return null;
    }

    public async Task<Outcome<MechanismView>> GetAsync(CurrentUser user, string? district, CancellationToken ct)
    {
        var e = new FieldErrors();
        if (Check<MechanismView>(user, district, e, "district") is { } refused) return refused;
        if (!e.IsEmpty) return new Outcome<MechanismView>.Invalid(e);
        var all = await db.Set<CoordinationMember>().AsNoTracking().Where(m => m.DistrictCode == district).OrderBy(m => m.Agency).ThenBy(m => m.Id)
            .Select(m => new { m.Active, View = new MemberView(m.Id, m.Agency, m.PersonName, m.Role, m.LeftOn) }).ToListAsync(ct);
        var meetings = await db.Set<CoordinationMeeting>().AsNoTracking().Where(m => m.DistrictCode == district).OrderByDescending(m => m.HeldOn).Take(50)
            .Select(m => new MeetingSummary(m.Id, m.HeldOn, db.Set<CoordinationAgendaItem>().Count(a => a.MeetingId == m.Id),
                db.Set<CoordinationDecision>().Count(d => d.MeetingId == m.Id))).ToListAsync(ct);
        var open = await FollowUpsAsync(user, db.Set<CoordinationDecision>().Where(d => d.DoneAt == null), district!, ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, "vac-mechanism", district), ct);
        return new MechanismView(district!, [.. all.Where(m => m.Active).Select(m => m.View)], meetings,
            [.. all.Where(m => !m.Active).Select(m => m.View)], open);
    }

    public async Task<Outcome<MemberView>> AddMemberAsync(CurrentUser user, MemberRequest r, CancellationToken ct)
    {
        var e = new FieldErrors();
        if (Check<MemberView>(user, r.DistrictCode, e) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(r.Agency)) e.Add(PlatformErrors.Required("agency"));
        else if (r.Agency.Length > 200) e.Add(PlatformErrors.TooLong("agency", 200));
        if (string.IsNullOrWhiteSpace(r.PersonName)) e.Add(PlatformErrors.Required("personName"));
        else if (r.PersonName.Length > 200) e.Add(PlatformErrors.TooLong("personName", 200));
        if (r.Role is { Length: > 100 }) e.Add(PlatformErrors.TooLong("role", 100));
        if (!e.IsEmpty) return new Outcome<MemberView>.Invalid(e);
        var m = new CoordinationMember
        {
            DistrictCode = r.DistrictCode!, Agency = r.Agency!.Trim(), PersonName = r.PersonName!.Trim(), Role = VacValidation.Clean(r.Role),
            AddedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(m);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "vac-mechanism-member", m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.DistrictCode), ct);
        await tx.CommitAsync(ct);
        return new MemberView(m.Id, m.Agency, m.PersonName, m.Role);
    }

    /// <summary>A member left the mechanism: no longer current, kept in the history (their decisions keep their name).</summary>
    public async Task<Outcome<MemberView>> LeaveAsync(CurrentUser user, int memberId, LeaveRequest r, CancellationToken ct)
    {
        if (!user.Can(Permission.TriageVacReports)) return new Outcome<MemberView>.Forbidden();
        var m = await db.Set<CoordinationMember>().FirstOrDefaultAsync(x => x.Id == memberId, ct);
        if (m is null || !InArea(user, m.DistrictCode)) return new Outcome<MemberView>.NotFound();
        if (r.LeftOn is null) return new Outcome<MemberView>.Invalid(new FieldErrors().Add(PlatformErrors.Required("leftOn")));
        var now = clock.GetUtcNow().UtcDateTime;
        if (m.Leave(r.LeftOn.Value, DateOnly.FromDateTime(now)) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return Outcome<MemberView>.Refused(refusal);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "vac-mechanism-member", Id(m.Id), $"{m.DistrictCode}: left"), ct);
        await tx.CommitAsync(ct);
        return new MemberView(m.Id, m.Agency, m.PersonName, m.Role, m.LeftOn);
    }

    /// <summary>Calls a meeting: its agenda is every open report of the district the caller sees, overdue ones first.</summary>
    public async Task<Outcome<MeetingView>> CallMeetingAsync(CurrentUser user, MeetingRequest r, CancellationToken ct)
    {
        var e = new FieldErrors();
        if (Check<MeetingView>(user, r.DistrictCode, e) is { } refused) return refused;
        if (r.HeldOn is null) e.Add(PlatformErrors.Required("heldOn"));
        if (r.Notes is { Length: > 4000 }) e.Add(PlatformErrors.TooLong("notes", 4000));
        if (!e.IsEmpty) return new Outcome<MeetingView>.Invalid(e);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.VacReports.AsNoTracking().DetailsVisibleTo(user)
            .Where(x => x.DistrictCode == r.DistrictCode && x.Status != ReportStatus.Closed)
            .Select(x => new { x.Id, x.FirstRespondedAt, x.ResponseDueAt }).ToListAsync(ct);
        var meeting = new CoordinationMeeting
        {
            Id = Guid.CreateVersion7(), DistrictCode = r.DistrictCode!, HeldOn = r.HeldOn!.Value, Notes = VacValidation.Clean(r.Notes),
            CreatedAt = now, CreatedById = user.Id,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(meeting);
        db.AddRange(open.Select(x => new CoordinationAgendaItem
        {
            MeetingId = meeting.Id, ReportId = x.Id, Overdue = x.FirstRespondedAt == null && x.ResponseDueAt < now,
        }));
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "vac-meeting", meeting.Id.ToString(), $"{r.DistrictCode}: {open.Count} reports on the agenda"), ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(user, meeting, ct);
    }

    public async Task<Outcome<MeetingView>> GetMeetingAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        if (!user.Can(Permission.TriageVacReports)) return new Outcome<MeetingView>.Forbidden();
        var meeting = await db.Set<CoordinationMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || !InArea(user, meeting.DistrictCode)) return new Outcome<MeetingView>.NotFound();
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, "vac-meeting", id.ToString()), ct);
        return await ViewAsync(user, meeting, ct);
    }

    public async Task<Outcome<MeetingView>> DecideAsync(CurrentUser user, Guid id, DecisionRequest r, CancellationToken ct)
    {
        if (!user.Can(Permission.TriageVacReports)) return new Outcome<MeetingView>.Forbidden();
        var meeting = await db.Set<CoordinationMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || !InArea(user, meeting.DistrictCode)) return new Outcome<MeetingView>.NotFound();
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(r.Text)) e.Add(PlatformErrors.Required("text"));
        else if (r.Text.Length > 2000) e.Add(PlatformErrors.TooLong("text", 2000));
        string? ownerName = null;
        if (r.OwnerUserId is { } ownerId && (ownerName = (await OwnersForAsync(meeting.DistrictCode, ct)).FirstOrDefault(o => o.Id == ownerId).Name) is null)
            e.Add(VacErrors.NoSuchOwner());
        if (string.IsNullOrWhiteSpace(r.Owner) && r.OwnerUserId is null) e.Add(PlatformErrors.Required("owner"));
        else if (r.Owner is { Length: > 200 }) e.Add(PlatformErrors.TooLong("owner", 200));
        if (r.DueOn is { } due && due < meeting.HeldOn) e.Add(VacErrors.DueBeforeMeeting());
        if (r.ReportId is { } rid && !await db.Set<CoordinationAgendaItem>().AnyAsync(a => a.MeetingId == id && a.ReportId == rid, ct))
            e.Add(VacErrors.NotOnAgenda());
        if (!e.IsEmpty) return new Outcome<MeetingView>.Invalid(e);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(new CoordinationDecision
        {
            MeetingId = id, ReportId = r.ReportId, Text = r.Text!.Trim(), Owner = VacValidation.Clean(r.Owner) ?? ownerName!, DueOn = r.DueOn,
            OwnerUserId = r.OwnerUserId,
            At = clock.GetUtcNow().UtcDateTime, ById = user.Id,
        });
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "vac-meeting", id.ToString(), "decision recorded"), ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(user, meeting, ct);
    }

    /// <summary>The follow-up is done: said by its owner (a user) or the district's coordinator; anyone else finds no such follow-up.</summary>
    public async Task<Outcome<FollowUpView>> MarkDoneAsync(CurrentUser user, long decisionId, DoneRequest r, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadVacReports)) return new Outcome<FollowUpView>.Forbidden();
        var found = await (from x in db.Set<CoordinationDecision>()
                           join m in db.Set<CoordinationMeeting>() on x.MeetingId equals m.Id
                           where x.Id == decisionId
                           select new { Decision = x, m.DistrictCode }).FirstOrDefaultAsync(ct);
        if (found is null || !MayMarkDone(user, found.Decision.OwnerUserId, found.DistrictCode)) return new Outcome<FollowUpView>.NotFound();
        if (r.Note is { Length: > 1000 }) return new Outcome<FollowUpView>.Invalid(new FieldErrors().Add(PlatformErrors.TooLong("note", 1000)));
        var d = found.Decision;
        if (d.MarkDone(user.Id, VacValidation.Clean(r.Note), clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return Outcome<FollowUpView>.Refused(refusal);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "vac-meeting", d.MeetingId.ToString(), $"decision {Id(d.Id)} done"), ct);
        await tx.CommitAsync(ct);
        var views = await FollowUpsAsync(user, db.Set<CoordinationDecision>().Where(x => x.Id == d.Id), found.DistrictCode, ct);
        return views[0];
    }

    /// <summary>The owner (a user) and the district's coordinator may say a follow-up is done.</summary>
    public static bool MayMarkDone(CurrentUser user, int? ownerUserId, string district) =>
        (ownerUserId is { } owner && owner == user.Id)
        || (user.Roles.Contains(Roles.DistrictCoordinator, StringComparer.Ordinal) && InArea(user, district));

    /// <summary>Who may own a follow-up as a user: active social workers, supervisors and coordinators covering the district.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> OwnersForAsync(string district, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Include(x => x.Roles).Include(x => x.ScopeAreas)
            .Where(u => u.IsActive && u.Roles.Any(r => r.Role == Roles.SocialWorker || r.Role == Roles.Supervisor || r.Role == Roles.DistrictCoordinator)).ToListAsync(ct);
        return [.. users.Where(u => u.ScopeKind == ScopeKind.National || u.ScopeAreas.Any(a => units.SelfAndDescendants(a.AdminUnitCode).Contains(district)))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal).Select(u => (u.Id, u.DisplayName))];
    }

    /// <summary>The open follow-ups the user owns, in any district (for "my work"); read without an audit line: no child's data.</summary>
    public Task<List<FollowUpView>> OwnedByAsync(CurrentUser user, CancellationToken ct) =>
        FollowUpsAsync(user, db.Set<CoordinationDecision>().Where(d => d.OwnerUserId == user.Id && d.DoneAt == null), null, ct);

    /// <summary>The given decisions of the district's meetings (or any district's), oldest meeting first, as follow-ups.</summary>
    private async Task<List<FollowUpView>> FollowUpsAsync(CurrentUser user, IQueryable<CoordinationDecision> decisions, string? district, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await (from d in decisions.AsNoTracking()
                          join m in db.Set<CoordinationMeeting>().AsNoTracking() on d.MeetingId equals m.Id
                          where district == null || m.DistrictCode == district
                          orderby m.HeldOn, d.Id
                          select new { d, m.HeldOn, m.DistrictCode }).Take(200).ToListAsync(ct);
        var reportIds = rows.Select(x => x.d.ReportId).OfType<Guid>().Distinct().ToList();
        var refs = reportIds.Count == 0 ? [] : await db.VacReports.AsNoTracking().Where(r => reportIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Reference, ct);
        var doneBy = rows.Select(x => x.d.DoneById).OfType<int>().Distinct().ToList();
        var names = doneBy.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => doneBy.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. rows.Select(x => new FollowUpView(x.d.Id, x.d.MeetingId, x.HeldOn, x.d.ReportId,
            x.d.ReportId is { } rid && refs.TryGetValue(rid, out var reference) ? reference : null, x.d.Text, x.d.Owner, x.d.OwnerUserId, x.d.DueOn,
            x.d.IsOverdue(today), x.d.DoneAt, x.d.DoneById is { } by && names.TryGetValue(by, out var n) ? n : null, x.d.DoneNote,
            x.d.IsOpen && MayMarkDone(user, x.d.OwnerUserId, x.DistrictCode)))];
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<MeetingView> ViewAsync(CurrentUser user, CoordinationMeeting m, CancellationToken ct)
    {
        var agenda = await (from a in db.Set<CoordinationAgendaItem>().AsNoTracking()
                            join r in db.VacReports.AsNoTracking() on a.ReportId equals r.Id
                            where a.MeetingId == m.Id
                            orderby a.Overdue descending, r.ResponseDueAt
                            select new AgendaItemView(r.Id, r.Reference, r.Type, r.Risk, r.Status, a.Overdue)).ToListAsync(ct);
        var refs = agenda.ToDictionary(a => a.ReportId, a => a.Reference);
        var decisions = await db.Set<CoordinationDecision>().AsNoTracking().Where(d => d.MeetingId == m.Id).OrderBy(d => d.Id).ToListAsync(ct);
        var doneBy = decisions.Select(d => d.DoneById).OfType<int>().Distinct().ToList();
        var names = doneBy.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => doneBy.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        // Earlier meetings of the district: held before this one, or the same day and called before it.
        var earlier = db.Set<CoordinationDecision>().Where(d => d.DoneAt == null && d.MeetingId != m.Id
            && db.Set<CoordinationMeeting>().Any(e => e.Id == d.MeetingId && (e.HeldOn < m.HeldOn || (e.HeldOn == m.HeldOn && e.CreatedAt < m.CreatedAt))));
        return new MeetingView(m.Id, m.DistrictCode, m.HeldOn, m.Notes, agenda,
            [.. decisions.Select(d => new DecisionView(d.Id, d.ReportId, d.ReportId is { } rid && refs.TryGetValue(rid, out var x) ? x : null, d.Text, d.Owner, d.DueOn,
                d.OwnerUserId, d.DoneAt, d.DoneById is { } by && names.TryGetValue(by, out var n) ? n : null, d.DoneNote))],
            await FollowUpsAsync(user, earlier, m.DistrictCode, ct));
    }
}
