namespace Himaya.Features.Community;

public sealed record ProgrammeInput(string? Name, IReadOnlyList<string>? ActivityTypes, IReadOnlyList<string>? Districts, IReadOnlyList<TargetInput>? Targets,
    string? Project = null, int? ProviderId = null, int? Version = null);

public sealed record TargetInput(string? DistrictCode, string? Period, int? UniqueChildren);

public sealed record ProgrammeView(int Id, string Name, string? Project, IReadOnlyList<ActivityType> ActivityTypes, IReadOnlyList<string> Districts,
    IReadOnlyList<TargetView> Targets, int Contacts, int ChildrenReached, int? ProviderId = null, string? Provider = null, int Version = 1);

public sealed record TargetView(string DistrictCode, string Period, int UniqueChildren);

public sealed record ContactInput(string? ActivityType, DateOnly? Date, string? DistrictCode, IReadOnlyList<Guid>? Children, string? Place = null,
    string? Topics = null, bool? ReferralMade = null, IReadOnlyList<CaregiverInput?>? Caregivers = null);

/// <summary>A caregiver who came, known by the child they care for (<c>Mother</c>, <c>Father</c>…).</summary>
public sealed record CaregiverInput(Guid? ChildId, string? Relationship);

/// <summary><paramref name="Children"/>: children reached (who came or whose caregiver came); <paramref name="Caregivers"/>: caregivers who came.</summary>
public sealed record ContactView(Guid Id, int ProgrammeId, ActivityType ActivityType, DateOnly Date, string DistrictCode, int Children, int Caregivers = 0);

/// <summary>
/// Progress of a programme: distinct children reached per district (a child met twice, or under two merged records,
/// counts once) against the target; <paramref name="Period"/> null means to date, against each district's final target.
/// </summary>
public sealed record ProgressView(int ProgrammeId, string? Period, IReadOnlyList<DistrictProgress> Districts, int Reached,
    string? By = null, IReadOnlyList<GroupProgress>? Groups = null);

/// <summary>Distinct children reached in a district within one group of the breakdown asked for (sex, age group, disability).</summary>
public sealed record GroupProgress(string DistrictCode, string Group, int Reached);

/// <summary>
/// <paramref name="Share"/>: reached as a percentage of the target (null without a target); <paramref name="Caregivers"/>:
/// distinct caregivers who came (a child's mother once, however often).
/// </summary>
public sealed record DistrictProgress(string DistrictCode, int? Target, int Reached, decimal? Share, int Caregivers = 0);

/// <summary>
/// A contact as listed for those who record them (no child is named: counts only); <paramref name="Removable"/>: whether
/// the caller may take it back (<see cref="Contact.Removal"/>).
/// </summary>
public sealed record ContactSummary(Guid Id, ActivityType ActivityType, DateOnly Date, string DistrictCode, string? Place, string? Topics, bool ReferralMade,
    int Children, int Caregivers, string By, DateTime At, bool Removable);
