using Himaya.Cli;
using Himaya.Features.Registry;
using Himaya.Features.Services;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Himaya.Platform;
using Himaya.Features.Cases;
using Himaya.Features.Demo;
using Himaya.Features.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Npgsql;
using NpgsqlTypes;

namespace Himaya.Bench;

/// <summary>
/// <c>himaya bench cases</c> (PostgreSQL): staff and a case load at national scale over the children already seeded, then
/// the case pages' latency measured through the same services the pages call (<see cref="CaseLists"/>, <see cref="CaseWork"/>)
/// and, with <c>--url</c>, over HTTP against a running app, whose bench users' tokens it also writes for the wrk load
/// test (bench/wrk-cases.lua).
/// <list type="bullet">
/// <item>Staff (idempotent): social workers in every district in proportion to its children (<c>--workers</c> in all), one
/// supervisor per team of eight, a coordinator per district and one for Baku city; each enrolled in two-factor sign-in
/// through <see cref="TwoFactor.ConfirmAsync"/> with an authenticator secret derived from the user name (so the HTTP step can
/// compute codes). Names start with <c>bench.cases.</c>; one password (<c>HIMAYA_BENCH_PASSWORD</c> or the default below).
/// These accounts belong in a benchmark database only.</item>
/// <item>Cases (once; <c>--reload</c> deletes the bench cases first): <c>--cases</c> children drawn at random, one case each,
/// owned by a worker of the child's district, spread over the stages with their assessments, plan actions, notes, history
/// and referrals, deadlines (some overdue) and pending approvals, bulk-loaded by binary COPY in one transaction, then VACUUM ANALYZE.</item>
/// </list>
/// </summary>
internal static class BenchCases
{
    public const string Prefix = "bench.cases.";
    private const string DefaultPassword = "Bench-cases-2026!";
    private const int TeamSize = 8;

    private const string Usage = """
        usage: himaya bench cases [--cases 300000] [--workers 5000] [--seed 1] [--samples 200] [--reload] [--no-in-process] [--only TEXT]
                                  [--keys DIR] [--url http://127.0.0.1:5090 [--http-samples 200] [--tokens FILE] [--wrk-users 400]]
                                  --Database:Provider=Postgres --Database:ConnectionString=...
          --cases N       cases to load over existing children (once; a later run reuses them)
          --workers N     social workers in all, spread over the districts by their number of children (created once)
          --samples N     calls per in-process scenario
          --reload        delete the bench cases (and everything hanging from them) and load again
          --no-in-process skip the in-process timings (e.g. when only the HTTP step is wanted)
          --only TEXT     run only the in-process scenarios whose name contains TEXT (e.g. dashboard)
          --keys DIR      the app's data-protection key directory (DataProtection:KeysPath; default: $DataProtection__KeysPath or data/keys)
          --url URL       a running app on the same database and keys: time its pages over HTTP and write the wrk tokens file
          --tokens FILE   where to write the wrk users (default /tmp/himaya-bench/cases-tokens.txt)
          --wrk-users N   bench users signed in for wrk (nine social workers to one supervisor)
        """;

    private sealed record Options(int Cases, int Workers, int Seed, int Samples, bool Reload, bool InProcess, string? Only, string Keys, string? Url, int HttpSamples, string Tokens, int WrkUsers);

    private static string Password => Environment.GetEnvironmentVariable("HIMAYA_BENCH_PASSWORD") is { Length: > 0 } p ? p : DefaultPassword;

