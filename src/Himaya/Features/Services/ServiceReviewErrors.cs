using Himaya.Platform;

namespace Himaya.Features.Services;

/// <summary>The refusals of editing and reviewing services, each with a stable code; texts as <c>Error.&lt;code&gt;</c> in Texts.json.</summary>
public static class ServiceReviewErrors
{
    public static Refusal VersionRequired() => Refusal.OnField("services.version-required", "version");
    public static Refusal ChangedSince(int yours, int current) => Refusal.Of("services.changed-since", "version", yours, current);
    public static Refusal SavedAtSameMoment() => Refusal.Of("services.saved-at-same-moment", "version");
    public static Refusal ClosedReopenFirst() => Refusal.Of("services.closed-reopen-first", "status");
    public static Refusal AlreadyClosed() => Refusal.Of("services.already-closed", "status");
    public static Refusal NotClosed() => Refusal.Of("services.not-closed", "status");
    public static Refusal NothingToReview(ServiceStatus status) => Refusal.Of("services.nothing-to-review", "status", status);
    public static Refusal ChangeOutsideArea() => Refusal.Of("services.change-outside-area", "districts");
    /// <summary>The API says which values mean what (true, false); the pages offer two buttons.</summary>
    public static Refusal ApproveOrReturn() => Refusal.OnField("services.approve-or-return", "approve");
    public static Refusal ReasonRequired() => Refusal.OnField("services.reason-required", "reason");
}
