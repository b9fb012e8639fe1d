using Himaya.Features.Institutions;
using Shouldly;

namespace Himaya.Tests.Institutions;

/// <summary>The rules the institution register and its visits keep on their entities, without a database.</summary>
public sealed class InstitutionRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly DateTime Now = new(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_place_typed_by_a_case_worker_names_the_institution_whatever_its_case_and_spacing()
    {
        var i = new Institution { Name = "Gəncə 1 nömrəli uşaq evi", DistrictCode = "C-GAN", Capacity = 40 };
        i.Holds("  GƏNCƏ 1   nömrəli UŞAQ evi ").ShouldBeTrue();
        i.Holds("Gəncə 2 nömrəli uşaq evi").ShouldBeFalse();
        // The dotted capital İ of Azerbaijani, and a dotless I typed for it, both name "nömrəli".
        i.Holds("GƏNCƏ 1 NÖMRƏLİ UŞAQ EVİ").ShouldBeTrue();
        i.Holds("GƏNCƏ 1 NÖMRƏLI UŞAQ EVI").ShouldBeTrue();
        i.Holds(null).ShouldBeFalse();
        (i.Occupancy(40), i.Occupancy(46), i.Occupancy(0)).ShouldBe((100, 115, 0));
    }

    [Fact]
    public void Capacity_is_required_and_between_one_and_the_largest_there_is()
    {
        Institution.Check(null).Single().Code.ShouldBe("field.required");
        Institution.Check(0).Single().Code.ShouldBe("institution.capacity");
        Institution.Check(Institution.MaxCapacity + 1).Single().Code.ShouldBe("institution.capacity");
        Institution.Check(1).ShouldBeEmpty();
    }

    [Fact]
    public void Each_kind_of_institution_is_visited_with_its_own_checklist_and_an_item_not_met_says_what_was_seen()
    {
        Checklists.For(InstitutionKind.ChildrensHome).ShouldBe(Checklists.Care);
        Checklists.For(InstitutionKind.CorrectionalFacility).ShouldBe(Checklists.Detention);
        Checklists.Care.Intersect(Checklists.Detention).ShouldBeEmpty();
        VisitCheck.Check(InstitutionKind.PreTrialDetention, "care.plan", CheckAnswer.Met, null, "answers[0]")!.Field.ShouldBe("answers[0].item");
        VisitCheck.Check(InstitutionKind.ChildrensHome, "care.plan", CheckAnswer.NotMet, " ", "answers[3]")!.Field.ShouldBe("answers[3].note");
        VisitCheck.Check(InstitutionKind.ChildrensHome, "care.plan", CheckAnswer.PartlyMet, null, "a")!.Code.ShouldBe("institution.note-needed");
        VisitCheck.Check(InstitutionKind.ChildrensHome, "care.plan", CheckAnswer.NotSeen, null, "a").ShouldBeNull();
        VisitCheck.Check(InstitutionKind.ChildrensHome, "care.plan", CheckAnswer.NotMet, "Two plans out of date", "a").ShouldBeNull();
    }

    [Fact]
    public void An_interview_is_logged_only_with_consent_and_a_child_only_by_age_group()
    {
        VisitInterview.Check(Interviewee.Child, "12-14", true).ShouldBeEmpty();
        VisitInterview.Check(Interviewee.Child, "12-14", false).Single().Code.ShouldBe("institution.consent-needed");
        VisitInterview.Check(Interviewee.Child, "13", true).Single().Code.ShouldBe("institution.age-group");
        VisitInterview.Check(Interviewee.Child, null, null).Select(r => r.Code).ShouldBe(["institution.consent-needed", "institution.age-group"]);
        VisitInterview.Check(Interviewee.Staff, "15-17", true).Single().Code.ShouldBe("institution.age-group-children");
        VisitInterview.Check(Interviewee.Staff, null, true).ShouldBeEmpty();
    }

    [Fact]
    public void A_visit_is_reported_once_every_item_is_answered_and_then_no_longer_changes()
    {
        var v = new InstitutionVisit { Team = "t", VisitedOn = Today };
        InstitutionVisit.CheckDate(Today.AddDays(1), Today)!.Code.ShouldBe("field.future-date");
        InstitutionVisit.CheckDate(null, Today)!.Code.ShouldBe("field.required");
        InstitutionVisit.CheckDate(Today, Today).ShouldBeNull();
        var missing = v.Report(InstitutionKind.ChildrensHome, Checklists.Care.Skip(2), "s", Now)!;
        (missing.Code, missing.Args.Single()).ShouldBe(("institution.checklist-incomplete", (object?)2));
        v.Status.ShouldBe(VisitStatus.Open);
        v.CanChange().ShouldBeNull();
        v.Report(InstitutionKind.ChildrensHome, Checklists.Care, "All seen", Now).ShouldBeNull();
        (v.Status, v.Summary, v.ReportedAt).ShouldBe((VisitStatus.Reported, "All seen", (DateTime?)Now));
        v.CanChange()!.Code.ShouldBe("institution.visit-reported");
        v.Report(InstitutionKind.ChildrensHome, Checklists.Care, "Again", Now)!.Code.ShouldBe("institution.visit-reported");
        v.Summary.ShouldBe("All seen");
    }

    private static VisitFinding Open(DateOnly? due = null) =>
        new() { Finding = "f", Recommendation = "r", Addressee = "a", Status = FollowUpStatus.Open, DueOn = due };

    [Fact]
    public void The_authority_answers_a_recommendation_until_it_is_implemented_and_the_monitors_verify_it()
    {
        var f = Open();
        f.Respond(FollowUpStatus.Verified, Now)!.Code.ShouldBe("institution.response-status");
        f.Respond(FollowUpStatus.Open, Now)!.Code.ShouldBe("institution.response-status");
        f.Verify(confirmed: true, Now)!.Code.ShouldBe("institution.nothing-to-verify");
        f.Respond(FollowUpStatus.InProgress, Now).ShouldBeNull();
        f.Respond(FollowUpStatus.InProgress, Now)!.Code.ShouldBe("institution.same-status");
        f.Respond(FollowUpStatus.Implemented, Now).ShouldBeNull();
        f.IsOpen.ShouldBeTrue();
        f.Respond(FollowUpStatus.InProgress, Now)!.Code.ShouldBe("institution.awaits-verification");
        f.Verify(confirmed: false, Now).ShouldBeNull();
        f.Status.ShouldBe(FollowUpStatus.Open);
        f.Respond(FollowUpStatus.Implemented, Now).ShouldBeNull();
        f.Verify(confirmed: true, Now).ShouldBeNull();
        (f.Status, f.IsOpen).ShouldBe((FollowUpStatus.Verified, false));
        f.Respond(FollowUpStatus.InProgress, Now)!.Code.ShouldBe("institution.follow-up-closed");
        f.Verify(confirmed: true, Now)!.Code.ShouldBe("institution.nothing-to-verify");
    }

    [Fact]
    public void A_refused_recommendation_is_closed_for_the_authority_and_the_monitors_may_open_it_again()
    {
        var f = Open();
        f.Respond(FollowUpStatus.NotAccepted, Now).ShouldBeNull();
        f.IsOpen.ShouldBeFalse();
        f.Respond(FollowUpStatus.InProgress, Now)!.Code.ShouldBe("institution.follow-up-closed");
        f.Verify(confirmed: true, Now)!.Code.ShouldBe("institution.nothing-to-verify");
        f.Verify(confirmed: false, Now).ShouldBeNull();
        f.Status.ShouldBe(FollowUpStatus.Open);
    }

    [Fact]
    public void A_recommendation_is_past_due_only_while_nobody_says_it_is_done()
    {
        var f = Open(due: Today.AddDays(-1));
        f.IsOverdue(Today).ShouldBeTrue();
        Open(due: Today).IsOverdue(Today).ShouldBeFalse();
        Open().IsOverdue(Today).ShouldBeFalse();
        f.Respond(FollowUpStatus.Implemented, Now);
        f.IsOverdue(Today).ShouldBeFalse();
    }

    [Fact]
    public void A_finding_names_an_item_of_the_institutions_checklist_and_is_due_no_earlier_than_the_visit()
    {
        VisitFinding.Check(InstitutionKind.ChildrensHome, "care.complaints", Today, Today).ShouldBeEmpty();
        VisitFinding.Check(InstitutionKind.ChildrensHome, null, null, Today).ShouldBeEmpty();
        VisitFinding.Check(InstitutionKind.CorrectionalFacility, "care.complaints", Today.AddDays(-1), Today).Select(r => (r.Code, r.Field))
            .ShouldBe([("institution.unknown-item", "item"), ("institution.due-before-visit", "dueOn")]);
    }
}
