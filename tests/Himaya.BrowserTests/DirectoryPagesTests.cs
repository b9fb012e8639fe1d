using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace Himaya.BrowserTests;

/// <summary>The public service directory: searched on a phone without signing in, with the district map drawn from the app's own files.</summary>
public sealed class DirectoryPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(390)]
    [InlineData(1920)]
    public async Task Anyone_finds_a_service_by_district_and_age_on_the_map_and_in_the_list_in_russian(int width)
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = 844 } });
        var page = await context.NewPageAsync();
        var outside = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) outside.Add(r.Url); };
        await page.GotoAsync("/language?culture=ru&returnUrl=/directory");
        page.Url.ShouldEndWith("/directory");
        await page.Locator("#f-district").SelectOptionAsync("C-GAN");
        await page.Locator("#f-age").FillAsync("4");
        await page.Locator("#directory-search button[type=submit]").ClickAsync();
        page.Url.ShouldContain("district=C-GAN");
        var items = page.Locator("#directory-results li.service");
        await Assertions.Expect(items.First).ToBeVisibleAsync();
        var text = await page.InnerTextAsync("#directory-results");
        text.ShouldContain("Early childhood intervention service");
        text.ShouldContain("Раннее развитие детей и родительство"); // the type, in Russian
        text.ShouldContain("По всей стране"); // a nationwide service is listed in every district
        text.ShouldNotContain("Shirvan family support centre");
        text.ShouldNotContain("Youth-friendly HIV testing"); // 14–17 only
        // The map: the districts from the app's GeoJSON and one point per service with coordinates.
        var map = page.Locator("#district-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"), new() { Timeout = 10_000 });
        (await map.GetAttributeAsync("data-error")).ShouldBeNull();
        (await page.Locator("#district-map path.leaflet-interactive").CountAsync()).ShouldBeGreaterThan(79);
        outside.ShouldBeEmpty("the directory loads nothing from outside the app");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ShouldBeEmpty();

        // A bad age is named beside its field, in Russian.
        await page.GotoAsync("/directory?age=99");
        await Assertions.Expect(page.Locator("#age-error")).ToHaveTextAsync("Возраст от 0 до 17.");
        await context.CloseAsync();
    }
}
