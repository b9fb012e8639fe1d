using Himaya.Features.Monitoring;
using Himaya.Platform;

namespace Himaya.Features.Community;

/// <summary>
/// A community programme ("ECD counselling, Ganja"): the activities it runs, the districts it works in, optionally the
/// funded project it belongs to (the monitoring results framework's), and targets of unique children by district and period.
/// </summary>
public sealed class Programme
{
    public const int MaxChildrenPerContact = 200;

    public int Id { get; set; }
    public required string Name { get; set; }
    public int? ProjectId { get; set; }
    /// <summary>The provider (services directory) that delivers it: its staff record the programme's contacts.</summary>
    public int? ProviderId { get; set; }
    /// <summary>Activity type names, ';'-separated.</summary>
    public required string ActivityTypes { get; set; }
    /// <summary>District codes, ';'-separated.</summary>
    public required string Districts { get; set; }
    public DateTime CreatedAt { get; set; }
    public int CreatedById { get; set; }
    public int Version { get; set; } = 1;

    public IReadOnlyList<ActivityType> Activities => [.. ActivityTypes.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ActivityType>)];

    public IReadOnlyList<string> DistrictList => Districts.Split(';', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A contact belongs to one of the programme's activities, in one of its districts.</summary>
    public IEnumerable<Refusal> CheckContact(ActivityType activity, string district)
    {
        if (!Activities.Contains(activity)) yield return CommunityErrors.ActivityNotRun(activity);
        if (!DistrictList.Contains(district, StringComparer.Ordinal)) yield return CommunityErrors.DistrictNotCovered(district);
    }

    /// <summary>
    /// Changes what the programme is; an activity or a district its contacts already use stays (the figures reached
    /// there would lose their programme), each refusal by item into <paramref name="e"/>. Applied only when none.
    /// </summary>
    public void Revise(string name, IReadOnlyList<ActivityType> activities, IReadOnlyList<string> districts, int? projectId, int? providerId,
        IReadOnlyCollection<ActivityType> usedActivities, IReadOnlyCollection<string> usedDistricts, FieldErrors e)
    {
        foreach (var a in usedActivities.Where(a => !activities.Contains(a)).Order()) e.Add(CommunityErrors.ActivityInUse(a));
        foreach (var d in usedDistricts.Where(d => !districts.Contains(d)).Order(StringComparer.Ordinal)) e.Add(CommunityErrors.DistrictInUse(d));
        if (!e.IsEmpty) return;
        (Name, ActivityTypes, Districts, ProjectId, ProviderId) = (name, string.Join(';', activities), string.Join(';', districts), projectId, providerId);
        Version++;
    }

    /// <summary>
    /// The targets as sent, each in one of the programme's <paramref name="districts"/>, for a valid period, of at least one
    /// child, and no district and period twice; refusals go into <paramref name="e"/> by item (<c>targets[1].period</c>).
    /// </summary>
    public static List<ProgrammeTarget> TargetsFrom(IReadOnlyList<TargetInput?>? sent, IReadOnlyList<string> districts, FieldErrors e)
    {
        var targets = new List<ProgrammeTarget>();
        for (var n = 0; n < (sent?.Count ?? 0); n++)
        {
            var t = sent![n];
            var at = $"targets[{n}]";
            var district = t?.DistrictCode?.Trim();
            if (district is null || !districts.Contains(district)) e.Add(CommunityErrors.DistrictNotCovered(district ?? "", at + ".districtCode"));
            var period = Period(t?.Period);
            if (period is null) e.Add(CommunityErrors.Period(at + ".period"));
            if (t?.UniqueChildren is not > 0) e.Add(PlatformErrors.WholeNumber(at + ".uniqueChildren"));
            if (district is not null && period is not null && targets.Any(x => x.DistrictCode == district && x.Period == period)) e.Add(CommunityErrors.TargetTwice(at));
            if (district is not null && period is not null && t?.UniqueChildren is > 0) targets.Add(new ProgrammeTarget { DistrictCode = district, Period = period, UniqueChildren = t.UniqueChildren.Value });
        }
        return targets;
    }

    /// <summary>A period as the contract writes it (2026, 2026Q1 or 2026-Q1, 2026-03), kept in SDMX form; null when none.</summary>
    public static string? Period(string? text) => Periods.FromSdmx(text) ?? Periods.FromDhis2(text);
}

