using Himaya.Platform;

namespace Himaya.Features.Cases;

/// <summary>
/// The case state machine: every step a case can take, as a method that refuses an illegal move (a coded
/// <see cref="Refusal"/>, nothing changed) or makes it. What a step records beside the case (assessments, plan actions,
/// history, audit) and what it must look up first (open referrals, staff) is the use case's (<see cref="CaseWork"/>);
/// which stage comes next and what the case holds is decided here, and unit-tested without a database.
/// </summary>
public sealed partial class Case
{
    public Refusal? RecordInitialAssessment(RiskLevel risk, DateTime comprehensiveDue)
    {
        if (Stage != CaseStage.InitialAssessment) return CaseErrors.InitialAssessmentNotDue(Stage);
        Risk = risk;
        MoveTo(CaseStage.ComprehensiveAssessment, comprehensiveDue);
        return null;
    }

    /// <summary>A child with a functional difficulty needs their functioning described (a field error, not a conflict).</summary>
    public Refusal? RecordComprehensiveAssessment(bool childHasDifficulty, bool functioningDescribed, DateTime planDue)
    {
        if (Stage != CaseStage.ComprehensiveAssessment)
            return Stage == CaseStage.InitialAssessment ? CaseErrors.InitialAssessmentFirst() : CaseErrors.ComprehensiveAssessmentDone(Stage);
        if (childHasDifficulty && !functioningDescribed) return CaseErrors.FunctioningRequired();
        MoveTo(CaseStage.CasePlan, planDue);
        return null;
    }

    /// <summary>The plan goes to the supervisor; a child with a functional difficulty needs an individual care plan.</summary>
    public Refusal? SubmitPlan(bool childHasDifficulty, bool individualCarePlan, IEnumerable<string> carePlanDomains, int? reviewCycleMonths)
    {
        if (Stage != CaseStage.CasePlan)
            return Stage is CaseStage.InitialAssessment or CaseStage.ComprehensiveAssessment ? CaseErrors.AssessmentsFirst() : CaseErrors.PlanAlreadyApproved(Stage);
        if (Pending == PendingApproval.Plan) return CaseErrors.PlanWaiting();
        if (childHasDifficulty && !individualCarePlan) return CaseErrors.IndividualCarePlanRequired();
        IndividualCarePlan = individualCarePlan;
        CarePlanDomains = individualCarePlan ? string.Join(',', carePlanDomains.Distinct()) : "";
        ReviewCycleMonths = reviewCycleMonths;
        Pending = PendingApproval.Plan;
        return null;
    }

    /// <summary>Approved: the plan is carried out and reviewed every cycle. Returned: back to the owner to submit again.</summary>
    public Refusal? DecidePlan(bool approve, DateOnly today, int defaultReviewCycleMonths)
    {
        if (Pending != PendingApproval.Plan) return CaseErrors.NoPlanWaiting();
        Pending = PendingApproval.None;
        if (!approve) return null;
        MoveTo(CaseStage.Implementation, null);
        NextReviewOn = today.AddMonths(ReviewCycleMonths ?? defaultReviewCycleMonths);
        return null;
    }

    public Refusal? Review(DateOnly nextReviewOn)
    {
        if (Stage is not (CaseStage.Implementation or CaseStage.FollowUp)) return CaseErrors.ReviewNeedsPlan();
        MoveTo(CaseStage.FollowUp, null);
        NextReviewOn = nextReviewOn;
        return null;
    }

    /// <summary>Whether the case's state lets its closure be asked for (before looking up its open referrals).</summary>
    public Refusal? CanRequestClosure() =>
        Stage == CaseStage.Closed ? CaseErrors.AlreadyClosed()
        : Pending != PendingApproval.None ? CaseErrors.WaitingForSupervisorOn(Pending)
        : null;

    /// <summary><paramref name="openReferrals"/>: the services still holding an open referral of the case (empty when none).</summary>
    public Refusal? RequestClosure(string reason, string outcome, string openReferrals)
    {
        if (CanRequestClosure() is { } refused) return refused;
        if (openReferrals.Length > 0) return CaseErrors.OpenReferrals(openReferrals);
        (ClosureReason, ClosureOutcome, Pending) = (reason, outcome, PendingApproval.Closure);
        return null;
    }

