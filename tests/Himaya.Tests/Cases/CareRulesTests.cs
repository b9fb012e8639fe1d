using Himaya.Features.Cases;
using Himaya.Platform;
using Case = Himaya.Features.Cases.Case;

namespace Himaya.Tests.Cases;

/// <summary>The rules of alternative care on their own: gatekeeping before residential care, placements, reunification and its visits.</summary>
public sealed class CareRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static Case OpenCase(CaseStage stage = CaseStage.Implementation) => new()
    {
        Id = Guid.NewGuid(), Number = "2026-000001", DistrictCode = "C-GAN", Reason = "Neglect", Stage = stage, OwnerId = 1, SupervisorId = 2, Version = 1,
    };

    private static GatekeepingDecision Panel(Case c, string decision, DateOnly on) =>
        new() { CaseId = c.Id, PanelOn = on, PanelMembers = "Panel", OptionsConsidered = "kinship,residential", Decision = decision, Reasons = "Weighed" };

    private static Placement Current(DateOnly startOn, DateOnly? endOn = null) =>
        new() { PlaceName = "Aunt", Type = PlacementType.Kinship, StartOn = startOn, EndOn = endOn };

    [Fact]
    public void Care_is_recorded_on_an_open_case_only()
    {
        foreach (var stage in Enum.GetValues<CaseStage>())
            if (stage == CaseStage.Closed) OpenCase(stage).CanAddRecords()!.Code.ShouldBe("case.closed-reopen-first");
            else OpenCase(stage).CanAddRecords().ShouldBeNull();
    }

    [Fact]
    public void Residential_care_needs_this_cases_panel_decision_for_it_and_starts_no_earlier_than_the_panel_met()
    {
        var c = OpenCase();
        var start = Today.AddDays(-1);
        Code(c.CanPlace(PlacementType.ResidentialInstitution, start, null, null)).ShouldBe(("care.residential-needs-gatekeeping", false));
        Code(c.CanPlace(PlacementType.ResidentialInstitution, start, Panel(c, "kinship", start), null)).ShouldBe(("care.residential-needs-gatekeeping", false));
        Code(c.CanPlace(PlacementType.ResidentialInstitution, start, Panel(OpenCase(), "residential", start), null)).ShouldBe(("care.residential-needs-gatekeeping", false));
        Code(c.CanPlace(PlacementType.ResidentialInstitution, start, Panel(c, "residential", Today), null)).ShouldBe(("care.placement-before-gatekeeping", false));
        c.CanPlace(PlacementType.ResidentialInstitution, start, Panel(c, "residential", start), null).ShouldBeNull();
    }

    [Theory]
    [InlineData(PlacementType.Kinship)]
    [InlineData(PlacementType.Foster)]
    [InlineData(PlacementType.SmallGroupHome)]
    public void Family_based_care_and_small_group_homes_need_no_gatekeeping_decision(PlacementType type) =>
        OpenCase().CanPlace(type, Today, null, null).ShouldBeNull();

    [Fact]
    public void A_new_placement_starts_no_earlier_than_the_current_one_which_is_a_field_error()
    {
        var c = OpenCase();
        var r = c.CanPlace(PlacementType.Kinship, Today.AddDays(-10), null, Current(Today.AddDays(-5)))!;
        (r.Code, r.Field, r.IsFieldError).ShouldBe(("care.starts-before-current", "startOn", true));
        c.CanPlace(PlacementType.Kinship, Today.AddDays(-5), null, Current(Today.AddDays(-5))).ShouldBeNull();
        // Without gatekeeping, residential care is refused before the dates are looked at.
        Code(c.CanPlace(PlacementType.ResidentialInstitution, Today.AddDays(-10), null, Current(Today.AddDays(-5)))).ShouldBe(("care.residential-needs-gatekeeping", false));
    }

    [Fact]
    public void A_placement_ends_once_and_not_before_it_started()
    {
        var p = Current(Today.AddDays(-30));
        p.CanEnd().ShouldBeNull();
        Code(p.End(Today.AddDays(-31), "Moved")).ShouldBe(("care.end-before-start", true));
        p.EndOn.ShouldBeNull();
        p.End(Today.AddDays(-30), "Moved").ShouldBeNull();
        (p.EndOn, p.EndReason).ShouldBe(((DateOnly?)Today.AddDays(-30), "Moved"));
        Code(p.CanEnd()).ShouldBe(("care.placement-ended", false));
        Code(p.End(Today, "Again")).ShouldBe(("care.placement-ended", false));
        (p.EndOn, p.EndReason).ShouldBe(((DateOnly?)Today.AddDays(-30), "Moved"));
    }

    [Fact]
    public void A_child_goes_home_no_earlier_than_the_current_placement_began_and_not_while_earlier_visits_are_open()
    {
        var c = OpenCase();
        c.CanReunify(Today, null, visitsStillOpen: false).ShouldBeNull();
        c.CanReunify(Today, Current(Today.AddDays(-3)), false).ShouldBeNull();
        Code(c.CanReunify(Today.AddDays(-4), Current(Today.AddDays(-3)), false)).ShouldBe(("care.reunified-before-placement", true));
        Code(c.CanReunify(Today, null, visitsStillOpen: true)).ShouldBe(("care.visits-still-open", false));
        // What was sent is answered first.
        Code(c.CanReunify(Today.AddDays(-4), Current(Today.AddDays(-3)), true)).ShouldBe(("care.reunified-before-placement", true));
    }

    [Fact]
    public void Monitoring_visits_fall_due_1_3_6_and_12_months_after_the_child_went_home_and_each_is_recorded_once()
    {
        var caseId = Guid.NewGuid();
        var home = new DateOnly(2026, 1, 15);
        var visits = MonitoringVisit.After(caseId, home).ToList();
        visits.Select(v => (v.CaseId, v.MonthsAfter, v.DueOn)).ShouldBe(
            [(caseId, 1, home.AddMonths(1)), (caseId, 3, home.AddMonths(3)), (caseId, 6, home.AddMonths(6)), (caseId, 12, home.AddMonths(12))]);
        var v = visits[1];
        v.ReunifiedOn.ShouldBe(home);
        Code(v.Record(home.AddDays(-1), "Too early", 1)).ShouldBe(("care.visit-before-reunification", true));
        v.DoneOn.ShouldBeNull();
        v.CanRecord().ShouldBeNull();
        v.Record(home, "All well", byId: 4).ShouldBeNull();
        (v.DoneOn, v.Findings, v.ById).ShouldBe(((DateOnly?)home, "All well", (int?)4));
        Code(v.CanRecord()).ShouldBe(("care.visit-recorded", false));
        Code(v.Record(home.AddMonths(3), "Again", 5)).ShouldBe(("care.visit-recorded", false));
        (v.Findings, v.ById).ShouldBe(("All well", (int?)4));
    }

    private static (string Code, bool IsFieldError) Code(Refusal? r)
    {
        r.ShouldNotBeNull();
        return (r.Code, r.IsFieldError);
    }
}
