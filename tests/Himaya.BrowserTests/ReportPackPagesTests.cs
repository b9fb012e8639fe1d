using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace Himaya.BrowserTests;

/// <summary>The CRC / SDG report pack's page, on the monitoring tests' app.</summary>
public sealed partial class MonitoringPagesTests
{
    [Fact]
    public async Task An_analyst_on_a_phone_reads_the_report_pack_in_russian_and_downloads_it_as_pdf()
    {
        const int width = 390;
        var page = await app.SignedInPageAsync("analyst", "ru", width);
        await page.GotoAsync("/indicators");
        await page.Locator("#report-pack-link").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("Пакет отчётности");
        var education = page.Locator("table[data-section='crc-education']");
        await Assertions.Expect(education.Locator("caption")).ToHaveTextAsync("Образование, досуг и культурная деятельность");
        var preschool = education.Locator("tr[data-code='ECD_CHLD_36-59M_EDU-PGM']");
        await Assertions.Expect(preschool).ToContainTextAsync("35% (2024)");
        await Assertions.Expect(preschool).ToContainTextAsync("50% (2026)");
        await Assertions.Expect(preschool).ToContainTextAsync("Отстаёт");
        await Assertions.Expect(page.Locator("table[data-section='sdg-4'] caption")).ToHaveTextAsync("ЦУР 4");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ShouldBeEmpty();
        foreach (var leak in new[] { "OffTrack", "Report.", "Enum." }) (await page.InnerTextAsync("main")).ShouldNotContain(leak);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#report-downloads a", new() { HasText = "PDF" }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith("report-pack-AZE-");
        download.SuggestedFilename.ShouldEndWith(".pdf");

        // Another place: the pack of Ganja, chosen from the list.
        await page.Locator("#f-place").SelectOptionAsync("C-GAN");
        await page.Locator("#report-place-form button").ClickAsync();
        await Assertions.Expect(page.Locator("#report-place")).ToHaveTextAsync("Гянджа");
        // A district's pack is its dashboard: each line beside the nation's latest figure.
        await Assertions.Expect(page.Locator("table[data-section='crc-health'] tr[data-code='CME_MRY0T4'] td.national")).ToHaveTextAsync("18 (2023)");
        await page.Context.CloseAsync();
    }
}
