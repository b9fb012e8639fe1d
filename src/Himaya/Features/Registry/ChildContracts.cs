namespace Himaya.Features.Registry;

/// <summary>What a client sends to register or edit a child (camelCase JSON). Nullable so "missing" can be told from "given".</summary>
public sealed record ChildInput
{
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? Patronymic { get; init; }
    public Sex? Sex { get; init; }
    public DateOnly? BirthDate { get; init; }
    public bool BirthDateEstimated { get; init; }
    public string? Fin { get; init; }
    public string? BirthCertificateNumber { get; init; }
    public bool? BirthRegistered { get; init; }
    public Dictionary<FunctioningDomain, Difficulty>? Functioning { get; init; }
    public bool? OfficialDisabilityStatus { get; init; }
    public string? DisabilityCategory { get; init; }
    public CareArrangement? CareArrangement { get; init; }
    public string? DistrictCode { get; init; }
    public string? Settlement { get; init; }
    public Residence? Residence { get; init; }
    public Displacement? Displacement { get; init; }
    public Enrolment? Enrolment { get; init; }
    public string? SchoolName { get; init; }
    public Immunisation? Immunisation { get; init; }
    public bool? ReceivesTsa { get; init; }
    public Guid? HouseholdId { get; init; }
    public string? RelationshipToHead { get; init; }
    public List<GuardianInput>? Guardians { get; init; }
    public int? AssignedWorkerId { get; init; }
    /// <summary>Required on update: the version the client read (optimistic concurrency).</summary>
    public int? Version { get; init; }
}

public sealed record GuardianInput(string? FullName, string? Relationship, string? Phone);

public sealed record GuardianDto(string FullName, string Relationship, string? Phone);

public sealed record ChildDto(
    Guid Id, string GivenName, string Surname, string? Patronymic, Sex Sex, DateOnly BirthDate, bool BirthDateEstimated, int AgeYears,
    string? Fin, string? BirthCertificateNumber, bool? BirthRegistered,
    IReadOnlyDictionary<FunctioningDomain, Difficulty> Functioning, bool HasFunctionalDifficulty, bool? OfficialDisabilityStatus, string? DisabilityCategory,
    CareArrangement CareArrangement, string DistrictCode, string? DistrictName, string? Settlement, Residence? Residence, Displacement Displacement,
    Enrolment? Enrolment, string? SchoolName, Immunisation Immunisation, bool? ReceivesTsa,
    Guid? HouseholdId, string? RelationshipToHead, IReadOnlyList<GuardianDto> Guardians,
    int? AssignedWorkerId, DateTime CreatedAt, DateTime UpdatedAt, int Version);

public sealed record ChildSummary(Guid Id, string GivenName, string Surname, string? Patronymic, Sex Sex, DateOnly BirthDate,
    string DistrictCode, string? DistrictName, CareArrangement CareArrangement, bool HasFunctionalDifficulty);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, bool TotalIsExact);
