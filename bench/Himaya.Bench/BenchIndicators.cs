using System.Diagnostics;
using System.Globalization;
using Himaya.Cli;
using Himaya.Features.Identity;
using Himaya.Features.Monitoring;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Himaya.Bench;

/// <summary>
/// <c>himaya-bench indicators [--indicators 200] [--years 10] [--runs 5]</c>: the monitoring dashboards at the issue's
/// scale. Fills a seeded PostgreSQL database with made-up indicators (BENCH_…), each with a value per year × place (the
/// nation and 76 districts) × breakdown (total, girls, boys), a baseline and a target; then times what the pages read:
/// the indicators list with every indicator's national picture (latest, next target, on track), and one indicator's page
/// (every value of every place: the series, the district comparison and the map).
/// </summary>
internal static class BenchIndicators
{
    private const string Usage = """
        usage: himaya-bench indicators [--indicators 200] [--years 10] [--runs 5] --Database:Provider=Postgres --Database:ConnectionString=...
          --indicators N  made-up indicators to hold (added once; a second run reuses them)
          --years N       years of values each, ending 2024
          --runs N        timed calls of each page's reads (after one warm-up); the median and the slowest are printed
        """;

    private sealed record Options(int Indicators, int Years, int Runs);

    public static async Task<int> RunAsync(string[] args, DatabaseOptions dbOptions)
    {
        var (o, error) = Parse(args);
        if (VerbArguments.Stops("bench indicators", Usage, o, error, out var exit)) return exit;
        if (await BenchDatabaseGuard.RefuseAsync("bench indicators", "adds made-up indicators and their values to it", dbOptions) is { } refused) return refused;
        await using var sp = BenchProvider.Build(dbOptions);
        CurrentUser analyst;
        string[] places;
        await using (var scope = sp.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var units = sp.GetRequiredService<AdminUnits>();
            await units.ReloadAsync(db);
            places = [IndicatorStore.Nation, .. units.Districts.Select(d => d.Code).Take(76)];
            var owner = await db.Users.FirstOrDefaultAsync(u => u.UserName == "admin") ?? await db.Users.OrderBy(u => u.Id).FirstAsync();
            analyst = new CurrentUser(owner.Id, owner.UserName, "", [Roles.NationalAnalyst], ScopeKind.National, new HashSet<string>(), "127.0.0.1");
            var fill = Stopwatch.StartNew();
            await FillAsync(db, o!, places);
            var values = await db.Set<IndicatorValue>().LongCountAsync();
            var indicators = await db.Set<Indicator>().CountAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench indicators: {indicators:N0} indicators, {values:N0} values in {dbOptions.Provider} ({places.Length} places × {o!.Years} years × 3 breakdowns each); filled in {fill.Elapsed.TotalSeconds:N1} s"));
        }

        async Task<int> ListPage(IServiceProvider s)
        {
            var store = s.GetRequiredService<IndicatorStore>();
            var list = (Outcome<IReadOnlyList<IndicatorView>>.Ok)await store.ListAsync(analyst, default);
            var national = await store.NationalAsync(default);
            return list.Value.Count + national.Count;
        }
        // One in the middle of the range: a page's reads do not depend on which.
        var code = string.Create(CultureInfo.InvariantCulture, $"BENCH_IND_{(o!.Indicators + 1) / 2:0000}");
        async Task<int> IndicatorPage(IServiceProvider s)
        {
            var store = s.GetRequiredService<IndicatorStore>();
            _ = (Outcome<IndicatorView>.Ok)await store.GetAsync(analyst, code, default);
            var all = (Outcome<ValuesView>.Ok)await store.ValuesAsync(analyst, code, null, null, null, default);
            return all.Value.Values.Count;
        }

        // The report pack (and a district's dashboard): every indicator at one place beside its targets (and the nation's).
        Func<IServiceProvider, Task<int>> Pack(string place) => async s =>
        {
            var pack = (Outcome<ReportPackView>.Ok)await s.GetRequiredService<ReportPack>().BuildAsync(analyst, place, default);
            return pack.Value.Crc.Sum(x => x.Lines.Count);
        };

        await BenchTiming.PrintAsync(sp, "page", "rows", o!.Runs,
        [
            ("/indicators (list + national picture)", ListPage), ("/indicators/{code} (all places)", IndicatorPage),
            ("/monitoring/report (nation)", Pack("AZE")), ("/monitoring/report?place=C-GAN", Pack("C-GAN")),
        ]);
        return 0;
    }

    /// <summary>Adds what is missing, in SQL on the server (generate_series): a second run finds it all there.</summary>
    private static async Task FillAsync(AppDbContext db, Options o, string[] places)
    {
        var now = DateTime.UtcNow;
        var have = await db.Set<Indicator>().Where(i => i.Code.StartsWith("BENCH_IND_")).Select(i => i.Code).ToListAsync();
        for (var n = 1; n <= o.Indicators; n++)
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"BENCH_IND_{n:0000}");
            if (have.Contains(code)) continue;
            db.Add(new Indicator
            {
                Code = code, NameAz = code, NameEn = code, NameRu = code, Unit = IndicatorUnit.Percent, Status = IndicatorStatus.Approved, Dimensions = "SEX",
                Direction = n % 2 == 0 ? IndicatorDirection.HigherIsBetter : IndicatorDirection.LowerIsBetter, CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync();
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO indicator_values (indicator_id, period, place, disaggregation, value, updated_at)
            SELECT i.id, y::text, p, d, round((random() * 100)::numeric, 1), now()
            FROM indicators i CROSS JOIN generate_series(@first, 2024) y CROSS JOIN unnest(@places) p CROSS JOIN unnest(ARRAY['', 'SEX=F', 'SEX=M']) d
            WHERE i.code LIKE 'BENCH\_IND\_%'
            ON CONFLICT DO NOTHING
            """, conn))
        {
            cmd.CommandTimeout = 600;
            cmd.Parameters.AddWithValue("first", 2024 - o.Years + 1);
            cmd.Parameters.AddWithValue("places", places);
            await cmd.ExecuteNonQueryAsync();
        }
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO indicator_marks (indicator_id, kind, place, period, value, updated_at)
            SELECT i.id, k.kind, 'AZE', k.period, k.value, now()
            FROM indicators i CROSS JOIN (VALUES ('Baseline', @first::text, 40), ('Target', '2030', 60)) k(kind, period, value)
            WHERE i.code LIKE 'BENCH\_IND\_%'
            ON CONFLICT DO NOTHING
            """, conn))
        {
            cmd.Parameters.AddWithValue("first", 2024 - o.Years + 1);
            await cmd.ExecuteNonQueryAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE indicator_values; ANALYZE indicator_marks;", conn)) await analyze.ExecuteNonQueryAsync();
    }

    private static (Options?, string?) Parse(string[] args)
    {
        var (v, error) = VerbArguments.WholeNumbers(args, new Dictionary<string, (int, int)> { ["--indicators"] = (200, 9999), ["--years"] = (10, 100), ["--runs"] = (5, 1000) });
        return (v is null ? null : new Options(v["--indicators"], v["--years"], v["--runs"]), error);
    }
}
