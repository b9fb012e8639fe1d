namespace Himaya.Features.Registry;

public sealed record HouseholdInput
{
    public string? Address { get; init; }
    public string? DistrictCode { get; init; }
    public string? Settlement { get; init; }
    public Residence? Residence { get; init; }
    public string? HeadName { get; init; }
    public WaterSource? WaterSource { get; init; }
    public Sanitation? Sanitation { get; init; }
    public int? Rooms { get; init; }
    public int? People { get; init; }
    public bool? ReceivesTsa { get; init; }
    public string? OtherIncomeSupport { get; init; }
    public List<HouseholdMemberInput>? Members { get; init; }
    public int? Version { get; init; }
}

public sealed record HouseholdMemberInput(string? FullName, string? Relationship, Sex? Sex, int? BirthYear, bool IsHead);

public sealed record HouseholdMemberDto(string FullName, string Relationship, Sex? Sex, int? BirthYear, bool IsHead);

public sealed record HouseholdDto(Guid Id, string Address, string DistrictCode, string? DistrictName, string? Settlement, Residence? Residence,
    string? HeadName, WaterSource? WaterSource, Sanitation? Sanitation, int? Rooms, int? People, double? PeoplePerRoom, bool? ReceivesTsa,
    string? OtherIncomeSupport, IReadOnlyList<HouseholdMemberDto> Members, IReadOnlyList<ChildSummary> Children, DateTime CreatedAt, DateTime UpdatedAt, int Version);

public sealed record HouseholdSummary(Guid Id, string Address, string DistrictCode, string? DistrictName, string? HeadName, int? People, int Children);