    /// <summary>The authenticator secret of a bench user: derived from its name, so the HTTP step can compute its codes.</summary>
    public static byte[] SecretFor(string userName) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes("himaya-bench-cases-totp"), Encoding.UTF8.GetBytes(userName))[..20];

    public static async Task<int> RunAsync(string[] args, DatabaseOptions dbOptions)
    {
        var (o, error) = Parse(args);
        if (VerbArguments.Stops("bench cases", Usage, o, error, out var exit)) return exit;
        if (await BenchDatabaseGuard.RefuseAsync("bench cases", "creates case-reading staff with known passwords in it", dbOptions) is { } refused) return refused;

        // Demo off, the case options at their defaults; the app's own key ring, because the secrets TwoFactor encrypts here
        // are read by the running app.
        await using var sp = BenchProvider.Build(dbOptions, [new("Demo:Enabled", "false")], o.Keys,
            s => s.AddSingleton<IHostEnvironment>(new BenchHost()));

        var units = sp.GetRequiredService<AdminUnits>();
        await using (var scope = sp.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var applied = await SchemaMigrator.MigrateAsync(db, DatabaseProvider.Postgres);
            if (applied.Count > 0) Console.WriteLine("Applied schema migrations: " + string.Join(", ", applied));
            await AdminUnitLoader.EnsureLoadedAsync(db);
            await units.ReloadAsync(db);
            var children = await db.Children.LongCountAsync();
            if (children == 0) { Console.Error.WriteLine("bench cases: the database has no children; run `himaya seed` first."); return 2; }
            Console.WriteLine($"bench cases: {children:N0} children in PostgreSQL; data-protection keys in {Path.GetFullPath(o.Keys)}");
            await EnsureServicesAsync(db, units);
            await EnsureStaffAsync(db, units, o);
        }
        await EnrolAsync(sp);
        await EnsureCasesAsync(sp, units, o);
        if (o.InProcess) await MeasureAsync(sp, units, o);
        if (o.Url is not null) await HttpAsync(sp, o);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB"));
        return 0;
    }

    private static (Options?, string?) Parse(string[] args)
    {
        int cases = 300_000, workers = 5_000, seed = 1, samples = 200, httpSamples = 200, wrkUsers = 400;
        bool reload = false, inProcess = true;
        string keys = Environment.GetEnvironmentVariable("DataProtection__KeysPath") is { Length: > 0 } k ? k : Path.Combine("data", "keys");
        string? url = null, only = null;
        var tokens = "/tmp/himaya-bench/cases-tokens.txt";
        for (var i = 2; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--Database:", StringComparison.Ordinal)) { if (!a.Contains('=', StringComparison.Ordinal)) i++; continue; }
            if (a is "--help" or "-h") return (null, null);
            if (a == "--reload") { reload = true; continue; }
            if (a == "--no-in-process") { inProcess = false; continue; }
            if (i + 1 >= args.Length) return (null, $"{a} needs a value.");
            var v = args[++i];
            bool Int(out int n) => int.TryParse(v.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out n) && n > 0;
            switch (a)
            {
                case "--cases": if (!Int(out cases)) return (null, "--cases must be a positive integer."); break;
                case "--workers": if (!Int(out workers)) return (null, "--workers must be a positive integer."); break;
                case "--seed": if (!int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed)) return (null, "--seed must be an integer."); break;
                case "--samples": if (!Int(out samples)) return (null, "--samples must be a positive integer."); break;
                case "--http-samples": if (!Int(out httpSamples)) return (null, "--http-samples must be a positive integer."); break;
                case "--wrk-users": if (!Int(out wrkUsers)) return (null, "--wrk-users must be a positive integer."); break;
                case "--keys": keys = v; break;
                case "--url": url = v.TrimEnd('/'); break;
                case "--only": only = v; break;
                case "--tokens": tokens = v; break;
                default: return (null, $"unknown argument '{a}'.");
            }
        }
        return (new Options(cases, workers, seed, samples, reload, inProcess, only, keys, url, httpSamples, tokens, wrkUsers), null);
    }

    // ------------------------------------------------------------------ services and staff

    /// <summary>The demo services when the table is empty (as the app's demo start would add), and three per economic region.</summary>
    private static async Task EnsureServicesAsync(AppDbContext db, AdminUnits units)
    {
        await DemoServices.EnsureAsync(db, default);
        var names = (await db.Services.Select(s => s.Name).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var region in units.All.Where(u => u.Kind == "economic_region").OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            var name = region.NameEn.Replace(" economic region", "", StringComparison.Ordinal);
            foreach (var (what, kind, min) in new[] { ("psychosocial support (MHPSS)", "mhpss", 3), ("rehabilitation centre for children with disabilities", "rehabilitation", 0), ("family support centre", "family-support", 0) })
            {
                var full = $"{name}: {what}";
                if (names.Contains(full)) continue;
                db.Services.Add(new Service
                {
                    Name = full, Agency = $"{name} {kind} provider", MinAge = min, MaxAge = 17, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                    Types = [new ServiceTypeLink { TypeCode = kind }],
                    Districts = [.. units.SelfAndDescendants(region.Code).Where(units.IsDistrict).Select(d => new ServiceDistrict { DistrictCode = d })],
                });
                added++;
            }
        }
        if (added > 0) { await db.SaveChangesAsync(); Console.WriteLine($"  added {added} regional services"); }
    }

    /// <summary>Workers in proportion to each district's children (at least two), a supervisor per team of eight, a coordinator per district and one for Baku.</summary>
    private static async Task EnsureStaffAsync(AppDbContext db, AdminUnits units, Options o)
    {
        var existing = await db.Users.CountAsync(u => u.UserName.StartsWith(Prefix));
        if (existing > 0) { Console.WriteLine($"  {existing:N0} bench staff users already there (kept; --workers applies to a fresh database)"); return; }
        var sw = Stopwatch.StartNew();
        var perDistrict = await db.Children.Where(c => c.DeletedAt == null).GroupBy(c => c.DistrictCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync();
        var total = perDistrict.Sum(d => (long)d.N);
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser { UserName = "bench", DisplayName = "bench" }, Password);
        var now = DateTime.UtcNow;
        AppUser User(string name, string display, string agency, string role, string area) => new()
        {
            UserName = name, DisplayName = display, PasswordHash = hash, Agency = agency, ScopeKind = ScopeKind.Areas, CreatedAt = now,
            Roles = [new UserRole { Role = role }], ScopeAreas = [new UserScopeArea { AdminUnitCode = area }],
        };
        var users = new List<AppUser>();
        foreach (var d in perDistrict.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var unit = units.Find(d.Key);
            var place = unit?.NameEn ?? d.Key;
            var agency = $"{place} Social Services Centre";
            var code = d.Key.ToLowerInvariant();
            var workers = Math.Max(2, (int)Math.Round((double)o.Workers * d.N / total));
            var supervisors = (workers + TeamSize - 1) / TeamSize;
            for (var i = 1; i <= workers; i++) users.Add(User($"{Prefix}sw.{code}.{i:D3}", $"Social worker {i}, {place}", agency, Roles.SocialWorker, d.Key));
            for (var i = 1; i <= supervisors; i++) users.Add(User($"{Prefix}sup.{code}.{i:D2}", $"Supervisor {i}, {place}", agency, Roles.Supervisor, d.Key));
            users.Add(User($"{Prefix}coord.{code}", $"District coordinator, {place}", agency, Roles.DistrictCoordinator, d.Key));
        }
        users.Add(User($"{Prefix}coord.c-bak", "City coordinator, Baku", "Baku Social Services Department", Roles.DistrictCoordinator, "C-BAK"));
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        Console.WriteLine($"  created {users.Count:N0} staff users ({users.Count(u => u.Roles[0].Role == Roles.SocialWorker):N0} social workers, " +
            $"{users.Count(u => u.Roles[0].Role == Roles.Supervisor):N0} supervisors, {users.Count(u => u.Roles[0].Role == Roles.DistrictCoordinator):N0} coordinators) in {sw.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Two-factor enrolment of every bench user not yet enrolled, through the app's own confirmation step (audited as enrolment).</summary>
    private static async Task EnrolAsync(IServiceProvider sp)
    {
        var sw = Stopwatch.StartNew();
        var done = 0;
        while (true)
        {
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var batch = await db.Users.Include(u => u.Roles).Where(u => u.UserName.StartsWith(Prefix) && !u.TwoFactorEnabled).OrderBy(u => u.Id).Take(200).ToListAsync();
            if (batch.Count == 0) break;
            var twoFactor = scope.ServiceProvider.GetRequiredService<TwoFactor>();
            foreach (var u in batch)
            {
                var secret = SecretFor(u.UserName);
                if (await twoFactor.ConfirmAsync(u, secret, Totp.Code(secret, DateTimeOffset.UtcNow), "127.0.0.1", default) is null)
                    throw new InvalidOperationException($"two-factor enrolment of {u.UserName} refused");
                done++;
            }
        }
        if (done > 0) Console.WriteLine($"  enrolled {done:N0} bench users in two-factor sign-in (TwoFactor.ConfirmAsync) in {sw.Elapsed.TotalSeconds:F1} s");
    }

    internal sealed record Staff(int Id, string UserName, string Role, string District, string Agency);

    private static async Task<List<Staff>> StaffAsync(AppDbContext db) =>
        (await db.Users.AsNoTracking().Where(u => u.UserName.StartsWith(Prefix))
            .Select(u => new { u.Id, u.UserName, u.Agency, Role = u.Roles.Select(r => r.Role).First(), Area = u.ScopeAreas.Select(a => a.AdminUnitCode).First() })
            .ToListAsync())
        .Select(u => new Staff(u.Id, u.UserName, u.Role, u.Area, u.Agency)).OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();

    // ------------------------------------------------------------------ cases

    private static async Task EnsureCasesAsync(IServiceProvider sp, AdminUnits units, Options o)
    {
        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync();
        const string benchOwned = "owner_id IN (SELECT id FROM users WHERE user_name LIKE 'bench.cases.%')";
        if (o.Reload)
        {
            var sw0 = Stopwatch.StartNew();
            await using var tx = await conn.BeginTransactionAsync();
            foreach (var t in new[] { "referrals", "case_events", "case_notes", "case_assessments", "case_plan_actions" })
                await ExecAsync(conn, $"DELETE FROM {t} WHERE case_id IN (SELECT id FROM cases WHERE {benchOwned})", tx);
            await ExecAsync(conn, $"DELETE FROM cases WHERE {benchOwned}", tx);
            await tx.CommitAsync();
            Console.WriteLine($"  --reload: bench cases deleted in {sw0.Elapsed.TotalSeconds:F1} s");
        }
        var have = await ScalarAsync(conn, $"SELECT count(*) FROM cases WHERE {benchOwned}");
        if (have > 0)
        {
            Console.WriteLine($"  {have:N0} bench cases already loaded{(have != o.Cases ? $" (not {o.Cases:N0}: --reload to load again)" : "")}");
            await conn.CloseAsync();
            return;
        }

        var total = Stopwatch.StartNew();
        var staff = await StaffAsync(db);
        var serviceRows = await db.Services.AsNoTracking().Include(s => s.Districts).Include(s => s.Types).Where(s => s.Status == ServiceStatus.Public).OrderBy(s => s.Id).ToListAsync();
        // Every child without a case, sorted by id so the same seed draws the same children.
        var pool = new List<(Guid Id, string District, DateOnly Birth, bool Difficulty)>(3_100_000);
        await using (var cmd = new NpgsqlCommand("SELECT id, district_code, birth_date, has_functional_difficulty FROM children ch WHERE deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.child_id = ch.id)", conn) { CommandTimeout = 600 })
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) pool.Add((r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetBoolean(3)));
        pool.Sort((a, b) => a.Id.CompareTo(b.Id));
        if (pool.Count < o.Cases) throw new InvalidOperationException($"only {pool.Count:N0} children without a case");
        var rng = new Random(o.Seed);
        for (var i = 0; i < o.Cases; i++) { var j = i + rng.Next(pool.Count - i); (pool[i], pool[j]) = (pool[j], pool[i]); }
        Console.WriteLine($"  drew {o.Cases:N0} of {pool.Count:N0} children without a case ({total.Elapsed.TotalSeconds:F1} s)");

        var years = new Dictionary<int, int>();
        await using (var cmd = new NpgsqlCommand("SELECT substring(number, 1, 4)::int, max(substring(number, 6)::int) FROM cases GROUP BY 1", conn))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) years[r.GetInt32(0)] = r.GetInt32(1);

        var gen = new CaseGenerator(rng, staff, serviceRows, units, DateTime.UtcNow, years);
        for (var i = 0; i < o.Cases; i++) gen.Add(pool[i].Id, pool[i].District, pool[i].Birth, pool[i].Difficulty);
        pool = null!;
        Console.WriteLine($"  generated {gen.Cases.Count:N0} cases, {gen.Events.Count:N0} events, {gen.Notes.Count:N0} notes, {gen.Assessments.Count:N0} assessments, " +
            $"{gen.Actions.Count:N0} plan actions, {gen.Referrals.Count:N0} referrals ({total.Elapsed.TotalSeconds:F1} s)");

        var load = Stopwatch.StartNew();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await gen.CopyAsync(conn);
            await AuditLine(db, $"bench cases: loaded {gen.Cases.Count} cases (seed {o.Seed})");
            await tx.CommitAsync();
        }
        Console.WriteLine($"  COPY of all rows in one transaction: {load.Elapsed.TotalSeconds:F1} s");
        load.Restart();
        foreach (var t in new[] { "cases", "case_events", "case_notes", "case_assessments", "case_plan_actions", "referrals", "services", "users", "user_roles", "user_scope_areas" })
            await ExecAsync(conn, $"VACUUM (ANALYZE) {t}", null);
        Console.WriteLine($"  VACUUM (ANALYZE): {load.Elapsed.TotalSeconds:F1} s; loaded in all {total.Elapsed.TotalSeconds:F1} s");
        await conn.CloseAsync();
    }

    private static async Task AuditLine(AppDbContext db, string detail)
    {
        var audit = new AuditLog(db, TimeProvider.System);
        await audit.RecordAsAsync(null, "bench", "", "127.0.0.1", new AuditEvent(AuditActions.Create, CaseWork.EntityType, null, detail));
    }

    private static async Task ExecAsync(NpgsqlConnection conn, string sql, NpgsqlTransaction? tx)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    // ------------------------------------------------------------------ in-process measurement

    private static async Task MeasureAsync(IServiceProvider sp, AdminUnits units, Options o)
    {
        List<Staff> staff;
        Dictionary<int, List<(Guid Id, CaseStage Stage)>> owned;
        Dictionary<int, CurrentUser> users;
        Dictionary<string, int> casesByDistrict;
        await using (var scope = sp.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            staff = await StaffAsync(db);
            owned = (await db.Cases.AsNoTracking().Where(c => c.Stage != CaseStage.Closed && db.Set<AppUser>().Any(u => u.Id == c.OwnerId && u.UserName.StartsWith(Prefix)))
                    .Select(c => new { c.OwnerId, c.Id, c.Stage }).ToListAsync())
                .GroupBy(c => c.OwnerId).ToDictionary(g => g.Key, g => g.Select(c => (c.Id, c.Stage)).OrderBy(c => c.Id).ToList());
            casesByDistrict = (await db.Cases.AsNoTracking().Where(c => c.Stage != CaseStage.Closed).GroupBy(c => c.DistrictCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync())
                .ToDictionary(x => x.Key, x => x.N, StringComparer.Ordinal);
            var all = await db.Users.AsNoTracking().Include(u => u.Roles).Include(u => u.ScopeAreas).Where(u => u.UserName.StartsWith(Prefix)).ToListAsync();
            users = all.ToDictionary(u => u.Id, u => CurrentUserAccessor.Build(u, units, "127.0.0.1"));
        }
        var rng = new Random(o.Seed + 1);
        var workers = staff.Where(s => s.Role == Roles.SocialWorker && owned.ContainsKey(s.Id)).ToList();
        var supervisors = staff.Where(s => s.Role == Roles.Supervisor).ToList();
        var largest = casesByDistrict.OrderByDescending(x => x.Value).First();
        var coordinator = staff.First(s => s.Role == Roles.DistrictCoordinator && s.District == largest.Key);
        var baku = staff.First(s => s.UserName == Prefix + "coord.c-bak");
        var bakuCases = users[baku.Id].Districts.Sum(d => casesByDistrict.GetValueOrDefault(d));
        var loads = owned.Values.Select(v => v.Count).Order().ToList();
        Console.WriteLine($"  {workers.Count:N0} social workers with open cases: caseload median {loads[loads.Count / 2]}, p95 {loads[(int)(loads.Count * 0.95)]}, max {loads[^1]}; " +
            $"{supervisors.Count:N0} supervisors; largest district {largest.Key} with {largest.Value:N0} open cases; Baku city {bakuCases:N0}");

        List<T> Sample<T>(List<T> from, int n) => [.. Enumerable.Range(0, n).Select(_ => from[rng.Next(from.Count)])];
        var sampleWorkers = Sample(workers, o.Samples);
        var sampleSupervisors = Sample(supervisors, o.Samples);
        var scenarios = new (string Name, List<Func<IServiceProvider, Task>> Calls)[]
        {
            ("my work: social worker (MyWorkAsync)", [.. sampleWorkers.Select(w => Call(s => s.GetRequiredService<CaseLists>().MyWorkAsync(users[w.Id], default)))]),
            ("my work: supervisor (MyWorkAsync)", [.. sampleSupervisors.Select(w => Call(s => s.GetRequiredService<CaseLists>().MyWorkAsync(users[w.Id], default)))]),
            ("team dashboard: supervisor, own district", [.. sampleSupervisors.Select(w => Call(s => s.GetRequiredService<CaseLists>().DashboardAsync(users[w.Id], default)))]),
            ($"team dashboard: coordinator, {largest.Key} ({largest.Value:N0} open)", [.. Enumerable.Range(0, Math.Min(o.Samples, 50)).Select(_ => Call(s => s.GetRequiredService<CaseLists>().DashboardAsync(users[coordinator.Id], default)))]),
            ($"team dashboard: coordinator, Baku city ({bakuCases:N0} open)", [.. Enumerable.Range(0, Math.Min(o.Samples, 50)).Select(_ => Call(s => s.GetRequiredService<CaseLists>().DashboardAsync(users[baku.Id], default)))]),
            ("case list: social worker, mine, page 1", [.. sampleWorkers.Select(w => Call(s => s.GetRequiredService<CaseLists>().ListAsync(users[w.Id], new CaseQuery(Mine: true), default)))]),
            ("case view: owner (CaseWork.GetAsync)", [.. sampleWorkers.Select(w =>
            {
                var c = owned[w.Id][rng.Next(owned[w.Id].Count)];
                return Call(s => s.GetRequiredService<CaseWork>().GetAsync(users[w.Id], c.Id, default));
            })]),
        };
        Console.WriteLine();
        Console.WriteLine("in process (the services the pages call; audit writes included; warm, one call at a time):");
        Console.WriteLine($"{"scenario",-58} {"n",5} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var (name, calls) in scenarios.Where(x => o.Only is null || x.Name.Contains(o.Only, StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var c in calls.Take(10)) { await using var w = sp.CreateAsyncScope(); await c(w.ServiceProvider); }
            var times = new List<double>(calls.Count);
            foreach (var c in calls)
            {
                await using var scope = sp.CreateAsyncScope();
                var sw = Stopwatch.StartNew();
                await c(scope.ServiceProvider);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            Print(name, times);
        }
    }

    /// <summary>A call whose outcome must be Ok (anything else stops the bench: it would be timing a refusal).</summary>
    private static Func<IServiceProvider, Task> Call<T>(Func<IServiceProvider, Task<Outcome<T>>> run) => async s =>
    {
        var r = await run(s);
        if (r is not Outcome<T>.Ok) throw new InvalidOperationException("bench call failed: " + r);
    };

    private static void Print(string name, List<double> times)
    {
        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, Math.Max(0, (int)Math.Ceiling(p * times.Count) - 1))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-58} {times.Count,5} {P(0.50),8:F1} {P(0.95),8:F1} {P(0.99),8:F1} {times[^1],8:F1}"));
    }

    // ------------------------------------------------------------------ HTTP

    private sealed record Signed(Staff User, string Token);

    private static async Task HttpAsync(IServiceProvider sp, Options o)
    {
        List<Staff> staff;
        Dictionary<int, List<(Guid Id, CaseStage Stage)>> owned;
        Dictionary<int, List<Guid>> supervised;
        await using (var scope = sp.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            staff = await StaffAsync(db);
            var open = await db.Cases.AsNoTracking().Where(c => c.Stage != CaseStage.Closed && c.Pending == PendingApproval.None && db.Set<AppUser>().Any(u => u.Id == c.OwnerId && u.UserName.StartsWith(Prefix)))
                .Select(c => new { c.OwnerId, c.SupervisorId, c.Id, c.Stage }).ToListAsync();
            owned = open.GroupBy(c => c.OwnerId).ToDictionary(g => g.Key, g => g.Select(c => (c.Id, c.Stage)).OrderBy(c => c.Id).ToList());
            supervised = open.GroupBy(c => c.SupervisorId).ToDictionary(g => g.Key, g => g.Select(c => c.Id).Order().ToList());
        }
        // No redirects followed: a page that sends the caller to the sign-in page must count as a failure, not as its 200.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(o.Url!), Timeout = TimeSpan.FromMinutes(2) };
        var rng = new Random(o.Seed + 2);
        var workers = staff.Where(s => s.Role == Roles.SocialWorker && owned.ContainsKey(s.Id)).OrderBy(_ => rng.Next()).ToList();
        var supervisors = staff.Where(s => s.Role == Roles.Supervisor && supervised.ContainsKey(s.Id)).OrderBy(_ => rng.Next()).ToList();
        var nWorkers = Math.Min(workers.Count, Math.Max(1, o.WrkUsers * 9 / 10));
        var nSupervisors = Math.Min(supervisors.Count, Math.Max(1, o.WrkUsers - nWorkers));
        var coordinators = new[] { staff.First(s => s.UserName == Prefix + "coord.c-bak") };

        var sw = Stopwatch.StartNew();
        var toSign = workers.Take(nWorkers).Concat(supervisors.Take(nSupervisors)).Concat(coordinators).ToList();
        var signed = new Signed[toSign.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, toSign.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            signed[i] = new Signed(toSign[i], await SignInAsync(http, toSign[i].UserName, ct)));
        Console.WriteLine();
        Console.WriteLine($"HTTP {o.Url}: signed in {signed.Length} bench users (password + authenticator code) in {sw.Elapsed.TotalSeconds:F1} s");

        // Tokens for wrk: kind, token, user id, open cases (owner, or the team's for a supervisor), cases ready for a review.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(o.Tokens))!);
        await using (var w = new StreamWriter(o.Tokens, false, new UTF8Encoding(false)))
            foreach (var s in signed.Where(s => s.User.Role != Roles.DistrictCoordinator))
            {
                var worker = s.User.Role == Roles.SocialWorker;
                var ids = worker ? owned[s.User.Id].Select(c => c.Id).ToList() : supervised[s.User.Id].Take(60).ToList();
                var reviewable = worker ? owned[s.User.Id].Where(c => c.Stage is CaseStage.Implementation or CaseStage.FollowUp).Select(c => c.Id).ToList() : [];
                await w.WriteLineAsync($"{(worker ? "W" : "S")} {s.Token} {s.User.Id} {Ids(ids)} {Ids(reviewable)}");
            }
        Console.WriteLine($"  wrote {o.Tokens}: {nWorkers} social workers, {nSupervisors} supervisors (tokens valid one hour)");

        var sWorkers = signed.Where(s => s.User.Role == Roles.SocialWorker).ToList();
        var sSupervisors = signed.Where(s => s.User.Role == Roles.Supervisor).ToList();
        var sBaku = signed.Single(s => s.User.Role == Roles.DistrictCoordinator);
        List<Signed> Cycle(List<Signed> from, int n) => [.. Enumerable.Range(0, n).Select(i => from[i % from.Count])];
        var pages = new (string Name, List<(Signed Who, string Path)> Calls)[]
        {
            ("GET /my-work (social worker)", [.. Cycle(sWorkers, o.HttpSamples).Select(s => (s, "/my-work"))]),
            ("GET /my-work (supervisor)", [.. Cycle(sSupervisors, o.HttpSamples).Select(s => (s, "/my-work"))]),
            ("GET /cases/team (supervisor)", [.. Cycle(sSupervisors, o.HttpSamples).Select(s => (s, "/cases/team"))]),
            ("GET /cases/team (coordinator, Baku city)", [.. Cycle([sBaku], Math.Min(o.HttpSamples, 50)).Select(s => (s, "/cases/team"))]),
            ("GET /cases (social worker, own list)", [.. Cycle(sWorkers, o.HttpSamples).Select(s => (s, "/cases"))]),
            ("GET /cases/{id} (owner, case page)", [.. Cycle(sWorkers, o.HttpSamples).Select(s => (s, $"/cases/{owned[s.User.Id][rng.Next(owned[s.User.Id].Count)].Id}"))]),
            ("GET /api/v1/cases/{id} (owner)", [.. Cycle(sWorkers, o.HttpSamples).Select(s => (s, $"/api/v1/cases/{owned[s.User.Id][rng.Next(owned[s.User.Id].Count)].Id}"))]),
            ("GET /api/v1/my-work (social worker)", [.. Cycle(sWorkers, o.HttpSamples).Select(s => (s, "/api/v1/my-work"))]),
        };
        Console.WriteLine("over HTTP on loopback, one request at a time (client-measured: request sent to last byte read):");
        Console.WriteLine($"{"request",-58} {"n",5} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var (name, calls) in pages)
        {
            foreach (var (who, path) in calls.Take(5)) await GetAsync(http, who.Token, path);
            var times = new List<double>(calls.Count);
            foreach (var (who, path) in calls)
            {
                var t = Stopwatch.StartNew();
                await GetAsync(http, who.Token, path);
                times.Add(t.Elapsed.TotalMilliseconds);
            }
            Print(name, times);
        }
    }

    private static string Ids(List<Guid> ids) => ids.Count == 0 ? "-" : string.Join(',', ids.Select(i => i.ToString("D")));

    private static async Task GetAsync(HttpClient http, string token, string path)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, path);
        req.Headers.Authorization = new("Bearer", token);
        using var res = await http.SendAsync(req, HttpCompletionOption.ResponseContentRead);
        if (res.StatusCode != System.Net.HttpStatusCode.OK) throw new InvalidOperationException($"GET {path}: {(int)res.StatusCode}");
    }

    /// <summary>Password and the authenticator code of the user's known secret; a code is good once, so on refusal wait for the next step.</summary>
    private static async Task<string> SignInAsync(HttpClient http, string userName, CancellationToken ct)
    {
        var secret = SecretFor(userName);
        for (var attempt = 0; ; attempt++)
        {
            var code = Totp.Code(secret, DateTimeOffset.UtcNow);
            using var res = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = Password, code }, ct);
            if (res.IsSuccessStatusCode)
            {
                using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync(ct));
                return doc.RootElement.GetProperty("accessToken").GetString()!;
            }
            if (attempt >= 2 || (int)res.StatusCode != 401) throw new InvalidOperationException($"sign-in of {userName}: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync(ct)}");
            var wait = Totp.StepSeconds - (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % Totp.StepSeconds) + 1;
            await Task.Delay(TimeSpan.FromSeconds(wait), ct);
        }
    }

    private sealed class BenchHost : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "Himaya";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
