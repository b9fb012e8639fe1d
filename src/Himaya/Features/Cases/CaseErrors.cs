using Himaya.Platform;

namespace Himaya.Features.Cases;

/// <summary>
/// The refusals of the case state machine, each with a stable code; the texts are kept per language as
/// <c>Error.&lt;code&gt;</c> in the UI texts (a test checks every one has az, en and ru).
/// </summary>
public static class CaseErrors
{
    public static Refusal UnknownServiceType(string field, string code) => Refusal.OnField("case.unknown-service-type", field, code);
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
    public static Refusal ClosedNoReferral() => Refusal.Of("case.closed-no-referral", "caseId");
    public static Refusal TransferCaseChangedSince(int yours, int current) => Refusal.Of("transfer.case-changed-since", "version", yours, current);
    public static Refusal TransferCaseChangedAtSameMoment() => Refusal.Of("transfer.case-changed-at-same-moment", "version");

    // Opening a case.
    public static Refusal WhichChild() => Refusal.OnField("case.which-child", "childId");
    public static Refusal ConcernsRequired() => Refusal.OnField("case.concerns-required", "concerns");
    public static Refusal UnknownConcern(string concern) => Refusal.OnField("case.unknown-concern", "concerns", concern);
    public static Refusal RiskRequired() => Refusal.OnField("case.risk-required", "risk");
    public static Refusal UnknownOpenedFrom() => Refusal.OnField("case.unknown-opened-from", "openedFrom");
    public static Refusal OwnerRequired() => Refusal.OnField("case.owner-required", "ownerId");
    public static Refusal OwnerNotCovering() => Refusal.OnField("case.owner-not-covering", "ownerId");
    public static Refusal SupervisorNotCovering() => Refusal.OnField("case.supervisor-not-covering", "supervisorId");
    public static Refusal NoSupervisorCovers() => Refusal.OnField("case.no-supervisor-covers", "supervisorId");
    public static Refusal SupervisorIsOwner() => Refusal.OnField("case.supervisor-is-owner", "supervisorId");
    public static Refusal NoOpenOutreachTask() => Refusal.OnField("case.no-open-outreach-task", "outreachTaskId");
    public static Refusal ChildHasOpenCase() => Refusal.Of("case.child-has-open-case", "childId");

    // The steps' fields.
    public static Refusal VersionRequired() => Refusal.OnField("case.version-required", "version");
    public static Refusal ChildSafeRequired() => Refusal.OnField("case.child-safe-required", "childSafe");
    public static Refusal WellbeingRequired() => Refusal.OnField("case.wellbeing-required", "wellbeing");
    public static Refusal UnknownWellbeingDomain(string field) => Refusal.OnField("case.unknown-wellbeing-domain", field);
    public static Refusal WellbeingRating(string field) => Refusal.OnField("case.wellbeing-rating", field);
    public static Refusal ActionsRequired() => Refusal.OnField("case.actions-required", "actions");
    public static Refusal TooManyActions(int max) => Refusal.OnField("case.too-many-actions", "actions", max);
    public static Refusal ActionDueRequired(string field) => Refusal.OnField("case.action-due-required", field);
    public static Refusal ActionDueInPast(string field) => Refusal.OnField("case.action-due-in-past", field);
    public static Refusal ActionDueTooFar(string field) => Refusal.OnField("case.action-due-too-far", field);
    public static Refusal CarePlanDomainsRequired() => Refusal.OnField("case.care-plan-domains-required", "carePlanDomains");
    public static Refusal UnknownCarePlanDomain(string domain) => Refusal.OnField("case.unknown-care-plan-domain", "carePlanDomains", domain);
    public static Refusal CarePlanReviewCycle() => Refusal.OnField("case.care-plan-review-cycle", "reviewCycleMonths");
    public static Refusal ReviewCycle() => Refusal.OnField("case.review-cycle", "reviewCycleMonths");
    /// <summary>The API says which values mean what (true, false); the pages offer two buttons.</summary>
    public static Refusal ApproveOrReturn() => Refusal.OnField("case.approve-or-return", "approve");
    public static Refusal ReturnReasonRequired() => Refusal.OnField("case.return-reason-required", "comment");
    public static Refusal NextReviewRequired() => Refusal.OnField("case.next-review-required", "nextReviewOn");
    public static Refusal NextReviewAfterToday() => Refusal.OnField("case.next-review-after-today", "nextReviewOn");
    public static Refusal NextReviewWithinYear() => Refusal.OnField("case.next-review-within-year", "nextReviewOn");
    public static Refusal ClosureReasonRequired(string reasons) => Refusal.OnField("case.closure-reason-required", "reason", reasons);
    public static Refusal TransferSupervisorRequired() => Refusal.OnField("case.transfer-supervisor-required", "toSupervisorId");
    public static Refusal NoteKindRequired(string kinds) => Refusal.OnField("case.note-kind-required", "kind", kinds);
    public static Refusal NoteDateRequired() => Refusal.OnField("case.note-date-required", "on");
    public static Refusal NoteBeforeOpening() => Refusal.OnField("case.note-before-opening", "on");

    // Lists.
    public static Refusal StageOneOf(string stages) => Refusal.OnField("case.stage-one-of", "stage", stages);
    public static Refusal PageRange(int max) => Refusal.OnField("case.page-range", "page", max);

    // Who may work on a case (403: the API sends the text as the title; pages translate the refusal by its code).
    public static Refusal OnlyOwnerOrSupervisorWorks() => Refusal.Of("case.only-owner-or-supervisor-works", "caseId");
    public static Refusal OnlySupervisorDecides() => Refusal.Of("case.only-supervisor-decides", "caseId");
    public static Refusal OnlyOwnerOrSupervisorWrites() => Refusal.Of("case.only-owner-or-supervisor-writes", "caseId");
    public static Refusal OnlyOwnerOrSupervisorRefers() => Refusal.Of("case.only-owner-or-supervisor-refers", "caseId");
    public static Refusal OnlyOwnerOrSupervisorCancelsReferrals() => Refusal.Of("case.only-owner-or-supervisor-cancels-referrals", "caseId");
    public static Refusal OnlyOwnerOrSupervisorAddsDocuments() => Refusal.Of("case.only-owner-or-supervisor-adds-documents", "caseId");

    // Answering a transfer.
    public static Refusal TransferVersionRequired() => Refusal.OnField("transfer.version-required", "version");
    public static Refusal AcceptOrDecline() => Refusal.OnField("transfer.accept-or-decline", "accept");
    public static Refusal DeclineReasonRequired() => Refusal.OnField("transfer.decline-reason-required", "comment");
    public static Refusal NewOwnerRequired() => Refusal.OnField("transfer.new-owner-required", "newOwnerId");
    public static Refusal NewOwnerNotCovering() => Refusal.OnField("transfer.new-owner-not-covering", "newOwnerId");
}
