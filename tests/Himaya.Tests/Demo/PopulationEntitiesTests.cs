using Himaya.Features.Demo;
using Himaya.Features.Registry;
using Himaya.Platform;
using G = Himaya.Generators;

namespace Himaya.Tests.Demo;

/// <summary>The generator's plain records as registry entities (the generator itself: Generators/SyntheticPopulationTests).</summary>
public sealed class PopulationEntitiesTests
{
    private static readonly IReadOnlyList<AdminUnit> Units = AdminUnitLoader.ReadBundled();
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static readonly Lazy<List<(G.SyntheticHousehold Record, GeneratedHousehold Entities)>> Pairs = new(() =>
    [
        .. G.SyntheticPopulation.Generate(5_000, 42, [.. Units.Select(PopulationEntities.ToPlace)], Today)
            .Zip(PopulationEntities.Generate(5_000, 42, Units, Today, createdById: 5)),
    ]);

    private static IEnumerable<Child> Children => Pairs.Value.SelectMany(p => p.Entities.Children);

    [Theory]
    [InlineData(typeof(G.Sex), typeof(Sex))]
    [InlineData(typeof(G.CareArrangement), typeof(CareArrangement))]
    [InlineData(typeof(G.Residence), typeof(Residence))]
    [InlineData(typeof(G.Displacement), typeof(Displacement))]
    [InlineData(typeof(G.Enrolment), typeof(Enrolment))]
    [InlineData(typeof(G.Immunisation), typeof(Immunisation))]
    [InlineData(typeof(G.Difficulty), typeof(Difficulty))]
    [InlineData(typeof(G.FunctioningDomain), typeof(FunctioningDomain))]
    [InlineData(typeof(G.WaterSource), typeof(WaterSource))]
    [InlineData(typeof(G.Sanitation), typeof(Sanitation))]
    public void The_generators_enums_have_the_registrys_members_and_values_so_a_cast_maps_them(Type generator, Type registry)
    {
        static IEnumerable<(string, long)> Members(Type t) => Enum.GetValues(t).Cast<object>().Select(v => (Enum.GetName(t, v)!, Convert.ToInt64(v, null)));
        Members(generator).ShouldBe(Members(registry));
    }

    [Fact]
    public void Every_field_of_the_records_reaches_the_entities()
    {
        foreach (var (r, (household, children)) in Pairs.Value)
        {
            (household.Id, household.DistrictCode, household.Residence, household.Settlement, household.Address, household.HeadName)
                .ShouldBe((r.Id, r.DistrictCode, (Residence?)r.Residence, (string?)r.Settlement, r.Address, (string?)r.HeadName));
            (household.Rooms, household.People, household.WaterSource, household.Sanitation, household.ReceivesTsa, household.OtherIncomeSupport)
                .ShouldBe((r.Rooms, (int?)r.People, (WaterSource?)r.WaterSource, (Sanitation?)r.Sanitation, r.ReceivesTsa, r.OtherIncomeSupport));
            household.Members.Select(m => (m.HouseholdId, m.FullName, m.Relationship, m.Sex, m.BirthYear, m.IsHead))
                .ShouldBe(r.Members.Select(m => (r.Id, m.FullName, m.Relationship, (Sex?)m.Sex, (int?)m.BirthYear, m.IsHead)));
            children.Count.ShouldBe(r.Children.Count);
            foreach (var (c, e) in r.Children.Zip(children))
            {
                (e.Id, e.GivenName, e.Surname, e.Patronymic, e.Sex, e.BirthDate, e.BirthDateEstimated, e.Fin, e.BirthCertificateNumber, e.BirthRegistered)
                    .ShouldBe((c.Id, c.GivenName, c.Surname, (string?)c.Patronymic, (Sex)c.Sex, c.BirthDate, c.BirthDateEstimated, c.Fin, c.BirthCertificateNumber, c.BirthRegistered));
                (e.OfficialDisabilityStatus, e.DisabilityCategory, e.CareArrangement, e.Displacement, e.Enrolment, e.SchoolName, e.Immunisation, e.ReceivesTsa, e.RelationshipToHead)
                    .ShouldBe((c.OfficialDisabilityStatus, c.DisabilityCategory, (CareArrangement)c.CareArrangement, (Displacement)c.Displacement,
                        (Enrolment?)c.Enrolment, c.SchoolName, (Immunisation)c.Immunisation, c.ReceivesTsa, (string?)c.RelationshipToHead));
                (e.HouseholdId, e.DistrictCode, e.Settlement, e.Residence).ShouldBe((r.Id, r.DistrictCode, (string?)r.Settlement, (Residence?)r.Residence));
                e.FunctioningByDomain.Select(kv => ((int)kv.Key, (int)kv.Value))
                    .ShouldBe((c.Functioning ?? new Dictionary<G.FunctioningDomain, G.Difficulty>()).OrderBy(kv => kv.Key).Select(kv => ((int)kv.Key, (int)kv.Value)));
                e.HasFunctionalDifficulty.ShouldBe(c.HasFunctionalDifficulty);
                e.Guardians.Select(g => (g.ChildId, g.FullName, g.Relationship, g.Phone)).ShouldBe(c.Guardians.Select(g => (c.Id, g.FullName, g.Relationship, g.Phone)));
            }
        }
    }

    [Fact]
    public void Records_carry_the_owner_agency_version_and_a_fixed_timestamp_from_today()
    {
        var at = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);
        Children.ShouldAllBe(c => c.CreatedById == 5 && c.Agency == "Demo" && c.Version == 1 && c.CreatedAt == at && c.UpdatedAt == at && c.AssignedWorkerId == null);
        Pairs.Value.Select(p => p.Entities.Household)
            .ShouldAllBe(h => h.CreatedById == 5 && h.Agency == "Demo" && h.Version == 1 && h.CreatedAt == at && h.UpdatedAt == at);
    }

    [Fact]
    public void Every_child_has_its_folded_search_keys_and_old_spellings_fold_to_the_same_key()
    {
        Children.ShouldAllBe(c => c.SurnameKey.Length > 0 && c.GivenNameKey.Length > 0 && c.PatronymicKey.Length > 0);
        var population = PopulationEntities.Generate(20_000, 42, Units, Today, 1).SelectMany(h => h.Children).ToList();
        population.Where(c => c.Surname is "Məmmədov" or "Мамедов" or "Mamedov" or "Mammadov").Select(c => c.SurnameKey).Distinct().Count().ShouldBe(1);
        population.ShouldAllBe(c => c.AgeInYears(Today) >= 0 && c.AgeInYears(Today) <= 17);
    }

    [Fact]
    public void Arguments_are_checked_when_called_not_when_the_first_household_is_read()
    {
        Should.Throw<ArgumentException>(() => PopulationEntities.Generate(10, 1, Units, Today, 1, new Dictionary<string, int> { ["C-BAK"] = 5 }));
        Should.Throw<ArgumentOutOfRangeException>(() => PopulationEntities.Generate(-1, 1, Units, Today, 1));
    }
}
