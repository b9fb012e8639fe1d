using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace Himaya.BrowserTests;

/// <summary>
/// The indicators' pages (the list, one indicator's values over time as a chart and the table behind it) and the projects'
/// (their results frameworks, targets against what has been reached, and the progress form).
/// </summary>
public sealed partial class MonitoringPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
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
        // 35% in 2024 is behind the straight line from 14% (2015) to 50% (2026), which reads about 43.5 for 2024.
        await Assertions.Expect(page.Locator("#indicator-track")).ToContainTextAsync("Off track");
        await Assertions.Expect(page.Locator("#indicator-track")).ToContainTextAsync("2024 should have reached 43.4");
        // The download link: a workbook of every value, with the indicator's definition on its second sheet.
        var href = await page.Locator("#indicator-xlsx").GetAttributeAsync("href");
        var xlsx = await page.Context.APIRequest.GetAsync(href!);
        (xlsx.Status, xlsx.Headers["content-type"]).ShouldBe((200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await xlsx.BodyAsync())))
        {
            string Sheet(int n) { using var r = new StreamReader(zip.GetEntry($"xl/worksheets/sheet{n}.xml")!.Open()); return r.ReadToEnd(); }
            var values = Sheet(1);
            values.ShouldMatch("<(x:)?v>35</(x:)?v>");
            values.ShouldContain("2024");
            Sheet(2).ShouldContain("Children aged 36–59 months");
        }
        // And the exchange file, with the reader's own session: SDMX-CSV of the same values.
        var sdmx = await page.Context.APIRequest.GetAsync((await page.Locator("#indicator-sdmx").GetAttributeAsync("href"))!);
        sdmx.Status.ShouldBe(200);
        (await sdmx.TextAsync()).ShouldContain("ECD_CHLD_36-59M_EDU-PGM");
        await page.GotoAsync("/indicators");
        var row = page.Locator("#indicators-table tr", new() { HasText = "ECD_CHLD_36-59M_EDU-PGM" });
        await Assertions.Expect(row).ToContainTextAsync("35 (2024)");
        await Assertions.Expect(row).ToContainTextAsync("50 (2026)");
        await Assertions.Expect(row.Locator(".track-offtrack")).ToHaveTextAsync("Off track");
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
        // The districts side by side: a map coloured from this server's boundaries, a table largest first, each row drilling down.
        await Assertions.Expect(page.Locator("#district-map")).ToHaveAttributeAsync("data-ready", new System.Text.RegularExpressions.Regex("^[0-9]+$"), new() { Timeout = 10_000 });
        (await page.Locator("#district-map path.leaflet-interactive").CountAsync()).ShouldBeGreaterThan(70);
        (await page.Locator("#map-legend li").CountAsync()).ShouldBeGreaterThan(1);
        var shown = (await page.Locator("#districts-table tbody td").AllTextContentsAsync()).Select(t => decimal.Parse(t, System.Globalization.CultureInfo.GetCultureInfo("en"))).ToList();
        shown.ShouldNotBeEmpty();
        shown.ShouldBe(shown.OrderByDescending(x => x).ToList());
        var first = page.Locator("#districts-table tbody th a").First;
        var district = await first.TextContentAsync();
        await first.ClickAsync();
        await Assertions.Expect(page.Locator("#values-table caption")).ToHaveTextAsync(district!);
        await page.Context.CloseAsync();

        var coordinator = await app.SignedInPageAsync("coordinator.ganja", width: 390);
        await coordinator.GotoAsync("/indicators");
        (await coordinator.Locator("#indicators-compute").CountAsync()).ShouldBe(0);
        await coordinator.Context.CloseAsync();
    }

    [Fact]
    public async Task An_analyst_on_a_phone_reports_counselling_progress_after_a_refused_period_and_sees_it_against_the_target()
    {
        const int width = 390;
        var page = await app.SignedInPageAsync("analyst", "az", width);
        await page.GotoAsync("/projects");
        var row = page.Locator("#projects-table tr", new() { HasText = "İcma və ailə əsaslı xidmətlər" });
        await Assertions.Expect(row).ToContainTextAsync("European Union");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        await row.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("İcma və ailə əsaslı xidmətlər");
        var counselling = page.Locator("[id='result-1.1']");
        await Assertions.Expect(counselling).ToContainTextAsync("Erkən uşaqlıq inkişafı");
        await Assertions.Expect(counselling.Locator("tbody tr").First).ToContainTextAsync("69%");

        // A period after the project's end is refused beside the field, in Azerbaijani, and the typed values stay.
        await page.Locator("#f-result").SelectOptionAsync("1.1");
        await page.Locator("#f-place").SelectOptionAsync("AZE");
        await page.Locator("#f-period").FillAsync("2027");
        await page.Locator("#f-value").FillAsync("45 000");
        await page.Locator("#progress-form button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#period-error")).ToContainTextAsync("layihənin tarixlərindən kənardadır");
        await Assertions.Expect(page.Locator("#f-value")).ToHaveValueAsync("45 000");
        await page.Locator("#f-period").FillAsync("2026-Q1");
        await page.Locator("#progress-form button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#progress-saved")).ToBeVisibleAsync();
        await Assertions.Expect(counselling.Locator("tbody tr").First).ToContainTextAsync("75%");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_coordinator_reads_a_results_framework_in_russian_on_a_wide_screen_without_the_form()
    {
        const int width = 1920;
        var page = await app.SignedInPageAsync("coordinator.ganja", "ru", width);
        await page.GotoAsync("/projects/EU-CP-2023");
        await Assertions.Expect(page.Locator("#project-facts")).ToContainTextAsync("1 100 000 EUR");
        await Assertions.Expect(page.Locator("#project-facts")).ToContainTextAsync("145 808 EUR");
        await Assertions.Expect(page.Locator("#project-facts")).ToContainTextAsync("Гянджа");
        await Assertions.Expect(page.Locator("[id='result-1'] .badge")).ToContainTextAsync("Итог");
        (await page.Locator("#progress-form").CountAsync()).ShouldBe(0);
        var main = await page.InnerTextAsync("main");
        foreach (var leak in new[] { "Outcome", "Output", "Projects.", "Enum." }) main.ShouldNotContain(leak);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_analyst_enters_a_districts_value_in_russian_after_a_refused_period_and_withdraws_and_republishes_the_indicator()
    {
        var page = await app.SignedInPageAsync("analyst", "ru", 1280);
        await page.GotoAsync("/indicators/ECD_CHLD_36-59M_EDU-PGM");
        await Assertions.Expect(page.Locator("#indicator-sdg")).ToHaveTextAsync("4.2");
        await Assertions.Expect(page.Locator("#indicator-crc")).ToHaveTextAsync("28, 29");
        await Assertions.Expect(page.Locator("#indicator-facts")).ToContainTextAsync("Знаменатель");

        await page.Locator("#value-form #f-place").SelectOptionAsync("C-GAN");
        await page.Locator("#value-form #f-period").FillAsync("2024-Q5");
        await page.Locator("#value-form #f-value").FillAsync("31,5");
        await page.Locator("#value-form button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#period-error")).ToContainTextAsync("Период — год");
        await Assertions.Expect(page.Locator("#value-form #f-value")).ToHaveValueAsync("31,5");
        await page.Locator("#value-form #f-period").FillAsync("2024");
        await page.Locator("#value-form button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#value-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#values-table caption")).ToHaveTextAsync("Гянджа");
        await Assertions.Expect(page.Locator("#values-table")).ToContainTextAsync("31,5");

        // Withdrawn from the public, the values leave the public API; published again, they are back.
        var api = page.Context.APIRequest;
        await page.Locator("#status-form button", new() { HasText = "Снять с публикации" }).ClickAsync();
        await Assertions.Expect(page.Locator("#indicator-facts")).ToContainTextAsync("Утверждён");
        (await api.GetAsync("/api/v1/public/indicators/ECD_CHLD_36-59M_EDU-PGM/values")).Status.ShouldBe(404);
        await page.Locator("#status-form button", new() { HasText = "Опубликовать" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-form button", new() { HasText = "Снять с публикации" })).ToBeVisibleAsync();
        (await api.GetAsync("/api/v1/public/indicators/ECD_CHLD_36-59M_EDU-PGM/values")).Status.ShouldBe(200);
        (await page.InnerTextAsync("main")).ShouldNotContain("Published");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_analyst_on_a_phone_adds_budget_lines_in_azerbaijani_after_a_refused_amount_and_sees_the_childrens_share()
    {
        const int width = 390;
        var page = await app.SignedInPageAsync("analyst", "az", width);
        await page.GotoAsync("/budget");
        async Task AddAsync(string year, string sector, string programme, string relevance, string planned)
        {
            await page.Locator("#f-year").FillAsync(year);
            await page.Locator("#f-sector").SelectOptionAsync(sector);
            await page.Locator("#f-programme").FillAsync(programme);
            await page.Locator("#f-relevance").SelectOptionAsync(relevance);
            await page.Locator("#f-planned").FillAsync(planned);
            await page.Locator("#budget-form button.primary").ClickAsync();
        }
        await AddAsync("2025", "Education", "Məktəbəqədər təhsil", "Direct", "-300");
        await Assertions.Expect(page.Locator("#planned-error")).ToContainTextAsync("Mənfi ola bilməz");
        await Assertions.Expect(page.Locator("#f-programme")).ToHaveValueAsync("Məktəbəqədər təhsil");
        await page.Locator("#f-planned").FillAsync("300,5");
        await page.Locator("#budget-form button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#budget-saved")).ToBeVisibleAsync();
        await AddAsync("2025", "Other", "Yollar", "None", "300,5");
        await Assertions.Expect(page.Locator("#budget-saved")).ToBeVisibleAsync();
        var row = page.Locator("#budget-table tbody tr", new() { HasText = "2025" });
        await Assertions.Expect(row).ToContainTextAsync("50,0%");
        await Assertions.Expect(row).ToContainTextAsync("plan");
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector('#budget-chart canvas'))");
        (await page.EvaluateAsync<double[]>("() => Chart.getChart(document.querySelector('#budget-chart canvas')).data.datasets[0].data")).ShouldBe([0.5]);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        (await page.InnerTextAsync("main")).ShouldNotContain("Budget.");
        (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_analyst_defines_an_indicator_in_the_form_after_a_refused_code_and_lands_on_its_page()
    {
        var page = await app.SignedInPageAsync("analyst", "az", 1920);
        await page.GotoAsync("/indicators");
        await page.Locator("#new-indicator summary").ClickAsync();
        await page.Locator("#f-code").FillAsync("school attendance");
        await page.Locator("[id='f-name.az']").FillAsync("Məktəbə davamiyyət");
        await page.Locator("[id='f-name.en']").FillAsync("School attendance");
        await page.Locator("[id='f-name.ru']").FillAsync("Посещаемость школы");
        await page.Locator("#f-unit").SelectOptionAsync("Percent");
        await page.Locator("#f-direction").SelectOptionAsync("HigherIsBetter");
        await page.Locator("#f-sdgTarget").FillAsync("4.1.2");
        await page.Locator("#f-crcArticles").FillAsync("28");
        await page.Locator("[id='f-definitions.az']").FillAsync("Məktəbə müntəzəm gedən uşaqların payı.");
        await page.Locator("[id='f-definitions.en']").FillAsync("The share of children who attend school regularly.");
        await page.GetByLabel("Cins").CheckAsync();
        await page.Locator("#indicator-form button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#code-error")).ToContainTextAsync("Kod böyük hərflə başlamalı");
        await Assertions.Expect(page.Locator("[id='f-name.ru']")).ToHaveValueAsync("Посещаемость школы");
        await page.Locator("#f-code").FillAsync("EDU_ATTENDANCE_TEST");
        await page.Locator("#indicator-form button.primary").ClickAsync();
        await BrowserSteps.Reached(page, app.BaseUrl + "/indicators/EDU_ATTENDANCE_TEST");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Məktəbə davamiyyət");
        await Assertions.Expect(page.Locator("#indicator-sdg")).ToHaveTextAsync("4.1.2");
        await Assertions.Expect(page.Locator("#indicator-definition")).ToHaveTextAsync("Məktəbə müntəzəm gedən uşaqların payı.");
        await Assertions.Expect(page.Locator("#status-form button")).ToHaveTextAsync("Təsdiq et");
        // Approving keeps the definitions; a Russian reader, with none given in Russian, reads the English one marked as English.
        await page.Locator("#status-form button").ClickAsync();
        await Assertions.Expect(page.Locator("#indicator-definition")).ToHaveTextAsync("Məktəbə müntəzəm gedən uşaqların payı.");
        await page.GotoAsync("/language?culture=ru&returnUrl=/indicators/EDU_ATTENDANCE_TEST");
        await Assertions.Expect(page.Locator("#indicator-definition")).ToHaveAttributeAsync("lang", "en");
        await page.Context.CloseAsync();
    }
}
