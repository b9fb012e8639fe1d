using System.Net.Http.Headers;
using System.Net.Http.Json;
using Himaya.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Himaya.IntegrationTests;

/// <summary>
/// The real app over a real database: a fresh SQLite file, or a fresh database on the PostgreSQL server that
/// scripts/test.sh starts (HIMAYA_TEST_POSTGRES). Same tests, both providers.
/// </summary>
public abstract class HimayaApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-password-2026";
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly string _dir = Directory.CreateTempSubdirectory("himaya-it-").FullName;

    static HimayaApp() => Environment.SetEnvironmentVariable("HIMAYA_DEMO_PASSWORD", Password);

    public abstract DatabaseProvider Provider { get; }
    /// <summary>The app's clock: the real time unless a test moves it (escalations, home visits falling due); a test that moves a shared app's clock moves it back.</summary>
    public MovableClock Clock { get; } = new();
    public string ConnectionString { get; protected set; } = "";
    protected virtual int DemoChildren => 300;

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        _ = Server; // start now: migrations and demo seeding run here, not inside the first test
    }

    protected abstract Task<string> CreateDatabaseAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.ConfigureServices(s => Clock.Install(s));
        builder.UseSetting("Demo:Enabled", "true");
        // Analyses read the registry afresh each time, so a test sees the children it has just registered.
        builder.UseSetting("Deprivation:SnapshotSeconds", "0");
        // Small enough that a test file of a few dozen rows takes the background path the API gives large files.
        builder.UseSetting("Imports:InlineRows", "10");
        // Several chunks per test file, so that a rollback can meet a background import between two of them.
        builder.UseSetting("Imports:ChunkRows", "5");
        builder.UseSetting("Demo:Children", DemoChildren.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_dir, "keys"));
        builder.UseSetting("Attachments:Path", Path.Combine(_dir, "attachments"));
        // Small, so that a test can send a file over the limit cheaply.
        builder.UseSetting("Attachments:MaxBytes", "65536");
        // Every request of a test host comes from one (unknown) address: the public form's flood limits would stop the
        // generated input tests; the limits have tests of their own.
        builder.UseSetting("Vac:PublicLimits:PerAddress", "100000");
        builder.UseSetting("Vac:PublicLimits:GlobalPerMinute", "100000");
        // No daily computation of indicators in the middle of a test that counts them; the tests call it themselves.
        builder.UseSetting("Monitoring:ComputeAtHour", "");
        builder.ConfigureLogging(l => l.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning));
        // Password hashing at test strength: every host seeds nine demo users and signs some in, and PBKDF2 at the
        // production 100,000 iterations made that a measurable share of the suite. The hash records its count, so
        // nothing else changes; production keeps the default.
        builder.ConfigureServices(s => s.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    /// <summary>A client for the first demo user whose role the endpoint's permission allows (anonymous if it needs none).</summary>
    public async Task<HttpClient> ClientAllowedAsync(Microsoft.AspNetCore.Routing.RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<RequiresPermission>() is not { } needs) return CreateClient();
        var user = Himaya.Features.Demo.DemoSeeder.Users.First(u => Permissions.Allows(needs.Permission, u.Roles));
        return await ClientForAsync(user.UserName);
    }

    public async Task<HttpClient> ClientForAsync(string userName)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            using var anon = CreateClient();
            var res = await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = Password });
            res.EnsureSuccessStatusCode();
            token = (await res.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
            _tokens[userName] = token;
        }
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A client for a user who is not a demo user. Roles that read case data must enrol in two-factor sign-in first:
    /// enrol through the API with the password, confirm with a code computed from the secret, then sign in with the next code.
    /// </summary>
    public async Task<HttpClient> ClientForEnrolledAsync(string userName, string password)
    {
        using var anon = CreateClient();
        var first = await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password });
        string token;
        if (first.IsSuccessStatusCode) token = (await first.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        else
        {
            var start = await anon.PostAsJsonAsync("/api/v1/auth/two-factor/enrol", new { username = userName, password });
            start.EnsureSuccessStatusCode();
            var enrolment = await start.Content.ReadFromJsonAsync<Enrolment>();
            var secret = Himaya.Features.Identity.Totp.FromBase32(enrolment!.Secret);
            (await anon.PostAsJsonAsync("/api/v1/auth/two-factor/confirm", new { enrolmentToken = enrolment.EnrolmentToken, code = Himaya.Features.Identity.Totp.Code(secret, DateTimeOffset.UtcNow) })).EnsureSuccessStatusCode();
            // A code is good once: sign in with the next step's code (accepted as clock drift).
            var res = await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password, code = Himaya.Features.Identity.Totp.Code(secret, DateTimeOffset.UtcNow.AddSeconds(30)) });
            res.EnsureSuccessStatusCode();
            token = (await res.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        }
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record Enrolment(string Secret, string OtpauthUri, string EnrolmentToken);

    public AppDbContext NewDbContext()
    {
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    private sealed record TokenResponse(string AccessToken);
}

