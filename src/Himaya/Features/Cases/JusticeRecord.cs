using Himaya.Platform;

namespace Himaya.Features.Cases;

public enum JusticeRole { Offender, Victim, Witness }

/// <summary>
/// A child's contact with the justice system on a case: as alleged offender, victim or witness; legal aid; a diversion
/// measure and its completion; court hearings; deprivation of liberty, which must be reviewed (first within 48 hours,
/// then every 30 days) until release.
/// </summary>
public sealed class JusticeRecord
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public JusticeRole Role { get; set; }
    public required string Matter { get; set; }
    public DateOnly ContactOn { get; set; }
    public string? LegalAidBy { get; set; }
    public DateOnly? LegalAidOn { get; set; }
    public string? Diversion { get; set; }
    public DateOnly? DiversionStartOn { get; set; }
    public DateOnly? DiversionCompletedOn { get; set; }
    public string? DiversionOutcome { get; set; }
    public DateOnly? DetainedFrom { get; set; }
    public string? DetentionPlace { get; set; }
    public DateOnly? DetainedUntil { get; set; }
    public DateOnly? LastDetentionReviewOn { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }

    /// <summary>When the next review of the deprivation of liberty is due, while the child is deprived of liberty.</summary>
    public DateOnly? DetentionReviewDue => DetainedFrom is { } from && DetainedUntil is null
        ? LastDetentionReviewOn is { } last ? last.AddDays(Justice.ReviewEveryDays) : from.AddDays(Justice.FirstReviewDays)
        : null;

    public bool IsDetained => DetainedFrom is not null && DetainedUntil is null;

    public void RecordLegalAid(string by, DateOnly on) => (LegalAidBy, LegalAidOn) = (by, on);

    /// <summary>Diversion is for a child alleged to have offended, once.</summary>
    public Refusal? StartDiversion(string measure, DateOnly on)
    {
        if (Role != JusticeRole.Offender) return JusticeErrors.DiversionForOffenders();
        if (Diversion is not null) return JusticeErrors.DiversionRecorded();
        (Diversion, DiversionStartOn) = (measure, on);
        return null;
    }

    public Refusal? CompleteDiversion(DateOnly on, string outcome)
    {
        if (Diversion is null) return JusticeErrors.DiversionFirst();
        if (DiversionCompletedOn is not null) return JusticeErrors.DiversionCompleted();
        if (on < DiversionStartOn) return JusticeErrors.DiversionEndsBeforeStart();
        (DiversionCompletedOn, DiversionOutcome) = (on, outcome);
        return null;
    }

    /// <summary>Only a child alleged to have offended is deprived of liberty; a new deprivation starts its reviews afresh.</summary>
    public Refusal? Detain(DateOnly from, string place)
    {
        if (Role != JusticeRole.Offender) return JusticeErrors.DetentionForOffenders();
        if (IsDetained) return JusticeErrors.AlreadyDetained();
        (DetainedFrom, DetentionPlace, DetainedUntil, LastDetentionReviewOn) = (from, place, null, null);
        return null;
    }

    public Refusal? ReviewDetention(DateOnly on)
    {
        if (DetainedOn(on) is { } refused) return refused;
        LastDetentionReviewOn = on;
        return null;
    }

    public Refusal? Release(DateOnly on)
    {
        if (DetainedOn(on) is { } refused) return refused;
        DetainedUntil = on;
        return null;
    }

    /// <summary>Reviews and release belong to a child deprived of liberty, dated no earlier than the deprivation began.</summary>
    private Refusal? DetainedOn(DateOnly on) =>
        !IsDetained ? JusticeErrors.NotDetained() : on < DetainedFrom ? JusticeErrors.BeforeDetention() : null;
}

public sealed class CourtHearing
{
    public long Id { get; set; }
    public long JusticeRecordId { get; set; }
    public DateOnly On { get; set; }
    public required string Court { get; set; }
    public string? Outcome { get; set; }

    /// <summary>A hearing has an outcome once it has taken place.</summary>
    public Refusal? RecordOutcome(string outcome, DateOnly today)
    {
        if (On > today) return JusticeErrors.HearingNotHeld();
        Outcome = outcome;
        return null;
    }
}
