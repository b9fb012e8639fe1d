using Microsoft.Playwright;
using static Himaya.BrowserTests.BrowserSteps;

namespace Himaya.BrowserTests;

public sealed class ProfileLayoutTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>
    /// The identity card once put its values under the next card in Azerbaijani (a label column wider than the card)
    /// and cut them off in Russian. Every value on the profile must lie inside its card and show whole, at a phone's
    /// width, a laptop's and a wide screen's: one profile, the window resized (the layout follows the width alone).
    /// </summary>
    [Theory]
    [InlineData("az")] [InlineData("en")] [InlineData("ru")]
    public async Task Every_value_on_the_child_profile_shows_inside_its_card(string language)
    {
        var width = 1280;
        var page = await app.SignedInPageAsync("worker.ganja", language, width);
        await page.GotoAsync("/children/new");
        await page.Locator("#f-surname").FillAsync("Qasımova");
        await page.Locator("#f-givenName").FillAsync("Səbinə");
        await page.Locator("#f-sex").SelectOptionAsync("F");
        await page.Locator("#f-birthDate").FillAsync(DateTime.UtcNow.AddYears(-6).AddDays(-width - language[0]).ToString("yyyy-MM-dd"));
        await page.Locator("#f-careArrangement").SelectOptionAsync("Kinship");
        await page.Locator("#f-fin").FillAsync("JY8M2" + char.ToUpperInvariant(language[0]) + (char)('A' + width % 26));
        await page.Locator("#f-birthCertificateNumber").FillAsync("AZE" + (1234000 + width + language[1]).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("main form button.primary").ClickAsync();
        await BrowserSteps.ConfirmNewChildAsync(page);

        foreach (var w in new[] { 390, 1280, 1920 })
        {
            await page.SetViewportSizeAsync(w, 900);
            var problems = await page.EvaluateAsync<string[]>(@"() => {
                const out = [];
                for (const dd of document.querySelectorAll('main .card dd')) {
                    const card = dd.closest('.card').getBoundingClientRect();
                    const r = dd.getBoundingClientRect();
                    const label = dd.previousElementSibling ? dd.previousElementSibling.textContent.trim() : '?';
                    if (r.width < 1 || r.height < 1) out.push(label + ': not shown');
                    else if (r.left < card.left - 0.5 || r.right > card.right + 0.5 || r.top < card.top - 0.5 || r.bottom > card.bottom + 0.5)
                        out.push(label + ': outside its card');
                    else if (dd.scrollWidth > dd.clientWidth + 1) out.push(label + ': cut off');
                }
                if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push('the page scrolls sideways');
                return out;
            }");
            problems.ShouldBeEmpty($"{language} at {w} px");
            (await page.Locator("main .card dd").CountAsync()).ShouldBeGreaterThan(10);
            await Assertions.Expect(page.Locator("main .card dd", new() { HasText = "JY8M2" })).ToBeVisibleAsync();
        }
    }
}
