namespace Himaya.Generators;

/// <summary>
/// One generated household: where it lives, who lives in it (<see cref="Members"/>, the head among them) and the
/// registry children living in it. Plain data: whoever stores it adds owner, agency and timestamps.
/// </summary>
public sealed record SyntheticHousehold
{
    /// <summary>UUID version 8 from the seed and the position (see <see cref="SyntheticPopulation"/>).</summary>
    public required Guid Id { get; init; }
    /// <summary>A leaf district's code; the children live here too.</summary>
    public required string DistrictCode { get; init; }
    public required Residence Residence { get; init; }
    /// <summary>The village, or the town (Bakı for Baku's districts); the children's settlement too.</summary>
    public required string Settlement { get; init; }
    public required string Address { get; init; }
    public required string HeadName { get; init; }
    public required IReadOnlyList<SyntheticMember> Members { get; init; }
    public int? Rooms { get; init; }
    public required int People { get; init; }
    public WaterSource? WaterSource { get; init; }
    public Sanitation? Sanitation { get; init; }
    public bool? ReceivesTsa { get; init; }
    public string? OtherIncomeSupport { get; init; }
    public required IReadOnlyList<SyntheticChild> Children { get; init; }
}

/// <summary>An adult of the household; <paramref name="Relationship"/> is to the head ("head", "wife", "mother-in-law"…).</summary>
public sealed record SyntheticMember(string FullName, string Relationship, Sex Sex, int BirthYear, bool IsHead);

/// <summary>A carer recorded on a kinship or foster child ("grandmother", "aunt", "foster father"…).</summary>
public sealed record SyntheticGuardian(string FullName, string Relationship, string? Phone);

/// <summary>A registry child; district, settlement and residence are its household's.</summary>
public sealed record SyntheticChild
{
    public required Guid Id { get; init; }
    public required string GivenName { get; init; }
    public required string Surname { get; init; }
    public required string Patronymic { get; init; }
    public required Sex Sex { get; init; }
    public required DateOnly BirthDate { get; init; }
    public required bool BirthDateEstimated { get; init; }
    public required Displacement Displacement { get; init; }
    public required CareArrangement CareArrangement { get; init; }
    public required string RelationshipToHead { get; init; }
    /// <summary>The domains asked (those of the child's age), or null where functioning was not asked.</summary>
    public IReadOnlyDictionary<FunctioningDomain, Difficulty>? Functioning { get; init; }
    public bool? OfficialDisabilityStatus { get; init; }
    public string? DisabilityCategory { get; init; }
    public bool? BirthRegistered { get; init; }
    public string? BirthCertificateNumber { get; init; }
    public string? Fin { get; init; }
    public Enrolment? Enrolment { get; init; }
    public string? SchoolName { get; init; }
    public required Immunisation Immunisation { get; init; }
    public bool? ReceivesTsa { get; init; }
    public required IReadOnlyList<SyntheticGuardian> Guardians { get; init; }

    /// <summary>Any domain "a lot" or "cannot do at all" (the registry's rule).</summary>
    public bool HasFunctionalDifficulty => Functioning is not null && Functioning.Values.Any(v => v >= Difficulty.ALot);
}
