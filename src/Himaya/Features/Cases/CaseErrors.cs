using Himaya.Platform;

namespace Himaya.Features.Cases;

/// <summary>
/// The refusals of the case state machine, each with a stable code; the texts are kept per language as
/// <c>Error.&lt;code&gt;</c> in the UI texts (a test checks every one has az, en and ru).
/// </summary>
public static class CaseErrors
{
    public static Refusal InitialAssessmentNotDue(CaseStage stage) => Refusal.Of("case.initial-assessment-not-due", "stage", stage);
    public static Refusal InitialAssessmentFirst() => Refusal.Of("case.initial-assessment-first", "stage");
    public static Refusal ComprehensiveAssessmentDone(CaseStage stage) => Refusal.Of("case.comprehensive-assessment-done", "stage", stage);
    public static Refusal FunctioningRequired() => Refusal.OnField("case.functioning-required", "functioning");
    public static Refusal AssessmentsFirst() => Refusal.Of("case.assessments-first", "stage");
    public static Refusal PlanAlreadyApproved(CaseStage stage) => Refusal.Of("case.plan-already-approved", "stage", stage);
    public static Refusal PlanWaiting() => Refusal.Of("case.plan-waiting", "stage");
    public static Refusal IndividualCarePlanRequired() => Refusal.OnField("case.individual-care-plan-required", "individualCarePlan");
    public static Refusal NoPlanWaiting() => Refusal.Of("case.no-plan-waiting", "stage");
    public static Refusal ReviewNeedsPlan() => Refusal.Of("case.review-needs-plan", "stage");
    public static Refusal AlreadyClosed() => Refusal.Of("case.already-closed", "stage");
    public static Refusal WaitingForSupervisorOn(PendingApproval pending) => Refusal.Of("case.waiting-for-supervisor-on", "stage",
        new TextArg("PendingApproval." + pending, pending.ToString().ToLowerInvariant()));
    public static Refusal OpenReferrals(string services) => Refusal.Of("case.open-referrals", "referrals", services);
    public static Refusal NoClosureWaiting() => Refusal.Of("case.no-closure-waiting", "stage");
    public static Refusal OpenReferralsAgain(string services) => Refusal.Of("case.open-referrals-again", "referrals", services);
    public static Refusal OnlyClosedReopens() => Refusal.Of("case.only-closed-reopens", "stage");
    public static Refusal ChildHasOtherOpenCase() => Refusal.Of("case.child-has-other-open-case", "childId");
    public static Refusal ClosedNotTransferred() => Refusal.Of("case.closed-not-transferred", "stage");
    public static Refusal TransferWaiting() => Refusal.Of("case.transfer-waiting", "stage");
    public static Refusal WaitingForSupervisor() => Refusal.Of("case.waiting-for-supervisor", "stage");
    public static Refusal SameTeam() => Refusal.OnField("case.same-team", "toSupervisorId");
    public static Refusal ReceiverNotCovering() => Refusal.OnField("case.receiver-not-covering", "toSupervisorId");
    public static Refusal NoTransferWaiting() => Refusal.Of("case.no-transfer-waiting", "stage");
    public static Refusal ClosedNoNotes() => Refusal.Of("case.closed-no-notes", "caseId");
    public static Refusal ChangedSince(int yours, int current) => Refusal.Of("case.changed-since", "version", yours, current);
    public static Refusal SavedAtSameMoment() => Refusal.Of("case.saved-at-same-moment", "version");
    public static Refusal ClosedReopenFirst() => Refusal.Of("case.closed-reopen-first", "stage");
    public static Refusal ResidentialNeedsGatekeeping() => Refusal.Of("care.residential-needs-gatekeeping", "stage");
    public static Refusal PlacementBeforeGatekeeping() => Refusal.Of("care.placement-before-gatekeeping", "stage");
    public static Refusal PlacementEnded() => Refusal.Of("care.placement-ended", "stage");
    public static Refusal VisitsStillOpen() => Refusal.Of("care.visits-still-open", "stage");
    public static Refusal VisitRecorded() => Refusal.Of("care.visit-recorded", "stage");
    public static Refusal ClosedNoReferral() => Refusal.Of("case.closed-no-referral", "caseId");
    public static Refusal ReferralChangedSince(int yours, int current) => Refusal.Of("referral.changed-since", "version", yours, current);
    public static Refusal ReferralStepNotAllowed(ReferralStatus status, ReferralStep step) => Refusal.Of("referral.step-not-allowed", "status",
        status, new TextArg("ReferralStepDone." + step, Referrals.Past(step)));
    public static Refusal ReferralAnsweredAtSameMoment() => Refusal.Of("referral.answered-at-same-moment", "version");
    public static Refusal TransferCaseChangedSince(int yours, int current) => Refusal.Of("transfer.case-changed-since", "version", yours, current);
    public static Refusal TransferCaseChangedAtSameMoment() => Refusal.Of("transfer.case-changed-at-same-moment", "version");
}
