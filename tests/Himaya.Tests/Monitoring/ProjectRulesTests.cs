using System.Globalization;
using Himaya.Features.Monitoring;
using Himaya.Platform;
using Shouldly;

namespace Himaya.Tests.Monitoring;

/// <summary>The rules of a project's money and time, and how progress reports are read against a target.</summary>
public sealed class ProjectRulesTests
{
    private static string[] Codes(decimal? budget, decimal? share, DateOnly? start, DateOnly? end) =>
        [.. Project.Check(budget, share, start, end).Select(r => $"{r.Field}:{r.Code}")];

    [Fact]
    public void A_project_whose_money_and_dates_hold_together_breaks_no_rule() =>
        Codes(1_245_808m, 1_100_000m, new(2023, 1, 1), new(2025, 12, 31)).ShouldBeEmpty();

    [Fact]
    public void The_funder_cannot_give_more_than_the_budget_and_a_project_cannot_end_before_it_starts()
    {
        Codes(1_000m, 1_000.01m, new(2023, 1, 1), new(2025, 12, 31)).ShouldBe(["funderShare:monitoring.share-above-budget"]);
        Codes(1_000m, 1_000m, new(2025, 1, 2), new(2025, 1, 1)).ShouldBe(["end:monitoring.end-before-start"]);
        Codes(0m, -1m, null, null).ShouldBe(["budget:monitoring.positive", "funderShare:monitoring.positive", "start:field.required", "end:field.required"]);
        Codes(null, null, new(2025, 1, 1), new(2025, 1, 1)).ShouldBe(["budget:field.required", "funderShare:field.required"]);
    }

    [Theory]
    [InlineData("2025", "2025-01-01", "2025-12-31")]
    [InlineData("2025-Q3", "2025-07-01", "2025-09-30")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2025-Q4", "2025-10-01", "2025-12-31")]
    public void A_period_spans_its_days(string period, string from, string to) =>
        Periods.Span(period).ShouldBe((DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2023", true)] [InlineData("2025-Q4", true)] [InlineData("2022-11", false)] [InlineData("2022-12", true)] [InlineData("2026", false)] [InlineData("2022", true)]
    public void A_period_belongs_to_a_project_when_it_overlaps_its_dates(string period, bool covered)
    {
        var p = new Project { Code = "P", NameAz = "", NameEn = "", NameRu = "", Funder = "EU", Currency = "EUR", Start = new(2022, 12, 15), End = new(2025, 12, 31) };
        p.Covers(period).ShouldBe(covered);
    }

    private static ResultProgress R(string place, string period, decimal value) =>
        new() { Place = place, Period = period, Value = value };

    [Fact]
    public void A_target_reads_the_latest_cumulative_report_of_its_place_up_to_its_period()
    {
        ResultProgress[] reports = [R("AZE", "2024", 18_500), R("AZE", "2025-Q2", 30_000), R("AZE", "2025", 41_200), R("AZE", "2026-Q1", 50_000), R("C-GAN", "2025", 9_000)];
        ResultProgress.Achieved(reports, "AZE", "2025").ShouldBe(41_200);
        ResultProgress.Achieved(reports, "AZE", "2025-Q3").ShouldBe(30_000);
        ResultProgress.Achieved(reports, "AZE", "2026").ShouldBe(50_000);
        ResultProgress.Achieved(reports, "C-GAN", "2024").ShouldBeNull();
        ResultProgress.Achieved(reports, "R-BAR", "2026").ShouldBeNull();
        // A year and its last month end on the same day: the finer report is the later word.
        ResultProgress.Achieved([R("AZE", "2025", 10), R("AZE", "2025-12", 12)], "AZE", "2025").ShouldBe(12);
    }

    [Theory]
    [InlineData(41_200, 60_000, 69)] [InlineData(400, 400, 100)] [InlineData(450, 400, 113)] [InlineData(1, 3, 33)] [InlineData(1, 200, 1)]
    public void Achievement_is_a_whole_percentage_of_the_target(int achieved, int target, int percent) =>
        ResultProgress.Percent(achieved, target).ShouldBe(percent);

    [Fact]
    public void Without_a_report_or_against_a_zero_target_there_is_no_percentage()
    {
        ResultProgress.Percent(null, 100).ShouldBeNull();
        ResultProgress.Percent(5, 0).ShouldBeNull();
    }

    [Theory]
    [InlineData("az", "1234,5", 1234.5)] [InlineData("az", "1234.5", 1234.5)] [InlineData("ru", "12 000,25", 12000.25)]
    [InlineData("en", "1234.5", 1234.5)] [InlineData("en", "-3", -3)]
    public void A_typed_number_reads_in_the_users_language_or_with_a_point(string culture, string text, double expected)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            var e = new FieldErrors();
            QueryParse.Decimal(e, "value", text).ShouldBe((decimal)expected);
            e.IsEmpty.ShouldBeTrue();
        }
        finally { CultureInfo.CurrentCulture = before; }
    }

    [Theory]
    [InlineData("en", "1234,5")] [InlineData("az", "1.234,5")] [InlineData("en", "twelve")] [InlineData("az", "1e3")]
    public void A_number_that_could_be_misread_is_a_field_error(string culture, string text)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            var e = new FieldErrors();
            QueryParse.Decimal(e, "value", text).ShouldBeNull();
            e.CodedFor("value").Select(r => r.Code).ShouldBe(["field.number"]);
            e.All.Keys.ShouldBe(["value"]);
        }
        finally { CultureInfo.CurrentCulture = before; }
    }
}

