using System.Diagnostics;
using System.Globalization;
using Himaya.Cli;
using Himaya.Features.Community;
using Himaya.Features.Identity;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Himaya.Bench;

/// <summary>
/// <c>himaya-bench programmes [--children 60000] [--contacts 500000] [--runs 5]</c>: a community programme's progress at
/// the scale. On a seeded PostgreSQL database, adds one programme over the largest districts (at least four, enough for the children asked for) and
/// its contacts (one child each, the children taken in turn, so each is met several times), then times the progress
/// reads: distinct children by district to date, and within one year.
/// </summary>
internal static class BenchProgrammes
{
    private const string Usage = """
        usage: himaya-bench programmes [--children 60000] [--contacts 500000] [--runs 5] --Database:Provider=Postgres --Database:ConnectionString=...
          --children N   the registry's children the contacts go to (from the largest districts)
          --contacts N   contacts to add (once; a second run reuses the programme)
          --runs N       timed calls of each read (after one warm-up); the median and the slowest are printed
        """;

    private const string Name = "BENCH programme";

    private sealed record Options(int Children, int Contacts, int Runs);

    public static async Task<int> RunAsync(string[] args, DatabaseOptions dbOptions)
    {
        var (o, error) = Parse(args);
        if (VerbArguments.Stops("bench programmes", Usage, o, error, out var exit)) return exit;
        if (await BenchDatabaseGuard.RefuseAsync("bench programmes", "adds a made-up programme and its contacts to it", dbOptions) is { } refused) return refused;
        await using var sp = BenchProvider.Build(dbOptions);
        CurrentUser analyst;
        int programme;
        await using (var scope = sp.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var owner = await db.Users.FirstOrDefaultAsync(u => u.UserName == "admin") ?? await db.Users.OrderBy(u => u.Id).FirstAsync();
            analyst = new CurrentUser(owner.Id, owner.UserName, "", [Roles.NationalAnalyst], ScopeKind.National, new HashSet<string>(), "127.0.0.1");
            var fill = Stopwatch.StartNew();
            programme = await FillAsync(db, o!, owner.Id);
            var contacts = await db.Set<Contact>().LongCountAsync(c => c.ProgrammeId == programme);
            var children = await db.Set<ContactChild>().Where(cc => db.Set<Contact>().Any(c => c.Id == cc.ContactId && c.ProgrammeId == programme)).Select(cc => cc.ChildId).Distinct().CountAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench programmes: {contacts:N0} contacts with {children:N0} different children in {dbOptions.Provider}; filled in {fill.Elapsed.TotalSeconds:N1} s"));
        }

        Func<IServiceProvider, Task<int>> Progress(string? period) => async s =>
        {
            var p = (Outcome<ProgressView>.Ok)await s.GetRequiredService<Programmes>().ProgressAsync(analyst, programme, period, default);
            return p.Value.Reached;
        };
        await BenchTiming.PrintAsync(sp, "read", "reached", o!.Runs, [("progress to date", Progress(null)), ("progress in 2025", Progress("2025"))]);
        return 0;
    }

    /// <summary>The programme and its contacts, in SQL on the server; a second run finds them there.</summary>
    private static async Task<int> FillAsync(AppDbContext db, Options o, int by)
    {
        if (await db.Set<Programme>().Where(p => p.Name == Name).Select(p => (int?)p.Id).FirstOrDefaultAsync() is { } existing) return existing;
        // The largest districts, at least four, enough to hold the children asked for.
        var sizes = await db.Set<Himaya.Features.Registry.Child>().Where(c => c.DeletedAt == null).GroupBy(c => c.DistrictCode)
            .Select(g => new { g.Key, N = g.Count() }).OrderByDescending(g => g.N).ToListAsync();
        var districts = new List<string>();
        var held = 0;
        foreach (var d in sizes)
        {
            if (districts.Count >= 4 && held >= o.Children) break;
            districts.Add(d.Key);
            held += d.N;
        }
        var p = new Programme
        {
            Name = Name, ActivityTypes = $"{ActivityType.CounsellingSession};{ActivityType.HomeVisit}", Districts = string.Join(';', districts),
            CreatedAt = DateTime.UtcNow, CreatedById = by,
        };
        db.Add(p);
        await db.SaveChangesAsync();
        db.AddRange(districts.SelectMany(d => new[] { "2025", "2026" }.Select(y => new ProgrammeTarget { ProgrammeId = p.Id, DistrictCode = d, Period = y, UniqueChildren = o.Children / 4 })));
        await db.SaveChangesAsync();
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            WITH kids AS (
                SELECT id, district_code, row_number() OVER (ORDER BY id) AS rn FROM children
                WHERE deleted_at IS NULL AND district_code = ANY(@districts) LIMIT @children),
            n AS (SELECT count(*) AS c FROM kids),
            pairs AS MATERIALIZED (
                SELECT gen_random_uuid() AS cid, k.id AS kid, k.district_code AS dc, g
                FROM generate_series(1, @contacts) g JOIN kids k ON k.rn = (g % (SELECT c FROM n)) + 1),
            made AS (
                INSERT INTO contacts (id, programme_id, activity_type, date, district_code, referral_made, at, by_id)
                SELECT cid, @programme, CASE WHEN g % 3 = 0 THEN 'HomeVisit' ELSE 'CounsellingSession' END, date '2025-01-01' + (g % 700), dc, false, now(), @by FROM pairs)
            INSERT INTO contact_children (contact_id, child_id) SELECT cid, kid FROM pairs
            """, conn);
        cmd.CommandTimeout = 600;
        cmd.Parameters.AddWithValue("districts", districts.ToArray());
        cmd.Parameters.AddWithValue("children", o.Children);
        cmd.Parameters.AddWithValue("contacts", o.Contacts);
        cmd.Parameters.AddWithValue("programme", p.Id);
        cmd.Parameters.AddWithValue("by", by);
        await cmd.ExecuteNonQueryAsync();
        await using (var analyse = new NpgsqlCommand("ANALYZE contacts; ANALYZE contact_children;", conn)) await analyse.ExecuteNonQueryAsync();
        return p.Id;
    }

    private static (Options?, string?) Parse(string[] args)
    {
        var (v, error) = VerbArguments.WholeNumbers(args, new Dictionary<string, (int, int)> { ["--children"] = (60_000, 10_000_000), ["--contacts"] = (500_000, 50_000_000), ["--runs"] = (5, 1000) });
        return (v is null ? null : new Options(v["--children"], v["--contacts"], v["--runs"]), error);
    }
}
