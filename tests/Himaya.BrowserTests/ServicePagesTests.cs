using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace Himaya.BrowserTests;

/// <summary>Keeping the directory on a phone: an NGO's staff propose a change and update free places; the district coordinator approves it.</summary>
public sealed class ServicePagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Service = "Early childhood intervention service";
    private const string Phone = "+994 22 256 44 44";

    private static async Task FitsAsync(IPage page, int width) =>
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, page.Url);

    private static async Task NoSeriousViolationsAsync(IPage page) =>
        (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ShouldBeEmpty(page.Url);

    [Fact]
    public async Task An_ngos_change_waits_for_the_coordinator_who_approves_it_at_390_px()
    {
        var ngo = await app.SignedInPageAsync("ngo.ganja", width: 390);
        await ngo.GotoAsync("/services");
        (await ngo.InnerTextAsync("#services-list")).ShouldNotContain("Shirvan", customMessage: "an NGO's staff see their own services only");
        // Free places from the list, at once.
        var row = ngo.Locator("#services-list tr", new() { HasText = Service });
        await row.Locator("input[name=freePlaces]").FillAsync("1");
        await row.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(ngo.Locator("#services-saved")).ToBeVisibleAsync();
        await Assertions.Expect(ngo.Locator("#services-list tr", new() { HasText = Service }).Locator("input[name=freePlaces]")).ToHaveValueAsync("1");
        await FitsAsync(ngo, 390);

        // A public fact: it waits for review; the public still sees the old one.
        await ngo.Locator("#services-list a", new() { HasText = Service }).ClickAsync();
        await ngo.Locator("#f-phone").FillAsync(Phone);
        await ngo.Locator("#service-save").ClickAsync();
        await Assertions.Expect(ngo.Locator("#service-saved")).ToBeVisibleAsync();
        (await ngo.InnerTextAsync("#service-change")).ShouldContain(Phone);
        await Assertions.Expect(ngo.Locator("#f-phone")).ToHaveValueAsync(Phone);
        await FitsAsync(ngo, 390);
        await NoSeriousViolationsAsync(ngo);
        await ngo.GotoAsync("/directory?district=C-GAN");
        (await ngo.InnerTextAsync("#directory-results")).ShouldNotContain(Phone);

        var coordinator = await app.SignedInPageAsync("coordinator.ganja", width: 390);
        await coordinator.GotoAsync("/services/review");
        await coordinator.Locator("#review-queue a", new() { HasText = Service }).ClickAsync();
        (await coordinator.InnerTextAsync("#service-change")).ShouldContain(Phone);
        await FitsAsync(coordinator, 390);
        await NoSeriousViolationsAsync(coordinator);
        // Returning needs a reason, named beside its field.
        await coordinator.Locator("#review-return").ClickAsync();
        await Assertions.Expect(coordinator.Locator("#reason-error")).ToBeVisibleAsync();
        await coordinator.Locator("#review-approve").ClickAsync();
        await Assertions.Expect(coordinator.Locator("#service-saved")).ToBeVisibleAsync();
        (await coordinator.Locator("#service-change").CountAsync()).ShouldBe(0);
        await coordinator.GotoAsync("/directory?district=C-GAN");
        (await coordinator.InnerTextAsync("#directory-results")).ShouldContain(Phone);
        await coordinator.GotoAsync("/services/new");
        await FitsAsync(coordinator, 390);
        // And on a wide screen.
        await coordinator.SetViewportSizeAsync(1920, 900);
        foreach (var path in new[] { "/services", "/services/review" })
        {
            await coordinator.GotoAsync(path);
            await FitsAsync(coordinator, 1920);
            await BrowserSteps.Shot(coordinator, "services" + path.Replace('/', '-') + "-1920");
        }
        await coordinator.Context.CloseAsync();
        await ngo.Context.CloseAsync();
    }

    [Fact]
    public async Task A_coordinator_places_a_new_service_by_tapping_the_map_on_a_wide_screen()
    {
        var page = await app.SignedInPageAsync("coordinator.ganja", width: 1920);
        await page.GotoAsync("/services/new");
        var map = page.Locator("#service-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", "0", new() { Timeout = 10_000 });
        (await page.Locator("#service-map path.leaflet-interactive").CountAsync()).ShouldBeGreaterThanOrEqualTo(79); // every district
        await page.Locator("#f-providerId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#f-name").FillAsync("Mobile rehabilitation team (map test)");
        await page.Locator("#f-types input[type=checkbox]").First.CheckAsync();
        await page.Locator("#f-districts").SelectOptionAsync("C-GAN");
        // The middle of the country's map is inland: a tap there fills both fields and puts the marker down.
        await map.ClickAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-picked", new System.Text.RegularExpressions.Regex("^[0-9.]+,[0-9.]+$"));
        var lat = double.Parse(await page.Locator("#f-latitude").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var lon = double.Parse(await page.Locator("#f-longitude").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        lat.ShouldBeInRange(38.3, 42.0);
        lon.ShouldBeInRange(44.7, 50.7);
        (await page.Locator("#service-map path[fill='#0b5394']").CountAsync()).ShouldBe(1);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1920);
        await NoSeriousViolationsAsync(page);
        await page.Locator("#service-form button.primary").ClickAsync();
        await BrowserSteps.Reached(page, new System.Text.RegularExpressions.Regex("/services/[0-9]+$"));
        // The service's own page shows the point it was given on its map, and the fields keep the figures.
        await Assertions.Expect(page.Locator("#f-latitude")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^" + Math.Floor(lat)));
        await Assertions.Expect(page.Locator("#service-map path[fill='#0b5394']")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await page.Context.CloseAsync();
    }
}
