using Himaya.Platform;

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

    /// <summary>An ended placement is not ended again, whatever date is sent.</summary>
    public Refusal? CanEnd() => EndOn is not null ? CareErrors.PlacementEnded() : null;

    /// <summary>Ending on a day before the placement started is a field error.</summary>
    public Refusal? CanEndOn(DateOnly on) => CanEnd() ?? (on < StartOn ? CareErrors.EndBeforeStart() : null);

    public Refusal? End(DateOnly on, string reason)
    {
        if (CanEndOn(on) is { } refused) return refused;
        (EndOn, EndReason) = (on, reason);
        return null;
    }
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

    /// <summary>The day the child went home, which the visit's due date counts from.</summary>
    public DateOnly ReunifiedOn => DueOn.AddMonths(-MonthsAfter);

    /// <summary>The visits due after a child went home on <paramref name="reunifiedOn"/> (<see cref="CareOptions.VisitMonths"/>).</summary>
    public static IEnumerable<MonitoringVisit> After(Guid caseId, DateOnly reunifiedOn) =>
        CareOptions.VisitMonths.Select(months => new MonitoringVisit { CaseId = caseId, MonthsAfter = months, DueOn = reunifiedOn.AddMonths(months) });

    /// <summary>A recorded visit is not recorded again, whatever date is sent.</summary>
    public Refusal? CanRecord() => DoneOn is not null ? CareErrors.VisitRecorded() : null;

    /// <summary>A visit dated before the child went home is a field error.</summary>
    public Refusal? CanRecordOn(DateOnly on) => CanRecord() ?? (on < ReunifiedOn ? CareErrors.VisitBeforeReunification() : null);

    public Refusal? Record(DateOnly on, string findings, int byId)
    {
        if (CanRecordOn(on) is { } refused) return refused;
        (DoneOn, Findings, ById) = (on, findings, byId);
        return null;
    }
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
