using System.Text;
using Himaya.Features.Demo;
using Himaya.Platform;
using Himaya.Features.Registry;
using Himaya.Linkage;

namespace Himaya.Tests.Demo;

public sealed class SyntheticPopulationTests
{
    private static readonly IReadOnlyList<AdminUnit> Units = AdminUnitLoader.ReadBundled();
    private static readonly DateOnly Today = new(2026, 11, 24);

    /// <summary>One shared population of 20,000 children for the statistical checks (generation takes a fraction of a second).</summary>
    private static readonly Lazy<List<GeneratedHousehold>> Population = new(() => [.. SyntheticPopulation.Generate(20_000, 42, Units, Today, createdById: 5)]);

    private static IEnumerable<Child> Children => Population.Value.SelectMany(h => h.Children);

    private static string Fingerprint(IEnumerable<GeneratedHousehold> data)
    {
        var sb = new StringBuilder();
        foreach (var h in data)
        {
            sb.Append(h.Household.Id).Append('|').Append(h.Household.Address).Append('|').Append(h.Household.DistrictCode).Append('|').Append(h.Household.HeadName).AppendLine();
            foreach (var m in h.Household.Members) sb.Append(m.FullName).Append('|').Append(m.Relationship).Append('|').Append(m.BirthYear).AppendLine();
            foreach (var c in h.Children)
            {
                sb.Append(c.Id).Append('|').Append(c.GivenName).Append('|').Append(c.Surname).Append('|').Append(c.Patronymic).Append('|')
                    .Append(c.BirthDate.DayNumber).Append('|').Append(c.Fin).Append('|').Append(c.BirthCertificateNumber).Append('|')
                    .Append(c.Functioning).Append('|').Append(c.CareArrangement).Append('|').Append(c.Enrolment).AppendLine();
            }
        }
        return sb.ToString();
    }

    [Fact]
    public void The_same_seed_gives_the_same_population_ids_included()
    {
        var first = Fingerprint(SyntheticPopulation.Generate(3_000, 7, Units, Today, 1));
        var second = Fingerprint(SyntheticPopulation.Generate(3_000, 7, Units, Today, 1));
        second.ShouldBe(first);
    }

    [Fact]
    public void A_different_seed_gives_different_people_and_ids()
    {
        var a = SyntheticPopulation.Generate(500, 1, Units, Today, 1).SelectMany(h => h.Children).ToList();
        var b = SyntheticPopulation.Generate(500, 2, Units, Today, 1).SelectMany(h => h.Children).ToList();
        a.Select(c => c.Id).Intersect(b.Select(c => c.Id)).ShouldBeEmpty();
        Fingerprint(SyntheticPopulation.Generate(500, 1, Units, Today, 1)).ShouldNotBe(Fingerprint(SyntheticPopulation.Generate(500, 2, Units, Today, 1)));
    }

    [Fact]
    public void The_first_household_id_depends_only_on_the_seed_so_a_repeated_load_can_be_detected()
    {
        var small = SyntheticPopulation.Generate(1, 99, Units, Today, 1).First().Household.Id;
        var large = SyntheticPopulation.Generate(50_000, 99, Units, Today.AddDays(30), 8).First().Household.Id;
        large.ShouldBe(small);
    }

    [Fact]
    public void Exactly_the_requested_number_of_children_is_generated_in_households_of_one_to_five()
    {
        Children.Count().ShouldBe(20_000);
        Population.Value.ShouldAllBe(h => h.Children.Count >= 1 && h.Children.Count <= 5);
        SyntheticPopulation.Generate(0, 1, Units, Today, 1).ShouldBeEmpty();
    }

    [Fact]
    public void Generation_streams_instead_of_building_the_whole_population_first()
    {
        // Asking for two billion children must not allocate them: taking a few households returns at once.
        SyntheticPopulation.Generate(int.MaxValue, 3, Units, Today, 1).Take(5).Count().ShouldBe(5);
    }

