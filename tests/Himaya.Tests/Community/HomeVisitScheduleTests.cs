using Himaya.Features.Community;
using Shouldly;

namespace Himaya.Tests.Community;

/// <summary>The home visiting schedule read on given days (the clock is the test's): which point a visit counts for, and when one is due, overdue, missed.</summary>
public sealed class HomeVisitScheduleTests
{
    private static readonly DateOnly Birth = new(2026, 1, 10);

    [Fact]
    public void The_schedule_runs_from_the_first_week_to_five_years_and_checks_immunisation_where_vaccines_fall_due()
    {
        var s = HomeVisitSchedule.For(Birth);
        s.Select(v => v.Months).ShouldBe([0, 1, 3, 6, 9, 12, 18, 24, 36, 48, 60]);
        s[0].Due.ShouldBe(new DateOnly(2026, 1, 17));
        s[2].Due.ShouldBe(new DateOnly(2026, 4, 10));
        s.Where(v => v.Checks.Contains(VisitCheck.Immunisation)).Select(v => v.Months).ShouldBe([0, 3, 6, 12, 18, 60]);
        s.ShouldAllBe(v => v.Checks.Contains(VisitCheck.HomeSafety) && v.Checks.Contains(VisitCheck.Development));
    }

    [Fact]
    public void Windows_follow_each_other_without_a_gap_so_every_day_of_the_schedule_counts_for_one_point()
    {
        var s = HomeVisitSchedule.For(Birth);
        for (var n = 1; n < s.Count; n++) s[n].From.ShouldBe(s[n - 1].Until.AddDays(1));
        for (var d = Birth; d < Birth.AddYears(6); d = d.AddDays(1)) HomeVisitSchedule.PointOn(Birth, d).ShouldNotBeNull();
        HomeVisitSchedule.PointOn(Birth, Birth.AddDays(-1)).ShouldBeNull();
        HomeVisitSchedule.PointOn(Birth, Birth.AddYears(6)).ShouldBeNull();
    }

    [Fact]
    public void A_visit_a_little_early_or_late_counts_for_the_point_it_is_nearest()
    {
        HomeVisitSchedule.PointOn(Birth, new DateOnly(2026, 3, 30))!.Months.ShouldBe(3); // eleven days early
        HomeVisitSchedule.PointOn(Birth, new DateOnly(2026, 5, 1))!.Months.ShouldBe(3); // three weeks late
        HomeVisitSchedule.PointOn(Birth, new DateOnly(2026, 3, 20))!.Months.ShouldBe(1);
    }

    [Fact]
    public void A_point_is_upcoming_then_due_then_overdue_after_two_weeks_then_missed_when_its_window_closes_unless_visited()
    {
        var three = HomeVisitSchedule.For(Birth)[2];
        HomeVisitSchedule.StatusOf(three, false, new DateOnly(2026, 3, 20)).ShouldBe(VisitStatus.Upcoming);
        HomeVisitSchedule.StatusOf(three, false, new DateOnly(2026, 3, 27)).ShouldBe(VisitStatus.Due);
        HomeVisitSchedule.StatusOf(three, false, new DateOnly(2026, 4, 24)).ShouldBe(VisitStatus.Due);
        HomeVisitSchedule.StatusOf(three, false, new DateOnly(2026, 4, 25)).ShouldBe(VisitStatus.Overdue);
        HomeVisitSchedule.StatusOf(three, false, three.Until).ShouldBe(VisitStatus.Overdue);
        HomeVisitSchedule.StatusOf(three, false, three.Until.AddDays(1)).ShouldBe(VisitStatus.Missed);
        HomeVisitSchedule.StatusOf(three, true, three.Until.AddDays(1)).ShouldBe(VisitStatus.Done);
    }
}
