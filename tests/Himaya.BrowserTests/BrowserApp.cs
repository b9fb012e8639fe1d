using Microsoft.Extensions.DependencyInjection;
using Himaya.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Himaya.BrowserTests;

/// <summary>
/// The app on a real loopback port (Kestrel) over a fresh SQLite file, and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Browser-test-2026";
    private readonly string _dir = Directory.CreateTempSubdirectory("himaya-bt-").FullName;
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    static BrowserApp() => Environment.SetEnvironmentVariable("HIMAYA_DEMO_PASSWORD", Password);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_dir, "himaya.db")}");
        builder.UseSetting("Demo:Enabled", "true");
        // Analyses read the registry afresh each time, so a test sees the children it has just registered.
        builder.UseSetting("Deprivation:SnapshotSeconds", "0");
        builder.UseSetting("Demo:Children", "400");
        // A three-row file already goes to the background worker, one row per chunk: the page follows its progress.
        builder.UseSetting("Imports:InlineRows", "2");
        builder.UseSetting("Imports:ChunkRows", "1");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_dir, "keys"));
        builder.UseSetting("Attachments:Path", Path.Combine(_dir, "attachments"));
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        // Password hashing at test strength: every host seeds nine demo users and signs some in, and PBKDF2 at the
        // production 100,000 iterations made that a measurable share of the suite. The hash records its count, so
        // nothing else changes; production keeps the default.
        builder.ConfigureServices(s => s.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    public async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("HIMAYA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task<IPage> SignedInPageAsync(string user, string language = "en", int width = 1280)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#f-username").FillAsync(user);
        await page.Locator("#f-password").FillAsync(Password);
        await page.Locator("button.primary").ClickAsync();
        try
        {
            // Poll the address rather than wait for a load event: runs have timed out on the dashboard's "load" and even
            // "DOMContentLoaded" event (after the POST's redirect) while the dashboard was already there and readable.
            await Assertions.Expect(page).ToHaveURLAsync(BaseUrl + "/", new() { Timeout = 30_000 });
            await page.Locator("main h1").WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            // Say what the browser shows instead of only that it timed out.
            var body = await page.InnerTextAsync("body");
            throw new InvalidOperationException($"Sign-in as {user} did not reach the dashboard; the browser shows {page.Url}: {body[..Math.Min(500, body.Length)]}");
        }
        // Chosen after signing in, so it is this test's language whatever the user chose in an earlier test.
        await page.GotoAsync($"/language?culture={language}&returnUrl=/");
        return page;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Steps several page tests share.</summary>
public static class BrowserSteps
{
    private static readonly System.Text.RegularExpressions.Regex Saved = new("/children/[0-9a-f-]{36}\\?saved=true$");

    /// <summary>
    /// After the child form's Save: on to the new record. A generated demo child (or one another test registered) can look
    /// like the one being registered — same birth date and district, a close name — and registration then rightly asks
    /// first; tests that are not about that question confirm it is a new child.
    /// </summary>
    public static async Task ConfirmNewChildAsync(IPage page)
    {
        var confirm = page.Locator("button[name=confirmNew]");
        for (var i = 0; i < 60 && !Saved.IsMatch(page.Url); i++)
        {
            if (await confirm.IsVisibleAsync()) { await confirm.ClickAsync(); break; }
            await page.WaitForTimeoutAsync(500);
        }
        await page.WaitForURLAsync(Saved);
    }
}
