using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace Himaya.BrowserTests;

/// <summary>Violence reporting in the browser: the public form on a phone, the hotline's keyboard-first form, the response page.</summary>
public sealed class VacPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Anyone_reports_on_a_phone_in_azerbaijani_without_signing_in_and_gets_only_a_reference()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/language?culture=az&returnUrl=/report");
        page.Url.ShouldEndWith("/report");
        // No serious or critical accessibility violation (axe-core), on the empty form and, below, with its errors shown.
        await NoSeriousViolationsAsync(page);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

        // Sent empty: the required fields say what is missing, in Azerbaijani, beside each field.
        await page.EvaluateAsync("() => document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))");
        await page.Locator("#public-report-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#type-error")).ToHaveTextAsync("Zorakılığın növünü seçin.");
        await Assertions.Expect(page.Locator("#description-error")).ToHaveTextAsync("Nə baş verdiyini yazın.");
        (await page.InnerTextAsync("main")).ShouldNotContain("Required");
        await NoSeriousViolationsAsync(page);

        await page.Locator("#f-type").SelectOptionAsync("Neglect");
        await page.Locator("#f-description").FillAsync("Qonşunun uşaqları günlərlə tək qalır, yeməkləri yoxdur.");
        await page.Locator("#f-districtCode").SelectOptionAsync("C-GAN");
        await page.Locator("#f-child\\.approximateAge").FillAsync("6");
        await page.Locator("#public-report-form button[type=submit]").ClickAsync();
        var reference = await page.Locator("#report-received .reference").InnerTextAsync();
        reference.ShouldMatch("^VAC-[2-9A-HJ-NP-Z]{8}$");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_statistics_page_draws_its_charts_from_this_server_alone_on_a_phone_and_a_wide_screen_and_gives_a_workbook()
    {
        // Reports to chart: one of a kind (hidden; if it is the only small one, the smallest other goes with it, the six)
        // and eight of another, shown whatever the other tests of this class have reported.
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { username = "hotline", password = BrowserApp.Password });
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        foreach (var type in Enumerable.Repeat("Exploitation", 8).Concat(Enumerable.Repeat("Neglect", 6)).Append("Trafficking"))
            (await api.PostAsJsonAsync("/api/v1/vac/reports", new { type, description = "Chart test report", districtCode = "C-GAN" })).EnsureSuccessStatusCode();

        foreach (var width in (int[])[390, 1920])
        {
            var page = await app.SignedInPageAsync("analyst", language: "az", width: width);
            var requests = new List<string>();
            var errors = new List<string>();
            page.Context.Request += (_, r) => requests.Add(r.Url);
            // A script or style the Content-Security-Policy blocked shows as a console error.
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            await page.GotoAsync("/vac/statistics?by=type&by=sex");
            var canvas = "#chart-type canvas";
            await page.WaitForFunctionAsync($"() => window.Chart && Chart.getChart(document.querySelector('{canvas}'))");
            var size = await page.EvaluateAsync<int[]>($"() => [document.querySelector('{canvas}').clientWidth, document.querySelector('{canvas}').clientHeight]");
            size[0].ShouldBeGreaterThan(200);
            size[0].ShouldBeLessThanOrEqualTo(width);
            size[1].ShouldBeGreaterThan(200);
            (await page.EvaluateAsync<int>("document.querySelectorAll('figure[data-chart] canvas').length")).ShouldBeGreaterThanOrEqualTo(3);
            (await page.EvaluateAsync<int>("[...document.querySelectorAll('figure[data-chart] canvas')].filter(c => !Chart.getChart(c) || c.clientHeight === 0).length")).ShouldBe(0);

            // A hidden figure is a gap in the drawing, never a number; its label is marked and the note names it.
            var drawn = await page.EvaluateAsync<JsonElement>($"() => {{ const c = Chart.getChart(document.querySelector('{canvas}')); return {{ labels: c.data.labels, values: c.data.datasets[0].data }}; }}");
            var labels = drawn.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToList();
            var values = drawn.GetProperty("values").EnumerateArray().ToList();
            labels.ShouldContain("İstismar");
            values[labels.IndexOf("İstismar")].ValueKind.ShouldBe(JsonValueKind.Number);
            var trafficking = labels.IndexOf("İnsan alveri *");
            trafficking.ShouldBeGreaterThanOrEqualTo(0, string.Join(", ", labels));
            values[trafficking].ValueKind.ShouldBe(JsonValueKind.Null);
            labels.Where((_, i) => values[i].ValueKind == JsonValueKind.Null).ShouldAllBe(l => l.EndsWith(" *"));
            await Assertions.Expect(page.Locator("#chart-type .plot-hidden")).ToContainTextAsync("Gizlədilib (5-dən az");
            await Assertions.Expect(page.Locator("#chart-type .plot-hidden")).ToContainTextAsync("İnsan alveri");
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
            await BrowserSteps.Shot(page, $"vac-statistics-{width}");

            if (width == 1920)
            {
                var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-xlsx").ClickAsync());
                download.SuggestedFilename.ShouldBe("vac-statistics.xlsx");
                var file = new MemoryStream();
                await (await download.CreateReadStreamAsync()).CopyToAsync(file);
                using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(file, false);
                doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First().Name!.Value.ShouldBe("Statistika");
            }
            requests.ShouldNotBeEmpty();
            requests.Where(u => !u.StartsWith(app.BaseUrl + "/", StringComparison.Ordinal)).ShouldBeEmpty();
            errors.ShouldBeEmpty();
            await page.Context.CloseAsync();
        }
    }

    private static async Task NoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_hotline_takes_a_call_from_the_keyboard_and_the_supervisor_assigns_it_and_the_worker_answers_it()
    {
        var hotline = await app.SignedInPageAsync("hotline");
        await hotline.GotoAsync("/vac/new");
        // Focus starts on the type; the operator types and tabs, and sends with Ctrl+Enter.
        (await hotline.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("f-type");
        await hotline.Keyboard.PressAsync("ArrowDown"); // Physical
        await hotline.Locator("#f-description").FillAsync("Caller: a girl of about 7 is beaten at home; she is there now.");
        await hotline.Locator("#f-districtCode").SelectOptionAsync("C-GAN");
        await hotline.Locator("#f-immediateDanger").CheckAsync();
        await hotline.Locator("#f-reporter\\.name").FillAsync("Leyla Qasımova");
        await hotline.Locator("#f-description").PressAsync("Control+Enter");
        await Assertions.Expect(hotline).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/vac/[0-9a-f-]{36}$"));
        await Assertions.Expect(hotline.Locator(".lead .risk-Immediate")).ToHaveTextAsync("Immediate");
        await Assertions.Expect(hotline.Locator("#vac-reporter")).ToContainTextAsync("Leyla Qasımova");
        var url = hotline.Url;

        var supervisor = await app.SignedInPageAsync("supervisor.ganja");
        await supervisor.GotoAsync(url);
        (await supervisor.Locator("#vac-reporter").CountAsync()).ShouldBe(0);
        await supervisor.Locator("#f-workerId").SelectOptionAsync(new SelectOptionValue { Label = "Ganja social worker" });
        await supervisor.Locator("#assign-form button").ClickAsync();
        await Assertions.Expect(supervisor.Locator("main")).ToContainTextAsync("Ganja social worker");

        var worker = await app.SignedInPageAsync("worker.ganja", width: 390);
        await worker.GotoAsync("/vac?mine=true");
        await worker.Locator("#vac-reports a", new() { HasText = "VAC-" }).First.ClickAsync();
        await worker.Locator("#f-kind").SelectOptionAsync("HomeVisit");
        await worker.Locator("#f-note").FillAsync("Visited with the police; the girl is with her aunt.");
        await worker.Locator("#action-form button").ClickAsync();
        await Assertions.Expect(worker.Locator("#vac-actions")).ToContainTextAsync("Home visit");
        // Closing without a reason is refused beside the field; with one it closes.
        await worker.EvaluateAsync("() => document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))");
        await worker.Locator("#close-form button").ClickAsync();
        await Assertions.Expect(worker.Locator("#reason-error")).ToBeVisibleAsync();
        await worker.Locator("#f-reason").SelectOptionAsync("Resolved");
        await worker.Locator("#close-form button").ClickAsync();
        await Assertions.Expect(worker.Locator("#vac-closure")).ToContainTextAsync("Resolved");
        (await worker.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
    }

    [Fact]
    public async Task A_teacher_reports_and_follows_the_status_and_an_analyst_sees_only_suppressed_aggregates_in_russian()
    {
        var teacher = await app.SignedInPageAsync("teacher.ganja");
        await Assertions.Expect(teacher.Locator("#dashboard-vac")).ToBeVisibleAsync();
        (await teacher.Locator(".tiles").CountAsync()).ShouldBe(0);
        await teacher.GotoAsync("/vac/new");
        await teacher.Locator("#f-type").SelectOptionAsync("Bullying");
        await teacher.Locator("#f-description").FillAsync("A pupil in 5B is bullied every break.");
        await teacher.Locator("#f-districtCode").SelectOptionAsync("C-GAN");
        await teacher.Locator("#vac-report-form button[type=submit]").ClickAsync();
        var reference = await teacher.Locator("#report-received .reference").InnerTextAsync();
        await teacher.GotoAsync("/vac/mine");
        await Assertions.Expect(teacher.Locator("#my-reports")).ToContainTextAsync(reference);
        // The list of reports is not theirs: the server refuses it (the menu does not offer it either).
        await teacher.GotoAsync("/vac");
        teacher.Url.ShouldContain("/denied");
        (await teacher.Locator("nav a[href='/vac']").CountAsync()).ShouldBe(0);

        var analyst = await app.SignedInPageAsync("analyst", language: "ru");
        await analyst.GotoAsync("/vac/statistics?by=type&by=district");
        await Assertions.Expect(analyst.Locator("#vac-stats")).ToBeVisibleAsync();
        var text = await analyst.InnerTextAsync("main");
        text.ShouldContain("<5");
        text.ShouldNotContain("Bullying");
        text.ShouldNotContain("Neglect");
    }
}
