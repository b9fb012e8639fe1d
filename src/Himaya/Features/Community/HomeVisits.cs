using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Community;

/// <summary>
/// Home visiting: a programme's worker enrols a family through its young child, the schedule follows the child's age
/// (<see cref="HomeVisitSchedule"/>), each visit records its checks and counts as a contact of the programme, and a
/// developmental delay (the milestone checklist at the threshold) or a safety concern proposes a case. Everything is the
/// child's data: seen only by those who may see the child; writes audited with the contact in one transaction.
/// </summary>
public sealed class HomeVisits(AppDbContext db, AuditLog audit, Programmes programmes, Screenings screenings, Instruments instruments, TimeProvider clock)
{
    public const string MilestonesInstrument = "dev-milestones";
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<Outcome<EnrolmentView>> EnrolAsync(CurrentUser user, int programmeId, EnrolInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.RecordContacts)) return new Outcome<EnrolmentView>.Forbidden();
        if (await programmes.FindAsync(programmeId, ct) is not var (p, provider)) return new Outcome<EnrolmentView>.NotFound();
        if (!CommunityScope.Runs(user, provider)) return new Outcome<EnrolmentView>.Forbidden(CommunityErrors.NotYourProgramme());
        var e = new FieldErrors();
        if (r.ChildId is null) { e.Add(PlatformErrors.Required("childId")); return new Outcome<EnrolmentView>.Invalid(e); }
        var child = await db.Reachable(user).AsNoTracking().FirstOrDefaultAsync(c => c.Id == r.ChildId, ct);
        if (child is null) return new Outcome<EnrolmentView>.Invalid(e.Add(CommunityErrors.UnknownChild("childId")));
        foreach (var refusal in p.CheckContact(ActivityType.HomeVisit, child.DistrictCode)) e.Add(refusal);
        if (user.ScopeKind == ScopeKind.Areas && !user.Districts.Contains(child.DistrictCode)) e.Add(CommunityErrors.OutsideArea(child.DistrictCode));
        var on = r.EnrolledOn ?? Today;
        if (on > Today) e.Add(PlatformErrors.FutureDate("enrolledOn"));
        else if (on < child.BirthDate) e.Add(CommunityErrors.BeforeBirth("enrolledOn"));
        if (Child.AgeOn(child.BirthDate, on) >= 6) e.Add(CommunityErrors.TooOldForHomeVisits());
        if (!e.IsEmpty) return new Outcome<EnrolmentView>.Invalid(e);
        if (await db.Set<HomeVisitEnrolment>().AnyAsync(x => x.ProgrammeId == p.Id && x.ChildId == child.Id && x.EndedOn == null, ct))
            return Outcome<EnrolmentView>.Refused(CommunityErrors.AlreadyEnrolled());
        var enrolment = new HomeVisitEnrolment
        {
            Id = Guid.CreateVersion7(), ProgrammeId = p.Id, ChildId = child.Id, DistrictCode = child.DistrictCode, WorkerId = user.Id, EnrolledOn = on, At = Now, ById = user.Id,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(enrolment);
        await programmes.JoinAsync(user, p.Id, [child.Id], ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "home-visit-enrolment", enrolment.Id.ToString("D"), $"programme {p.Id}; child={child.Id:D}"), ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(enrolment, child, ct);
    }

    public async Task<Outcome<IReadOnlyList<EnrolmentView>>> ListAsync(CurrentUser user, int programmeId, CancellationToken ct)
    {
        if (!user.Can(Permission.RecordContacts)) return new Outcome<IReadOnlyList<EnrolmentView>>.Forbidden();
        if (!await db.Set<Programme>().AnyAsync(x => x.Id == programmeId, ct)) return new Outcome<IReadOnlyList<EnrolmentView>>.NotFound();
        var rows = await db.Set<HomeVisitEnrolment>().AsNoTracking().Where(x => x.ProgrammeId == programmeId)
            .Join(db.Reachable(user), x => x.ChildId, c => c.Id, (x, c) => new { x, c }).OrderBy(x => x.x.EndedOn != null).ThenBy(x => x.c.BirthDate).Take(500).ToListAsync(ct);
        var views = new List<EnrolmentView>();
        var visits = await VisitsOfAsync([.. rows.Select(x => x.x.Id)], ct);
        foreach (var x in rows) views.Add(View(x.x, x.c, visits.GetValueOrDefault(x.x.Id) ?? []));
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, "home-visit-enrolment", null, $"programme {programmeId}; ids={string.Join(',', rows.Select(x => x.c.Id.ToString("N")))}"), ct);
        return new Outcome<IReadOnlyList<EnrolmentView>>.Ok(views);
    }

    public async Task<Outcome<EnrolmentView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        if (!user.Can(Permission.RecordContacts)) return new Outcome<EnrolmentView>.Forbidden();
        var found = await FindAsync(user, id, ct);
        if (found is null) return new Outcome<EnrolmentView>.NotFound();
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, "home-visit-enrolment", id.ToString("D"), $"child={found.Value.Child.Id:D}"), ct);
        return await ViewAsync(found.Value.Enrolment, found.Value.Child, ct);
    }

    private async Task<(HomeVisitEnrolment Enrolment, Child Child)?> FindAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        var x = await db.Set<HomeVisitEnrolment>().AsNoTracking().Where(e => e.Id == id)
            .Join(db.Reachable(user), e => e.ChildId, c => c.Id, (e, c) => new { e, c }).FirstOrDefaultAsync(ct);
        return x is null ? null : (x.e, x.c);
    }

    /// <summary>The family leaves home visiting (the entity's rules); refused, nothing changes. Audited with the reason.</summary>
    public async Task<Outcome<EnrolmentView>> EndAsync(CurrentUser user, Guid id, EndEnrolmentInput r, CancellationToken ct)
    {
        if (await ChangeableAsync(user, id, ct) is not { } found) return await RefusedAsync(user, id, ct);
        var (enrolment, child, _) = found;
        var refusals = enrolment.End(r.EndedOn ?? Today, r.Reason, Today);
        if (refusals is [{ IsFieldError: false } once]) return Outcome<EnrolmentView>.Refused(once);
        if (refusals.Count > 0) return new Outcome<EnrolmentView>.Invalid(refusals.Aggregate(new FieldErrors(), (e, x) => e.Add(x)));
        await SaveAsync(user, enrolment, $"ended {enrolment.EndedOn:yyyy-MM-dd}: {enrolment.EndReason}", ct);
        return await ViewAsync(enrolment, child, ct);
    }

    /// <summary>Another worker takes the family: one who records contacts, active, whose area covers the family's district.</summary>
    public async Task<Outcome<EnrolmentView>> ReassignAsync(CurrentUser user, Guid id, ReassignInput r, CancellationToken ct)
    {
        if (await ChangeableAsync(user, id, ct) is not { } found) return await RefusedAsync(user, id, ct);
        var (enrolment, child, provider) = found;
        if (enrolment.EndedOn is not null) return Outcome<EnrolmentView>.Refused(CommunityErrors.EnrolmentEnded());
        var ok = r.WorkerId is { } w && await WorkersIn(enrolment.DistrictCode, provider).AnyAsync(u => u.Id == w, ct);
        if (!ok) return new Outcome<EnrolmentView>.Invalid(new FieldErrors().Add(r.WorkerId is null ? PlatformErrors.Required("workerId") : CommunityErrors.UnknownWorker()));
        enrolment.WorkerId = r.WorkerId!.Value;
        await SaveAsync(user, enrolment, $"worker {enrolment.WorkerId}", ct);
        return await ViewAsync(enrolment, child, ct);
    }

    /// <summary>
    /// Who may take a family in a district on a programme run by <paramref name="provider"/>: active, may record for the
    /// programme (<see cref="CommunityScope.WhoRun"/>), and their area covers the district (or the nation).
    /// </summary>
    private IQueryable<AppUser> WorkersIn(string district, string? provider) =>
        db.Users.WhoRun(provider).Where(u => u.IsActive
            && (u.ScopeKind == ScopeKind.National || (u.ScopeKind == ScopeKind.Areas && u.ScopeAreas.Any(a => a.AdminUnitCode == district))));

    /// <summary>The workers a family can be handed over to (the handover form's choice), by name; empty when the user may not change it.</summary>
    public async Task<IReadOnlyList<WorkerChoice>> WorkersForAsync(CurrentUser user, EnrolmentView family, CancellationToken ct)
    {
        if (!user.Can(Permission.RecordContacts) || family.EndedOn is not null) return [];
        if (await programmes.FindAsync(family.ProgrammeId, ct) is not var (_, provider) || !CommunityScope.Runs(user, provider)) return [];
        return [.. (await WorkersIn(family.DistrictCode, provider).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => new WorkerChoice(u.Id, u.DisplayName))];
    }

    /// <summary>An enrolment the user may change: the child reachable and the programme theirs to record for (tracked).</summary>
    private async Task<(HomeVisitEnrolment, Child, string? Provider)?> ChangeableAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        if (!user.Can(Permission.RecordContacts) || await FindAsync(user, id, ct) is not { } found) return null;
        if (await programmes.FindAsync(found.Enrolment.ProgrammeId, ct) is not var (_, provider) || !CommunityScope.Runs(user, provider)) return null;
        // Read untracked with its child; tracked from here so that the change made to it is saved.
        db.Attach(found.Enrolment);
        return (found.Enrolment, found.Child, provider);
    }

    private async Task<Outcome<EnrolmentView>> RefusedAsync(CurrentUser user, Guid id, CancellationToken ct) =>
        !user.Can(Permission.RecordContacts) ? new Outcome<EnrolmentView>.Forbidden()
        : await FindAsync(user, id, ct) is null ? new Outcome<EnrolmentView>.NotFound()
        : new Outcome<EnrolmentView>.Forbidden(CommunityErrors.NotYourProgramme());

    private async Task SaveAsync(CurrentUser user, HomeVisitEnrolment enrolment, string detail, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "home-visit-enrolment", enrolment.Id.ToString("D"), detail), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// A visit: its date places it on the schedule (one visit per point); the checks of that point are required
    /// (immunisation only where due; the milestones for the child's age when the checklist has them); refused, nothing is kept.
    /// </summary>
    public async Task<Outcome<VisitView>> RecordAsync(CurrentUser user, Guid enrolmentId, HomeVisitInput r, string language, CancellationToken ct)
    {
        if (!user.Can(Permission.RecordContacts)) return new Outcome<VisitView>.Forbidden();
        var found = await FindAsync(user, enrolmentId, ct);
        if (found is null) return new Outcome<VisitView>.NotFound();
        var (enrolment, child) = found.Value;
        if (enrolment.EndedOn is not null) return Outcome<VisitView>.Refused(CommunityErrors.EnrolmentEnded());
        var (p, provider) = (await programmes.FindAsync(enrolment.ProgrammeId, ct))!.Value;
        var e = new FieldErrors();
        ScheduledVisit? point = null;
        if (r.Date is { } date && date >= child.BirthDate && date <= Today && (point = HomeVisitSchedule.PointOn(child.BirthDate, date)) is null) e.Add(CommunityErrors.OutsideSchedule());
        else if (r.Date < child.BirthDate) e.Add(CommunityErrors.BeforeBirth("date"));
        var caregiver = QueryParse.RequiredEnum<Wellbeing>(e, "caregiverWellbeing", r.CaregiverWellbeing);
        var safety = QueryParse.RequiredEnum<Safety>(e, "homeSafety", r.HomeSafety);
        if (point is not null && point.Checks.Contains(VisitCheck.Immunisation) && r.ImmunisationUpToDate is null) e.Add(PlatformErrors.Required("immunisationUpToDate"));
        if (r.WeightKg is < 0.5m or > 40m) e.Add(CommunityErrors.Measure("weightKg", 0.5m, 40m));
        if (r.LengthCm is < 30m or > 130m) e.Add(CommunityErrors.Measure("lengthCm", 30m, 130m));
        e.Text("notes", r.Notes, 2000, required: false);
        var milestones = instruments.Find(MilestonesInstrument)!;
        var months = r.Date is { } d1 && d1 >= child.BirthDate ? Screenings.MonthsOld(child.BirthDate, d1) : 0;
        var asked = milestones.ItemsFor(months).Count > 0;
        var (notMet, milestoneRefusals) = asked ? milestones.Score(r.Milestones, months) : (0, []);
        foreach (var x in milestoneRefusals) e.Add(x.Field.StartsWith("answers.", StringComparison.Ordinal) ? x with { Field = "milestones." + x.Field["answers.".Length..] } : x);
        // The contact's own checks (date given and not in the future, the worker's area, the programme runs home visits here).
        var (contact, attended) = await programmes.CheckContactAsync(user, p, provider, new ContactInput(nameof(ActivityType.HomeVisit), r.Date, enrolment.DistrictCode, [child.Id]), e, ct);
        if (!e.IsEmpty) return new Outcome<VisitView>.Invalid(e);
        if (await db.Set<HomeVisit>().AnyAsync(v => v.EnrolmentId == enrolment.Id && v.Months == point!.Months, ct))
            return Outcome<VisitView>.Refused(CommunityErrors.PointVisited(point!.Months));
        var visit = new HomeVisit
        {
            Id = Guid.CreateVersion7(), EnrolmentId = enrolment.Id, Months = point!.Months, Date = r.Date!.Value, ImmunisationUpToDate = r.ImmunisationUpToDate,
            WeightKg = r.WeightKg, LengthCm = r.LengthCm, DevelopmentalConcern = asked && milestones.Concern(notMet), CaregiverWellbeing = caregiver!.Value,
            HomeSafety = safety!.Value, Notes = string.IsNullOrWhiteSpace(r.Notes) ? null : r.Notes.Trim(), ContactId = contact!.Id, At = Now, ById = user.Id,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await programmes.AddContactAsync(user, contact, attended, ct);
        if (asked)
            visit.MilestonesScreeningId = (await screenings.AddAsync(user, child, milestones, visit.Date, milestones.Kept(r.Milestones!, months), notMet, contact.Id, p.Id, language, null, ct)).Screening.Id;
        if (visit.Flagged)
            visit.ProposalId = screenings.Propose(user, child, "home-visit", FlagSummary(visit, milestones, asked ? milestones.Kept(r.Milestones!, months) : null, notMet, language), visit.MilestonesScreeningId, visit.Id).Id;
        db.Add(visit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two visits for the same point at once: the unique index refused the second; nothing of it is kept.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<VisitView>.Refused(CommunityErrors.PointVisited(point.Months));
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "home-visit", visit.Id.ToString("D"),
            $"child={child.Id:D}; {visit.Months} months; {(visit.ProposalId is { } pid ? "case proposed " + pid.ToString("D") : "no flag")}"), ct);
        await tx.CommitAsync(ct);
        return VisitOf(visit, asked ? notMet : null);
    }

    /// <summary>Why the visit proposes a case, in the recorder's language: the flags, the milestones not met, the notes.</summary>
    private static string FlagSummary(HomeVisit v, Instrument milestones, IReadOnlyDictionary<string, string>? kept, int notMet, string language)
    {
        string Text(string key, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture,
            JsonStringLocalizer.Find(language, key) ?? JsonStringLocalizer.Find("en", key)!, args);
        var lines = new List<string> { Text("HomeVisits.SummaryVisit", v.Months, v.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) };
        if (v.HomeSafety == Safety.Concern) lines.Add(Text("HomeVisits.SummarySafety"));
        if (v.DevelopmentalConcern && kept is not null) lines.Add(milestones.Summary(kept, notMet, language));
        if (v.Notes is not null) lines.Add(v.Notes);
        return string.Join('\n', lines);
    }

    /// <summary>Visits due or overdue now, and those missed in the last two months, of the families the worker visits.</summary>
    public async Task<IReadOnlyList<VisitAlert>> AlertsAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.RecordContacts)) return [];
        var rows = await db.Set<HomeVisitEnrolment>().AsNoTracking().Where(x => x.WorkerId == user.Id && x.EndedOn == null)
            .Join(db.Reachable(user), x => x.ChildId, c => c.Id, (x, c) => new { x, c }).Take(2000).ToListAsync(ct);
        var visits = await VisitsOfAsync([.. rows.Select(x => x.x.Id)], ct);
        var today = Today;
        var alerts = new List<VisitAlert>();
        foreach (var x in rows)
        {
            var done = (visits.GetValueOrDefault(x.x.Id) ?? []).Select(v => v.Months).ToHashSet();
            foreach (var v in HomeVisitSchedule.For(x.c.BirthDate).Where(v => v.Until >= x.x.EnrolledOn))
            {
                var status = HomeVisitSchedule.StatusOf(v, done.Contains(v.Months), today);
                if (status is VisitStatus.Due or VisitStatus.Overdue || (status == VisitStatus.Missed && v.Until >= today.AddDays(-60)))
                    alerts.Add(new VisitAlert(x.x.Id, x.c.Id, $"{x.c.Surname} {x.c.GivenName}".Trim(), v.Months, v.Due, status));
            }
        }
        return [.. alerts.OrderByDescending(a => a.Status).ThenBy(a => a.Due)];
    }

    private async Task<Dictionary<Guid, List<HomeVisit>>> VisitsOfAsync(IReadOnlyList<Guid> enrolments, CancellationToken ct) =>
        (await db.Set<HomeVisit>().AsNoTracking().Where(v => enrolments.Contains(v.EnrolmentId)).ToListAsync(ct)).GroupBy(v => v.EnrolmentId).ToDictionary(g => g.Key, g => g.ToList());

    private async Task<EnrolmentView> ViewAsync(HomeVisitEnrolment x, Child c, CancellationToken ct) =>
        View(x, c, (await VisitsOfAsync([x.Id], ct)).GetValueOrDefault(x.Id) ?? []);

    private EnrolmentView View(HomeVisitEnrolment x, Child c, IReadOnlyList<HomeVisit> visits)
    {
        var today = Today;
        var schedule = HomeVisitSchedule.For(c.BirthDate).Select(v =>
        {
            var visit = visits.FirstOrDefault(y => y.Months == v.Months);
            var status = HomeVisitSchedule.StatusOf(v, visit is not null, today);
            return new PointView(v.Months, v.Due, v.From, v.Until, v.Checks, status, visit is null ? null : VisitOf(visit, null));
        }).Where(p => p.Visit is not null || p.Until >= x.EnrolledOn).ToList(); // points closed before the family joined were never the programme's
        return new EnrolmentView(x.Id, x.ProgrammeId, c.Id, $"{c.Surname} {c.GivenName} {c.Patronymic}".Trim(), c.BirthDate, x.DistrictCode, x.WorkerId, x.EnrolledOn, x.EndedOn, schedule, x.EndReason);
    }

    private static VisitView VisitOf(HomeVisit v, int? notMet) => new(v.Id, v.Date, v.Months, v.ImmunisationUpToDate, v.WeightKg, v.LengthCm, notMet,
        v.DevelopmentalConcern, v.CaregiverWellbeing, v.HomeSafety, v.Notes, v.ProposalId);

}
