using Himaya.Platform;

namespace Himaya.Features.Cases;

/// <summary>The refusals of referrals and the services they go to, each with a stable code (texts as <c>Error.&lt;code&gt;</c>).</summary>
public static class ReferralErrors
{
    public static Refusal ChangedSince(int yours, int current) => Refusal.Of("referral.changed-since", "version", yours, current);
    public static Refusal StepNotAllowed(ReferralStatus status, ReferralStep step) => Refusal.Of("referral.step-not-allowed", "status",
        status, new TextArg("ReferralStepDone." + step, Referrals.Past(step)));
    public static Refusal AnsweredAtSameMoment() => Refusal.Of("referral.answered-at-same-moment", "version");
    public static Refusal ServiceRequired() => Refusal.OnField("referral.service-required", "serviceId");
    public static Refusal UnknownService() => Refusal.OnField("referral.unknown-service", "serviceId");
    public static Refusal ServiceAges(string service, int minAge, int maxAge, int age) =>
        Refusal.OnField("referral.service-ages", "serviceId", service, minAge, maxAge, age);
    public static Refusal ServiceArea(string service, PlaceName district) => Refusal.OnField("referral.service-area", "serviceId", service, district);
    public static Refusal ServiceSex(string service) => Refusal.OnField("referral.service-sex", "serviceId", service);
    public static Refusal ServiceDisability(string service) => Refusal.OnField("referral.service-disability", "serviceId", service);
    public static Refusal CapacityOnlyOnDecline() => Refusal.OnField("referral.capacity-only-on-decline", "noCapacity");
    public static Refusal ConsentRequired() => Refusal.OnField("referral.consent-required", "consentGiven");
    public static Refusal ConsentByRequired() => Refusal.OnField("referral.consent-by-required", "consentBy");
    public static Refusal ConsentOnRequired() => Refusal.OnField("referral.consent-on-required", "consentOn");
    public static Refusal ConsentTooOld() => Refusal.OnField("referral.consent-too-old", "consentOn");
    public static Refusal DueInPast() => Refusal.OnField("referral.due-in-past", "dueOn");
    public static Refusal VersionRequired() => Refusal.OnField("referral.version-required", "version");
    public static Refusal DeclineReasonRequired() => Refusal.OnField("referral.decline-reason-required", "text");
    public static Refusal DeliveryRequired() => Refusal.OnField("referral.delivery-required", "text");
    public static Refusal OutcomeRequired() => Refusal.OnField("referral.outcome-required", "text");
    public static Refusal CancelReasonRequired() => Refusal.OnField("referral.cancel-reason-required", "text");
    public static Refusal Box() => Refusal.OnField("referral.box", "box");
    public static Refusal StatusOneOf(string statuses) => Refusal.OnField("referral.status-one-of", "status", statuses);
}
