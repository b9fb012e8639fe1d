using Himaya.Features.Cases;
using Himaya.Platform;
using Case = Himaya.Features.Cases.Case;

namespace Himaya.Tests.Cases;

/// <summary>The case state machine on its own: every step from every stage, in milliseconds, no database.</summary>
public sealed class CaseStateMachineTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    private static Case New() => new()
    {
        Number = "2026-000001", DistrictCode = "C-GAN", Reason = "Hungry at school", Stage = CaseStage.InitialAssessment,
        Risk = RiskLevel.Medium, OwnerId = 1, SupervisorId = 2, Version = 1,
    };

    /// <summary>A case walked to <paramref name="stage"/> by its own steps.</summary>
    private static Case At(CaseStage stage)
    {
        var c = New();
        if (stage == CaseStage.InitialAssessment) return c;
        c.RecordInitialAssessment(RiskLevel.High, Now.AddDays(30)).ShouldBeNull();
        if (stage == CaseStage.ComprehensiveAssessment) return c;
        c.RecordComprehensiveAssessment(false, false, Now.AddDays(60)).ShouldBeNull();
        if (stage == CaseStage.CasePlan) return c;
        c.SubmitPlan(false, false, [], null).ShouldBeNull();
        c.DecidePlan(true, Today, 3).ShouldBeNull();
        if (stage == CaseStage.Implementation) return c;
        c.Review(Today.AddMonths(2)).ShouldBeNull();
        if (stage == CaseStage.FollowUp) return c;
        c.RequestClosure("goals-achieved", "Back at school", "").ShouldBeNull();
        c.DecideClosure(true, "", Now).ShouldBeNull();
        return c;
    }

    public static TheoryData<CaseStage> Stages() => [.. Enum.GetValues<CaseStage>()];

    [Fact]
    public void A_case_goes_from_its_initial_assessment_to_closure_step_by_step()
    {
        var c = New();
        c.RecordInitialAssessment(RiskLevel.High, Now.AddDays(30)).ShouldBeNull();
        (c.Stage, c.Risk, c.DueAt).ShouldBe((CaseStage.ComprehensiveAssessment, RiskLevel.High, Now.AddDays(30)));
        c.RecordComprehensiveAssessment(true, true, Now.AddDays(45)).ShouldBeNull();
        (c.Stage, c.DueAt).ShouldBe((CaseStage.CasePlan, Now.AddDays(45)));
        c.SubmitPlan(true, true, ["health", "education", "health"], 6).ShouldBeNull();
        (c.Pending, c.IndividualCarePlan, c.CarePlanDomains, c.ReviewCycleMonths).ShouldBe((PendingApproval.Plan, true, "health,education", 6));
        c.DecidePlan(true, Today, 3).ShouldBeNull();
        (c.Stage, c.Pending, c.DueAt, c.NextReviewOn).ShouldBe((CaseStage.Implementation, PendingApproval.None, (DateTime?)null, Today.AddMonths(6)));
        c.Review(Today.AddMonths(1)).ShouldBeNull();
        (c.Stage, c.NextReviewOn).ShouldBe((CaseStage.FollowUp, Today.AddMonths(1)));
        c.RequestClosure("goals-achieved", "Back at school", "").ShouldBeNull();
        (c.Pending, c.ClosureReason).ShouldBe((PendingApproval.Closure, "goals-achieved"));
        c.DecideClosure(true, "", Now).ShouldBeNull();
        (c.Stage, c.Pending, c.ClosedAt, c.NextReviewOn).ShouldBe((CaseStage.Closed, PendingApproval.None, Now, (DateOnly?)null));
        c.Reopen(false, Now.AddDays(1)).ShouldBeNull();
        (c.Stage, c.ClosedAt, c.ClosureReason, c.DueAt).ShouldBe((CaseStage.InitialAssessment, (DateTime?)null, (string?)null, Now.AddDays(1)));
    }

    [Theory, MemberData(nameof(Stages))]
    public void Each_step_is_refused_at_every_stage_but_its_own_and_the_case_is_left_as_it_was(CaseStage stage)
    {
        (string Step, CaseStage[] AllowedAt, Func<Case, Refusal?> Do)[] steps =
        [
            ("initial assessment", [CaseStage.InitialAssessment], c => c.RecordInitialAssessment(RiskLevel.Low, Now)),
            ("comprehensive assessment", [CaseStage.ComprehensiveAssessment], c => c.RecordComprehensiveAssessment(false, false, Now)),
            ("plan", [CaseStage.CasePlan], c => c.SubmitPlan(false, false, [], null)),
            ("review", [CaseStage.Implementation, CaseStage.FollowUp], c => c.Review(Today.AddMonths(1))),
            ("closure", [.. Enum.GetValues<CaseStage>().Where(s => s != CaseStage.Closed)], c => c.RequestClosure("other", "x", "")),
            ("reopening", [CaseStage.Closed], c => c.Reopen(false, Now)),
            ("transfer", [.. Enum.GetValues<CaseStage>().Where(s => s != CaseStage.Closed)], c => c.RequestTransfer(9, "C-GAN", "moving", true, Now, 1)),
        ];
        foreach (var (step, allowedAt, act) in steps)
        {
            var c = At(stage);
            var before = Snapshot(c);
            var refused = act(c);
            if (allowedAt.Contains(stage)) refused.ShouldBeNull($"{step} at {stage}");
            else
            {
                refused.ShouldNotBeNull($"{step} at {stage}");
                refused.Code.ShouldStartWith("case.");
                Snapshot(c).ShouldBe(before, $"a refused {step} changed the case");
            }
        }
    }

    [Fact]
    public void A_child_with_a_functional_difficulty_needs_its_functioning_described_and_an_individual_care_plan()
    {
        var c = At(CaseStage.ComprehensiveAssessment);
        var r = c.RecordComprehensiveAssessment(childHasDifficulty: true, functioningDescribed: false, Now)!;
        (r.Code, r.Field, r.IsFieldError).ShouldBe(("case.functioning-required", "functioning", true));
        c.Stage.ShouldBe(CaseStage.ComprehensiveAssessment);
        c.RecordComprehensiveAssessment(true, true, Now).ShouldBeNull();
        var p = c.SubmitPlan(childHasDifficulty: true, individualCarePlan: false, [], null)!;
        (p.Code, p.Field, p.IsFieldError).ShouldBe(("case.individual-care-plan-required", "individualCarePlan", true));
        c.Pending.ShouldBe(PendingApproval.None);
    }

    [Fact]
    public void The_supervisor_decides_only_what_waits_for_a_decision_and_a_returned_plan_can_be_sent_again()
    {
        var c = At(CaseStage.CasePlan);
        c.DecidePlan(true, Today, 3)!.Code.ShouldBe("case.no-plan-waiting");
        c.SubmitPlan(false, false, [], null).ShouldBeNull();
        c.SubmitPlan(false, false, [], null)!.Code.ShouldBe("case.plan-waiting");
        c.DecidePlan(false, Today, 3).ShouldBeNull();
        (c.Stage, c.Pending).ShouldBe((CaseStage.CasePlan, PendingApproval.None));
        c.SubmitPlan(false, false, [], 2).ShouldBeNull();
        c.DecidePlan(true, Today, 3).ShouldBeNull();
        c.NextReviewOn.ShouldBe(Today.AddMonths(2));
        c.DecideClosure(true, "", Now)!.Code.ShouldBe("case.no-closure-waiting");
    }

    [Fact]
    public void Open_referrals_stop_a_closure_when_asked_and_when_approved_and_a_returned_closure_is_forgotten()
    {
        var c = At(CaseStage.FollowUp);
        var r = c.RequestClosure("goals-achieved", "Done", "MHPSS")!;
        (r.Code, r.Field, r.IsFieldError, r.Args[0]).ShouldBe(("case.open-referrals", "referrals", false, (object?)"MHPSS"));
        c.Pending.ShouldBe(PendingApproval.None);
        c.RequestClosure("goals-achieved", "Done", "").ShouldBeNull();
        c.RequestClosure("goals-achieved", "Done", "")!.Code.ShouldBe("case.waiting-for-supervisor-on");
        c.DecideClosure(true, "Legal aid", Now)!.Code.ShouldBe("case.open-referrals-again");
        c.Stage.ShouldBe(CaseStage.FollowUp);
        c.DecideClosure(false, "", Now).ShouldBeNull();
        (c.Pending, c.ClosureReason, c.ClosureOutcome, c.Stage).ShouldBe((PendingApproval.None, (string?)null, (string?)null, CaseStage.FollowUp));
    }

    [Fact]
    public void A_transfer_waits_for_its_answer_goes_only_to_another_team_that_covers_the_district_and_can_be_withdrawn()
    {
        var c = At(CaseStage.Implementation);
        c.RequestTransfer(c.SupervisorId, "C-GAN", "x", true, Now, 1)!.Code.ShouldBe("case.same-team");
        c.RequestTransfer(9, "C-SIR", "x", receiverCovers: false, Now, 1)!.Code.ShouldBe("case.receiver-not-covering");
        c.WithdrawTransfer()!.Code.ShouldBe("case.no-transfer-waiting");
        c.RequestTransfer(9, "C-SIR", "Family moved", true, Now, 1).ShouldBeNull();
        (c.TransferToSupervisorId, c.TransferToDistrict, c.TransferRequestedById).ShouldBe(((int?)9, "C-SIR", (int?)1));
        c.RequestTransfer(8, "C-SIR", "x", true, Now, 1)!.Code.ShouldBe("case.transfer-waiting");
        c.WithdrawTransfer().ShouldBeNull();
        (c.TransferToSupervisorId, c.TransferToDistrict).ShouldBe(((int?)null, (string?)null));
        c.SupervisorId.ShouldBe(2);
    }

    [Fact]
    public void An_accepted_transfer_hands_the_case_to_the_receiving_team_and_a_declined_one_leaves_it_as_it_was()
    {
        var c = At(CaseStage.Implementation);
        c.AcceptTransfer(5, "SSA")!.Code.ShouldBe("case.no-transfer-waiting");
        c.DeclineTransfer()!.Code.ShouldBe("case.no-transfer-waiting");
        c.RequestTransfer(9, "C-SIR", "Family moved", true, Now, 1).ShouldBeNull();
        c.DeclineTransfer().ShouldBeNull();
        (c.DistrictCode, c.OwnerId, c.SupervisorId, c.TransferToSupervisorId).ShouldBe(("C-GAN", 1, 2, (int?)null));
        c.RequestTransfer(9, "C-SIR", "Family moved", true, Now, 1).ShouldBeNull();
        c.AcceptTransfer(5, "SSA Shirvan").ShouldBeNull();
        (c.DistrictCode, c.OwnerId, c.SupervisorId, c.Agency).ShouldBe(("C-SIR", 5, 9, "SSA Shirvan"));
        (c.TransferToSupervisorId, c.TransferToDistrict, c.TransferReason, c.TransferRequestedAt, c.TransferRequestedById)
            .ShouldBe(((int?)null, (string?)null, (string?)null, (DateTime?)null, (int?)null));
        c.Stage.ShouldBe(CaseStage.Implementation);
    }

    [Theory, MemberData(nameof(Stages))]
    public void Records_are_appended_and_referrals_sent_on_an_open_case_only(CaseStage stage)
    {
        var c = At(stage);
        if (stage == CaseStage.Closed)
        {
            (c.CanAddRecords()!.Code, c.CanRefer()!.Code, c.CanAddNote()!.Code).ShouldBe(("case.closed-reopen-first", "case.closed-no-referral", "case.closed-no-notes"));
            return;
        }
        (c.CanAddRecords(), c.CanRefer(), c.CanAddNote()).ShouldBe(((Refusal?)null, (Refusal?)null, (Refusal?)null));
    }

    [Fact]
    public void The_owner_and_the_supervisor_work_on_a_case_and_each_step_says_who_changed_it_last()
    {
        var c = New();
        (c.IsWorkedOnBy(1), c.IsWorkedOnBy(2), c.IsWorkedOnBy(3)).ShouldBe((true, true, false));
        c.Touch(Now, 2);
        (c.UpdatedAt, c.UpdatedById).ShouldBe((Now, 2));
    }

    [Fact]
    public void A_closed_case_takes_no_notes_and_reopens_only_if_the_child_has_no_other_open_case()
    {
        var c = At(CaseStage.Closed);
        c.CanAddNote()!.Code.ShouldBe("case.closed-no-notes");
        c.Reopen(childHasOtherOpenCase: true, Now)!.Code.ShouldBe("case.child-has-other-open-case");
        c.Stage.ShouldBe(CaseStage.Closed);
        c.Reopen(false, Now).ShouldBeNull();
        c.CanAddNote().ShouldBeNull();
    }

    [Theory, MemberData(nameof(Stages))]
    public void The_checks_before_a_lookup_agree_with_the_steps_they_stand_for(CaseStage stage)
    {
        // The use case looks up open referrals or the child's other cases only when the case's state lets the step through.
        var c = At(stage);
        (c.CanRequestClosure() is null).ShouldBe(At(stage).RequestClosure("other", "x", "") is null);
        (c.CanReopen() is null).ShouldBe(At(stage).Reopen(false, Now) is null);
        c.CanDecideClosure()!.Code.ShouldBe("case.no-closure-waiting");
        if (stage == CaseStage.Closed) return;
        c.RequestClosure("other", "x", "").ShouldBeNull();
        c.CanRequestClosure()!.Code.ShouldBe("case.waiting-for-supervisor-on");
        c.CanDecideClosure().ShouldBeNull();
    }

    [Fact]
    public void A_change_from_an_older_version_is_refused_with_both_versions()
    {
        var c = New();
        c.CheckVersion(1).ShouldBeNull();
        var r = c.CheckVersion(0)!;
        (r.Code, r.Field).ShouldBe(("case.changed-since", "version"));
        r.Message.ShouldBe("Someone else changed this case since you opened it (your version 0, current 1). Their change is shown; yours was not saved.");
    }

    private static string Snapshot(Case c) =>
        $"{c.Stage}|{c.Risk}|{c.Pending}|{c.DueAt:o}|{c.NextReviewOn}|{c.IndividualCarePlan}|{c.CarePlanDomains}|{c.ReviewCycleMonths}|" +
        $"{c.ClosureReason}|{c.ClosureOutcome}|{c.ClosedAt:o}|{c.TransferToSupervisorId}|{c.TransferToDistrict}|{c.TransferReason}";
}
