using Himaya.Bench;
using Himaya.Features.Coverage;
using Himaya.Features.Demo;
using Himaya.Features.Identity;
using Himaya.Features.Services;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Himaya.Tests.Bench;

/// <summary>
/// `himaya-bench services` adds thousands of made-up services to a public directory: it must refuse every database but one
/// that `himaya seed` filled, and generate the same directory for the same seed. `himaya-bench coverage` times
/// ServiceCoverage, whose large-registry pass is split over the cores: the split must count exactly what one pass counts.
/// Both on one database that `himaya seed` filled (seeding is most of their time), on the PostgreSQL server
/// scripts/test.sh starts; in the collection of the tests that read standard error.
/// </summary>
[Collection(ConsoleErrorCollection.Name)]
public sealed class BenchServicesTests(BenchServicesTests.Database seeded) : IClassFixture<BenchServicesTests.Database>
{
    /// <summary>A few thousand generated children; the bench's services are the only ones its tests add.</summary>
    public sealed class Database : IAsyncLifetime
    {
        public SeededPostgres Seeded { get; private set; } = null!;
        public async Task InitializeAsync() => Seeded = await SeededPostgres.CreateAsync("himaya_benchsvc_", children: 3000, seed: 5);
        public async Task DisposeAsync() => await Seeded.DisposeAsync();
    }

    [Fact]
    public async Task Bench_services_refuses_an_unmarked_database_and_generates_the_same_directory_for_the_same_seed()
    {
        var options = seeded.Seeded.Options;
        await seeded.Seeded.UnmarkAsync();
        var (refused, error) = await RunAsync(["bench", "services", "--services", "120", "--seed", "7"], options);
        refused.ShouldBe(2);
        error.ShouldContain("refused");
        await using (var db = options.CreateContext(HimayaModules.All))
        {
            (await db.Services.CountAsync(s => s.Name.StartsWith(BenchServices.Prefix))).ShouldBe(0);
            await SyntheticMark.MarkAsync(db);
        }

        (await RunAsync(["bench", "services", "--services", "120", "--seed", "7"], options)).Exit.ShouldBe(0);
        var first = await DirectoryAsync(options);
        first.Count.ShouldBe(120);
        first.ShouldAllBe(s => s.Types.Length >= 1);
        first.Where(s => s.Nationwide).ShouldAllBe(s => s.Districts.Length == 0);
        first.Where(s => !s.Nationwide).ShouldAllBe(s => s.Districts.Length >= 1);
        first.Select(s => s.Status).Distinct().Count().ShouldBeGreaterThan(1);
        first.SelectMany(s => s.Districts).Distinct().Count().ShouldBeGreaterThan(10);

        // A second run keeps them; --reload with the same seed makes the same directory again.
        (await RunAsync(["bench", "services", "--services", "120", "--seed", "7"], options)).Exit.ShouldBe(0);
        (await DirectoryAsync(options)).Count.ShouldBe(120);
        (await RunAsync(["bench", "services", "--services", "120", "--seed", "7", "--reload"], options)).Exit.ShouldBe(0);
        var again = await DirectoryAsync(options);
        again.Select(s => s.ToString()).ShouldBe(first.Select(s => s.ToString()));
    }

    [Fact]
    public void The_query_mix_takes_each_shape_in_turn_with_its_parameters()
    {
        var rnd = new Random(1);
        var weights = new Dictionary<string, double> { ["C-GAN"] = 1, ["C-SUM"] = 2 };
        var queries = Enumerable.Range(0, 10).Select(i => BenchServices.Query(i, rnd, ["C-GAN", "C-SUM"], weights, ["health", "mhpss"])).ToList();
        queries.Select(q => q.Shape).ShouldBe([.. BenchServices.Shapes, .. BenchServices.Shapes]);
        foreach (var (shape, path) in queries)
        {
            path.ShouldStartWith("/api/v1/public/services");
            path.Contains("district=", StringComparison.Ordinal).ShouldBe(shape.StartsWith("district", StringComparison.Ordinal));
            path.Contains("type=", StringComparison.Ordinal).ShouldBe(shape.Contains("type", StringComparison.Ordinal));
            path.Contains("age=", StringComparison.Ordinal).ShouldBe(shape.EndsWith("age", StringComparison.Ordinal));
        }
        BenchServices.Parse(["bench", "services", "--concurrency", "0"]).Item2.ShouldNotBeNull();
        BenchServices.Parse(["bench", "services", "--warmup", "0", "--url", "http://x/"]).Item1!.Url.ShouldBe("http://x");
    }

