using System.Diagnostics;
using System.Globalization;
using Himaya.Cli;
using Himaya.Features.Coverage;
using Himaya.Features.Deprivation;
using Himaya.Features.Cases;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Himaya.Features.Services;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Bench;

/// <summary>
/// <c>himaya-bench coverage [--runs 3]</c>: times <see cref="ServiceCoverage.ComputeAsync"/> (all districts, national
/// analyst) for every active service type against the configured database, the way GET /api/v1/services/coverage calls it.
/// The first call is cold: it also reads the registry into memory (<see cref="RegistryFactsCache"/>), whose reading time
/// is printed apart; every later call shares that reading (warm). Read-only but for the audit line each call writes.
/// </summary>
internal static class BenchCoverage
{
    private const string Usage = """
        usage: himaya-bench coverage [--runs 3] [--type CODE] [--Database:Provider=Postgres --Database:ConnectionString=...]
          --runs N     warm calls per type (after the one cold call); the median and the slowest are printed
          --type CODE  only this type (default: every active type)
        """;

    private sealed record Options(int Runs, string? Type);

    public static async Task<int> RunAsync(string[] args, DatabaseOptions dbOptions)
    {
        var (o, error) = Parse(args);
        if (VerbArguments.Stops("bench coverage", Usage, o, error, out var exit)) return exit;

        // A reading older than this would be read again in the background during the runs and take a core from them.
        await using var sp = BenchProvider.Build(dbOptions, [new("Deprivation:SnapshotSeconds", "86400")]);

        List<string> types;
        AppUser owner;
        long children;
        await using (var scope = sp.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await sp.GetRequiredService<AdminUnits>().ReloadAsync(db);
            children = await db.Children.LongCountAsync(c => c.DeletedAt == null);
            types = await db.ServiceTypes.Where(t => t.Active && (o.Type == null || t.Code == o.Type)).OrderBy(t => t.SortOrder).Select(t => t.Code).ToListAsync();
            if (types.Count == 0) { Console.Error.WriteLine($"bench coverage: no active service type {o.Type}."); return 2; }
            owner = await db.Users.FirstOrDefaultAsync(u => u.UserName == "admin") ?? await db.Users.OrderBy(u => u.Id).FirstAsync();
            var cases = await db.Cases.CountAsync();
            var open = await db.Services.CountAsync(s => s.Status == ServiceStatus.Public);
            Console.WriteLine($"bench coverage: {children:N0} live children in {dbOptions.Provider}; {cases:N0} cases, " +
                $"{open:N0} public services; {types.Count} types, {o.Runs} warm runs each");
        }
        var analyst = new CurrentUser(owner.Id, owner.UserName, "", [Roles.NationalAnalyst], ScopeKind.National, new HashSet<string>(), "127.0.0.1");

        // Wall time, and this process's CPU time: on a shared machine the second shows the work apart from the waiting.
        async Task<(double Ms, double Cpu, CoverageResult Result)> Once(string type)
        {
            await using var scope = sp.CreateAsyncScope();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var r = await scope.ServiceProvider.GetRequiredService<ServiceCoverage>().ComputeAsync(analyst, type, default);
            var ms = sw.Elapsed.TotalMilliseconds;
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            return r is Outcome<CoverageResult>.Ok ok ? (ms, used, ok.Value) : throw new InvalidOperationException($"coverage {type}: {r}");
        }

        var load = await LoadAverageAsync();
        var (coldMs, coldCpu, _) = await Once(types[0]);
        var facts = await sp.GetRequiredService<RegistryFactsCache>().GetAsync(default);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cold: first call ({types[0]}) {coldMs:N0} ms (CPU {coldCpu:N0} ms), of which reading the registry ({facts.Count:N0} children) {facts.LoadTime.TotalMilliseconds:N0} ms"));

        Console.WriteLine($"{"type",-22} {"registry",8} {"need",10} {"median ms",10} {"max ms",8} {"CPU ms",7}  runs (wall ms)");
        var medians = new List<double>();
        var total = Stopwatch.StartNew();
        foreach (var type in types)
        {
            var times = new List<double>();
            var cpus = new List<double>();
            CoverageResult? last = null;
            for (var run = 0; run < o.Runs; run++) { var (ms, cpu, r) = await Once(type); times.Add(ms); cpus.Add(cpu); last = r; }
            times.Sort();
            cpus.Sort();
            var median = times[times.Count / 2];
            medians.Add(median);
            var need = last!.Districts.Sum(d => (long)(d.Need ?? 0));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{type,-22} {(last.RegistryMeasure ? "yes" : "no"),8} {need,10:N0} {median,10:N0} {times[^1],8:N0} {cpus[cpus.Count / 2],7:N0}  {string.Join(", ", times.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm: slowest type's median {medians.Max():N0} ms; all {types.Count} types one after another (sum of medians) {medians.Sum():N0} ms; " +
            $"{total.Elapsed.TotalSeconds:N1} s for the {types.Count * o.Runs} warm calls"));
        var loadAfter = await LoadAverageAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load average (1 min) {load} → {loadAfter}; peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB"));
        return 0;
    }

    private static (Options?, string?) Parse(string[] args)
    {
        var runs = 3;
        string? type = null;
        for (var i = 2; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--Database:", StringComparison.Ordinal)) { if (!a.Contains('=', StringComparison.Ordinal)) i++; continue; }
            if (a is "--help" or "-h") return (null, null);
            if (i + 1 >= args.Length) return (null, $"{a} needs a value.");
            var v = args[++i];
            switch (a)
            {
                case "--runs": if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out runs) || runs < 1) return (null, "--runs must be a positive integer."); break;
                case "--type": type = v; break;
                default: return (null, $"unknown argument '{a}'.");
            }
        }
        return (new Options(runs, type), null);
    }

    internal static async Task<string> LoadAverageAsync() =>
        File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0] : "?";
}
