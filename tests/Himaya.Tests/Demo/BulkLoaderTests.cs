using Himaya.Features.Demo;
using Himaya.Platform;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Himaya.Tests.Demo;

/// <summary>SQLite in memory: the loader's hand-written rows must read back through EF exactly as EF would have written them.</summary>
public sealed class BulkLoaderTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private AppDbContext _db = null!;
    private IReadOnlyList<AdminUnit> _units = [];

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        _db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_connection).UseModules(HimayaModules.All).Options);
        await SchemaMigrator.MigrateAsync(_db, DatabaseProvider.Sqlite);
        await AdminUnitLoader.EnsureLoadedAsync(_db);
        _units = await _db.AdminUnits.AsNoTracking().ToListAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private sealed class Recorder : IProgress<long>
    {
        public List<long> Values { get; } = [];
        public void Report(long value) => Values.Add(value);
    }

    [Fact]
    public async Task Rows_loaded_into_sqlite_read_back_through_ef_exactly_as_generated()
    {
        var generated = PopulationEntities.Generate(1_500, 3, _units, Today, createdById: 1).ToList();
        var expected = generated.SelectMany(h => h.Children).ToList();
        var progress = new Recorder();

        var written = await BulkLoader.LoadAsync(_db, DatabaseProvider.Sqlite, generated, progress, CancellationToken.None);

        written.ShouldBe(1_500);
        progress.Values.ShouldNotBeEmpty();
        progress.Values[^1].ShouldBe(1_500);
        _connection.State.ShouldBe(System.Data.ConnectionState.Open); // the caller's connection is left as it was
        (await _db.Children.CountAsync()).ShouldBe(1_500);
        (await _db.Households.CountAsync()).ShouldBe(generated.Count);
        (await _db.HouseholdMembers.CountAsync()).ShouldBe(generated.Sum(h => h.Household.Members.Count));
        (await _db.Guardians.CountAsync()).ShouldBe(expected.Sum(c => c.Guardians.Count));

        var sample = expected.Where(c => c.Guardians.Count > 0).Take(3)
            .Concat(expected.Where(c => c.HasFunctionalDifficulty).Take(3))
            .Concat(expected.Where(c => c.Fin is null).Take(2))
            .Concat(expected.Take(5));
        foreach (var e in sample)
        {
            var a = await _db.Children.AsNoTracking().Include(c => c.Guardians).SingleAsync(c => c.Id == e.Id);
            (a.GivenName, a.Surname, a.Patronymic, a.Sex, a.BirthDate, a.BirthDateEstimated).ShouldBe((e.GivenName, e.Surname, e.Patronymic, e.Sex, e.BirthDate, e.BirthDateEstimated));
            (a.Fin, a.BirthCertificateNumber, a.BirthRegistered, a.Functioning, a.HasFunctionalDifficulty).ShouldBe((e.Fin, e.BirthCertificateNumber, e.BirthRegistered, e.Functioning, e.HasFunctionalDifficulty));
            (a.OfficialDisabilityStatus, a.DisabilityCategory, a.CareArrangement, a.DistrictCode, a.Settlement, a.Residence).ShouldBe((e.OfficialDisabilityStatus, e.DisabilityCategory, e.CareArrangement, e.DistrictCode, e.Settlement, e.Residence));
            (a.Displacement, a.Enrolment, a.SchoolName, a.Immunisation, a.ReceivesTsa, a.HouseholdId, a.RelationshipToHead).ShouldBe((e.Displacement, e.Enrolment, e.SchoolName, e.Immunisation, e.ReceivesTsa, e.HouseholdId, e.RelationshipToHead));
            (a.SurnameKey, a.GivenNameKey, a.PatronymicKey, a.CreatedById, a.AssignedWorkerId, a.Agency, a.Version).ShouldBe((e.SurnameKey, e.GivenNameKey, e.PatronymicKey, e.CreatedById, e.AssignedWorkerId, e.Agency, e.Version));
            (a.CreatedAt.Ticks, a.UpdatedAt.Ticks, a.DeletedAt).ShouldBe((e.CreatedAt.Ticks, e.UpdatedAt.Ticks, e.DeletedAt));
            a.Guardians.Select(g => (g.FullName, g.Relationship, g.Phone)).ShouldBe(e.Guardians.Select(g => (g.FullName, g.Relationship, g.Phone)));
        }

        var household = generated.First(h => h.Household.Members.Count >= 2).Household;
        var loaded = await _db.Households.AsNoTracking().Include(h => h.Members).Include(h => h.Children).SingleAsync(h => h.Id == household.Id);
        (loaded.Address, loaded.DistrictCode, loaded.Settlement, loaded.Residence, loaded.HeadName).ShouldBe((household.Address, household.DistrictCode, household.Settlement, household.Residence, household.HeadName));
        (loaded.WaterSource, loaded.Sanitation, loaded.Rooms, loaded.People, loaded.ReceivesTsa, loaded.OtherIncomeSupport).ShouldBe((household.WaterSource, household.Sanitation, household.Rooms, household.People, household.ReceivesTsa, household.OtherIncomeSupport));
        loaded.Members.OrderBy(m => m.Id).Select(m => (m.FullName, m.Relationship, m.Sex, m.BirthYear, m.IsHead))
            .ShouldBe(household.Members.Select(m => (m.FullName, m.Relationship, m.Sex, m.BirthYear, m.IsHead)));
        loaded.Children.Count.ShouldBe(generated.Single(h => h.Household.Id == household.Id).Children.Count);
    }

    [Fact]
    public async Task Ef_queries_on_dates_enums_and_flags_see_the_loaded_values()
    {
        var generated = PopulationEntities.Generate(800, 4, _units, Today, createdById: 1).ToList();
        var expected = generated.SelectMany(h => h.Children).ToList();
        await BulkLoader.LoadAsync(_db, DatabaseProvider.Sqlite, generated, null, CancellationToken.None);

        var cutoff = Today.AddYears(-6);
        (await _db.Children.CountAsync(c => c.BirthDate > cutoff)).ShouldBe(expected.Count(c => c.BirthDate > cutoff));
        (await _db.Children.CountAsync(c => c.CareArrangement == CareArrangement.Parents)).ShouldBe(expected.Count(c => c.CareArrangement == CareArrangement.Parents));
        (await _db.Children.CountAsync(c => c.HasFunctionalDifficulty)).ShouldBe(expected.Count(c => c.HasFunctionalDifficulty));
        (await _db.Children.CountAsync(c => c.ReceivesTsa == true)).ShouldBe(expected.Count(c => c.ReceivesTsa == true));
        (await _db.Children.CountAsync(c => c.Enrolment == null)).ShouldBe(expected.Count(c => c.Enrolment == null));
        var at = Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        (await _db.Children.CountAsync(c => c.CreatedAt == at && c.DeletedAt == null)).ShouldBe(800);
        var someIds = expected.Take(10).Select(c => c.Id).ToList();
        (await _db.Children.CountAsync(c => someIds.Contains(c.Id))).ShouldBe(10);
    }

    [Fact]
    public async Task A_failure_while_generating_is_reported_as_itself_and_leaves_nothing_half_written()
    {
        static IEnumerable<GeneratedHousehold> Failing(IEnumerable<GeneratedHousehold> data)
        {
            var n = 0;
            foreach (var h in data)
            {
                if (++n == 300) throw new InvalidOperationException("generator broke");
                yield return h;
            }
        }

        var data = Failing(PopulationEntities.Generate(5_000, 5, _units, Today, createdById: 1));
        var e = await Should.ThrowAsync<InvalidOperationException>(() => BulkLoader.LoadAsync(_db, DatabaseProvider.Sqlite, data, null, CancellationToken.None));
        e.Message.ShouldBe("generator broke");
        (await _db.Children.CountAsync()).ShouldBe(0);
        (await _db.Households.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_database_error_stops_the_load_and_is_reported()
    {
        var data = PopulationEntities.Generate(300, 6, _units, Today, createdById: 1).ToList();
        await BulkLoader.LoadAsync(_db, DatabaseProvider.Sqlite, data, null, CancellationToken.None);
        // The same rows again: primary keys collide.
        await Should.ThrowAsync<SqliteException>(() => BulkLoader.LoadAsync(_db, DatabaseProvider.Sqlite, data, null, CancellationToken.None));
        (await _db.Children.CountAsync()).ShouldBe(300);
    }

    [Fact]
    public async Task Cancelling_stops_the_load()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() =>
            BulkLoader.LoadAsync(_db, DatabaseProvider.Sqlite, PopulationEntities.Generate(100_000, 7, _units, Today, 1), null, cts.Token));
    }

    [Fact]
    public async Task The_demo_population_gives_the_scoped_districts_enough_children_and_the_ngo_user_a_caseload()
    {
        _db.Users.AddRange(
            new AppUser { UserName = "admin", DisplayName = "Admin", CreatedAt = DateTime.UtcNow },
            new AppUser { UserName = "ngo.ganja", DisplayName = "NGO", ScopeKind = ScopeKind.Caseload, CreatedAt = DateTime.UtcNow });
        await _db.SaveChangesAsync();
        var adminId = (await _db.Users.SingleAsync(u => u.UserName == "admin")).Id;
        var ngoId = (await _db.Users.SingleAsync(u => u.UserName == "ngo.ganja")).Id;
        var units = new AdminUnits();
        units.Load(_units);
        var services = new ServiceCollection()
            .AddSingleton(_db)
            .AddSingleton(units)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite }))
            .AddSingleton(TimeProvider.System)
            .BuildServiceProvider();

        await DemoPopulation.SeedAsync(services, 3_000, seed: 20261124, CancellationToken.None);

        (await _db.Children.CountAsync()).ShouldBe(3_000);
        (await _db.Children.CountAsync(c => c.DistrictCode == "C-GAN")).ShouldBeGreaterThanOrEqualTo(50);
        (await _db.Children.CountAsync(c => c.DistrictCode == "C-SIR")).ShouldBeGreaterThanOrEqualTo(50);
        (await _db.Children.CountAsync(c => c.AssignedWorkerId == ngoId)).ShouldBe(DemoPopulation.NgoCaseload);
        (await _db.Children.Where(c => c.AssignedWorkerId == ngoId).Select(c => c.DistrictCode).Distinct().ToListAsync()).ShouldBe(["C-GAN"]);
        (await _db.Children.CountAsync(c => c.CreatedById != adminId)).ShouldBe(0);
    }
}