    [Fact]
    public async Task Coverage_split_over_the_cores_counts_what_one_pass_counts()
    {
        var options = seeded.Seeded.Options;
        var before = ServiceCoverage.ParallelFrom;
        try
        {
            foreach (var need in ServiceNeeds.All)
            {
                ServiceCoverage.ParallelFrom = int.MaxValue;
                var one = await CoverageAsync(options, need.Type);
                ServiceCoverage.ParallelFrom = 0;
                var split = await CoverageAsync(options, need.Type);
                split.ShouldBe(one, need.Type);
                if (need.Type == "social-protection") one.Sum(d => d.Need ?? 0).ShouldBeGreaterThan(0);
            }
        }
        finally
        {
            ServiceCoverage.ParallelFrom = before;
        }
    }

    private static async Task<List<DistrictCoverage>> CoverageAsync(DatabaseOptions options, string type)
    {
        await using var sp = BenchProvider.Build(options, [new("Deprivation:SnapshotSeconds", "0")]);
        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await sp.GetRequiredService<AdminUnits>().ReloadAsync(db);
        var owner = await db.Users.OrderBy(u => u.Id).FirstAsync();
        var analyst = new CurrentUser(owner.Id, owner.UserName, "", [Roles.DistrictCoordinator], ScopeKind.National, new HashSet<string>(), "127.0.0.1");
        var result = await scope.ServiceProvider.GetRequiredService<ServiceCoverage>().ComputeAsync(analyst, type, default);
        return [.. result.ShouldBeOfType<Outcome<CoverageResult>.Ok>().Value.Districts];
    }

    private sealed record Generated(string Name, ServiceStatus Status, bool Nationwide, int MinAge, int MaxAge, string[] Types, string[] Districts)
    {
        public override string ToString() => $"{Name}|{Status}|{Nationwide}|{MinAge}-{MaxAge}|{string.Join(',', Types)}|{string.Join(',', Districts)}";
    }

    private static async Task<List<Generated>> DirectoryAsync(DatabaseOptions options)
    {
        await using var db = options.CreateContext(HimayaModules.All);
        var rows = await db.Services.AsNoTracking().Where(s => s.Name.StartsWith(BenchServices.Prefix)).OrderBy(s => s.Name)
            .Select(s => new { s.Name, s.Status, s.Nationwide, s.MinAge, s.MaxAge, Types = s.Types.Select(t => t.TypeCode).ToList(), Districts = s.Districts.Select(d => d.DistrictCode).ToList() })
            .ToListAsync();
        return [.. rows.Select(s => new Generated(s.Name, s.Status, s.Nationwide, s.MinAge, s.MaxAge, [.. s.Types.Order(StringComparer.Ordinal)], [.. s.Districts.Order(StringComparer.Ordinal)]))];
    }

    /// <summary>`himaya-bench indicators` fills the dashboards' scale once (a second run adds nothing) and reads both pages' data.</summary>
    [Fact]
    public async Task Bench_indicators_fills_a_value_per_year_place_and_breakdown_once_and_times_both_pages()
    {
        var options = seeded.Seeded.Options;
        int Values(AppDbContext db) => db.Set<Himaya.Features.Monitoring.IndicatorValue>()
            .Count(v => db.Set<Himaya.Features.Monitoring.Indicator>().Any(i => i.Id == v.IndicatorId && i.Code.StartsWith("BENCH_IND_")));
        string[] args = ["bench", "indicators", "--indicators", "3", "--years", "2", "--runs", "1"];
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            (await Himaya.Bench.BenchIndicators.RunAsync(args, options)).ShouldBe(0, error.ToString());
            await using (var db = options.CreateContext(HimayaModules.All)) Values(db).ShouldBe(3 * 77 * 2 * 3);
            (await Himaya.Bench.BenchIndicators.RunAsync(args, options)).ShouldBe(0, error.ToString());
            await using (var db = options.CreateContext(HimayaModules.All))
            {
                Values(db).ShouldBe(3 * 77 * 2 * 3);
                (await db.Set<Himaya.Features.Monitoring.IndicatorMark>().CountAsync(m => m.Place == "AZE" && db.Set<Himaya.Features.Monitoring.Indicator>()
                    .Any(i => i.Id == m.IndicatorId && i.Code.StartsWith("BENCH_IND_")))).ShouldBe(6);
            }
            (await Himaya.Bench.BenchIndicators.RunAsync(["bench", "indicators", "--years", "0"], options)).ShouldBe(2);
            error.ToString().ShouldContain("--years must be a whole number from 1 to 100.");
        }
        finally { Console.SetError(original); }
    }

    private static async Task<(int Exit, string Error)> RunAsync(string[] args, DatabaseOptions options)
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try { return (await BenchServices.RunAsync(args, options), error.ToString()); }
        finally { Console.SetError(original); }
    }
}
