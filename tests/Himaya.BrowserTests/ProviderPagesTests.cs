using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace Himaya.BrowserTests;

/// <summary>The providers' pages on a phone: the coordinator's list with its accreditation filter, a provider's contracts and contacts.</summary>
public sealed class ProviderPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_coordinator_adds_a_state_contract_and_a_contact_on_a_phone_in_azerbaijani()
    {
        var page = await app.SignedInPageAsync("coordinator.ganja", "az", width: 390);
        await page.GotoAsync("/providers");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Xidmət təşkilatları");
        var row = page.Locator("#providers-table tr", new() { HasText = "Ganja Children's NGO" });
        await Assertions.Expect(row).ToContainTextAsync("QHT");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await page.Locator("#f-expiring").CheckAsync();
        await page.Locator("#providers-filter button[type=submit]").ClickAsync();
        page.Url.ShouldContain("expiring=true");
        await Assertions.Expect(page.Locator("#providers-table tr", new() { HasText = "Ganja Children's NGO" })).ToHaveCountAsync(0); // accredited until 2028

        await page.GotoAsync("/providers");
        await row.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Ganja Children's NGO");
        await page.Locator("#contract-form").EvaluateAsync("f => f.closest('details').open = true");
        await page.Locator("#f-funder").FillAsync("Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi");
        await page.Locator("#f-number").FillAsync("BT-" + Guid.NewGuid().ToString("N")[..6]);
        await page.Locator("#f-amount").FillAsync("0");
        await page.Locator("#f-from").FillAsync(DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM-dd"));
        await page.Locator("#f-to").FillAsync(DateTime.UtcNow.AddMonths(11).ToString("yyyy-MM-dd"));
        await page.Locator("#contract-form label", new() { HasText = "Psixi sağlamlıq" }).ClickAsync();
        await page.Locator("#contract-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#amount-error")).ToContainTextAsync("Məbləğ manatla");
        await page.Locator("#f-amount").FillAsync("125000,50");
        await page.Locator("#contract-form button[type=submit]").ClickAsync();
        var contract = page.Locator("#contracts-table tr[data-status=Active]").Last;
        await Assertions.Expect(contract).ToContainTextAsync("Qüvvədədir");
        await Assertions.Expect(contract).ToContainTextAsync("Psixi sağlamlıq");

        await page.Locator("#contact-form").EvaluateAsync("f => f.closest('details').open = true");
        await page.Locator("#f-name").FillAsync("Leyla Məmmədova");
        await page.Locator("#contact-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#phone-error")).ToContainTextAsync("Telefon və ya e-poçt");
        await page.Locator("#f-phone").FillAsync("+994 50 123 45 67");
        await page.Locator("#contact-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#contacts-list")).ToContainTextAsync("Leyla Məmmədova");

        var wide = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 391).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, string.Join(" | ", wide));
        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1920)]
    public async Task An_administrator_adds_a_service_type_and_retires_it_in_russian(int width)
    {
        var page = await app.SignedInPageAsync("admin", "ru", width);
        await page.GotoAsync("/admin/service-types");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Виды услуг");
        var code = "bt-type-" + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#type-form").EvaluateAsync("f => f.closest('details').open = true");
        await page.Locator("#f-nameAz").FillAsync("Küçə işi");
        await page.Locator("#f-nameEn").FillAsync("Street outreach");
        await page.Locator("#f-nameRu").FillAsync("Уличная работа");
        await page.Locator("#f-code").FillAsync("Not A Code");
        await page.Locator("#type-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#code-error")).ToContainTextAsync("строчных латинских букв");
        await Assertions.Expect(page.Locator("#f-nameRu")).ToHaveValueAsync("Уличная работа"); // what was typed is kept
        await page.Locator("#f-code").FillAsync(code);
        await page.Locator("#type-form button[type=submit]").ClickAsync();
        var row = page.Locator($"#types-table tr[data-type={code}]");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-active", "true");
        page.Dialog += (_, d) => d.AcceptAsync();
        await row.Locator("button").ClickAsync();
        await Assertions.Expect(page.Locator($"#types-table tr[data-type={code}]")).ToHaveAttributeAsync("data-active", "false");
        var wide = await page.EvaluateAsync<string[]>($"() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > {width + 1}).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, string.Join(" | ", wide));
        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_ngo_proposes_a_new_phone_on_a_phone_in_russian_and_the_coordinator_approves_it_on_a_wide_screen()
    {
        var phone = "+994 22 2" + Random.Shared.Next(10, 99) + " 77 77";
        var ngo = await app.SignedInPageAsync("ngo.ganja", "ru", width: 390);
        await ngo.GotoAsync("/providers");
        await ngo.Locator("#providers-table a", new() { HasText = "Ganja Children's NGO" }).ClickAsync();
        await ngo.Locator("#provider-propose-link").ClickAsync();
        await ngo.Locator("#f-phone").FillAsync(phone);
        await ngo.Locator("#f-email").FillAsync("not an email");
        await ngo.Locator("#provider-propose button[type=submit]").ClickAsync();
        await Assertions.Expect(ngo.Locator("#email-error")).ToBeVisibleAsync();
        await Assertions.Expect(ngo.Locator("#f-phone")).ToHaveValueAsync(phone); // what was typed stays
        await ngo.Locator("#f-email").FillAsync("");
        await ngo.Locator("#provider-propose button[type=submit]").ClickAsync();
        await Assertions.Expect(ngo.Locator("#provider-proposal")).ToContainTextAsync("Предложенные контактные данные ожидают проверки");
        (await ngo.InnerTextAsync("#provider-facts")).ShouldNotContain(phone);
        (await ngo.Locator("#proposal-approve").CountAsync()).ShouldBe(0, "staff do not decide on their own proposal");
        (await ngo.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

        var keeper = await app.SignedInPageAsync("coordinator.ganja", width: 1920);
        await keeper.GotoAsync("/services/review");
        await keeper.Locator("#provider-proposals a", new() { HasText = "Ganja Children's NGO" }).ClickAsync();
        await Assertions.Expect(keeper.Locator("#provider-proposal tr.changed")).ToContainTextAsync(phone);
        (await keeper.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1920);
        (await keeper.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ShouldBeEmpty();
        await keeper.Locator("#proposal-approve").ClickAsync();
        await Assertions.Expect(keeper.Locator("#provider-facts")).ToContainTextAsync(phone);
        (await keeper.Locator("#provider-proposal").CountAsync()).ShouldBe(0);
        await keeper.GotoAsync("/providers");
        (await keeper.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1920);
        await keeper.Context.CloseAsync();
        await ngo.Context.CloseAsync();
    }
}