/// <summary>
/// A migrated and seeded database per provider and demo size, made once per test run by a host of its own; each test
/// class's app starts on a copy, so it migrates and seeds nothing (its start-up finds everything done) yet has a database
/// of its own. Made on first use, kept until the process ends.
/// </summary>
internal static class Templates
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(DatabaseProvider, int), Lazy<Task<string>>> Made = new();

    /// <summary>The template's file (SQLite) or database name (PostgreSQL).</summary>
    public static Task<string> ForAsync(DatabaseProvider provider, int children, Func<HimayaApp> seeding) =>
        Made.GetOrAdd((provider, children), _ => new(async () =>
        {
            var app = seeding();
            await ((IAsyncLifetime)app).InitializeAsync();
            await ((IAsyncLifetime)app).DisposeAsync();
            return provider == DatabaseProvider.Sqlite
                ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource
                : new NpgsqlConnectionStringBuilder(app.ConnectionString).Database!;
        })).Value;
}

public class SqliteApp : HimayaApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static string NewFile() => Path.Combine(Path.GetTempPath(), "himaya-it-" + Guid.NewGuid().ToString("N")[..8] + ".db");

    protected override async Task<string> CreateDatabaseAsync()
    {
        var template = await Templates.ForAsync(Provider, DemoChildren, () => new Seeding(DemoChildren));
        var file = NewFile();
        File.Copy(template, file);
        return $"Data Source={file}";
    }

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var f in new[] { file, file + "-wal", file + "-shm" }) if (File.Exists(f)) File.Delete(f);
        return Task.CompletedTask;
    }

    /// <summary>Migrates and seeds a new file and leaves it, closed (its journal folded in), as a template.</summary>
    private sealed class Seeding(int children) : SqliteApp
    {
        protected override int DemoChildren => children;
        protected override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={NewFile()}");
        protected override Task DropDatabaseAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            using (var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
            {
                conn.Open();
                using var cmd = conn.CreateCommand();
                cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                cmd.ExecuteNonQuery();
            }
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                foreach (var f in new[] { file, file + "-wal", file + "-shm" }) try { File.Delete(f); } catch (IOException) { }
            };
            return Task.CompletedTask;
        }
    }
}

public class PostgresApp : HimayaApp
{
    private string? _database;
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    /// <summary>Server connection string from scripts/test.sh. Missing means the suite was not started through it: fail, never skip.</summary>
    public static string ServerConnection => Environment.GetEnvironmentVariable("HIMAYA_TEST_POSTGRES") is { Length: > 0 } s ? s
        : throw new InvalidOperationException("HIMAYA_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");

    protected override async Task<string> CreateDatabaseAsync()
    {
        var template = await Templates.ForAsync(Provider, DemoChildren, () => new Seeding(DemoChildren));
        (_database, var cs) = await CreateAsync(template);
        return cs;
    }

    protected override Task DropDatabaseAsync() => _database is null ? Task.CompletedTask : DropAsync(_database);

    /// <summary>A new database: empty, or a copy of <paramref name="template"/>.</summary>
    public static async Task<(string Name, string ConnectionString)> CreateAsync(string? template = null)
    {
        var name = "himaya_it_" + Guid.NewGuid().ToString("N")[..10];
        await using var conn = new NpgsqlConnection(ServerConnection + ";Database=postgres");
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}" + (template is null ? "" : $" TEMPLATE {template}"), conn);
        await cmd.ExecuteNonQueryAsync();
        return (name, ServerConnection + ";Database=" + name);
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(ServerConnection + ";Database=postgres");
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Migrates and seeds a new database and leaves it as a template: copying needs it without connections, so it
    /// refuses them from now on. The cluster is thrown away after the run (scripts/test.sh).
    /// </summary>
    private sealed class Seeding(int children) : PostgresApp
    {
        protected override int DemoChildren => children;
        protected override async Task<string> CreateDatabaseAsync() => (await CreateAsync()).ConnectionString;
        protected override async Task DropDatabaseAsync()
        {
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(ServerConnection + ";Database=postgres");
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false; " +
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