    public Refusal? CanDecideClosure() => Pending != PendingApproval.Closure ? CaseErrors.NoClosureWaiting() : null;

    /// <summary>Approved: closed (refused if a referral was opened meanwhile). Returned: the closure request is forgotten.</summary>
    public Refusal? DecideClosure(bool approve, string openReferrals, DateTime now)
    {
        if (CanDecideClosure() is { } refused) return refused;
        if (!approve)
        {
            (Pending, ClosureReason, ClosureOutcome) = (PendingApproval.None, null, null);
            return null;
        }
        if (openReferrals.Length > 0) return CaseErrors.OpenReferralsAgain(openReferrals);
        Pending = PendingApproval.None;
        MoveTo(CaseStage.Closed, null);
        (ClosedAt, NextReviewOn) = (now, null);
        return null;
    }

    public Refusal? CanReopen() => Stage != CaseStage.Closed ? CaseErrors.OnlyClosedReopens() : null;

    /// <summary>A closed case starts again at its initial assessment, unless the child has another open case.</summary>
    public Refusal? Reopen(bool childHasOtherOpenCase, DateTime initialAssessmentDue)
    {
        if (CanReopen() is { } refused) return refused;
        if (childHasOtherOpenCase) return CaseErrors.ChildHasOtherOpenCase();
        MoveTo(CaseStage.InitialAssessment, initialAssessmentDue);
        (ClosedAt, ClosureReason, ClosureOutcome, Pending) = (null, null, null, PendingApproval.None);
        return null;
    }

    /// <summary>Nothing changes hands until the receiving supervisor accepts (<see cref="CaseTransfers"/>).</summary>
    public Refusal? RequestTransfer(int toSupervisorId, string toDistrict, string reason, bool receiverCovers, DateTime now, int byId)
    {
        if (Stage == CaseStage.Closed) return CaseErrors.ClosedNotTransferred();
        if (TransferToSupervisorId is not null) return CaseErrors.TransferWaiting();
        if (Pending != PendingApproval.None) return CaseErrors.WaitingForSupervisor();
        if (toSupervisorId == SupervisorId) return CaseErrors.SameTeam();
        if (!receiverCovers) return CaseErrors.ReceiverNotCovering();
        (TransferToSupervisorId, TransferToDistrict, TransferReason, TransferRequestedAt, TransferRequestedById) = (toSupervisorId, toDistrict, reason, now, byId);
        return null;
    }

    public Refusal? WithdrawTransfer()
    {
        if (TransferToSupervisorId is null) return CaseErrors.NoTransferWaiting();
        (TransferToSupervisorId, TransferToDistrict, TransferReason, TransferRequestedAt, TransferRequestedById) = (null, null, null, null, null);
        return null;
    }

    /// <summary>
    /// The receiving supervisor takes the case into their team: its district, owner, supervisor and agency change now,
    /// and the transfer is done.
    /// </summary>
    public Refusal? AcceptTransfer(int newOwnerId, string newOwnerAgency)
    {
        if (TransferToSupervisorId is not { } receiver) return CaseErrors.NoTransferWaiting();
        (DistrictCode, OwnerId, SupervisorId, Agency) = (TransferToDistrict!, newOwnerId, receiver, newOwnerAgency);
        return WithdrawTransfer();
    }

    /// <summary>Declined: the case stays with its team as it was.</summary>
    public Refusal? DeclineTransfer() => WithdrawTransfer();

    public Refusal? CanAddNote() => Stage == CaseStage.Closed ? CaseErrors.ClosedNoNotes() : null;

    /// <summary>Appended records (alternative care, justice) go on an open case.</summary>
    public Refusal? CanAddRecords() => Stage == CaseStage.Closed ? CaseErrors.ClosedReopenFirst() : null;

    public Refusal? CanRefer() => Stage == CaseStage.Closed ? CaseErrors.ClosedNoReferral() : null;

    /// <summary>A change based on an older version of the case is refused whole.</summary>
    public Refusal? CheckVersion(int version) => version != Version ? CaseErrors.ChangedSince(version, Version) : null;

    private void MoveTo(CaseStage stage, DateTime? due) => (Stage, DueAt) = (stage, due);
}
