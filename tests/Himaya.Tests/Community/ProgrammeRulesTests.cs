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
}
