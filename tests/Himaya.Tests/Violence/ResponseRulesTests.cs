using Himaya.Features.Violence;
using Himaya.Platform;
using Shouldly;

namespace Himaya.Tests.Violence;

/// <summary>The response's newer rules on their entities: escalation to a person, coordination follow-ups, members who leave, the lookup keys.</summary>
public sealed class ResponseRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private static VacReport Report(DateTime due) => new()
    {
        Reference = "VAC-TEST2345", Description = "x", DistrictCode = "C-GAN", ReportedAt = due.AddHours(-24), ResponseDueAt = due,
    };

    [Theory]
    [InlineData(-1, false, false)]
    [InlineData(1, true, false)]
    [InlineData(23, true, false)]
    [InlineData(24, true, true)]
    [InlineData(60, true, true)]
    public void A_late_report_is_escalated_to_supervisors_at_the_deadline_and_to_the_coordinator_a_day_later(int hoursLate, bool supervisor, bool coordinator)
    {
        var r = Report(Now.AddHours(-hoursLate));
        r.IsEscalatedTo(Escalation.Supervisor, Now, Day).ShouldBe(supervisor);
        r.IsEscalatedTo(Escalation.Coordinator, Now, Day).ShouldBe(coordinator);
        r.IsEscalatedTo(Escalation.None, Now, Day).ShouldBeFalse();
        // The query says the same as the rule.
        foreach (var level in Enum.GetValues<Escalation>())
            VacReport.EscalatedTo(level, Now, Day).Compile()(r).ShouldBe(r.IsEscalatedTo(level, Now, Day), $"{level}, {hoursLate} h late");
    }

    [Fact]
    public void Nothing_is_escalated_once_someone_acted_or_the_report_is_closed()
    {
        var answered = Report(Now.AddHours(-30));
        answered.Record(ResponseAction.HomeVisit, Today, Today, Now.AddHours(-1)).ShouldBeNull();
        var closed = Report(Now.AddHours(-30));
        closed.Close(ReportClosure.Unfounded, null, Now.AddHours(-1)).ShouldBeNull();
        foreach (var r in new[] { answered, closed })
        foreach (var level in Enum.GetValues<Escalation>())
        {
            r.IsEscalatedTo(level, Now, Day).ShouldBeFalse();
            VacReport.EscalatedTo(level, Now, Day).Compile()(r).ShouldBeFalse();
        }
    }

    [Fact]
    public void The_level_a_person_is_escalated_to_follows_their_role()
    {
        static CurrentUser U(params string[] roles) => new(1, "u", "", roles, ScopeKind.Areas, new HashSet<string> { "C-GAN" }, null);
        VacEscalations.LevelOf(U(Roles.Supervisor)).ShouldBe(Escalation.Supervisor);
        VacEscalations.LevelOf(U(Roles.DistrictCoordinator)).ShouldBe(Escalation.Coordinator);
        VacEscalations.LevelOf(U(Roles.Supervisor, Roles.DistrictCoordinator)).ShouldBe(Escalation.Supervisor);
        VacEscalations.LevelOf(U(Roles.SocialWorker)).ShouldBe(Escalation.None);
        VacEscalations.LevelOf(U(Roles.HotlineOperator)).ShouldBe(Escalation.None);
    }

    [Fact]
    public void A_follow_up_is_done_once_and_overdue_only_while_open_past_its_day()
    {
        var d = new CoordinationDecision { Text = "Visit", Owner = "R. Əliyev", DueOn = Today.AddDays(-1) };
        d.IsOpen.ShouldBeTrue();
        d.IsOverdue(Today).ShouldBeTrue();
        d.IsOverdue(Today.AddDays(-1)).ShouldBeFalse();
        new CoordinationDecision { Text = "x", Owner = "y" }.IsOverdue(Today).ShouldBeFalse();

        d.MarkDone(7, "visited", Now).ShouldBeNull();
        (d.DoneAt, d.DoneById, d.DoneNote).ShouldBe((Now, 7, "visited"));
        d.IsOverdue(Today).ShouldBeFalse();
        d.MarkDone(8, "again", Now.AddHours(1))!.Code.ShouldBe("vac.follow-up-done");
        (d.DoneAt, d.DoneById, d.DoneNote).ShouldBe((Now, 7, "visited"));
    }

    [Fact]
    public void A_member_leaves_once_on_a_day_between_joining_and_today()
    {
        var m = new CoordinationMember { DistrictCode = "C-GAN", Agency = "Police", PersonName = "R. Əliyev", AddedAt = Now.AddDays(-10) };
        m.Leave(Today.AddDays(1), Today)!.Code.ShouldBe("field.future-date");
        m.Leave(Today.AddDays(-11), Today)!.Code.ShouldBe("vac.left-before-joined");
        m.Active.ShouldBeTrue();
        m.LeftOn.ShouldBeNull();
        m.Leave(Today.AddDays(-1), Today).ShouldBeNull();
        (m.Active, m.LeftOn).ShouldBe((false, Today.AddDays(-1)));
        m.Leave(Today, Today)!.Code.ShouldBe("vac.member-left");
        m.LeftOn.ShouldBe(Today.AddDays(-1));
    }

    [Fact]
    public void Who_may_mark_a_follow_up_done_is_its_owner_or_the_districts_coordinator()
    {
        static CurrentUser U(int id, string role, string district) => new(id, "u", "", [role], ScopeKind.Areas, new HashSet<string> { district }, null);
        CoordinationWork.MayMarkDone(U(5, Roles.SocialWorker, "C-GAN"), 5, "C-GAN").ShouldBeTrue();
        CoordinationWork.MayMarkDone(U(6, Roles.SocialWorker, "C-GAN"), 5, "C-GAN").ShouldBeFalse();
        CoordinationWork.MayMarkDone(U(6, Roles.DistrictCoordinator, "C-GAN"), 5, "C-GAN").ShouldBeTrue();
        CoordinationWork.MayMarkDone(U(6, Roles.DistrictCoordinator, "C-SIR"), null, "C-GAN").ShouldBeFalse();
        CoordinationWork.MayMarkDone(U(6, Roles.Supervisor, "C-GAN"), null, "C-GAN").ShouldBeFalse();
    }

    [Theory]
    [InlineData("+994 50 123 45 67", "501234567")]
    [InlineData("050 1234567", "501234567")]
    [InlineData("(050) 123-45-67", "501234567")]
    [InlineData("12345", null)]
    [InlineData(null, null)]
    public void The_callers_phone_is_known_by_its_last_nine_digits(string? phone, string? key) => VacIntake.PhoneKeyOf(phone).ShouldBe(key);

    [Fact]
    public void A_child_registered_from_a_report_takes_the_reports_details_unless_the_person_gives_others()
    {
        var r = Report(Now);
        (r.ChildGivenName, r.ChildSurname, r.ChildSex, r.ChildBirthDate) = ("Elvin", "Quliyev", Himaya.Features.Registry.Sex.M, new DateOnly(2017, 5, 1));
        var input = VacLinking.ChildFrom(r, new RegisterChildRequest(1, null, null, "Guliyev", null, null, null, Himaya.Features.Registry.CareArrangement.Parents));
        (input.GivenName, input.Surname, input.Sex, input.BirthDate, input.DistrictCode, input.CareArrangement)
            .ShouldBe(("Elvin", "Guliyev", Himaya.Features.Registry.Sex.M, new DateOnly(2017, 5, 1), "C-GAN", Himaya.Features.Registry.CareArrangement.Parents));
        VacLinking.CaseDefaults(ViolenceType.Physical, ReportRisk.Immediate).ShouldBe(("physical-abuse", Himaya.Features.Cases.RiskLevel.High));
        VacLinking.CaseDefaults(ViolenceType.Bullying, ReportRisk.Low).ShouldBe(("emotional-abuse", Himaya.Features.Cases.RiskLevel.Low));
    }
}
