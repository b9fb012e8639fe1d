using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace Himaya.BrowserTests;

/// <summary>Coverage and gaps: an analyst picks a type of service and sees the districts ranked by gap, on the map and in the table.</summary>
public sealed class CoveragePagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(390, "az")]
    [InlineData(1920, "en")]
    public async Task An_analyst_sees_where_children_with_a_difficulty_have_no_rehabilitation_place(int width, string language)
    {
        var page = await app.SignedInPageAsync("analyst", language, width);
        var outside = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) outside.Add(r.Url); };
        await page.GotoAsync("/services/coverage");
        await page.Locator("#f-type").SelectOptionAsync("rehabilitation");
        await page.Locator("#coverage-form button[type=submit]").ClickAsync();
        var rows = page.Locator("#coverage-table tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThan(60);
        // Ranked by gap: the first row's gap is the largest shown.
        var gaps = await page.EvalOnSelectorAllAsync<string[]>("#coverage-table tbody tr td:nth-child(5)", "tds => tds.map(t => t.textContent.replace(/\\D/g, ''))");
        var shown = gaps.Where(g => g.Length > 0).Select(int.Parse).ToList();
        shown.ShouldNotBeEmpty();
        shown.ShouldBe(shown.OrderByDescending(g => g).ToList());
        // The map: drawn from the app's boundaries, districts coloured by their gap, a legend beside it.
        await Assertions.Expect(page.Locator("#district-map")).ToHaveAttributeAsync("data-ready", new System.Text.RegularExpressions.Regex("^[0-9]+$"), new() { Timeout = 10_000 });
        (await page.Locator("#district-map path.leaflet-interactive").CountAsync()).ShouldBeGreaterThan(70);
        (await page.Locator("#map-legend li").CountAsync()).ShouldBeGreaterThan(0);
        await Assertions.Expect(page.Locator("#coverage-xlsx")).ToHaveAttributeAsync("href", "/api/v1/services/coverage.xlsx?type=rehabilitation");
        (await page.InnerTextAsync("main")).ShouldNotContain("Coverage.");
        outside.ShouldBeEmpty();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ShouldBeEmpty();
    }
}
