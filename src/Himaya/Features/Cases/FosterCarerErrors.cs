using Himaya.Platform;

namespace Himaya.Features.Cases;

/// <summary>The refusals of the foster carer register and of placing a child with a carer, each with a stable code.</summary>
public static class FosterCarerErrors
{
    public static Refusal DistrictOutsideScope() => Refusal.OnField("carer.district-outside-scope", "districtCode");
    public static Refusal AppliedOnRequired() => Refusal.OnField("carer.applied-on-required", "appliedOn");
    public static Refusal Capacity() => Refusal.OnField("carer.capacity", "capacity");
    public static Refusal AgeRange(string field) => Refusal.OnField("carer.age-range", field);
    public static Refusal MaxBelowMin() => Refusal.OnField("carer.max-below-min", "maxAge");
    public static Refusal VersionRequired() => Refusal.OnField("carer.version-required", "version");
    public static Refusal DateRequired() => Refusal.OnField("carer.date-required", "on");
    public static Refusal BeforeApplication() => Refusal.OnField("carer.before-application", "on");
    public static Refusal ReviewOutcome() => Refusal.OnField("carer.review-outcome", "outcome");
    public static Refusal ChangedSince(int yours, int current) => Refusal.Of("carer.changed-since", "version", yours, current);
    public static Refusal ChangedAtSameMoment() => Refusal.Of("carer.changed-at-same-moment", "version");
    public static Refusal AssessmentFirst() => Refusal.Of("carer.assessment-first", "status");
    public static Refusal ApprovalNeedsTraining() => Refusal.Of("carer.approval-needs-training", "status");
    public static Refusal ReviewNeedsApproval() => Refusal.Of("carer.review-needs-approval", "status");
    public static Refusal Already(FosterCarerStatus status) => Refusal.Of("carer.already", "status", Status(status));

    // Why a carer cannot take a child (a field error of the placement's fosterCarerId).
    public static Refusal NotApproved(string carer, FosterCarerStatus status) => Refusal.OnField("carer.not-approved", "fosterCarerId", carer, Status(status));
    public static Refusal Ages(string carer, int minAge, int maxAge, int age) => Refusal.OnField("carer.ages", "fosterCarerId", carer, minAge, maxAge, age);
    public static Refusal NoDisability(string carer) => Refusal.OnField("carer.no-disability", "fosterCarerId", carer);
    public static Refusal NoFreePlace(string carer, int placed, int capacity) => Refusal.OnField("carer.no-free-place", "fosterCarerId", carer, placed, capacity);

    /// <summary>A status by its name in the API, by its page text (<c>CarerStatus.X</c>) on pages.</summary>
    private static TextArg Status(FosterCarerStatus s) => new("CarerStatus." + s, s.ToString());
}
