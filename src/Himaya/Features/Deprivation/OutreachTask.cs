namespace Himaya.Features.Deprivation;

public enum OutreachStatus { Open, Done, Cancelled }

/// <summary>
/// A task for a district's social workers to reach a child the deprivation analysis found: started from the
/// most-deprived list with the child's deprivations and service gaps as they were then (the case-management issue
/// turns these into cases).
/// </summary>
public sealed class OutreachTask
{
    public Guid Id { get; set; }
    public Guid ChildId { get; set; }
    public required string DistrictCode { get; set; }
    /// <summary>Deprived dimensions when the task was started, comma-separated.</summary>
    public string Dimensions { get; set; } = "";
    /// <summary>Service-gap codes (<see cref="MostDeprived.ReasonCodes"/>) when the task was started, comma-separated.</summary>
    public string Reasons { get; set; } = "";
    public string? Note { get; set; }
    public OutreachStatus Status { get; set; }
    public string? Outcome { get; set; }
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? ClosedById { get; set; }
    public DateTime? ClosedAt { get; set; }
}
