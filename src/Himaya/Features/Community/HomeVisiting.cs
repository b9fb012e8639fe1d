using Himaya.Platform;

namespace Himaya.Features.Community;

/// <summary>
/// A family on a programme's home visiting, through its young child: the schedule follows the child's age; the worker
/// is the one whose list shows the visits due and the missed ones. Ended when the family leaves (moved, declined, aged out).
/// </summary>
public sealed class HomeVisitEnrolment
{
    public Guid Id { get; set; }
    public int ProgrammeId { get; set; }
    public Guid ChildId { get; set; }
    public required string DistrictCode { get; set; }
    public int WorkerId { get; set; }
    public DateOnly EnrolledOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }

    public const int MaxEndReason = 1000;

    /// <summary>
    /// The family leaves home visiting on a day (not before it joined, not in the future) for a reason; once. After it, no
    /// visit is recorded and no alert shows.
    /// </summary>
    public IReadOnlyList<Refusal> End(DateOnly on, string? reason, DateOnly today)
    {
        if (EndedOn is not null) return [CommunityErrors.EnrolmentEnded()];
        var refusals = new List<Refusal>();
        if (on > today) refusals.Add(PlatformErrors.FutureDate("endedOn"));
        else if (on < EnrolledOn) refusals.Add(CommunityErrors.EndBeforeEnrolment());
        if (string.IsNullOrWhiteSpace(reason)) refusals.Add(PlatformErrors.Required("reason"));
        else if (reason.Trim().Length > MaxEndReason) refusals.Add(PlatformErrors.TooLong("reason", MaxEndReason));
        if (refusals.Count == 0) (EndedOn, EndReason) = (on, reason!.Trim());
        return refusals;
    }
}

public enum Wellbeing { Good, Concern }

public enum Safety { Safe, Concern }

/// <summary>
/// A home visit made: the schedule point it counts for, what it checked, and the flags it raised. It is also a light
/// contact of the programme (<see cref="ContactId"/>), so the child counts as reached.
/// </summary>
public sealed class HomeVisit
{
    public Guid Id { get; set; }
    public Guid EnrolmentId { get; set; }
    public int Months { get; set; }
    public DateOnly Date { get; set; }
    public bool? ImmunisationUpToDate { get; set; }
    public decimal? WeightKg { get; set; }
    public decimal? LengthCm { get; set; }
    public Guid? MilestonesScreeningId { get; set; }
    public bool DevelopmentalConcern { get; set; }
    public Wellbeing CaregiverWellbeing { get; set; }
    public Safety HomeSafety { get; set; }
    public string? Notes { get; set; }
    public Guid ContactId { get; set; }
    public Guid? ProposalId { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }

    /// <summary>A developmental delay or a concern for the home's safety opens a case proposal; a caregiver's low wellbeing alone is followed at the next visit.</summary>
    public bool Flagged => DevelopmentalConcern || HomeSafety == Safety.Concern;
}
