using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Himaya.Cli;
using Himaya.Features.Demo;
using Himaya.Features.Registry;
using Himaya.Features.Services;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Bench;

/// <summary>
/// <c>himaya-bench services</c> (PostgreSQL, a database <c>himaya seed</c> filled): a directory of <c>--services</c> generated
/// services (deterministic from <c>--seed</c>) spread over the districts by their number of children, then, with <c>--url</c>,
/// the public search (<c>GET /api/v1/public/services</c>) of a running app on that database timed over HTTP for five
/// shapes of query (district; district + type; district + type + age; type; none), after a warm-up, with
/// <c>--concurrency</c> clients. Prints count, p50, p95, p99, max per shape and overall, and requests per second.
/// </summary>
internal static class BenchServices
{
    public const string Prefix = "Bench service ";
    public const string ProviderPrefix = "Bench provider ";

    private const string Usage = """
        usage: himaya-bench services [--services 5000] [--seed 1] [--reload] [--url http://127.0.0.1:5090 [--requests 2000]
                                     [--warmup 200] [--concurrency 1]] --Database:Provider=Postgres --Database:ConnectionString=...
          --services N     generated services in the directory (added once; a later run with the same N reuses them)
          --seed S         random seed of the directory and of the query mix
          --reload         delete the generated services and providers and generate them again
          --url URL        a running app on the same database: time its public search over HTTP
          --requests N     timed requests (the five shapes in turn, in a shuffled order)
          --warmup N       requests sent first and not timed (JIT, connection pool, caches)
          --concurrency N  clients sending at once, each waiting for its answer before the next request
        """;

    internal sealed record Options(int Services, int Seed, bool Reload, string? Url, int Requests, int Warmup, int Concurrency);

    /// <summary>The five shapes of the mix, in the order printed.</summary>
    internal static readonly string[] Shapes = ["district", "district + type", "district + type + age", "type", "none"];

    public static async Task<int> RunAsync(string[] args, DatabaseOptions dbOptions)
    {
        var (o, error) = Parse(args);
        if (VerbArguments.Stops("bench services", Usage, o, error, out var exit)) return exit;
        if (await BenchDatabaseGuard.RefuseAsync("bench services", "adds thousands of made-up services to its public directory", dbOptions) is { } refused) return refused;

        await using var sp = BenchProvider.Build(dbOptions, [new("Demo:Enabled", "false")]);
        var units = sp.GetRequiredService<AdminUnits>();
        List<string> types;
        Dictionary<string, double> weights;
        await using (var scope = sp.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var applied = await SchemaMigrator.MigrateAsync(db, DatabaseProvider.Postgres);
            if (applied.Count > 0) Console.WriteLine("Applied schema migrations: " + string.Join(", ", applied));
            await AdminUnitLoader.EnsureLoadedAsync(db);
            await units.ReloadAsync(db);
            types = await db.ServiceTypes.Where(t => t.Active).OrderBy(t => t.SortOrder).Select(t => t.Code).ToListAsync();
            weights = await DistrictWeightsAsync(db, units);
            await EnsureDirectoryAsync(db, units, types, weights, o);
            await DescribeAsync(db);
        }
        if (o.Url is not null) await HttpAsync(o, types, weights);
        return 0;
    }

