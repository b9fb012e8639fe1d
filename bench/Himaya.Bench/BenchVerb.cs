using System.Diagnostics;
using System.Globalization;
using Himaya.Platform;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Bench;

/// <summary>
/// `himaya bench search`: latency of the registry's hot paths against whatever database is configured, through the
/// same handlers the API and pages use (scope filter and audit writes included). Prints p50/p95/p99 per scenario.
/// </summary>
internal static class BenchVerb
{
    public static async Task<int> RunAsync(string[] args, DatabaseOptions dbOptions)
    {
        var queries = 300;
        for (var i = 1; i < args.Length; i++)
            if (args[i] == "--queries" && i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var q) && q > 0) queries = q;
        if (args.Length >= 2 && args[1] == "link") return BenchLink.Run(args);
        if (args.Length >= 2 && args[1] == "moda") return BenchModa.Run(args);
        if (args.Length >= 2 && args[1] == "cases") return await BenchCases.RunAsync(args, dbOptions);
        if (args.Length >= 2 && args[1] == "vac-flood") return await BenchVacFlood.RunAsync(args, dbOptions);
        if (args.Length >= 2 && args[1] == "services") return await BenchServices.RunAsync(args, dbOptions);
        if (args.Length >= 2 && args[1] == "coverage") return await BenchCoverage.RunAsync(args, dbOptions);
        if (args.Length >= 2 && args[1] == "indicators") return await BenchIndicators.RunAsync(args, dbOptions);
        if (args.Length >= 2 && args[1] == "programmes") return await BenchProgrammes.RunAsync(args, dbOptions);
        if (args.Length < 2 || args[1] is not ("search" or "deprivation"))
        {
            Console.Error.WriteLine("usage: himaya bench search [--queries N] [--Database:Provider=Postgres --Database:ConnectionString=...]");
            Console.Error.WriteLine("       himaya bench link [--records N] [--duplicates 0.2] [--seed S]");
            Console.Error.WriteLine("       himaya bench moda [--children N] [--seed S] [--postgres CONNECTION-STRING]");
            Console.Error.WriteLine("       himaya bench deprivation [--Database:...]   (the registry analysis behind /deprivation, national scope)");
            Console.Error.WriteLine("       himaya bench cases [--cases 300000] [--workers 5000] [--url URL] --Database:Provider=Postgres ...   (case pages at scale; --help)");
            Console.Error.WriteLine("       himaya bench services [--services 5000] [--url URL] --Database:Provider=Postgres ...   (public directory search; --help)");
            Console.Error.WriteLine("       himaya bench coverage [--runs 3] [--Database:...]   (service coverage, all districts, every type)");
            Console.Error.WriteLine("       himaya bench indicators [--indicators 200] [--years 10] [--runs 5] --Database:Provider=Postgres ...   (monitoring dashboards)");
            Console.Error.WriteLine("       himaya bench programmes [--children 60000] [--contacts 500000] [--runs 5] --Database:Provider=Postgres ...   (community programme progress)");
            return 2;
        }

        await using var sp = BenchProvider.Build(dbOptions);

