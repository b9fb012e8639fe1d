using Himaya.Platform;

namespace Himaya.Features.Cases;

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

    /// <summary>A change based on an older version of the carer's file is refused whole.</summary>
    public Refusal? CheckVersion(int version) => version != Version ? FosterCarerErrors.ChangedSince(version, Version) : null;

    /// <summary>An application is assessed once; a file past it says where it stands.</summary>
    public Refusal? RecordAssessment(DateOnly on, string summary)
    {
        if (Status != FosterCarerStatus.Applied) return FosterCarerErrors.Already(Status);
        (AssessedOn, AssessmentSummary, Status) = (on, summary, FosterCarerStatus.Assessed);
        return null;
    }

    public Refusal? RecordTraining(DateOnly on)
    {
        if (Status != FosterCarerStatus.Assessed) return FosterCarerErrors.AssessmentFirst();
        (TrainedOn, Status) = (on, FosterCarerStatus.Trained);
        return null;
    }

    /// <summary>Approved after assessment and training, by a supervisor; reviewed a year later.</summary>
    public Refusal? Approve(DateOnly on, int byId)
    {
        if (Status != FosterCarerStatus.Trained) return FosterCarerErrors.ApprovalNeedsTraining();
        (ApprovedOn, ApprovedById, NextReviewOn, Status) = (on, byId, on.AddYears(1), FosterCarerStatus.Approved);
        return null;
    }

    /// <summary>
    /// The yearly review of an approved (or suspended) carer: <paramref name="outcome"/> continue (approved again),
    /// suspend or withdraw (no further reviews).
    /// </summary>
    public Refusal? Review(DateOnly on, string outcome)
    {
        if (Status is not (FosterCarerStatus.Approved or FosterCarerStatus.Suspended)) return FosterCarerErrors.ReviewNeedsApproval();
        Status = outcome switch { "suspend" => FosterCarerStatus.Suspended, "withdraw" => FosterCarerStatus.Withdrawn, _ => FosterCarerStatus.Approved };
        NextReviewOn = Status == FosterCarerStatus.Withdrawn ? null : on.AddYears(1);
        return null;
    }

    /// <summary>Why this carer cannot take a child of <paramref name="age"/> now, with <paramref name="placed"/> other children placed with them, or null.</summary>
    public Refusal? CanTake(int age, bool hasFunctionalDifficulty, int placed)
    {
        if (Status != FosterCarerStatus.Approved) return FosterCarerErrors.NotApproved(Name, Status);
        if (age < MinAge || age > MaxAge) return FosterCarerErrors.Ages(Name, MinAge, MaxAge, age);
        if (hasFunctionalDifficulty && !AcceptsDisability) return FosterCarerErrors.NoDisability(Name);
        if (placed >= Capacity) return FosterCarerErrors.NoFreePlace(Name, placed, Capacity);
        return null;
    }
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