    [Fact]
    public void Every_child_is_under_18_today_and_lives_in_a_leaf_district()
    {
        var leaves = Units.Where(u => u.IsLeafDistrict).Select(u => u.Code).ToHashSet();
        foreach (var c in Children)
        {
            c.BirthDate.ShouldBeLessThanOrEqualTo(Today);
            c.AgeInYears(Today).ShouldBeInRange(0, 17);
            leaves.ShouldContain(c.DistrictCode);
        }
        Population.Value.ShouldAllBe(h => leaves.Contains(h.Household.DistrictCode));
    }

    [Fact]
    public void Ages_are_spread_roughly_evenly_over_0_to_17()
    {
        var byAge = Children.GroupBy(c => c.AgeInYears(Today)).ToDictionary(g => g.Key, g => g.Count());
        byAge.Keys.Order().ShouldBe(Enumerable.Range(0, 18));
        foreach (var (_, n) in byAge) n.ShouldBeInRange(20_000 / 18 * 7 / 10, 20_000 / 18 * 13 / 10);
    }

    [Fact]
    public void Boys_and_girls_are_roughly_balanced()
    {
        var boys = Children.Count(c => c.Sex == Sex.M) / 20_000.0;
        boys.ShouldBeInRange(0.47, 0.57);
    }