        List<(Guid Id, string Surname, string GivenName, DateOnly BirthDate, string District)> sample;
        AppUser admin;
        await using (var scope = sp.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await scope.ServiceProvider.GetRequiredService<AdminUnits>().ReloadAsync(db);
            var total = await db.Children.CountAsync();
            if (total == 0) { Console.Error.WriteLine("bench: the database has no children; run `himaya seed` first."); return 2; }
            admin = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.UserName == "admin") ?? await db.Users.Include(u => u.Roles).FirstAsync();
            // A spread sample: every k-th child by id (cheap on both providers, no ORDER BY random()).
            var step = Math.Max(1, total / queries);
            var rnd = new Random(42);
            sample = await db.Children.AsNoTracking().Where(c => c.DeletedAt == null).OrderBy(c => c.Id)
                .Select(c => new ValueTuple<Guid, string, string, DateOnly, string>(c.Id, c.Surname, c.GivenName, c.BirthDate, c.DistrictCode))
                .Skip(rnd.Next(step)).Take(queries * 20).ToListAsync();
            sample = [.. sample.Where((_, i) => i % 20 == 0)];
            Console.WriteLine($"bench: {total.ToString("N0", CultureInfo.InvariantCulture)} children in {dbOptions.Provider}; {sample.Count} sampled records");
        }

        var units = sp.GetRequiredService<AdminUnits>();
        if (args[1] == "deprivation") return await Deprivation(sp, admin);
        var national = new CurrentUser(admin.Id, admin.UserName, "", [Roles.SocialWorker], ScopeKind.National, new HashSet<string>(), "127.0.0.1");
        CurrentUser District(string code) => new(admin.Id, admin.UserName, "", [Roles.SocialWorker], ScopeKind.Areas, new HashSet<string>(units.SelfAndDescendants(code)), "127.0.0.1");

        var scenarios = new (string Name, Func<IServiceProvider, (Guid Id, string Surname, string GivenName, DateOnly BirthDate, string District), Task> Run)[]
        {
            ("search: surname + given name, national", (s, c) => Search(s, national, $"{c.Surname} {c.GivenName}")),
            ("search: surname only (page 1 of many), national", (s, c) => Search(s, national, c.Surname)),
            ("search: transliterated prefix, district scope", (s, c) => Search(s, District(c.District), Latinise(c.Surname)[..Math.Min(5, c.Surname.Length)])),
            ("search: date of birth + surname, national", (s, c) => Search(s, national, $"{c.Surname} {c.BirthDate:yyyy-MM-dd}")),
            ("intake match: names + birth date, whole registry", async (s, c) =>
            {
                var input = new ChildInput { GivenName = c.GivenName, Surname = c.Surname, BirthDate = c.BirthDate, DistrictCode = c.District };
                var found = await s.GetRequiredService<IntakeMatching>().FindAsync(national, input, "en", default);
                if (found is not Outcome<IntakeMatches>.Ok ok || !ok.Value.Matches.Any(m => m.Id == c.Id))
                    throw new InvalidOperationException($"intake match did not find {c.Id} ({input.GivenName} {input.Surname} {c.BirthDate} {c.District}) itself: " +
                        (found is Outcome<IntakeMatches>.Ok o ? string.Join("; ", o.Value.Matches.Select(m => $"{m.Id} {m.GivenName} {m.Surname} {m.BirthDate} {m.Probability}")) + $" of {o.Value.CandidatesCompared}" : found.ToString()));
            }),
            ("profile: record + history + access log", async (s, c) =>
            {
                var records = s.GetRequiredService<ChildRecords>();
                if (await records.GetAsync(national, c.Id, default) is not Outcome<Child>.Ok) throw new InvalidOperationException("profile not found");
                await records.HistoryAsync(c.Id, default);
                await records.AccessLogAsync(c.Id, default);
            }),
        };

        Console.WriteLine($"{"scenario",-52} {"n",5} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var (name, run) in scenarios)
        {
            // Warm-up: JIT, EF query compilation, connection pool.
            for (var i = 0; i < Math.Min(10, sample.Count); i++) { await using var w = sp.CreateAsyncScope(); await run(w.ServiceProvider, sample[i]); }
            var times = new List<double>(sample.Count);
            foreach (var c in sample)
            {
                await using var scope = sp.CreateAsyncScope();
                var sw = Stopwatch.StartNew();
                await run(scope.ServiceProvider, c);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-52} {times.Count,5} {P(0.50),8:F1} {P(0.95),8:F1} {P(0.99),8:F1} {times[^1],8:F1}"));
        }
        var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set of this process: {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB"));
        return 0;
    }

    /// <summary>
    /// The national analysis the /deprivation page runs, per age group and cut, timed end to end (indicators, engine,
    /// audit). The very first run also reads the registry into memory (RegistryFactsCache); later ones share that reading.
    /// </summary>
    private static async Task<int> Deprivation(IServiceProvider sp, AppUser admin)
    {
        var analyst = new CurrentUser(admin.Id, admin.UserName, "", [Roles.NationalAnalyst], ScopeKind.National, new HashSet<string>(), "127.0.0.1");
        foreach (var group in new[] { "0-4", "5-17" })
        {
            foreach (var by in new[] { Array.Empty<string>(), ["district"], ["district", "sex"] })
            {
                var times = new List<double>();
                var first = 0.0;
                var n = 0;
                for (var run = 0; run < 4; run++)
                {
                    await using var scope = sp.CreateAsyncScope();
                    var sw = Stopwatch.StartNew();
                    var r = await scope.ServiceProvider.GetRequiredService<Himaya.Features.Deprivation.RegistryAnalysis>().RunAsync(analyst, new(group, by), default);
                    if (r is not Outcome<Himaya.Features.Deprivation.RegistryAnalysisResult>.Ok ok) throw new InvalidOperationException(r.ToString());
                    if (run > 0) times.Add(sw.Elapsed.TotalMilliseconds); else first = sw.Elapsed.TotalMilliseconds;
                    n = ok.Value.Result.Total.N + ok.Value.Result.Total.NDropped;
                }
                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"deprivation {group,-5} by {(by.Length == 0 ? "-" : string.Join('+', by)),-13} {n,10:N0} children: median {times[times.Count / 2],7:N0} ms (runs {string.Join(", ", times.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))}); first {first:N0} ms"));
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB"));
        return 0;
    }

    private static async Task Search(IServiceProvider s, CurrentUser user, string q)
    {
        var result = await s.GetRequiredService<SearchChildren>().RunAsync(user, new ChildSearch { Q = q, PageSize = 20 }, "en", default);
        if (result is not Outcome<PagedList<ChildSummary>>.Ok) throw new InvalidOperationException("search failed: " + result);
    }

    /// <summary>A plain-ASCII rendering of an Azerbaijani name, as someone without the keyboard would type it.</summary>
    private static string Latinise(string s) => new([.. s.Select(ch => ch switch
    {
        'ə' => 'a', 'Ə' => 'A', 'ı' => 'i', 'İ' => 'I', 'ö' => 'o', 'Ö' => 'O', 'ü' => 'u', 'Ü' => 'U', 'ş' => 's', 'Ş' => 'S',
        'ç' => 'c', 'Ç' => 'C', 'ğ' => 'g', 'Ğ' => 'G', _ => ch,
    })]);
}