/// <summary>An indicator's metadata rules: its status moves a step at a time; SDG targets and CRC articles as written.</summary>
public sealed class IndicatorMetadataRulesTests
{
    [Theory]
    [InlineData(IndicatorStatus.Draft, IndicatorStatus.Approved, true)] [InlineData(IndicatorStatus.Approved, IndicatorStatus.Published, true)]
    [InlineData(IndicatorStatus.Published, IndicatorStatus.Approved, true)] [InlineData(IndicatorStatus.Approved, IndicatorStatus.Draft, true)]
    [InlineData(IndicatorStatus.Draft, IndicatorStatus.Published, false)] [InlineData(IndicatorStatus.Published, IndicatorStatus.Draft, false)]
    [InlineData(IndicatorStatus.Draft, IndicatorStatus.Draft, true)]
    public void A_status_moves_one_step_at_a_time(IndicatorStatus from, IndicatorStatus to, bool allowed) => Indicator.CanMove(from, to).ShouldBe(allowed);

    [Theory]
    [InlineData("4.2", true)] [InlineData("4.2.2", true)] [InlineData("16.2.1", true)] [InlineData("5.a.1", true)] [InlineData("17.10", true)]
    [InlineData("18.1", false)] [InlineData("4", false)] [InlineData("4.2.2.1", false)] [InlineData("SDG 4.2", false)] [InlineData("0.1", false)]
    public void An_sdg_target_is_written_as_the_un_writes_it(string text, bool valid) => Indicator.IsSdgTarget(text).ShouldBe(valid);

    [Fact]
    public void Crc_articles_are_kept_in_order_once_each_and_only_from_1_to_54()
    {
        Indicator.CrcArticleList([29, 28, 28]).ShouldBe([28, 29]);
        Indicator.CrcArticleList(null).ShouldBe([]);
        Indicator.CrcArticleList([0]).ShouldBeNull();
        Indicator.CrcArticleList([55, 3]).ShouldBeNull();
    }
}

/// <summary>On track or not: the straight line from baseline to target, read at the latest value's period.</summary>
public sealed class TrajectoryTests
{
    private static MarkView Mark(MarkKind kind, string period, decimal value) => new(kind, "AZE", period, value);
    private static ValueView Value(string period, decimal value) => new(period, "AZE", value, new Dictionary<string, string>(), null);

    [Fact]
    public void Preschool_enrolment_at_35_percent_in_2024_is_behind_the_line_from_14_in_2015_to_50_in_2026()
    {
        var a = Trajectory.Assess(Mark(MarkKind.Baseline, "2015", 14), Mark(MarkKind.Target, "2026", 50), Value("2024", 35), IndicatorDirection.HigherIsBetter);
        a.Status.ShouldBe(TrackStatus.OffTrack);
        // 14 + 36 × (days from the end of 2015 to the end of 2024) / (to the end of 2026): about 43.5.
        a.Expected!.Value.ShouldBe(43.45m, 0.05m);
    }

    [Theory]
    [InlineData(IndicatorDirection.HigherIsBetter, 45, TrackStatus.OnTrack)]
    [InlineData(IndicatorDirection.HigherIsBetter, 50, TrackStatus.Reached)]
    [InlineData(IndicatorDirection.LowerIsBetter, 20, TrackStatus.OnTrack)]
    [InlineData(IndicatorDirection.LowerIsBetter, 26, TrackStatus.OffTrack)]
    [InlineData(IndicatorDirection.LowerIsBetter, 9, TrackStatus.Reached)]
    public void The_direction_decides_which_side_of_the_line_is_on_track(IndicatorDirection direction, int latest, TrackStatus status)
    {
        var (baseline, target) = direction == IndicatorDirection.HigherIsBetter ? (14m, 50m) : (40m, 10m);
        Trajectory.Assess(Mark(MarkKind.Baseline, "2016", baseline), Mark(MarkKind.Target, "2026", target), Value("2021", latest), direction)
            .Status.ShouldBe(status);
    }

