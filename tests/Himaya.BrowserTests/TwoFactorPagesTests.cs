using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Himaya.BrowserTests;

/// <summary>Two-factor sign-in in the browser: a new supervisor enrols at first sign-in, then signs in with a code computed as an authenticator app does.</summary>
public sealed class TwoFactorPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_new_supervisor_enrols_at_first_sign_in_and_then_signs_in_with_a_code()
    {
        var name = "supervisor." + Guid.NewGuid().ToString("N")[..6];
        const string password = "Two-factor-2026";
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var user = new AppUser { UserName = name, DisplayName = "New supervisor", Agency = "Ganja Social Services Centre", ScopeKind = ScopeKind.Areas, CreatedAt = DateTime.UtcNow,
                Roles = [new UserRole { Role = Roles.Supervisor }], ScopeAreas = [new UserScopeArea { AdminUnitCode = "C-GAN" }] };
            user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(user, password);
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }
        var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        async Task PasswordAsync()
        {
            await page.GotoAsync("/account/sign-in?culture=en");
            await page.Locator("#f-username").FillAsync(name);
            await page.Locator("#f-password").FillAsync(password);
            await page.Locator("button.primary").ClickAsync();
        }

        await PasswordAsync();
        await Assertions.Expect(page.Locator("#sign-in-message")).ToContainTextAsync("two-factor");
        var secret = Totp.FromBase32(await page.Locator("#totp-secret").InnerTextAsync());
        await Assertions.Expect(page.Locator("#totp-uri")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^otpauth://totp/Himaya:"));
        await page.Locator("#f-code").FillAsync("000000" == Totp.Code(secret, DateTimeOffset.UtcNow) ? "111111" : "000000");
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#sign-in-message")).ToContainTextAsync("wrong");
        await page.Locator("#f-code").FillAsync(Totp.Code(secret, DateTimeOffset.UtcNow));
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await page.GotoAsync("/cases/team");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Team and district caseload");

        // Next time: password, then the code.
        await page.Context.ClearCookiesAsync();
        await PasswordAsync();
        await page.Locator("#f-code").FillAsync(Totp.Code(secret, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await page.GotoAsync("/account/two-factor");
        await Assertions.Expect(page.Locator("#two-factor-status")).ToContainTextAsync("is on");
    }
}
