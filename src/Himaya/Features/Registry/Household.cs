namespace Himaya.Features.Registry;

/// <summary>A household: where children live, who lives with them, and the housing facts deprivation analysis reads.</summary>
public sealed class Household : IArchivable
{
    public Guid Id { get; set; }
    public required string Address { get; set; }
    public required string DistrictCode { get; set; }
    public string? Settlement { get; set; }
    public Residence? Residence { get; set; }
    public string? HeadName { get; set; }
    public WaterSource? WaterSource { get; set; }
    public Sanitation? Sanitation { get; set; }
    public int? Rooms { get; set; }
    public int? People { get; set; }
    public bool? ReceivesTsa { get; set; }
    public string? OtherIncomeSupport { get; set; }
    public List<HouseholdMember> Members { get; set; } = [];
    public List<Child> Children { get; set; } = [];

    public int CreatedById { get; set; }
    public string Agency { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>An adult (or a child not in the registry) living in the household.</summary>
public sealed class HouseholdMember
{
    public long Id { get; set; }
    public Guid HouseholdId { get; set; }
    public required string FullName { get; set; }
    public required string Relationship { get; set; }
    public Sex? Sex { get; set; }
    public int? BirthYear { get; set; }
    public bool IsHead { get; set; }
}
