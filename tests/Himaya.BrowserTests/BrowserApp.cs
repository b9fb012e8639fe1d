using Microsoft.Extensions.DependencyInjection;
using Himaya.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Himaya.BrowserTests;

/// <summary>
/// The app on a real loopback port (Kestrel) over its own SQLite file, and Chromium driven by Playwright. Each test class
/// gets its own app, on a copy of a database seeded once per run (so the app seeds nothing itself); the classes share
/// one browser, each test in contexts of its own (cookies, storage).
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Browser-test-2026";
    private readonly string _dir = Directory.CreateTempSubdirectory("himaya-bt-").FullName;
    public IBrowser Browser { get; private set; } = null!;
    // Closed with the class: left open, every page of the run stayed alive in the shared browser, and a focused field's
    // blinking caret alone kept its renderer and the browser process painting.
    private readonly System.Collections.Concurrent.ConcurrentBag<IBrowserContext> _contexts = [];
    public string BaseUrl { get; private set; } = "";

    static BrowserApp() => Environment.SetEnvironmentVariable("HIMAYA_DEMO_PASSWORD", Password);

    protected override void ConfigureWebHost(IWebHostBuilder builder) => Configure(builder, _dir);

    private static void Configure(IWebHostBuilder builder, string dir)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(dir, "himaya.db")}");
        builder.UseSetting("Demo:Enabled", "true");
        // Analyses read the registry afresh each time, so a test sees the children it has just registered.
        builder.UseSetting("Deprivation:SnapshotSeconds", "0");
        builder.UseSetting("Demo:Children", "400");
        // A three-row file already goes to the background worker, one row per chunk: the page follows its progress.
        builder.UseSetting("Imports:InlineRows", "2");
        builder.UseSetting("Imports:ChunkRows", "1");
        // No daily computation of indicators in the middle of a test that reads them.
        builder.UseSetting("Monitoring:ComputeAtHour", "");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(dir, "keys"));
        builder.UseSetting("Attachments:Path", Path.Combine(dir, "attachments"));
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        // Password hashing at test strength: every host seeds nine demo users and signs some in, and PBKDF2 at the
        // production 100,000 iterations made that a measurable share of the suite. The hash records its count, so
        // nothing else changes; production keeps the default.
        builder.ConfigureServices(s => s.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    public async Task InitializeAsync()
    {
        File.Copy(await Template.Value, Path.Combine(_dir, "himaya.db"));
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Browser = await SharedBrowser.RentAsync();
    }

    /// <summary>
    /// HIMAYA_CHROMIUM (scripts/test.sh sets it), else Debian's chromium: the browser our users' browsers are closest
    /// to (the headless shell would halve this project's time, but it is not what the team agreed to test with).
    /// </summary>
    internal static string ChromiumPath => Environment.GetEnvironmentVariable("HIMAYA_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>A browser context on this app: its own cookies, English unless a test picks a language.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new();
        options.BaseURL = BaseUrl;
        // Browsers differ in the language they ask for when none is set; the app answers in it.
        options.Locale ??= "en-US";
        var context = await Browser.NewContextAsync(options);
        _contexts.Add(context);
        return context;
    }

    /// <summary>The cookies of a session already signed in, by user and language: a later test starts from them.</summary>
    private readonly Dictionary<(string User, string Language), string> _sessions = [];

    /// <summary>
    /// A page of a new context signed in as <paramref name="user"/> in <paramref name="language"/>, on the dashboard.
    /// The first time for a user and language it signs in through the form; later tests of the class start from that
    /// session's cookies (a sign-in costs the browser more than most test steps), unless the session has since ended
    /// (a test changed the user), when it signs in again.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string user, string language = "en", int width = 1280)
    {
        if (_sessions.TryGetValue((user, language), out var state))
        {
            var resumed = await NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, StorageState = state });
            var again = await resumed.NewPageAsync();
            await again.GotoAsync("/");
            if (!again.Url.Contains("/account/", StringComparison.Ordinal))
            {
                await again.Locator("main h1").WaitForAsync(new() { Timeout = 30_000 });
                return again;
            }
            await resumed.CloseAsync();
        }
        var context = await NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        // The language is chosen on the way in (sign-in → /language → dashboard), so it is this test's language whatever
        // the user chose in an earlier test, and the dashboard is drawn once, not twice.
        await page.GotoAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString($"/language?culture={language}&returnUrl=/"));
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
        _sessions[(user, language)] = await context.StorageStateAsync();
        return page;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        if (Browser is not null) await SharedBrowser.ReturnAsync();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>The demo database, migrated and seeded once per run by a host of its own (no Kestrel, no browser).</summary>
    private static readonly Lazy<Task<string>> Template = new(async () =>
    {
        var dir = Directory.CreateTempSubdirectory("himaya-bt-template-").FullName;
        await using (var seeding = new Seeding(dir)) _ = seeding.Services; // starting the host migrates and seeds
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = Path.Combine(dir, "himaya.db");
        using (var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
        {
            // Fold the journal into the file, which is then copied alone.
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            cmd.ExecuteNonQuery();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(dir, recursive: true); } catch (IOException) { } };
        return file;
    });

    private sealed class Seeding(string dir) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => Configure(builder, dir);
    }
}