    [Fact]
    public void About_five_percent_of_names_are_typed_in_cyrillic_or_an_old_latin_transliteration()
    {
        // Today's records write the patronymic with "oğlu"/"qızı"; old ones "оглы"/"кызы", "oglu"/"gizi", "ogly"/"kyzy".
        var variant = Children.Count(c => !(c.Patronymic!.EndsWith(" oğlu", StringComparison.Ordinal) || c.Patronymic.EndsWith(" qızı", StringComparison.Ordinal)));
        (variant / 20_000.0).ShouldBeInRange(0.035, 0.065);
        var cyrillic = Children.Count(c => c.Surname.Any(ch => ch is >= '\u0400' and <= '\u04FF'));
        (cyrillic / 20_000.0).ShouldBeInRange(0.012, 0.03);
        Children.Count(c => c.Patronymic!.EndsWith(" ogly", StringComparison.Ordinal) || c.Patronymic.EndsWith(" kyzy", StringComparison.Ordinal)).ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Old_spellings_fold_to_the_same_search_key_as_the_modern_ones_for_the_common_surnames()
    {
        var keysByStyle = Children.Where(c => c.Surname is "Məmmədov" or "Мамедов" or "Mamedov" or "Mammadov").Select(c => c.SurnameKey).Distinct().ToList();
        keysByStyle.Count.ShouldBe(1);
        Children.ShouldAllBe(c => c.SurnameKey.Length > 0 && c.GivenNameKey.Length > 0 && c.PatronymicKey.Length > 0);
    }

    [Fact]
    public void Fins_and_birth_certificate_numbers_are_unique_and_valid()
    {
        var fins = Children.Where(c => c.Fin is not null).Select(c => c.Fin!).ToList();
        var certificates = Children.Where(c => c.BirthCertificateNumber is not null).Select(c => c.BirthCertificateNumber!).ToList();
        fins.Distinct().Count().ShouldBe(fins.Count);
        certificates.Distinct().Count().ShouldBe(certificates.Count);
        fins.ShouldAllBe(f => Fin.Validate(f) == null && f.Length == 7 && !f.Contains('I') && !f.Contains('O'));
        certificates.ShouldAllBe(n => BirthCertificateNumber.Validate(n) == null && n.StartsWith("AZE") && n.Length == 10);
        (certificates.Count / 20_000.0).ShouldBeGreaterThan(0.85);
    }

    [Fact]
    public void Only_children_aged_six_or_more_have_a_fin_and_some_of_them_have_none()
    {
        Children.Where(c => c.Fin is not null).ShouldAllBe(c => c.AgeInYears(Today) >= 6);
        var older = Children.Where(c => c.AgeInYears(Today) >= 6).ToList();
        (older.Count(c => c.Fin is null) / (double)older.Count).ShouldBeInRange(0.1, 0.3);
    }

    [Fact]
    public void District_distribution_favours_baku()
    {
        var byDistrict = Children.GroupBy(c => c.DistrictCode).ToDictionary(g => g.Key, g => g.Count());
        var baku = byDistrict.Where(kv => kv.Key.StartsWith("BAK-", StringComparison.Ordinal)).Sum(kv => kv.Value) / 20_000.0;
        baku.ShouldBeInRange(0.20, 0.30);
        byDistrict.GetValueOrDefault("C-SUM").ShouldBeGreaterThan(byDistrict.GetValueOrDefault("C-SIR"));
        byDistrict.GetValueOrDefault("C-GAN").ShouldBeGreaterThan(byDistrict.GetValueOrDefault("R-XIZ"));
    }

    [Fact]
    public void City_districts_are_urban_and_most_rayon_households_are_rural()
    {
        var kinds = Units.ToDictionary(u => u.Code, u => u.Kind);
        var city = Population.Value.Where(h => kinds[h.Household.DistrictCode] == "city_district").ToList();
        (city.Count(h => h.Household.Residence == Residence.Urban) / (double)city.Count).ShouldBeGreaterThan(0.9);
        var rayon = Population.Value.Where(h => kinds[h.Household.DistrictCode] == "rayon").ToList();
        (rayon.Count(h => h.Household.Residence == Residence.Rural) / (double)rayon.Count).ShouldBeGreaterThan(0.5);
        Population.Value.ShouldAllBe(h => h.Children.All(c => c.Residence == h.Household.Residence && c.Settlement == h.Household.Settlement));
    }

    [Fact]
    public void Shares_of_difficulty_displacement_care_and_tsa_are_plausible()
    {
        (Children.Count(c => c.HasFunctionalDifficulty) / 20_000.0).ShouldBeInRange(0.02, 0.045);
        (Children.Count(c => c.Displacement == Displacement.Idp) / 20_000.0).ShouldBeInRange(0.04, 0.09);
        (Children.Count(c => c.CareArrangement == CareArrangement.Parents) / 20_000.0).ShouldBeInRange(0.93, 0.97);
        (Children.Count(c => c.CareArrangement == CareArrangement.Kinship) / 20_000.0).ShouldBeInRange(0.015, 0.04);
        (Children.Count(c => c.CareArrangement == CareArrangement.ResidentialInstitution) / 20_000.0).ShouldBeInRange(0.008, 0.025);
        (Population.Value.Count(h => h.Household.ReceivesTsa == true) / (double)Population.Value.Count).ShouldBeInRange(0.05, 0.11);
    }

    [Fact]
    public void Enrolment_is_consistent_with_age()
    {
        foreach (var c in Children)
        {
            var age = c.AgeInYears(Today);
            if (age < 3) c.Enrolment.ShouldBe(Enrolment.NotOfAge);
            else if (age <= 5) c.Enrolment.ShouldBeOneOf(Enrolment.Preschool, Enrolment.NotEnrolled, null);
            else c.Enrolment.ShouldNotBe(Enrolment.NotOfAge);
            if (c.Enrolment == Enrolment.Vocational) age.ShouldBeGreaterThanOrEqualTo(15);
        }
        var schoolAge = Children.Where(c => c.AgeInYears(Today) is >= 7 and <= 17).ToList();
        (schoolAge.Count(c => c.Enrolment == Enrolment.NotEnrolled) / (double)schoolAge.Count).ShouldBeInRange(0.02, 0.09);
    }

    [Fact]
    public void Functioning_is_recorded_only_for_children_aged_two_or_more_with_the_domains_of_their_age()
    {
        foreach (var c in Children.Where(c => c.Functioning.Length > 0))
        {
            var age = c.AgeInYears(Today);
            age.ShouldBeGreaterThanOrEqualTo(2);
            var domains = c.FunctioningByDomain.Keys.ToList();
            if (age <= 4) domains.ShouldNotContain(FunctioningDomain.Anxiety);
            else domains.ShouldNotContain(FunctioningDomain.Playing);
        }
        Children.Where(c => c.HasFunctionalDifficulty).ShouldAllBe(c => c.FunctioningByDomain.Values.Any(v => v >= Difficulty.ALot));
    }

    [Fact]
    public void Children_of_a_family_share_the_surname_and_father_of_the_household()
    {
        var checkedFamilies = 0;
        foreach (var h in Population.Value.Where(h => h.Children.Count >= 2 && h.Children.All(c => c.CareArrangement != CareArrangement.Foster)))
        {
            var native = h.Children.Where(c => c.Patronymic!.EndsWith(" oğlu", StringComparison.Ordinal) || c.Patronymic.EndsWith(" qızı", StringComparison.Ordinal)).ToList();
            if (native.Count < 2) continue;
            native.Select(c => c.Patronymic![..c.Patronymic!.LastIndexOf(' ')]).Distinct().Count().ShouldBe(1);
            native.Select(c => c.SurnameKey.TrimEnd('a')).Distinct().Count().ShouldBe(1); // Məmmədov / Məmmədova
            native.Where(c => c.Sex == Sex.F && c.Surname.EndsWith("ov", StringComparison.Ordinal)).ShouldBeEmpty();
            checkedFamilies++;
        }
        checkedFamilies.ShouldBeGreaterThan(1_000);
    }

    [Fact]
    public void Every_household_has_exactly_one_head_whose_name_is_the_head_name()
    {
        foreach (var h in Population.Value)
        {
            h.Household.Members.Count(m => m.IsHead).ShouldBe(1);
            h.Household.HeadName.ShouldBe(h.Household.Members.Single(m => m.IsHead).FullName);
            h.Household.People.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(h.Household.Members.Count + h.Children.Count);
        }
        // Checked once over all households: ShouldAllBe compiles its expression at every call, which inside the loop
        // above (7,000 households) took most of this project's time.
        Population.Value.SelectMany(h => h.Household.Members, (h, m) => new { m.BirthYear, m.HouseholdId, Household = h.Household.Id })
            .ShouldAllBe(m => m.BirthYear < Today.Year - 15 && m.HouseholdId == m.Household);
        Population.Value.SelectMany(h => h.Children, (h, c) => new { c.HouseholdId, Household = h.Household.Id })
            .ShouldAllBe(c => c.HouseholdId == c.Household);
    }

    [Fact]
    public void Records_carry_the_owner_agency_version_and_a_fixed_timestamp_from_today()
    {
        var at = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);
        Children.ShouldAllBe(c => c.CreatedById == 5 && c.Agency == "Demo" && c.Version == 1 && c.CreatedAt == at && c.UpdatedAt == at && c.AssignedWorkerId == null);
        Children.Select(c => c.Id).Concat(Population.Value.Select(h => h.Household.Id)).Distinct().Count().ShouldBe(20_000 + Population.Value.Count);
    }