    internal static (Options?, string?) Parse(string[] args)
    {
        int services = 5_000, seed = 1, requests = 2_000, warmup = 200, concurrency = 1;
        var reload = false;
        string? url = null;
        for (var i = 2; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--Database:", StringComparison.Ordinal)) { if (!a.Contains('=', StringComparison.Ordinal)) i++; continue; }
            if (a is "--help" or "-h") return (null, null);
            if (a == "--reload") { reload = true; continue; }
            if (i + 1 >= args.Length) return (null, $"{a} needs a value.");
            var v = args[++i];
            bool Int(out int n, int min = 1) => int.TryParse(v.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal),
                NumberStyles.None, CultureInfo.InvariantCulture, out n) && n >= min;
            switch (a)
            {
                case "--services": if (!Int(out services)) return (null, "--services must be a positive integer."); break;
                case "--seed": if (!int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed)) return (null, "--seed must be an integer."); break;
                case "--requests": if (!Int(out requests)) return (null, "--requests must be a positive integer."); break;
                case "--warmup": if (!Int(out warmup, 0)) return (null, "--warmup must be a whole number."); break;
                case "--concurrency": if (!Int(out concurrency)) return (null, "--concurrency must be a positive integer."); break;
                case "--url": url = v.TrimEnd('/'); break;
                default: return (null, $"unknown argument '{a}'.");
            }
        }
        return (new Options(services, seed, reload, url, requests, warmup, concurrency), null);
    }

    // ------------------------------------------------------------------ the directory

    /// <summary>Each district's share of the registry's children (services follow people); equal shares when there are none.</summary>
    private static async Task<Dictionary<string, double>> DistrictWeightsAsync(AppDbContext db, AdminUnits units)
    {
        var counts = await db.Children.GroupBy(c => c.DistrictCode).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N);
        var districts = units.Districts.Select(d => d.Code).ToList();
        // At least a little everywhere: a district of few children still has a school and a clinic.
        return districts.ToDictionary(d => d, d => counts.GetValueOrDefault(d) + 2_000.0, StringComparer.Ordinal);
    }

    /// <summary>How often each type is offered: common services (social work, health, schools) far more than specialist ones.</summary>
    private static double TypeWeight(string type) => type switch
    {
        "social-work" or "health" or "preschool" => 10,
        "family-support" or "social-protection" or "mhpss" or "ecd-parenting" => 6,
        "inclusive-education" or "rehabilitation" or "day-care" or "legal-aid" or "home-visiting" => 4,
        "youth-friendly" or "hiv-testing-youth" => 3,
        "shelter" or "foster-care" or "eore" => 1.5,
        _ => 1,
    };

    /// <summary>The ages a service of this (first) type takes.</summary>
    private static (int Min, int Max) Ages(string type, Random rnd) => type switch
    {
        "preschool" => (3, 5),
        "ecd-parenting" => (0, rnd.Next(2) == 0 ? 3 : 5),
        "inclusive-education" => (rnd.Next(2) == 0 ? 5 : 6, 17),
        "youth-friendly" or "hiv-testing-youth" => (rnd.Next(2) == 0 ? 12 : 14, 17),
        "eore" => (6, 17),
        _ => rnd.Next(10) switch { < 6 => (0, 17), < 8 => (6, 17), 8 => (0, 6), _ => (12, 17) },
    };

    internal static T Pick<T>(Random rnd, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var x = rnd.NextDouble() * total;
        foreach (var item in items) { x -= weight(item); if (x < 0) return item; }
        return items[^1];
    }

    private static async Task EnsureDirectoryAsync(AppDbContext db, AdminUnits units, List<string> types, Dictionary<string, double> weights, Options o)
    {
        var existing = await db.Services.CountAsync(s => s.Name.StartsWith(Prefix));
        if (existing > 0 && o.Reload)
        {
            await db.Services.Where(s => s.Name.StartsWith(Prefix)).ExecuteDeleteAsync();
            await db.Providers.Where(p => p.Name.StartsWith(ProviderPrefix)).ExecuteDeleteAsync();
            Console.WriteLine($"  deleted {existing:N0} generated services");
            existing = 0;
        }
        if (existing > 0)
        {
            Console.WriteLine(existing == o.Services
                ? $"  {existing:N0} generated services already there (kept)"
                : $"  {existing:N0} generated services already there, not {o.Services:N0}: kept (--reload to generate {o.Services:N0})");
            return;
        }

        var sw = Stopwatch.StartNew();
        var rnd = new Random(o.Seed);
        var now = DateTime.UtcNow;
        var districts = weights.Keys.Order(StringComparer.Ordinal).ToList();
        var byRegion = districts.GroupBy(d => units.RegionOf(d)?.Code ?? d).ToDictionary(g => g.Key, g => g.ToList());
        var providers = Enumerable.Range(1, Math.Max(10, o.Services / 12)).Select(i => new Provider
        {
            Name = $"{ProviderPrefix}{i:D4}", Kind = (ProviderKind)(i % 3), Accreditation = i % 4 == 0 ? AccreditationStatus.Accredited : AccreditationStatus.None,
            Phone = $"+994 12 5{i % 100:D2} {i % 1000:D3} 00", Active = true, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        db.Providers.AddRange(providers);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        for (var start = 1; start <= o.Services; start += 1_000)
        {
            for (var n = start; n < Math.Min(o.Services + 1, start + 1_000); n++)
            {
                var home = Pick(rnd, districts, d => weights[d]);
                var kinds = new List<string> { Pick(rnd, types, TypeWeight) };
                var extra = rnd.Next(10) switch { < 6 => 0, < 9 => 1, _ => 2 };
                for (var k = 0; k < extra; k++) { var t = Pick(rnd, types, TypeWeight); if (!kinds.Contains(t)) kinds.Add(t); }
                // Where it works: mostly its own district; some a few neighbours or their whole economic region; a few the whole country.
                var reach = rnd.Next(100);
                var region = byRegion[units.RegionOf(home)?.Code ?? home];
                List<string> served = reach switch
                {
                    < 75 => [home],
                    < 90 => [home, .. region.Where(d => d != home).OrderBy(_ => rnd.Next()).Take(rnd.Next(1, 3))],
                    < 96 => region,
                    _ => [],
                };
                var (min, max) = Ages(kinds[0], rnd);
                var provider = providers[rnd.Next(providers.Count)];
                var capacity = rnd.Next(4) == 0 ? (int?)null : 10 * rnd.Next(1, 21);
                db.Services.Add(new Service
                {
                    Name = $"{Prefix}{n:D5}: {kinds[0]}, {units.DisplayName(home, "en")}",
                    ProviderId = provider.Id, Agency = provider.Name,
                    Description = $"Generated for the directory benchmark ({string.Join(", ", kinds)}).",
                    Status = rnd.Next(100) switch { < 88 => ServiceStatus.Public, < 96 => ServiceStatus.Pending, _ => ServiceStatus.Closed },
                    Nationwide = served.Count == 0,
                    MinAge = min, MaxAge = max,
                    Sex = rnd.Next(20) switch { 0 => SexEligibility.Girls, 1 => SexEligibility.Boys, _ => SexEligibility.Any },
                    DisabilityOnly = kinds.Contains("rehabilitation") && rnd.Next(2) == 0,
                    Address = $"{rnd.Next(1, 200)} {units.DisplayName(home, "en")} street",
                    Latitude = Math.Round(38.9 + rnd.NextDouble() * 2.8, 5), Longitude = Math.Round(45.1 + rnd.NextDouble() * 5.2, 5),
                    Phone = provider.Phone, OpeningHours = rnd.Next(3) == 0 ? null : "Mon–Fri 9:00–18:00",
                    Languages = rnd.Next(3) == 0 ? "az,ru" : "az", Cost = rnd.Next(5) == 0 ? "fee" : "free",
                    Capacity = capacity, FreePlaces = capacity is { } c ? rnd.Next(0, c / 4 + 1) : null,
                    CreatedAt = now, UpdatedAt = now,
                    Types = [.. kinds.Select(t => new ServiceTypeLink { TypeCode = t })],
                    Districts = [.. served.Select(d => new ServiceDistrict { DistrictCode = d })],
                });
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        // The planner needs statistics on the new rows, as autovacuum would give them soon after a real import.
        await db.Database.ExecuteSqlRawAsync("ANALYZE services; ANALYZE service_districts; ANALYZE service_type_links; ANALYZE providers");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  added {o.Services:N0} generated services of {providers.Count:N0} providers in {sw.Elapsed.TotalSeconds:F1} s"));
    }

    private static async Task DescribeAsync(AppDbContext db)
    {
        var byStatus = await db.Services.GroupBy(s => s.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync();
        var nationwide = await db.Services.CountAsync(s => s.Nationwide);
        var links = await db.Set<ServiceTypeLink>().CountAsync();
        var areas = await db.Set<ServiceDistrict>().CountAsync();
        Console.WriteLine($"  directory: {string.Join(", ", byStatus.OrderBy(s => s.Key).Select(s => $"{s.N:N0} {s.Key}"))}; {nationwide:N0} nationwide; " +
            $"{links:N0} type links, {areas:N0} district rows");
    }

    // ------------------------------------------------------------------ over HTTP

    /// <summary>The query of the i-th request: its shape in turn, its district weighted like the services, its type like their types.</summary>
    internal static (string Shape, string Path) Query(int i, Random rnd, IReadOnlyList<string> districts, IReadOnlyDictionary<string, double> weights, IReadOnlyList<string> types)
    {
        var shape = Shapes[i % Shapes.Length];
        var district = Pick(rnd, districts, d => weights[d]);
        var type = Pick(rnd, types, TypeWeight);
        var age = rnd.Next(0, 18);
        var query = shape switch
        {
            "district" => $"?district={district}",
            "district + type" => $"?district={district}&type={type}",
            "district + type + age" => $"?district={district}&type={type}&age={age}",
            "type" => $"?type={type}",
            _ => "",
        };
        return (shape, "/api/v1/public/services" + query);
    }

    private sealed record Timed(string Shape, double Ms, int Items, int Bytes);

    private static async Task HttpAsync(Options o, List<string> types, Dictionary<string, double> weights)
    {
        var districts = weights.Keys.Order(StringComparer.Ordinal).ToList();
        var rnd = new Random(o.Seed);
        var all = Enumerable.Range(0, o.Warmup + o.Requests).Select(i => Query(i, rnd, districts, weights, types)).ToList();
        var warm = all.Take(o.Warmup).ToList();
        var timed = all.Skip(o.Warmup).OrderBy(_ => rnd.Next()).ToList();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Concurrency + 1, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        { BaseAddress = new Uri(o.Url!), Timeout = TimeSpan.FromMinutes(2) };

        Console.WriteLine($"bench services: {o.Warmup:N0} warm-up requests, then {o.Requests:N0} timed, {o.Concurrency} at a time, against {o.Url}");
        await RunAsync(http, warm, o.Concurrency);
        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0] : "?";
        var wall = Stopwatch.StartNew();
        var results = await RunAsync(http, timed, o.Concurrency);
        wall.Stop();
        var loadAfter = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0] : "?";

        Console.WriteLine($"{"query",-26} {"n",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"items",6} {"KiB",6}");
        foreach (var shape in Shapes.Append("all"))
        {
            var rows = results.Where(r => shape == "all" || r.Shape == shape).ToList();
            Console.WriteLine(Line(shape, rows));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count:N0} requests in {wall.Elapsed.TotalSeconds:F1} s: {results.Count / wall.Elapsed.TotalSeconds:F1} requests/s; load average (1 min) {load} → {loadAfter}"));
    }

    internal static string Line(string name, IReadOnlyList<double> ms, double items = 0, double kib = 0)
    {
        var t = ms.Order().ToArray();
        double P(double p) => t[Math.Min(t.Length - 1, Math.Max(0, (int)Math.Ceiling(p * t.Length) - 1))];
        return string.Create(CultureInfo.InvariantCulture, $"{name,-26} {t.Length,6} {P(0.50),8:F1} {P(0.95),8:F1} {P(0.99),8:F1} {t[^1],8:F1} {items,6:F0} {kib,6:F1}");
    }

    private static string Line(string name, List<Timed> rows) =>
        Line(name, [.. rows.Select(r => r.Ms)], rows.Average(r => r.Items), rows.Average(r => r.Bytes) / 1024.0);

    /// <summary>Sends the requests from <paramref name="concurrency"/> clients, each taking the next one when answered; times to the last byte read.</summary>
    private static async Task<List<Timed>> RunAsync(HttpClient http, List<(string Shape, string Path)> requests, int concurrency)
    {
        var results = new Timed[requests.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests.Count; i = Interlocked.Increment(ref next))
            {
                var (shape, path) = requests[i];
                var sw = Stopwatch.StartNew();
                using var res = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                var body = await res.Content.ReadAsByteArrayAsync();
                var ms = sw.Elapsed.TotalMilliseconds;
                if (!res.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)res.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
                // Counted after the clock stopped: the client's parsing is not the server's time.
                using var json = JsonDocument.Parse(body);
                results[i] = new Timed(shape, ms, json.RootElement.GetProperty("items").GetArrayLength(), body.Length);
            }
        })));
        return [.. results];
    }
}
