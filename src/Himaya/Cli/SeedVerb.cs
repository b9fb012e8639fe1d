using Himaya.Features.Registry;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Himaya.Features.Demo;
using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Cli;

/// <summary>
/// <c>himaya seed --children N [--seed S]</c>: brings the schema up to date and bulk-loads N synthetic children (in
/// households) into the configured database, adding to what is there. Exit codes: 0 done, 2 bad arguments,
/// 3 this seed is already loaded, 1 database error.
/// </summary>
internal static class SeedVerb
{
    public const int DefaultSeed = 1;
    public const string OwnerUserName = "seed";

    private const string Usage = """
        usage: himaya seed --children N [--seed S] [--Database:Provider=Postgres --Database:ConnectionString=...]
          --children N   number of children to generate (positive integer; 3_000_000 and 3,000,000 are accepted)
          --seed S       random seed (integer, default 1); the same seed gives the same people and ids
        """;

    public sealed record Arguments(int Children, int Seed);

    public static async Task<int> RunAsync(string[] args, DatabaseOptions db)
    {
        var (parsed, error) = Parse(args);
        if (VerbArguments.Stops("seed", Usage, parsed, error, out var exit)) return exit;

        try
        {
            return await SeedAsync(parsed, db);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"seed: failed: {e.GetBaseException().Message}");
            return 1;
        }
    }

    /// <summary>Parses the verb's own arguments (those after "seed"; --Database:... ones are configuration and skipped). Null arguments and null error: help was asked.</summary>
    public static (Arguments? Arguments, string? Error) Parse(string[] args)
    {
        int? children = null;
        var seed = DefaultSeed;
        for (var i = args.Length > 0 && args[0] == "seed" ? 1 : 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--Database:", StringComparison.Ordinal))
            {
                if (!arg.Contains('=', StringComparison.Ordinal)) i++; // "--Database:Provider Postgres"
                continue;
            }
            if (arg is "--help" or "-h" or "-?") return (null, null);
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            if (name is not ("--children" or "--seed")) return (null, $"unknown argument '{arg}'.");
            string value;
            if (eq > 0) value = arg[(eq + 1)..];
            else if (i + 1 < args.Length) value = args[++i];
            else return (null, $"{name} needs a value.");
            if (name == "--children")
            {
                if (!int.TryParse(value.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
                    return (null, $"--children must be a positive integer (at most {int.MaxValue:N0}), not '{value}'.");
                children = n;
            }
            else if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
                return (null, $"--seed must be an integer, not '{value}'.");
        }
        return children is { } c ? (new Arguments(c, seed), null) : (null, "--children N is required.");
    }

    private static async Task<int> SeedAsync(Arguments a, DatabaseOptions options)
    {
        var total = Stopwatch.StartNew();
        await using var db = options.CreateContext(HimayaModules.All);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var applied = await SchemaMigrator.MigrateAsync(db, options.Provider);
        if (applied.Count > 0) Console.WriteLine("Applied schema migrations: " + string.Join(", ", applied));
        await AdminUnitLoader.EnsureLoadedAsync(db);
        var units = new AdminUnits();
        await units.ReloadAsync(db);
        var districts = units.Districts.ToList();
        var ownerId = await EnsureOwnerAsync(db);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Ids depend only on the seed and the position: the first household of this seed tells whether it is loaded already.
        var firstId = PopulationEntities.Generate(1, a.Seed, districts, today, ownerId).First().Household.Id;
        if (await db.Households.AsNoTracking().AnyAsync(h => h.Id == firstId))
        {
            Console.Error.WriteLine($"seed: seed {a.Seed} is already loaded in this database (household {firstId} exists). " +
                "Seeding adds to the existing data; run again with another --seed.");
            return 3;
        }

        var existing = await db.Children.LongCountAsync();
        Console.WriteLine($"Seeding {a.Children:N0} children (seed {a.Seed}) into {options.Provider}; {existing:N0} children there already.");
        var households = 0L;
        var data = Count(PopulationEntities.Generate(a.Children, a.Seed, districts, today, ownerId), () => households++);
        var load = Stopwatch.StartNew();
        var written = await BulkLoader.LoadAsync(db, options.Provider, data, a.Children, new ConsoleProgress(a.Children, load, options.Provider), CancellationToken.None);
        load.Stop();

        if (options.Provider == DatabaseProvider.Postgres)
        {
            // The database now holds generated people: mark it so (the only kind `himaya-bench cases` accepts).
            try { await SyntheticMark.MarkAsync(db); }
            catch (Npgsql.PostgresException e) { Console.Error.WriteLine($"seed: could not mark the database as synthetic ({e.MessageText}); `himaya-bench cases` will refuse it."); }
        }
        var seconds = load.Elapsed.TotalSeconds;
        Console.WriteLine($"Children written: {written:N0} (in {households:N0} households)");
        Console.WriteLine($"Elapsed: {seconds:F1} s (load, including generation{(options.Provider == DatabaseProvider.Postgres ? " and ANALYZE" : "")}); {total.Elapsed.TotalSeconds:F1} s in all");
        Console.WriteLine($"Children per second: {written / Math.Max(seconds, 0.001):N0}");
        return 0;
    }

    /// <summary>The user the rows are created by: "admin" when it exists, otherwise an inactive "seed" user with no roles.</summary>
    private static async Task<int> EnsureOwnerAsync(AppDbContext db)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.UserName == "admin" || u.UserName == OwnerUserName)
            .Select(u => new { u.UserName, u.Id }).ToListAsync();
        if ((users.Find(u => u.UserName == "admin") ?? users.Find(u => u.UserName == OwnerUserName)) is { } found) return found.Id;
        var user = new AppUser
        {
            UserName = OwnerUserName,
            DisplayName = "Synthetic data loader",
            Agency = "Demo",
            ScopeKind = ScopeKind.Caseload,
            IsActive = false,
            CreatedAt = DateTime.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        Console.WriteLine($"Created inactive user '{OwnerUserName}' (no roles) to own the generated records.");
        return user.Id;
    }

    private static IEnumerable<T> Count<T>(IEnumerable<T> source, Action onItem)
    {
        foreach (var item in source)
        {
            onItem();
            yield return item;
        }
    }

    /// <summary>Prints at most about once a second (called on the loader's thread).</summary>
    private sealed class ConsoleProgress(int target, Stopwatch clock, DatabaseProvider provider) : IProgress<long>
    {
        private double _lastPrint = -1;
        private bool _done;

        public void Report(long value)
        {
            var now = clock.Elapsed.TotalSeconds;
            if ((now - _lastPrint < 1 && value < target) || _done) return;
            _lastPrint = now;
            Console.WriteLine($"  {value,13:N0} children ({100.0 * value / target,5:F1}%)  {value / Math.Max(now, 0.001),9:N0}/s  {now,7:F1} s");
            if (value < target || provider != DatabaseProvider.Postgres) return;
            _done = true;
            Console.WriteLine(target >= BulkLoader.DeferIndexesFrom
                ? "  rows written; now building indexes, checking foreign keys, committing and analysing..."
                : "  rows written; committing and analysing...");
        }
    }
}
