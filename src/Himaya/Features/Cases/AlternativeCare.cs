namespace Himaya.Features.Cases;

/// <summary>A gatekeeping panel's decision on where a child should live: the options it weighed, what it decided, and why.</summary>
public sealed class GatekeepingDecision
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateOnly PanelOn { get; set; }
    public required string PanelMembers { get; set; }
    /// <summary>Care option codes (<see cref="CareOptions.All"/>) the panel considered, comma-separated.</summary>
    public required string OptionsConsidered { get; set; }
    public required string Decision { get; set; }
    public required string Reasons { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
}

public enum PlacementType { Kinship, Foster, SmallGroupHome, ResidentialInstitution }

/// <summary>Where a child in alternative care lives, from when to when. At most one current placement per child.</summary>
public sealed class Placement
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid ChildId { get; set; }
    public PlacementType Type { get; set; }
    public int? FosterCarerId { get; set; }
    /// <summary>The carer's or the home's name (kinship carer, group home, institution).</summary>
    public required string PlaceName { get; set; }
    public long? GatekeepingDecisionId { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public string? EndReason { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
}

public enum FosterCarerStatus { Applied, Assessed, Trained, Approved, Suspended, Withdrawn }

/// <summary>A foster family in the register: application, assessment, training, approval (by a supervisor), capacity, reviews.</summary>
public sealed class FosterCarer
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string DistrictCode { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public FosterCarerStatus Status { get; set; }
    public DateOnly AppliedOn { get; set; }
    public DateOnly? AssessedOn { get; set; }
    public string? AssessmentSummary { get; set; }
    public DateOnly? TrainedOn { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public int? ApprovedById { get; set; }
    public int Capacity { get; set; } = 1;
    public int MinAge { get; set; }
    public int MaxAge { get; set; } = 17;
    public bool AcceptsDisability { get; set; }
    public DateOnly? NextReviewOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public int CreatedById { get; set; }
    public int Version { get; set; }
}

public sealed class FosterCarerReview
{
    public long Id { get; set; }
    public int FosterCarerId { get; set; }
    public DateOnly On { get; set; }
    public required string Outcome { get; set; }
    public string? Notes { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
}

/// <summary>A monitoring visit after the child went home (family reunification): due at 1, 3, 6 and 12 months; alerts when due.</summary>
public sealed class MonitoringVisit
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public int MonthsAfter { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Findings { get; set; }
    public int? ById { get; set; }
}

public static class CareOptions
{
    /// <summary>Care options a gatekeeping panel weighs, least restrictive first.</summary>
    public static readonly IReadOnlyList<string> All = ["family-support", "kinship", "foster", "small-group-home", "residential"];

    /// <summary>Months after reunification at which a monitoring visit is due.</summary>
    public static readonly IReadOnlyList<int> VisitMonths = [1, 3, 6, 12];

    public static string? OptionOf(PlacementType type) => type switch
    {
        PlacementType.Kinship => "kinship",
        PlacementType.Foster => "foster",
        PlacementType.SmallGroupHome => "small-group-home",
        PlacementType.ResidentialInstitution => "residential",
        _ => null,
    };
}