    [Fact]
    public void Without_a_baseline_only_a_reached_target_can_be_said()
    {
        Trajectory.Assess(null, Mark(MarkKind.Target, "2026", 50), Value("2024", 35), IndicatorDirection.HigherIsBetter).Status.ShouldBeNull();
        Trajectory.Assess(null, Mark(MarkKind.Target, "2026", 50), Value("2024", 51), IndicatorDirection.HigherIsBetter).Status.ShouldBe(TrackStatus.Reached);
        Trajectory.Assess(Mark(MarkKind.Baseline, "2025", 14), Mark(MarkKind.Target, "2026", 50), Value("2024", 35), IndicatorDirection.HigherIsBetter)
            .Status.ShouldBeNull("a value before the baseline has no line to be on");
    }
}

public sealed class TotalKeyTests
{
    [Theory]
    [InlineData("", true)] [InlineData("SEX=_T", true)] [InlineData("AGE=_T;SEX=_T", true)] [InlineData("SEX=F", false)] [InlineData("AGE=_T;SEX=M", false)]
    public void A_key_is_the_total_when_every_dimension_is_at_its_total_code(string key, bool total) => Disaggregations.IsTotal(key).ShouldBe(total);
}

/// <summary>The child-focused budget's arithmetic: share and per child by year, executed where every line has it.</summary>
public sealed class BudgetRulesTests
{
    private static BudgetLine L(int year, ChildRelevance relevance, decimal planned, decimal? executed = null) =>
        new() { Year = year, Programme = "p", Relevance = relevance, Planned = planned, Executed = executed };

    [Fact]
    public void A_year_counts_direct_and_indirect_spending_for_children_against_all_of_it()
    {
        var years = BudgetYear.Of([L(2024, ChildRelevance.Direct, 300), L(2024, ChildRelevance.Indirect, 100), L(2024, ChildRelevance.None, 600)],
            new Dictionary<int, decimal> { [2024] = 2_000 });
        var y = years.ShouldHaveSingleItem();
        (y.Total, y.Direct, y.Indirect, y.ChildShare, y.PerChild, y.Executed, y.Lines).ShouldBe((1_000m, 300m, 100m, 40.0m, 0.20m, false, 3));
    }

    [Fact]
    public void Executed_amounts_count_only_when_every_line_of_the_year_has_one_and_per_child_needs_a_population()
    {
        var years = BudgetYear.Of([L(2023, ChildRelevance.Direct, 100, 90), L(2023, ChildRelevance.None, 100, 110), L(2024, ChildRelevance.Direct, 100, 95), L(2024, ChildRelevance.None, 100)],
            new Dictionary<int, decimal>());
        (years[0].Year, years[0].Executed, years[0].Total, years[0].ChildShare).ShouldBe((2023, true, 200m, 45.0m));
        (years[1].Year, years[1].Executed, years[1].Total, years[1].ChildShare).ShouldBe((2024, false, 200m, 50.0m));
        years.ShouldAllBe(y => y.PerChild == null && y.ChildPopulation == null);
    }

    [Fact]
    public void A_line_needs_a_plausible_year_a_programme_and_amounts_not_below_zero()
    {
        BudgetLine.Check(2024, "Child benefit", 1, 0).ShouldBeEmpty();
        BudgetLine.Check(1999, " ", -1, -5).Select(r => $"{r.Field}:{r.Code}")
            .ShouldBe(["year:monitoring.budget-year", "programme:field.required", "planned:monitoring.positive", "executed:monitoring.positive"]);
        BudgetLine.Check(null, null, null, null).Select(r => r.Field).ShouldBe(["year", "programme", "planned"]);
    }
}

/// <summary>The daily computation's clock: the next run at the hour in Baku (UTC+4), today if still ahead, else tomorrow.</summary>
public sealed class IndicatorScheduleTests
{
    [Theory]
    [InlineData("2026-12-03T16:00:00Z", 2, 6)]   // 20:00 in Baku → 02:00 tomorrow
    [InlineData("2026-12-03T21:30:00Z", 2, 0.5)] // 01:30 in Baku → 02:00 today
    [InlineData("2026-12-03T22:00:00Z", 2, 24)]  // 02:00 exactly → tomorrow's
    public void The_next_run_is_at_the_hour_in_baku(string utc, int hour, double hours) =>
        IndicatorSchedule.UntilNext(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture), hour).ShouldBe(TimeSpan.FromHours(hours));
}
