using Himaya.Features.Monitoring;
using Himaya.Features.Registry;
using Himaya.Features.Services;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Community;

/// <summary>
/// Programmes, their light contacts and their progress. Programmes are defined by those who plan (analysts, coordinators);
/// contacts are recorded by the people who run the sessions, for children they may see in the registry; progress is an
/// aggregate (distinct children, merged duplicates counted once) for whoever sees aggregates. Writes are audited.
/// </summary>
public sealed class Programmes(AppDbContext db, AuditLog audit, AdminUnits units, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<ProgrammeView>> CreateAsync(CurrentUser user, ProgrammeInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageProgrammes)) return new Outcome<ProgrammeView>.Forbidden();
        var e = new FieldErrors();
        var (activities, districts, targets, projectId) = await ReadAsync(user, r, null, e, ct);
        if (!e.IsEmpty) return new Outcome<ProgrammeView>.Invalid(e);
        var p = new Programme
        {
            Name = r.Name!.Trim(), ProjectId = projectId, ProviderId = r.ProviderId, ActivityTypes = string.Join(';', activities), Districts = string.Join(';', districts), CreatedAt = Now, CreatedById = user.Id,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(p);
        await db.SaveChangesAsync(ct);
        foreach (var t in targets) t.ProgrammeId = p.Id;
        db.AddRange(targets);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "programme", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{p.ActivityTypes} in {p.Districts}; {targets.Count} targets"), ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(p, ct);
    }

    /// <summary>
    /// Changes a programme as a whole (the same body as creating it, with the <c>version</c> read): its targets are
    /// replaced by those sent; an activity or district its contacts use cannot be taken away (<see cref="Programme.Revise"/>).
    /// </summary>
    public async Task<Outcome<ProgrammeView>> UpdateAsync(CurrentUser user, int id, ProgrammeInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageProgrammes)) return new Outcome<ProgrammeView>.Forbidden();
        var p = await db.Set<Programme>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new Outcome<ProgrammeView>.NotFound();
        // A planner of some districts changes only programmes that work in their districts alone.
        if (!CommunityScope.MayChange(user, p.DistrictList)) return new Outcome<ProgrammeView>.Forbidden(CommunityErrors.ProgrammeOutsideArea());
        var e = new FieldErrors();
        if (r.Version is null) e.Add(PlatformErrors.Required("version"));
        var (activities, districts, targets, projectId) = await ReadAsync(user, r, p.ProviderId, e, ct);
        if (!e.IsEmpty) return new Outcome<ProgrammeView>.Invalid(e);
        if (r.Version != p.Version) return Outcome<ProgrammeView>.Refused(CommunityErrors.ChangedSince(r.Version!.Value, p.Version), await ViewAsync(p, ct));
        // In use: where and what its contacts were, and the families on its home visiting (their district, home visits).
        var used = await db.Set<Contact>().Where(c => c.ProgrammeId == id).Select(c => new { c.ActivityType, c.DistrictCode }).Distinct().ToListAsync(ct);
        var families = await db.Set<HomeVisitEnrolment>().Where(x => x.ProgrammeId == id && x.EndedOn == null).Select(x => x.DistrictCode).Distinct().ToListAsync(ct);
        var usedActivities = used.Select(u => u.ActivityType).Concat(families.Count > 0 ? [ActivityType.HomeVisit] : []).Distinct().ToList();
        var formerProvider = p.ProviderId;
        p.Revise(r.Name!.Trim(), activities, districts, projectId, r.ProviderId, usedActivities, [.. used.Select(u => u.DistrictCode).Concat(families).Distinct()], e);
        if (!e.IsEmpty) return new Outcome<ProgrammeView>.Invalid(e);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.RemoveRange(await db.Set<ProgrammeTarget>().Where(t => t.ProgrammeId == id).ToListAsync(ct));
            await db.SaveChangesAsync(ct);
            foreach (var t in targets) t.ProgrammeId = id;
            db.AddRange(targets);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<ProgrammeView>.Refused(CommunityErrors.SavedAtSameMoment());
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "programme", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"v{p.Version}: {p.ActivityTypes} in {p.Districts}; {targets.Count} targets"
            // A new provider's staff work with the programme's participants from now on, the former's no longer: said outright.
            + (formerProvider != p.ProviderId ? $"; provider {formerProvider?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} -> {p.ProviderId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}" : "")), ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(p, ct);
    }

    /// <summary>A programme's body checked field by field (creating and changing alike): refusals into <paramref name="e"/>.</summary>
    private async Task<(List<ActivityType> Activities, List<string> Districts, List<ProgrammeTarget> Targets, int? ProjectId)> ReadAsync(CurrentUser user, ProgrammeInput r,
        int? currentProvider, FieldErrors e, CancellationToken ct)
    {
        e.Text("name", r.Name, 300);
        var activities = new List<ActivityType>();
        if (r.ActivityTypes is not { Count: > 0 }) e.Add(CommunityErrors.ActivitiesRequired());
        else
            for (var n = 0; n < r.ActivityTypes.Count; n++)
                if (EnumNames.TryParse<ActivityType>(r.ActivityTypes[n]?.Trim(), ignoreCase: true, out var a)) { if (!activities.Contains(a)) activities.Add(a); }
                else e.Add(PlatformErrors.OneOf($"activityTypes[{n}]", EnumNames.List<ActivityType>()));
        var districts = new List<string>();
        if (r.Districts is not { Count: > 0 }) e.Add(CommunityErrors.DistrictsRequired());
        else
            for (var n = 0; n < r.Districts.Count; n++)
                if (r.Districts[n]?.Trim() is { } d && units.IsDistrict(d))
                {
                    if (!CommunityScope.PlansIn(user, d)) e.Add(CommunityErrors.OutsideArea(d, $"districts[{n}]"));
                    else if (!districts.Contains(d)) districts.Add(d);
                }
                else e.Add(PlatformErrors.UnknownDistrict($"districts[{n}]"));
        var targets = Programme.TargetsFrom(r.Targets, districts, e);
        int? projectId = null;
        if (!string.IsNullOrWhiteSpace(r.Project))
        {
            projectId = await db.Set<Project>().Where(p => p.Code == r.Project.Trim()).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (projectId is null) e.Add(CommunityErrors.UnknownProject(r.Project.Trim()));
        }
        // A provider since made inactive stays with a programme it already delivers; a new choice must be active.
        if (r.ProviderId is { } providerId && providerId != currentProvider && !await db.Set<Provider>().AnyAsync(x => x.Id == providerId && x.Active, ct))
            e.Add(CommunityErrors.UnknownProvider());
        return (activities, districts, targets, projectId);
    }

    public async Task<Outcome<IReadOnlyList<ProgrammeView>>> ListAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<IReadOnlyList<ProgrammeView>>.Forbidden();
        return await ViewsAsync(await db.Set<Programme>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct), ct);
    }

    public async Task<Outcome<ProgrammeView>> GetAsync(CurrentUser user, int id, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates) && !user.Can(Permission.RecordContacts)) return new Outcome<ProgrammeView>.Forbidden();
        var p = await db.Set<Programme>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is null ? new Outcome<ProgrammeView>.NotFound() : await ViewAsync(p, ct);
    }

    /// <summary>
    /// One contact with the children who took part. Each child is one the recorder may see in the registry (no contact
    /// is recorded for a child out of sight); refused, nothing is kept.
    /// </summary>
    public async Task<Outcome<ContactView>> RecordAsync(CurrentUser user, int programmeId, ContactInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.RecordContacts)) return new Outcome<ContactView>.Forbidden();
        if (await FindAsync(programmeId, ct) is not var (p, provider)) return new Outcome<ContactView>.NotFound();
        if (!CommunityScope.Runs(user, provider)) return new Outcome<ContactView>.Forbidden(CommunityErrors.NotYourProgramme());
        var e = new FieldErrors();
        var (contact, attended) = await CheckContactAsync(user, p, provider, r, e, ct);
        if (!e.IsEmpty) return new Outcome<ContactView>.Invalid(e);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AddContactAsync(user, contact!, attended, ct);
        await tx.CommitAsync(ct);
        return new ContactView(contact!.Id, p.Id, contact.ActivityType, contact.Date, contact.DistrictCode, attended.Count, attended.Sum(a => a.CaregiverList.Count));
    }

    /// <summary>
    /// A contact's checks for a programme delivered by <paramref name="provider"/> (<see cref="FindAsync"/>; used as well by
    /// screenings and home visits, which are contacts too): refusals go into
    /// <paramref name="e"/>; with none, the contact to add and who it reached (a row per child, <see cref="ContactChild.Attendance"/>).
    /// </summary>
    public async Task<(Contact? Contact, IReadOnlyList<ContactChild> Attended)> CheckContactAsync(CurrentUser user, Programme p, string? provider, ContactInput r, FieldErrors e,
        CancellationToken ct)
    {
        if (!CommunityScope.Runs(user, provider)) e.Add(CommunityErrors.NotYourProgramme());
        var activity = QueryParse.RequiredEnum<ActivityType>(e, "activityType", r.ActivityType?.Trim());
        var district = r.DistrictCode?.Trim();
        if (string.IsNullOrEmpty(district)) e.Add(PlatformErrors.Required("districtCode"));
        else if (user.ScopeKind == ScopeKind.Areas && !user.Districts.Contains(district)) e.Add(CommunityErrors.OutsideArea(district));
        if (activity is { } act && !string.IsNullOrEmpty(district)) foreach (var refusal in p.CheckContact(act, district)) e.Add(refusal);
        if (r.Date is null) e.Add(PlatformErrors.Required("date"));
        else if (r.Date > DateOnly.FromDateTime(Now)) e.Add(PlatformErrors.FutureDate("date"));
        e.Text("place", r.Place, 200, required: false).Text("topics", r.Topics, 1000, required: false);
        var attended = ContactChild.Attendance(r.Children, r.Caregivers, Programme.MaxChildrenPerContact, e);
        if (attended.Count is > 0 and <= Programme.MaxChildrenPerContact)
        {
            var ids = attended.Select(a => a.ChildId).ToList();
            var seen = (await db.Reachable(user).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
            var sent = (r.Children ?? []).ToList();
            var cared = (r.Caregivers ?? []).Select(g => g?.ChildId).ToList();
            foreach (var missing in ids.Where(i => !seen.Contains(i)))
                e.Add(CommunityErrors.UnknownChild(sent.Contains(missing) ? $"children[{sent.IndexOf(missing)}]" : $"caregivers[{cared.IndexOf(missing)}].childId"));
        }
        if (!e.IsEmpty) return (null, attended);
        var contact = new Contact
        {
            Id = Guid.NewGuid(), ProgrammeId = p.Id, ActivityType = activity!.Value, Date = r.Date!.Value, DistrictCode = district!, Place = Clean(r.Place),
            Topics = Clean(r.Topics), ReferralMade = r.ReferralMade == true, At = Now, ById = user.Id,
        };
        foreach (var a in attended) a.ContactId = contact.Id;
        return (contact, attended);
    }

    /// <summary>
    /// Makes the children participants of the programme (unsaved; those who are already, once): a child who took part or
    /// was enrolled is one from then on, and its provider's staff work with them.
    /// </summary>
    public async Task JoinAsync(CurrentUser user, int programmeId, IReadOnlyCollection<Guid> children, CancellationToken ct, DateTime? at = null)
    {
        var already = await db.Set<Participant>().Where(x => x.ProgrammeId == programmeId && children.Contains(x.ChildId)).Select(x => x.ChildId).ToListAsync(ct);
        db.AddRange(children.Except(already).Select(c => new Participant { ProgrammeId = programmeId, ChildId = c, At = at ?? Now, ById = user.Id }));
    }

    /// <summary>The programme and the name of its provider (null: none), or null when there is no such programme.</summary>
    public async Task<(Programme Programme, string? Provider)?> FindAsync(int programmeId, CancellationToken ct)
    {
        var row = await (from p in db.Set<Programme>().AsNoTracking()
                         where p.Id == programmeId
                         join pr in db.Set<Provider>() on p.ProviderId equals pr.Id into g
                         from pr in g.DefaultIfEmpty()
                         select new { p, Provider = pr == null ? null : pr.Name }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.p, row.Provider);
    }

    /// <summary>Saves a checked contact, who it reached (as participants too), and its audit line, in the caller's transaction.</summary>
    public async Task AddContactAsync(CurrentUser user, Contact contact, IReadOnlyList<ContactChild> attended, CancellationToken ct)
    {
        db.Add(contact);
        db.AddRange(attended);
        // Joined at the contact's moment: taking the contact back finds the participants it alone made (ContactRecords).
        await JoinAsync(user, contact.ProgrammeId, [.. attended.Select(a => a.ChildId)], ct, contact.At);
        await db.SaveChangesAsync(ct);
        var caregivers = attended.Where(a => a.Caregivers is not null).Select(a => $"{a.ChildId}:{a.Caregivers}").ToList();
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "contact", contact.Id.ToString(),
            $"programme {contact.ProgrammeId}; {contact.ActivityType} {contact.Date:yyyy-MM-dd} {contact.DistrictCode}; children {string.Join(',', attended.Where(a => a.ChildPresent).Select(a => a.ChildId))}"
            + (caregivers.Count > 0 ? $"; caregivers {string.Join(',', caregivers)}" : "")), ct);
    }

    /// <summary>Distinct children reached by district, in a period or to date, against the targets.</summary>
    public static readonly IReadOnlyList<string> Breakdowns = ["sex", "age", "disability"];

    public async Task<Outcome<ProgressView>> ProgressAsync(CurrentUser user, int programmeId, string? period, CancellationToken ct, string? by = null)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<ProgressView>.Forbidden();
        string? canonical = null;
        var e = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(period) && (canonical = Programme.Period(period)) is null) e.Add(CommunityErrors.Period("period"));
        var breakdown = string.IsNullOrWhiteSpace(by) ? null : by.Trim().ToLowerInvariant();
        if (breakdown is not null && !Breakdowns.Contains(breakdown)) e.Add(PlatformErrors.OneOf("by", string.Join(", ", Breakdowns)));
        if (!e.IsEmpty) return new Outcome<ProgressView>.Invalid(e);
        var p = await db.Set<Programme>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == programmeId, ct);
        if (p is null) return new Outcome<ProgressView>.NotFound();
        var targets = await db.Set<ProgrammeTarget>().AsNoTracking().Where(t => t.ProgrammeId == p.Id).ToListAsync(ct);
        var reached = await ReachedAsync(p.Id, canonical is null ? null : Periods.Span(canonical), ct);
        var today = DateOnly.FromDateTime(Now);
        IReadOnlyList<GroupProgress>? groups = breakdown is null ? null
            : [.. reached.Children.GroupBy(c => (c.District, Group: breakdown switch
                {
                    "sex" => c.Sex.ToString(),
                    "age" => AgeGroup(c.BirthDate, today),
                    _ => c.Difficulty ? "WithDifficulty" : "WithoutDifficulty",
                }))
                .OrderBy(g => g.Key.District, StringComparer.Ordinal).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
                .Select(g => new GroupProgress(g.Key.District, g.Key.Group, g.Count()))];
        var rows = p.DistrictList.Select(d =>
        {
            var own = targets.Where(t => t.DistrictCode == d).ToList();
            // For a period, its own target; to date, the district's final target (the one whose period ends last).
            int? target = canonical is not null ? own.FirstOrDefault(t => t.Period == canonical)?.UniqueChildren
                : own.OrderByDescending(t => Periods.Span(t.Period).To).ThenByDescending(t => t.Period.Length == 4).FirstOrDefault()?.UniqueChildren;
            var n = reached.ByDistrict.GetValueOrDefault(d);
            return new DistrictProgress(d, target, n, target is > 0 ? Math.Round(100m * n / target.Value, 1) : null, reached.Caregivers.GetValueOrDefault(d));
        }).ToList();
        return new ProgressView(p.Id, canonical, rows, reached.Total, breakdown, groups);
    }

    /// <summary>One child reached in a district, with what the breakdowns read (of the record the contact named).</summary>
    private sealed record Met(string District, Guid Child, Sex Sex, DateOnly BirthDate, bool Difficulty);

    /// <summary>
    /// Distinct children by district and overall: a merged duplicate counts as the record it was merged into. One pass
    /// over the contacts: the distinct (district, child) pairs first, then each child's record once per pair (not once
    /// per contact), counted here; a child met in two districts counts in each and once in the total (docs/benchmarks.md).
    /// </summary>
    private async Task<(Dictionary<string, int> ByDistrict, int Total, IReadOnlyList<Met> Children, Dictionary<string, int> Caregivers)> ReachedAsync(int programmeId, (DateOnly From, DateOnly To)? span,
        CancellationToken ct)
    {
        var contacts = db.Set<Contact>().Where(c => c.ProgrammeId == programmeId);
        if (span is { } s) contacts = contacts.Where(c => c.Date >= s.From && c.Date <= s.To);
        var met = (from c in contacts join cc in db.Set<ContactChild>() on c.Id equals cc.ContactId select new { c.DistrictCode, cc.ChildId }).Distinct();
        var rows = await (from m in met
                          join child in db.Children on m.ChildId equals child.Id
                          where child.DeletedAt == null || child.MergedIntoId != null
                          select new { m.DistrictCode, Child = child.MergedIntoId ?? child.Id, child.Sex, child.BirthDate, child.HasFunctionalDifficulty }).ToListAsync(ct);
        var children = rows.GroupBy(r => (r.DistrictCode, r.Child)).Select(g => g.First())
            .Select(r => new Met(r.DistrictCode, r.Child, r.Sex, r.BirthDate, r.HasFunctionalDifficulty)).ToList();
        var byDistrict = children.GroupBy(x => x.District).ToDictionary(g => g.Key, g => g.Count());
        // Caregivers are known by the child they care for and how: a mother who came to five sessions is one caregiver.
        var cared = await (from c in contacts
                           join cc in db.Set<ContactChild>() on c.Id equals cc.ContactId
                           where cc.Caregivers != null
                           join child in db.Children on cc.ChildId equals child.Id
                           where child.DeletedAt == null || child.MergedIntoId != null
                           select new { c.DistrictCode, Child = child.MergedIntoId ?? child.Id, cc.Caregivers }).Distinct().ToListAsync(ct);
        var caregivers = cared.SelectMany(x => ContactChild.Parse(x.Caregivers).Select(r => (x.DistrictCode, x.Child, r))).Distinct()
            .GroupBy(x => x.DistrictCode).ToDictionary(g => g.Key, g => g.Count());
        return (byDistrict, children.Select(x => x.Child).Distinct().Count(), children, caregivers);
    }

    /// <summary>The age groups progress is broken down by, at <paramref name="today"/>.</summary>
    public static string AgeGroup(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
        return age switch { < 5 => "0-4", < 10 => "5-9", < 15 => "10-14", < 18 => "15-17", _ => "18+" };
    }

    private async Task<ProgrammeView> ViewAsync(Programme p, CancellationToken ct) => (await ViewsAsync([p], ct)).Single();

    /// <summary>
    /// Programmes as shown: targets, project code, contacts and distinct children reached (merged duplicates once), each
    /// read for all the programmes at once — a list of programmes is a few queries, not a few per programme.
    /// </summary>
    private async Task<List<ProgrammeView>> ViewsAsync(IReadOnlyList<Programme> programmes, CancellationToken ct)
    {
        var ids = programmes.Select(p => p.Id).ToList();
        var targets = (await db.Set<ProgrammeTarget>().AsNoTracking().Where(t => ids.Contains(t.ProgrammeId)).ToListAsync(ct)).ToLookup(t => t.ProgrammeId);
        var projectIds = programmes.Where(p => p.ProjectId is not null).Select(p => p.ProjectId!.Value).Distinct().ToList();
        var projects = await db.Set<Project>().Where(x => projectIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Code, ct);
        var providerIds = programmes.Where(p => p.ProviderId is not null).Select(p => p.ProviderId!.Value).Distinct().ToList();
        var providers = await db.Set<Provider>().Where(x => providerIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var contacts = await db.Set<Contact>().Where(c => ids.Contains(c.ProgrammeId)).GroupBy(c => c.ProgrammeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var reached = (await (from c in db.Set<Contact>()
                              where ids.Contains(c.ProgrammeId)
                              join cc in db.Set<ContactChild>() on c.Id equals cc.ContactId
                              join child in db.Children on cc.ChildId equals child.Id
                              where child.DeletedAt == null || child.MergedIntoId != null
                              select new { c.ProgrammeId, Child = child.MergedIntoId ?? child.Id }).Distinct().ToListAsync(ct))
            .GroupBy(x => x.ProgrammeId).ToDictionary(g => g.Key, g => g.Count());
        return [.. programmes.Select(p => new ProgrammeView(p.Id, p.Name, p.ProjectId is { } pid ? projects.GetValueOrDefault(pid) : null, p.Activities, p.DistrictList,
            [.. targets[p.Id].OrderBy(t => t.DistrictCode, StringComparer.Ordinal).ThenBy(t => t.Period, StringComparer.Ordinal).Select(t => new TargetView(t.DistrictCode, t.Period, t.UniqueChildren))],
            contacts.GetValueOrDefault(p.Id), reached.GetValueOrDefault(p.Id), p.ProviderId, p.ProviderId is { } v ? providers.GetValueOrDefault(v) : null, p.Version))];
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