    [Fact]
    public void Kinship_and_foster_children_have_their_carer_as_guardian()
    {
        var cared = Children.Where(c => c.CareArrangement is CareArrangement.Kinship or CareArrangement.Foster).ToList();
        cared.ShouldNotBeEmpty();
        cared.ShouldAllBe(c => c.Guardians.Count >= 1 && c.Guardians.All(g => g.ChildId == c.Id));
        Children.Where(c => c.CareArrangement == CareArrangement.Parents).ShouldAllBe(c => c.Guardians.Count == 0);
    }

    [Fact]
    public void Names_pass_the_registry_validation_rules()
    {
        static bool Valid(string? s) => s is null || s.All(ch => char.IsLetter(ch) || ch is ' ' or '-' or '\'' or '’' or '.');
        Children.Where(c => !(Valid(c.GivenName) && Valid(c.Surname) && Valid(c.Patronymic) && c.Surname.Length <= 100)).ShouldBeEmpty();
    }

    [Fact]
    public void Minimum_children_per_district_are_honoured()
    {
        var data = SyntheticPopulation.Generate(300, 11, Units, Today, 1, new Dictionary<string, int> { ["C-SIR"] = 60, ["C-GAN"] = 60 }).SelectMany(h => h.Children).ToList();
        data.Count.ShouldBe(300);
        data.Count(c => c.DistrictCode == "C-SIR").ShouldBeGreaterThanOrEqualTo(60);
        data.Count(c => c.DistrictCode == "C-GAN").ShouldBeGreaterThanOrEqualTo(60);
        Should.Throw<ArgumentException>(() => SyntheticPopulation.Generate(10, 1, Units, Today, 1, new Dictionary<string, int> { ["C-BAK"] = 5 }));
    }

