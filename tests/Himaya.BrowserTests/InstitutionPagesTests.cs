using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace Himaya.BrowserTests;

/// <summary>
/// Institution monitoring's pages, on the monitoring tests' app: a monitor records a visit on a phone, a coordinator
/// registers an institution and answers a recommendation on a wide screen, each refused first and told why in their language.
/// </summary>
public sealed partial class MonitoringPagesTests
{
    [Fact]
    public async Task A_monitor_on_a_phone_records_a_visit_in_azerbaijani_from_checklist_to_report()
    {
        const int width = 390;
        var page = await app.SignedInPageAsync("monitor.ganja", "az", width);
        await Assertions.Expect(page.Locator("#dashboard-institutions")).ToContainTextAsync("Mandatınızdakı müəssisələr");
        await page.GotoAsync("/institutions");
        var table = await page.InnerTextAsync("#institutions-table");
        table.ShouldContain("Gəncə şəhər 1 nömrəli uşaq evi (demo)");
        table.ShouldNotContain("Bakı", customMessage: "outside the monitor's mandate");
        await page.Locator("#institutions-table a", new() { HasText = "Gəncə internat məktəbi (demo)" }).ClickAsync();
        await page.Locator("#f-kind").SelectOptionAsync("Unannounced");
        await page.Locator("#f-team").FillAsync("Sınaq qrupu");
        await page.Locator("#visit-form button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("Gəncə internat məktəbi (demo)");

        // An item not met without a note is refused beside that item; the answers chosen stay.
        foreach (var row in await page.Locator("#checklist-table tbody tr").AllAsync())
            await row.Locator("select").SelectOptionAsync(await row.GetAttributeAsync("data-item") == "care.complaints" ? "NotMet" : "Met");
        await page.Locator("#checklist-form button.primary").ClickAsync();
        var complaints = page.Locator("#checklist-table tr[data-item='care.complaints']");
        await Assertions.Expect(complaints.Locator(".field-error")).ToContainTextAsync("nə görüldüyünü yazın");
        await Assertions.Expect(complaints.Locator("select")).ToHaveValueAsync("NotMet");
        await Assertions.Expect(page.Locator("#checklist-table tr[data-item='care.plan'] select")).ToHaveValueAsync("Met");
        await complaints.Locator("textarea").FillAsync("Şikayət qutusu yoxdur.");
        await page.Locator("#checklist-form button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#checklist-form h2")).ToContainTextAsync("11 / 11");

        await page.Locator("#f-interviewee").SelectOptionAsync("Child");
        await page.Locator("#f-ageGroup").SelectOptionAsync("12-14");
        await page.Locator("#f-notes").FillAsync("Gecə növbəsində bir tərbiyəçi var.");
        await page.Locator("#interview-form button").ClickAsync();
        await Assertions.Expect(page.Locator("#consent-error")).ToContainTextAsync("razılıqla");
        await Assertions.Expect(page.Locator("#f-notes")).ToHaveValueAsync("Gecə növbəsində bir tərbiyəçi var.");
        await page.Locator("#f-consent").CheckAsync();
        await page.Locator("#interview-form button").ClickAsync();
        await Assertions.Expect(page.Locator("#interviews-list .interview-notes")).ToHaveTextAsync("Gecə növbəsində bir tərbiyəçi var.");

        await page.Locator("#f-item").SelectOptionAsync("care.complaints");
        await page.Locator("#f-severity").SelectOptionAsync("High");
        await page.Locator("#f-finding").FillAsync("Şikayət yolu yoxdur.");
        await page.Locator("#f-recommendation").FillAsync("Gizli şikayət yolu yaradın.");
        await page.Locator("#f-addressee").FillAsync("Məktəbin direktoru");
        await page.Locator("#finding-form button").ClickAsync();
        await Assertions.Expect(page.Locator("#visit-findings")).ToContainTextAsync("Gizli şikayət yolu yaradın.");
        await Assertions.Expect(page.Locator("#visit-findings")).ToContainTextAsync("Yüksək");

        await page.Locator("#f-summary").FillAsync("Qayğı qənaətbəxşdir; şikayət yolu lazımdır.");
        await page.Locator("#report-form button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#visit-facts")).ToContainTextAsync("Hesabat verilib");
        await BrowserSteps.Shot(page, "institution-visit-390");
        (await page.Locator("#interview-form, #finding-form, #report-form, #checklist-form select").CountAsync()).ShouldBe(0);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ShouldBeEmpty();
        var main = await page.InnerTextAsync("main");
        foreach (var leak in new[] { "NotMet", "Unannounced", "Checklist.", "Institutions.", "Enum." }) main.ShouldNotContain(leak);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_coordinator_on_a_wide_screen_registers_an_institution_and_answers_a_recommendation_in_russian()
    {
        const int width = 1920;
        var page = await app.SignedInPageAsync("coordinator.ganja", "ru", width);
        await page.GotoAsync("/institutions");
        var name = "Малый групповой дом " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#f-name").FillAsync(name);
        await page.Locator("#f-kind").SelectOptionAsync("SmallGroupHome");
        await page.Locator("#f-districtCode").SelectOptionAsync("C-GAN");
        await page.Locator("#f-capacity").FillAsync("0");
        await page.Locator("#institution-form button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#capacity-error")).ToContainTextAsync("Вместимость — целое число");
        await Assertions.Expect(page.Locator("#f-name")).ToHaveValueAsync(name);
        await page.Locator("#f-capacity").FillAsync("12");
        await page.Locator("#institution-form button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("#institution-facts")).ToContainTextAsync("Гянджа");
        (await page.Locator("#visit-form").CountAsync()).ShouldBe(0, "only monitors visit");

        // The entry is corrected on its page: a bad capacity is refused beside the field, then a good one is kept.
        await page.Locator("#institution-edit summary").ClickAsync();
        await page.Locator("#institution-edit-form #f-capacity").FillAsync("-3");
        await page.Locator("#institution-edit-form button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#institution-edit-form #capacity-error")).ToContainTextAsync("Вместимость — целое число");
        await page.Locator("#institution-edit-form #f-capacity").FillAsync("14");
        await page.Locator("#institution-edit-form button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#institution-facts")).ToContainTextAsync("14");

        // The demo home: one recommendation awaits the monitors' verification, the other is the authority's to answer.
        await page.GotoAsync("/institutions");
        await page.Locator("#institutions-table a", new() { HasText = "Gəncə şəhər 1 nömrəli uşaq evi (demo)" }).ClickAsync();
        var waiting = page.Locator("article.finding", new() { Has = page.Locator(".finding-status", new() { HasText = "Выполнена (на проверке)" }) });
        await Assertions.Expect(waiting).ToHaveCountAsync(1);
        (await waiting.Locator("form").CountAsync()).ShouldBe(0);
        var open = page.Locator("article.finding", new() { HasText = "care plan" });
        await open.Locator("select").SelectOptionAsync("InProgress");
        await open.Locator("button").ClickAsync();
        await Assertions.Expect(open.Locator(".field-error")).ToContainTextAsync("Обязательно");
        await open.Locator("textarea").FillAsync("Планы пересматриваются.");
        await open.Locator("button").ClickAsync();
        await Assertions.Expect(open.Locator(".finding-status")).ToContainTextAsync("Выполняется");
        await Assertions.Expect(open.Locator(".updates")).ToContainTextAsync("Планы пересматриваются.");
        await BrowserSteps.Shot(page, "institution-1920");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        var main = await page.InnerTextAsync("main");
        foreach (var leak in new[] { "InProgress", "ChildrensHome", "Institutions.", "Enum." }) main.ShouldNotContain(leak);

        // The visit's interviews show who, never what was said, outside the monitors' mandate.
        await page.Locator("#visits-table a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#interviews-list li")).ToHaveCountAsync(2);
        (await page.Locator(".interview-notes").CountAsync()).ShouldBe(0);
        (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ShouldBeEmpty();
        await page.Context.CloseAsync();
    }
}