/// <summary>Steps several page tests share.</summary>
public static class BrowserSteps
{
    private static readonly System.Text.RegularExpressions.Regex Saved = new("/children/[0-9a-f-]{36}\\?saved=true$");

    /// <summary>
    /// Screenshots land beside the test output for a person to look at; they are not compared. Only when asked for
    /// (HIMAYA_SCREENSHOTS=1): a full-page PNG costs the browser more CPU than many a test step, and no test reads it.
    /// </summary>
    public static async Task Shot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("HIMAYA_SCREENSHOTS") != "1") return;
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    /// <summary>
    /// The page has gone to this address. Not WaitForURL: that also waits for the load event, and on a busy machine
    /// Chromium has now and then never reported it for a page already shown (the wait then timed out with the network
    /// idle). The steps that follow wait for the elements they need.
    /// </summary>
    public static Task Reached(IPage page, System.Text.RegularExpressions.Regex url) =>
        Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 30_000 });

    public static Task Reached(IPage page, string url) =>
        Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 30_000 });

    /// <summary>
    /// After the child form's Save: on to the new record. A generated demo child (or one another test registered) can look
    /// like the one being registered — same birth date and district, a close name — and registration then rightly asks
    /// first; tests that are not about that question confirm it is a new child.
    /// </summary>
    public static async Task ConfirmNewChildAsync(IPage page)
    {
        var confirm = page.Locator("button[name=confirmNew]");
        // Whichever comes first: the question, or the saved record (its notice is on no form).
        await confirm.Or(page.Locator("p.notice[role=status]")).First.WaitForAsync(new() { Timeout = 30_000 });
        if (await confirm.IsVisibleAsync()) await confirm.ClickAsync();
        await Reached(page, Saved);
    }
}

/// <summary>One Chromium for every class of the run, started by the first class and closed when the last one is done.</summary>
internal static class SharedBrowser
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static int _users;

    public static async Task<IBrowser> RentAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is null)
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new()
                {
                    ExecutablePath = BrowserApp.ChromiumPath,
                    Headless = true,
                    // HIMAYA_CHROMIUM_ARGS adds flags for an experiment (measuring what a flag costs or saves) without a rebuild.
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                        .. (Environment.GetEnvironmentVariable("HIMAYA_CHROMIUM_ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)],
                });
            }
            _users++;
            return _browser;
        }
        finally { Gate.Release(); }
    }

    public static async Task ReturnAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users > 0 || _browser is null) return;
            await _browser.DisposeAsync();
            _playwright?.Dispose();
            _browser = null;
            _playwright = null;
        }
        finally { Gate.Release(); }
    }
}
