using Microsoft.Playwright;
using static Himaya.BrowserTests.BrowserSteps;

namespace Himaya.BrowserTests;

/// <summary>Signing in and out, languages, passwords and user administration in the browser.</summary>
public sealed class AccountPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Switching_language_changes_the_interface_text()
    {
        var page = await app.SignedInPageAsync("worker.ganja", "az");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "İcmal" })).ToBeVisibleAsync();
        await page.GetByLabel("Dil").SelectOptionAsync("ru");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Обзор" })).ToBeVisibleAsync();
        await page.GetByLabel("Язык").SelectOptionAsync("en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Reached(page, new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await page.GotoAsync("/children");
        await Reached(page, new System.Text.RegularExpressions.Regex("/account/sign-in\\?ReturnUrl=%2Fchildren"));
    }

    [Fact]
    public async Task A_file_the_import_cannot_read_is_refused_in_the_users_language()
    {
        var page = await app.SignedInPageAsync("worker.ganja", "az");
        await page.GotoAsync("/imports");
        await page.Locator("#f-source").FillAsync("Gəncə 7 saylı məktəb");
        await page.Locator("#f-file").SetInputFilesAsync(new FilePayload { Name = "notes.doc", MimeType = "application/msword", Buffer = [1, 2, 3] });
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#file-error")).ToHaveTextAsync("CSV (UTF-8) və ya .xlsx faylı olmalıdır.");
        // The API names the reader's own (English) reason; the page says it in the user's language without it.
        await page.Locator("#f-file").SetInputFilesAsync(new FilePayload { Name = "list.xlsx", MimeType = "application/octet-stream", Buffer = "not a workbook"u8.ToArray() });
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#file-error")).ToHaveTextAsync("Oxuna bilən .xlsx iş kitabı deyil.");
    }

    [Fact]
    public async Task A_user_changes_their_password_and_signs_in_with_the_new_one()
    {
        var page = await app.SignedInPageAsync("hotline");
        await page.GetByRole(AriaRole.Link, new() { Name = "hotline" }).ClickAsync();
        await page.Locator("#f-current").FillAsync("wrong");
        await page.Locator("#f-password").FillAsync("short");
        await page.Locator("#f-confirm").FillAsync("other");
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#current-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#password-error")).ToHaveTextAsync("Password must be 10–128 characters.");
        await Assertions.Expect(page.Locator("#confirm-error")).ToHaveTextAsync("The two new passwords differ.");

        await page.Locator("#f-current").FillAsync(BrowserApp.Password);
        await page.Locator("#f-password").FillAsync("Hotline-new-2026");
        await page.Locator("#f-confirm").FillAsync("Hotline-new-2026");
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("password is changed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByLabel("Username").FillAsync("hotline");
        await page.GetByLabel("Password").FillAsync(BrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wrong username or password");
        await page.GetByLabel("Password").FillAsync("Hotline-new-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The address, not the load event (which has been missed after the sign-in's redirect; see SignedInPageAsync).
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task An_administrator_adds_a_user_after_fixing_the_form_and_an_auditor_sees_it_in_the_trail()
    {
        var page = await app.SignedInPageAsync("admin", "ru");
        await page.GotoAsync("/admin/users");
        await page.Locator("#f-userName").FillAsync("worker.sheki");
        await page.Locator("#f-displayName").FillAsync("Sheki social worker");
        await page.Locator("#f-password").FillAsync("Sheki-worker-2026");
        await page.Locator("#f-scopeKind").SelectOptionAsync("Areas");
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync(); // no role, no area
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Укажите хотя бы одну роль." })).ToBeVisibleAsync();
        await Shot(page, "users-errors-ru");

        await page.Locator("#f-password").FillAsync("Sheki-worker-2026");
        await page.Locator("#role-SocialWorker").CheckAsync();
        await page.Locator("#f-scopeAreas").SelectOptionAsync(["R-SEK"]);
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("worker.sheki");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "worker.sheki" })).ToBeVisibleAsync();

        var auditor = await app.SignedInPageAsync("auditor");
        await auditor.GotoAsync("/audit?user=admin&action=create");
        await Assertions.Expect(auditor.Locator("table.audit tbody tr").First).ToContainTextAsync("roles=SocialWorker");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Verify the chain" }).ClickAsync();
        await Assertions.Expect(auditor.GetByRole(AriaRole.Status)).ToContainTextAsync("intact");
        await Shot(auditor, "audit");
    }

    [Fact]
    public async Task The_chosen_language_follows_the_user_to_another_browser()
    {
        await app.SignedInPageAsync("worker.shirvan", "ru");
        var elsewhere = await (await app.NewContextAsync()).NewPageAsync();
        await elsewhere.GotoAsync("/account/sign-in");
        await elsewhere.Locator("#f-username").FillAsync("worker.shirvan");
        await elsewhere.Locator("#f-password").FillAsync(BrowserApp.Password);
        await elsewhere.Locator("button.primary").ClickAsync();
        await Assertions.Expect(elsewhere.GetByRole(AriaRole.Heading, new() { Name = "Обзор" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_signs_nobody_in()
    {
        var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/language?culture=en&returnUrl=/children");
        await Reached(page, new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await page.GetByLabel("Username").FillAsync("worker.ganja");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wrong username or password");
    }
}
