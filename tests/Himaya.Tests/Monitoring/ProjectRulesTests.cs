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

    [Theory]
    [InlineData("AZE", true)] [InlineData("C-GAN", true)] [InlineData("R-BAR", true)] [InlineData("C-SUM", false)] [InlineData("", false)]
    public void Targets_and_reports_name_the_whole_project_or_one_of_its_districts(string place, bool reached)
    {
        var p = new Project { Code = "P", NameAz = "", NameEn = "", NameRu = "", Funder = "EU", Currency = "EUR", Districts = "C-GAN;R-BAR" };
        p.Reaches(place).ShouldBe(reached);
    }

    [Fact]
    public void A_text_in_three_languages_needs_each_and_reads_in_the_readers()
    {
        var e = new FieldErrors();
        IndicatorNames.Check(e, new("Ad", null, new string('я', 301)), "name", MonitoringErrors.NameRequired, 300);
        e.All.Keys.ShouldBe(["name.en", "name.ru"], ignoreOrder: true);
        e.CodedFor("name.ru").Select(r => r.Code).ShouldBe(["field.too-long"]);
        var names = new IndicatorNames("Ad", "Name", "Имя");
        (names.In("az"), names.In("ru"), names.In("en"), names.In("de")).ShouldBe(("Ad", "Имя", "Name", "Name"));
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
