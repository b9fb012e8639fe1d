using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace Himaya.BrowserTests;

/// <summary>The indicators' pages: the list and one indicator's values over time, as a chart and the table behind it.</summary>
public sealed class MonitoringPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(390, "az", "5 yaşadək uşaq ölümü", "1000-ə nisbətdə")]
    [InlineData(1920, "ru", "Смертность детей до пяти лет", "На 1000")]
    public async Task An_analyst_follows_under_five_mortality_over_time_in_the_readers_language(int width, string language, string name, string unit)
    {
        var page = await app.SignedInPageAsync("analyst", language, width);
        await page.GotoAsync("/indicators");
        var row = page.Locator("#indicators-table tr", new() { HasText = "CME_MRY0T4" });
        await Assertions.Expect(row).ToContainTextAsync(name);
        await Assertions.Expect(row).ToContainTextAsync(unit);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        await row.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(name);
        var table = await page.InnerTextAsync("#values-table");
        table.ShouldContain("1995");
        table.ShouldContain("95");
        table.ShouldContain("2023");
        table.ShouldContain("18");
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector('#values-chart canvas'))");
        var drawn = await page.EvaluateAsync<double[]>("() => Chart.getChart(document.querySelector('#values-chart canvas')).data.datasets[0].data");
        drawn.ShouldBe([95, 18]);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ShouldBeEmpty();
        (await page.InnerTextAsync("main")).ShouldNotContain("RatePer1000", customMessage: "no enum name on a page");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Preschool_enrolment_shows_how_far_it_is_from_its_2026_target()
    {
        var page = await app.SignedInPageAsync("analyst", width: 1280);
        await page.GotoAsync("/indicators/ECD_CHLD_36-59M_EDU-PGM");
        await Assertions.Expect(page.Locator("#indicator-latest")).ToContainTextAsync("35 (2024) · To the 2026 target: 15");
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector('#values-chart canvas'))");
        var labels = await page.EvaluateAsync<string[]>("() => Chart.getChart(document.querySelector('#values-chart canvas')).data.datasets.map(d => d.label)");
        labels.ShouldBe(["Total", "Target"]);
        var target = await page.EvaluateAsync<double?[]>("() => Chart.getChart(document.querySelector('#values-chart canvas')).data.datasets[1].data");
        target.ShouldBe([null, null, 50]);
        (await page.InnerTextAsync("#targets-table")).ShouldContain("Baseline");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_analyst_computes_the_registrys_own_indicators_from_the_list_and_a_coordinator_cannot()
    {
        var page = await app.SignedInPageAsync("analyst", width: 1280);
        await page.GotoAsync("/indicators");
        await page.Locator("#indicators-compute button").ClickAsync();
        await Assertions.Expect(page.Locator("#indicators-computed")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#indicators-table tr", new() { HasText = "HIMAYA_CHLD_FAMILY_BASED_PCT" })).ToContainTextAsync("Share of children in family-based care");
        await page.Locator("#indicators-table a", new() { HasText = "Share of children in family-based care" }).ClickAsync();
        await Assertions.Expect(page.Locator("#indicator-facts")).ToContainTextAsync("kinship or foster care");
        await page.Context.CloseAsync();

        var coordinator = await app.SignedInPageAsync("coordinator.ganja", width: 390);
        await coordinator.GotoAsync("/indicators");
        (await coordinator.Locator("#indicators-compute").CountAsync()).ShouldBe(0);
        await coordinator.Context.CloseAsync();
    }
}
