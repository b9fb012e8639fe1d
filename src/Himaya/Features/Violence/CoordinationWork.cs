using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Violence;

public sealed record MemberRequest(string? DistrictCode, string? Agency, string? PersonName, string? Role);
public sealed record MeetingRequest(string? DistrictCode, DateOnly? HeldOn, string? Notes);
public sealed record DecisionRequest(Guid? ReportId, string? Text, string? Owner, DateOnly? DueOn);

public sealed record MemberView(int Id, string Agency, string PersonName, string? Role);
public sealed record AgendaItemView(Guid ReportId, string Reference, ViolenceType Type, ReportRisk RiskLevel, ReportStatus Status, bool Overdue);
public sealed record DecisionView(long Id, Guid? ReportId, string? Reference, string Text, string Owner, DateOnly? DueOn);
public sealed record MeetingView(Guid Id, string DistrictCode, DateOnly HeldOn, string? Notes, IReadOnlyList<AgendaItemView> Agenda, IReadOnlyList<DecisionView> Decisions);
public sealed record MeetingSummary(Guid Id, DateOnly HeldOn, int AgendaItems, int Decisions);
public sealed record MechanismView(string DistrictCode, IReadOnlyList<MemberView> Members, IReadOnlyList<MeetingSummary> Meetings);

/// <summary>
/// The district coordination mechanism: its members, its meetings (agenda from the open and overdue reports of the
/// district when the meeting is called) and their decisions with follow-up owners. For the district's supervisors and
/// coordinator (the triage permission), in their area; every read and change audited.
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
        var members = await db.Set<CoordinationMember>().AsNoTracking().Where(m => m.DistrictCode == district && m.Active).OrderBy(m => m.Agency)
            .Select(m => new MemberView(m.Id, m.Agency, m.PersonName, m.Role)).ToListAsync(ct);
        var meetings = await db.Set<CoordinationMeeting>().AsNoTracking().Where(m => m.DistrictCode == district).OrderByDescending(m => m.HeldOn).Take(50)
            .Select(m => new MeetingSummary(m.Id, m.HeldOn, db.Set<CoordinationAgendaItem>().Count(a => a.MeetingId == m.Id),
                db.Set<CoordinationDecision>().Count(d => d.MeetingId == m.Id))).ToListAsync(ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, "vac-mechanism", district), ct);
        return new MechanismView(district!, members, meetings);
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
        return await ViewAsync(meeting, ct);
    }

    public async Task<Outcome<MeetingView>> GetMeetingAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        if (!user.Can(Permission.TriageVacReports)) return new Outcome<MeetingView>.Forbidden();
        var meeting = await db.Set<CoordinationMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || !InArea(user, meeting.DistrictCode)) return new Outcome<MeetingView>.NotFound();
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, "vac-meeting", id.ToString()), ct);
        return await ViewAsync(meeting, ct);
    }

    public async Task<Outcome<MeetingView>> DecideAsync(CurrentUser user, Guid id, DecisionRequest r, CancellationToken ct)
    {
        if (!user.Can(Permission.TriageVacReports)) return new Outcome<MeetingView>.Forbidden();
        var meeting = await db.Set<CoordinationMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || !InArea(user, meeting.DistrictCode)) return new Outcome<MeetingView>.NotFound();
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(r.Text)) e.Add(PlatformErrors.Required("text"));
        else if (r.Text.Length > 2000) e.Add(PlatformErrors.TooLong("text", 2000));
        if (string.IsNullOrWhiteSpace(r.Owner)) e.Add(PlatformErrors.Required("owner"));
        else if (r.Owner.Length > 200) e.Add(PlatformErrors.TooLong("owner", 200));
        if (r.DueOn is { } due && due < meeting.HeldOn) e.Add(VacErrors.DueBeforeMeeting());
        if (r.ReportId is { } rid && !await db.Set<CoordinationAgendaItem>().AnyAsync(a => a.MeetingId == id && a.ReportId == rid, ct))
            e.Add(VacErrors.NotOnAgenda());
        if (!e.IsEmpty) return new Outcome<MeetingView>.Invalid(e);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(new CoordinationDecision
        {
            MeetingId = id, ReportId = r.ReportId, Text = r.Text!.Trim(), Owner = r.Owner!.Trim(), DueOn = r.DueOn,
            At = clock.GetUtcNow().UtcDateTime, ById = user.Id,
        });
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "vac-meeting", id.ToString(), "decision recorded"), ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(meeting, ct);
    }

    private async Task<MeetingView> ViewAsync(CoordinationMeeting m, CancellationToken ct)
    {
        var agenda = await (from a in db.Set<CoordinationAgendaItem>().AsNoTracking()
                            join r in db.VacReports.AsNoTracking() on a.ReportId equals r.Id
                            where a.MeetingId == m.Id
                            orderby a.Overdue descending, r.ResponseDueAt
                            select new AgendaItemView(r.Id, r.Reference, r.Type, r.Risk, r.Status, a.Overdue)).ToListAsync(ct);
        var refs = agenda.ToDictionary(a => a.ReportId, a => a.Reference);
        var decisions = await db.Set<CoordinationDecision>().AsNoTracking().Where(d => d.MeetingId == m.Id).OrderBy(d => d.Id).ToListAsync(ct);
        return new MeetingView(m.Id, m.DistrictCode, m.HeldOn, m.Notes, agenda,
            [.. decisions.Select(d => new DecisionView(d.Id, d.ReportId, d.ReportId is { } rid && refs.TryGetValue(rid, out var x) ? x : null, d.Text, d.Owner, d.DueOn))]);
    }
}
