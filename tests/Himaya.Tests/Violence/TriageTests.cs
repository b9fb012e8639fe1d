using Himaya.Features.Violence;
using Shouldly;

namespace Himaya.Tests.Violence;

public sealed class TriageTests
{
    [Theory]
    [InlineData(true, ViolenceType.Bullying, 15, 0, ReportRisk.Immediate)]
    [InlineData(false, ViolenceType.Sexual, 12, 0, ReportRisk.High)]
    [InlineData(false, ViolenceType.Physical, 9, 0, ReportRisk.Medium)]
    [InlineData(false, ViolenceType.Bullying, 12, 0, ReportRisk.Low)]
    [InlineData(false, ViolenceType.Bullying, 3, 0, ReportRisk.Medium)]
    [InlineData(false, ViolenceType.Bullying, null, 1, ReportRisk.Medium)]
    [InlineData(false, ViolenceType.Bullying, 12, 2, ReportRisk.High)]
    [InlineData(false, ViolenceType.Physical, 2, 5, ReportRisk.High)]
    public void The_risk_follows_danger_type_age_and_repeats(bool danger, ViolenceType type, int? age, int earlier, ReportRisk expected) =>
        Triage.Assess(danger, type, age, earlier).ShouldBe(expected);

    [Fact]
    public void A_district_may_set_its_own_deadlines_and_keeps_the_national_ones_it_leaves_out()
    {
        var o = new VacOptions { Districts = { ["C-GAN"] = new() { [ReportRisk.Immediate] = 12 } } };
        o.DeadlineFor("C-GAN", ReportRisk.Immediate).ShouldBe(TimeSpan.FromHours(12));
        o.DeadlineFor("C-GAN", ReportRisk.High).ShouldBe(TimeSpan.FromHours(72));
        o.DeadlineFor("C-SIR", ReportRisk.Immediate).ShouldBe(TimeSpan.FromHours(24));
    }
}

public sealed class VacReportRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    private static VacReport Report() => new()
    {
        Reference = "VAC-TEST2345", Description = "x", DistrictCode = "C-GAN", ReportedAt = Now, ResponseDueAt = Now.AddHours(24),
        OccurredOn = Today.AddDays(-2),
    };

    [Fact]
    public void Escalation_goes_to_the_supervisor_at_the_deadline_and_to_the_coordinator_a_day_later_until_someone_acts()
    {
        var r = Report();
        var day = TimeSpan.FromHours(24);
        r.EscalationAt(Now.AddHours(23), day).ShouldBe(Escalation.None);
        r.EscalationAt(Now.AddHours(25), day).ShouldBe(Escalation.Supervisor);
        r.EscalationAt(Now.AddHours(48), day).ShouldBe(Escalation.Coordinator);
        r.Record(ResponseAction.HomeVisit, Today, Today, Now.AddHours(50)).ShouldBeNull();
        r.EscalationAt(Now.AddHours(60), day).ShouldBe(Escalation.None);
        r.FirstRespondedAt.ShouldBe(Now.AddHours(50));
    }

    [Fact]
    public void Each_step_refuses_an_illegal_move_with_a_code_and_changes_nothing()
    {
        var r = Report();
        r.Record(ResponseAction.HomeVisit, Today.AddDays(1), Today, Now)!.Code.ShouldBe("field.future-date");
        r.Record(ResponseAction.HomeVisit, Today.AddDays(-5), Today, Now)!.Code.ShouldBe("vac.action-before-incident");
        r.Record(ResponseAction.RemovalToSafety, Today, Today, Now)!.Code.ShouldBe("vac.removal-needs-case");
        r.Close(ReportClosure.Resolved, null, Now)!.Code.ShouldBe("vac.close-needs-action");
        r.Status.ShouldBe(ReportStatus.New);
        r.FirstRespondedAt.ShouldBeNull();

        r.Assign(7, Now).ShouldBeNull();
        r.Status.ShouldBe(ReportStatus.Assigned);
        r.Assign(7, Now)!.Code.ShouldBe("vac.already-assigned");
        r.Close(ReportClosure.Unfounded, "Checked: nothing happened", Now).ShouldBeNull();
        r.Status.ShouldBe(ReportStatus.Closed);
        r.Record(ResponseAction.HomeVisit, Today, Today, Now)!.Code.ShouldBe("vac.closed");
        r.Close(ReportClosure.Resolved, null, Now)!.Code.ShouldBe("vac.closed");
        r.Assign(8, Now)!.Code.ShouldBe("vac.closed");
    }

    [Fact]
    public void A_report_linked_to_a_case_keeps_to_that_childs_case()
    {
        var r = Report();
        var child = Guid.NewGuid();
        r.LinkChild(child).ShouldBeNull();
        r.LinkCase(Guid.NewGuid(), Guid.NewGuid())!.Code.ShouldBe("vac.case-of-other-child");
        r.LinkCase(Guid.NewGuid(), child).ShouldBeNull();
        r.Record(ResponseAction.RemovalToSafety, Today, Today, Now).ShouldBeNull();
        r.Close(ReportClosure.ReferredToCase, null, Now).ShouldBeNull();
    }
}
