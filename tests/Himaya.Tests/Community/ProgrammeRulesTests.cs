using Himaya.Features.Community;
using Shouldly;

namespace Himaya.Tests.Community;

/// <summary>The programme's own rules, without a database: what a contact may be, and how periods are read.</summary>
public sealed class ProgrammeRulesTests
{
    private static readonly Programme Ecd = new() { Name = "ECD", ActivityTypes = "CounsellingSession;GroupSession", Districts = "C-GAN;C-SIR" };

    [Fact]
    public void A_contact_is_one_of_the_programmes_activities_in_one_of_its_districts()
    {
        Ecd.CheckContact(ActivityType.GroupSession, "C-GAN").ShouldBeEmpty();
        Ecd.CheckContact(ActivityType.HomeVisit, "C-GAN").Single().Code.ShouldBe("community.activity-not-run");
        Ecd.CheckContact(ActivityType.GroupSession, "C-BAK").Single().Code.ShouldBe("community.district-not-covered");
        Ecd.CheckContact(ActivityType.YouthSession, "C-BAK").Select(r => r.Field).ShouldBe(["activityType", "districtCode"]);
        Ecd.Activities.ShouldBe([ActivityType.CounsellingSession, ActivityType.GroupSession]);
        Ecd.DistrictList.ShouldBe(["C-GAN", "C-SIR"]);
    }

    [Theory]
    [InlineData("2026", "2026")]
    [InlineData("2026Q1", "2026-Q1")]
    [InlineData("2026-Q4", "2026-Q4")]
    [InlineData("2026-03", "2026-03")]
    [InlineData("202603", "2026-03")]
    [InlineData("2026-13", null)]
    [InlineData("2026Q5", null)]
    [InlineData("26", null)]
    [InlineData(null, null)]
    public void A_period_is_a_year_a_quarter_or_a_month_kept_in_one_form(string? text, string? kept) =>
        Programme.Period(text).ShouldBe(kept);

    [Theory]
    [InlineData("2022-12-04", "0-4")]
    [InlineData("2021-12-03", "5-9")]
    [InlineData("2016-12-04", "5-9")]
    [InlineData("2016-12-03", "10-14")]
    [InlineData("2009-12-04", "15-17")]
    [InlineData("2008-12-03", "18+")]
    public void Progress_is_broken_down_by_age_on_the_day(string birth, string group) =>
        Programmes.AgeGroup(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 12, 3)).ShouldBe(group);

    [Fact]
    public void Targets_are_for_the_programmes_districts_and_valid_periods_each_once_refused_by_item()
    {
        var e = new Himaya.Platform.FieldErrors();
        Programme.TargetsFrom(
        [
            new TargetInput("C-GAN", "2026", 40), new TargetInput("C-GAN", "2026-Q1", 10), new TargetInput("C-BAK", "2026", 5),
            new TargetInput("C-SIR", "2026Q9", 5), new TargetInput("C-SIR", "2026", 0), new TargetInput("C-GAN", "2026", 30), null,
        ], ["C-GAN", "C-SIR"], e);
        e.All.Keys.ShouldBe(["targets[2].districtCode", "targets[3].period", "targets[4].uniqueChildren", "targets[5]",
            "targets[6].districtCode", "targets[6].period", "targets[6].uniqueChildren"], ignoreOrder: true);
        e.CodedFor("targets[5]").Single().Code.ShouldBe("community.target-twice");
        // Refused, nothing is kept by the caller; accepted, the targets as kept (the period in SDMX form).
        Programme.TargetsFrom([new TargetInput(" C-GAN ", "2026Q1", 10), new TargetInput("C-SIR", "2026", 40)], ["C-GAN", "C-SIR"], e = new Himaya.Platform.FieldErrors())
            .Select(t => (t.DistrictCode, t.Period, t.UniqueChildren)).ShouldBe([("C-GAN", "2026-Q1", 10), ("C-SIR", "2026", 40)]);
        e.IsEmpty.ShouldBeTrue();
        Programme.TargetsFrom(null, ["C-GAN"], e).ShouldBeEmpty();
        e.IsEmpty.ShouldBeTrue();
    }
}
