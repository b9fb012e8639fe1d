using Himaya.Platform;

namespace Himaya.Features.Cases;

/// <summary>The refusals of juvenile justice records and their steps, each with a stable code.</summary>
public static class JusticeErrors
{
    public static Refusal RoleRequired() => Refusal.OnField("justice.role-required", "role");
    public static Refusal ContactOnRequired() => Refusal.OnField("justice.contact-on-required", "contactOn");
    public static Refusal UnknownStep(string steps) => Refusal.OnField("justice.unknown-step", "step", steps);
    public static Refusal DateRequired() => Refusal.OnField("justice.date-required", "on");
    public static Refusal BeforeContact() => Refusal.OnField("justice.before-contact", "on");
    public static Refusal FutureHearingOutcome() => Refusal.OnField("justice.future-hearing-outcome", "outcome");
    public static Refusal HearingRequired() => Refusal.OnField("justice.hearing-required", "hearingId");
    public static Refusal NoSuchHearing() => Refusal.OnField("justice.no-such-hearing", "hearingId");
    public static Refusal HearingNotHeld() => Refusal.Of("justice.hearing-not-held", "hearingId");
    public static Refusal DiversionForOffenders() => Refusal.Of("justice.diversion-for-offenders", "step");
    public static Refusal DiversionRecorded() => Refusal.Of("justice.diversion-recorded", "step");
    public static Refusal DiversionFirst() => Refusal.Of("justice.diversion-first", "step");
    public static Refusal DiversionCompleted() => Refusal.Of("justice.diversion-completed", "step");
    public static Refusal DiversionEndsBeforeStart() => Refusal.Of("justice.diversion-ends-before-start", "step");
    public static Refusal DetentionForOffenders() => Refusal.Of("justice.detention-for-offenders", "step");
    public static Refusal AlreadyDetained() => Refusal.Of("justice.already-detained", "step");
    public static Refusal NotDetained() => Refusal.Of("justice.not-detained", "step");
    public static Refusal BeforeDetention() => Refusal.Of("justice.before-detention", "step");
}