/// <summary>How many different children a programme aims to reach in a district within a period.</summary>
public sealed class ProgrammeTarget
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public required string DistrictCode { get; set; }
    public required string Period { get; set; }
    public int UniqueChildren { get; set; }
}

/// <summary>One light contact: an activity on a day in a district, with the children who took part (a session's attendance).</summary>
public sealed class Contact
{
    public Guid Id { get; set; }
    public int ProgrammeId { get; set; }
    public ActivityType ActivityType { get; set; }
    public DateOnly Date { get; set; }
    public required string DistrictCode { get; set; }
    public string? Place { get; set; }
    public string? Topics { get; set; }
    public bool ReferralMade { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }

    /// <summary>How long the one who recorded a contact may take it back (a wrong child ticked, a session recorded twice).</summary>
    public const int RemovableDays = 30;

    /// <summary>
    /// Whether <paramref name="userId"/> may remove this contact on <paramref name="today"/>: the one who recorded it, within
    /// <see cref="RemovableDays"/> of recording it, or a programme's planner (<paramref name="plans"/>) at any time. A contact a
    /// home visit was recorded as stays with the visit.
    /// </summary>
    public Refusal? Removal(int userId, bool plans, bool keptByVisit, DateOnly today)
    {
        if (keptByVisit) return CommunityErrors.ContactKeptByVisit();
        if (plans) return null;
        if (ById != userId) return CommunityErrors.ContactNotYours();
        return DateOnly.FromDateTime(At).AddDays(RemovableDays) < today ? CommunityErrors.ContactTooOld(RemovableDays) : null;
    }
}

/// <summary>
/// A child reached by a contact: they took part, or a caregiver of theirs did (<see cref="Caregivers"/>), or both.
/// A caregiver is known by the child they care for and how (the registry keeps no adults as persons of their own).
/// </summary>
public sealed class ContactChild
{
    public Guid ContactId { get; set; }
    public Guid ChildId { get; set; }
    /// <summary>False when only a caregiver came (counselling a mother reaches her baby).</summary>
    public bool ChildPresent { get; set; } = true;
    /// <summary>The caregivers who came, as <see cref="CaregiverRelation"/> names ';'-separated; null: none.</summary>
    public string? Caregivers { get; set; }

    public IReadOnlyList<CaregiverRelation> CaregiverList => Parse(Caregivers);

    /// <summary>Stored caregivers (<see cref="Caregivers"/>) as relations; none for null.</summary>
    public static IReadOnlyList<CaregiverRelation> Parse(string? caregivers) =>
        caregivers is null ? [] : [.. caregivers.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<CaregiverRelation>)];

    /// <summary>
    /// A contact's attendance from the children who came and the caregivers who came for a child (each once; mother and
    /// father of one child are two): one row per child. Refusals by item into <paramref name="e"/>
    /// (<c>caregivers[2].relationship</c>); nobody at all, or more than <paramref name="max"/> children, is refused.
    /// </summary>
    public static List<ContactChild> Attendance(IReadOnlyList<Guid>? children, IReadOnlyList<CaregiverInput?>? caregivers, int max, FieldErrors e)
    {
        var rows = new Dictionary<Guid, ContactChild>();
        var refusedBefore = e.All.Count;
        foreach (var c in children ?? []) rows.TryAdd(c, new ContactChild { ChildId = c });
        for (var n = 0; n < (caregivers?.Count ?? 0); n++)
        {
            var g = caregivers![n];
            var relation = QueryParse.RequiredEnum<CaregiverRelation>(e, $"caregivers[{n}].relationship", g?.Relationship?.Trim());
            if (g?.ChildId is not { } child || child == Guid.Empty) { e.Add(PlatformErrors.Required($"caregivers[{n}].childId")); continue; }
            if (relation is null) continue;
            if (!rows.TryGetValue(child, out var row)) rows[child] = row = new ContactChild { ChildId = child, ChildPresent = false };
            var list = row.CaregiverList;
            if (!list.Contains(relation.Value)) row.Caregivers = string.Join(';', list.Append(relation.Value));
        }
        // Nobody at all, unless a caregiver sent was refused (then that is the error to fix).
        if (rows.Count == 0 && e.All.Count == refusedBefore) e.Add(CommunityErrors.ChildrenRequired());
        else if (rows.Count > max) e.Add(CommunityErrors.TooManyChildren(max));
        return [.. rows.Values];
    }
}