    [Theory]
    [InlineData("Məmmədov", "Mamedov", "Мамедов", "Mammadov")]
    [InlineData("Əliyev", "Aliev", "Алиев", "Aliyev")]
    [InlineData("Hüseynov", "Guseynov", "Гусейнов", "Huseynov")]
    [InlineData("Cəfərov", "Dzhafarov", "Джафаров", "Jafarov")]
    public void Surnames_are_transliterated_the_way_old_records_wrote_them(string native, string russianLatin, string cyrillic, string englishLatin)
    {
        var surname = NameLists.Surnames.Single(s => s.Male == native);
        Spellings.Surname(surname, false, SpellingStyle.RussianLatin).ShouldBe(russianLatin);
        Spellings.Surname(surname, false, SpellingStyle.Cyrillic).ShouldBe(cyrillic);
        Spellings.Surname(surname, false, SpellingStyle.EnglishLatin).ShouldBe(englishLatin);
        Spellings.Surname(surname, true, SpellingStyle.Cyrillic).ShouldBe(cyrillic + "а");
    }

    [Theory]
    [InlineData("Elvin", "Эльвин")]
    [InlineData("Aysel", "Айсель")]
    [InlineData("Günay", "Гюнай")]
    [InlineData("Nicat", "Ниджат")]
    [InlineData("Hüseyn", "Гусейн")]
    [InlineData("Səbinə", "Сабина")]
    [InlineData("Yusif", "Юсиф")]
    [InlineData("Ülviyyə", "Ульвия")]
    public void Given_names_are_written_in_cyrillic_as_russian_clerks_did(string native, string cyrillic) =>
        Spellings.GivenName(native, SpellingStyle.Cyrillic).ShouldBe(cyrillic);

    [Fact]
    public void The_name_lists_are_large_enough()
    {
        NameLists.Boys.Length.ShouldBeGreaterThanOrEqualTo(60);
        NameLists.Girls.Length.ShouldBeGreaterThanOrEqualTo(60);
        NameLists.Surnames.Length.ShouldBeGreaterThanOrEqualTo(80);
        NameLists.Boys.Select(n => n.Name).Distinct().Count().ShouldBe(NameLists.Boys.Length);
        NameLists.Girls.Select(n => n.Name).Distinct().Count().ShouldBe(NameLists.Girls.Length);
        NameLists.Surnames.Select(n => n.Male).Distinct().Count().ShouldBe(NameLists.Surnames.Length);
    }

    [Fact]
    public void Every_district_of_the_reference_file_has_a_population_weight()
    {
        var leaves = Units.Where(u => u.IsLeafDistrict).Select(u => u.Code).ToList();
        leaves.Where(code => !SyntheticPopulation.PopulationWeights.ContainsKey(code)).ShouldBeEmpty();
    }
}
