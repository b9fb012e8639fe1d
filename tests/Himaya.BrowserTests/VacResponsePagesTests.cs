using Microsoft.Playwright;
using Shouldly;

namespace Himaya.BrowserTests;

/// <summary>From a violence report to the registry and a case on a phone: register the reported child from the report, then open its case, linked.</summary>
public sealed class VacResponsePagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_supervisor_on_a_phone_registers_the_reported_child_and_opens_its_case_from_the_report()
    {
        var page = await app.SignedInPageAsync("supervisor.ganja", width: 390);
        var surname = "Rzayev" + new string([.. Guid.NewGuid().ToByteArray().Take(6).Select(b => "bdlmnrstvz"[b % 10])]);
        await page.GotoAsync("/vac/new");
        await page.Locator("#f-type").SelectOptionAsync("Physical");
        await page.Locator("#f-description").FillAsync("The school saw bruises on a boy's arms; he says his uncle beats him.");
        await page.Locator("#f-districtCode").SelectOptionAsync("C-GAN");
        await page.Locator("#f-child\\.givenName").FillAsync("Tural");
        await page.Locator("#f-child\\.surname").FillAsync(surname);
        await page.Locator("#f-child\\.sex").SelectOptionAsync("M");
        await page.Locator("#f-child\\.birthDate").FillAsync(DateTime.UtcNow.AddYears(-9).ToString("yyyy-MM-dd"));
        await page.Locator("#vac-report-form button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/vac/[0-9a-f-]{36}$"));

        // No registry child matches: the form is filled from the report; the registry still wants the care arrangement.
        await Assertions.Expect(page.Locator("#f-surname")).ToHaveValueAsync(surname);
        await page.EvaluateAsync("() => document.querySelectorAll('#register-child-form [required]').forEach(e => e.removeAttribute('required'))");
        await page.Locator("#register-child-form button").ClickAsync();
        await Assertions.Expect(page.Locator("#careArrangement-error")).ToBeVisibleAsync();
        await page.Locator("#f-careArrangement").SelectOptionAsync("Parents");
        await page.Locator("#register-child-form button").ClickAsync();
        await Assertions.Expect(page.Locator("#vac-registry a[href^='/children/']")).ToBeVisibleAsync();

        await page.Locator("#f-ownerId").SelectOptionAsync(new SelectOptionValue { Label = "Ganja social worker" });
        await page.Locator("#open-case-form button").ClickAsync();
        await Assertions.Expect(page.Locator("#vac-case-link")).ToBeVisibleAsync();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await page.Locator("#vac-case-link").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(surname);
    }
}
