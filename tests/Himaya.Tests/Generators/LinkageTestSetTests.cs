using System.Globalization;
using System.Text;
using Himaya.Generators;
using Himaya.Linkage;
using Rates = Himaya.Generators.CorruptionRates;

namespace Himaya.Tests.Generators;

public sealed class LinkageTestSetTests
{
    /// <summary>One shared 20,000-row set (4,000 copies) for the statistical checks; it takes a few tens of milliseconds.</summary>
    private static readonly Lazy<GeneratedSet> Set = new(() => LinkageTestSet.GenerateDedup(20_000, 0.2, 42));

    private static readonly HashSet<string> LeafDistricts = [.. Places.Bundled.Where(u => u.IsLeafDistrict).Select(u => u.Code)];

    /// <summary>Every copy with its clean original (the entity's one row that is not a copy).</summary>
    private static readonly Lazy<List<(TestRecord Copy, TestRecord Original, Corruption Applied)>> Copies = new(() =>
    {
        var s = Set.Value;
        var originals = s.Rows.Where((_, i) => !s.IsCopy[i]).ToDictionary(r => r.EntityId);
        return [.. s.Rows.Select((r, i) => (r, i)).Where(x => s.IsCopy[x.i]).Select(x => (x.r, originals[x.r.EntityId], s.Corruptions[x.i]))];
    });

    private static List<TestRecord> CleanRows => [.. Set.Value.Rows.Where((_, i) => !Set.Value.IsCopy[i])];

    internal static string Csv(IEnumerable<TestRecord> rows, bool labels = false)
    {
        var w = new StringWriter();
        if (labels) LinkageTestSet.WriteLabels(w, rows); else LinkageTestSet.WriteCsv(w, rows);
        return w.ToString();
    }

    // ------------------------------------------------------------------ determinism and counts

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_labels_and_another_seed_other_ones()
    {
        var first = LinkageTestSet.Dedup(3_000, 0.2, 7);
        var second = LinkageTestSet.Dedup(3_000, 0.2, 7);
        Csv(second).ShouldBe(Csv(first));
        Csv(second, labels: true).ShouldBe(Csv(first, labels: true));

        var other = LinkageTestSet.Dedup(3_000, 0.2, 8);
        Csv(other).ShouldNotBe(Csv(first));
        var finsA = first.Select(r => r.Fin).Where(f => f.Length > 0).ToHashSet();
        other.Count(r => finsA.Contains(r.Fin)).ShouldBeLessThan(5); // a different FIN key per seed

        var (a1, b1) = LinkageTestSet.Link(1_000, 800, 0.5, 3);
        var (a2, b2) = LinkageTestSet.Link(1_000, 800, 0.5, 3);
        (Csv(a2) + Csv(b2)).ShouldBe(Csv(a1) + Csv(b1));
    }

    [Theory]
    [InlineData(20_000, 0.2)]
    [InlineData(1_001, 0.1)]
    [InlineData(500, 0.5)]
    [InlineData(3, 0.5)]
    [InlineData(1, 0.5)]
    [InlineData(400, 0)]
    [InlineData(0, 0.2)]
    public void Exactly_the_requested_rows_and_copies_are_generated(int records, double share)
    {
        var rows = records == 20_000 && share == 0.2 ? Set.Value.Rows : LinkageTestSet.Dedup(records, share, 1);
        rows.Count.ShouldBe(records);
        var copies = (int)Math.Round(records * share);
        (rows.Count - rows.Select(r => r.EntityId).Distinct().Count()).ShouldBe(copies);
        rows.Select(r => r.RecId).Distinct().Count().ShouldBe(records);
        rows.Select((r, i) => r.RecId == "r" + (i + 1).ToString("D7", CultureInfo.InvariantCulture)).ShouldAllBe(ok => ok);
    }

    [Fact]
    public void Most_copied_children_have_one_copy_and_some_two_or_three()
    {
        var perEntity = Copies.Value.GroupBy(c => c.Copy.EntityId).Select(g => g.Count()).ToList();
        perEntity.Max().ShouldBe(3);
        (perEntity.Count(n => n == 1) / (double)perEntity.Count).ShouldBeInRange(0.75, 0.85);
        (perEntity.Count(n => n == 2) / (double)perEntity.Count).ShouldBeInRange(0.11, 0.19);
        Set.Value.CopiedEntities.ShouldBe(perEntity.Count);
    }

    [Fact]
    public void Rows_are_shuffled_so_copies_are_not_at_the_end()
    {
        var s = Set.Value;
        var firstHalfCopies = s.IsCopy.Take(10_000).Count(c => c);
        firstHalfCopies.ShouldBeInRange(1_800, 2_200);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => LinkageTestSet.Dedup(-1, 0.2, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => LinkageTestSet.Dedup(100, 0.6, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => LinkageTestSet.Dedup(100, double.NaN, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => LinkageTestSet.Link(100, 300, 0.5, 1)); // 150 copies of 100 rows
        Should.Throw<ArgumentOutOfRangeException>(() => LinkageTestSet.Link(100, 100, 1.5, 1));
    }

    // ------------------------------------------------------------------ link mode

    [Fact]
    public void Link_mode_gives_a_clean_a_and_a_b_whose_overlap_copies_distinct_a_children()
    {
        var (a, b) = LinkageTestSet.GenerateLink(5_000, 3_000, 0.4, 11);
        a.Rows.Length.ShouldBe(5_000);
        b.Rows.Length.ShouldBe(3_000);
        a.Rows.Select(r => r.EntityId).Distinct().Count().ShouldBe(5_000);
        b.Rows.Select(r => r.EntityId).Distinct().Count().ShouldBe(3_000);
        a.Rows.ShouldAllBe(r => r.RecId.StartsWith('a') && r.RecId.Length == 8);
        b.Rows.ShouldAllBe(r => r.RecId.StartsWith('b') && r.RecId.Length == 8);

        var inA = a.Rows.ToDictionary(r => r.EntityId);
        var overlap = b.Rows.Where(r => inA.ContainsKey(r.EntityId)).ToList();
        overlap.Count.ShouldBe(1_200);
        b.IsCopy.Count(c => c).ShouldBe(1_200);
        b.CopiedEntities.ShouldBe(1_200);
        overlap.ShouldAllBe(r => r.Fin.Length == 0 || inA[r.EntityId].Fin.Length == 0 || r.Fin == inA[r.EntityId].Fin);

        // B's new children include siblings of A's: same surname, patronymic and district, another child.
        var families = a.Rows.Where(r => r.Patronymic.Length > 0).Select(r => (r.Surname, r.Patronymic, r.District)).ToHashSet();
        b.Rows.Where(r => !inA.ContainsKey(r.EntityId)).Count(r => families.Contains((r.Surname, r.Patronymic, r.District))).ShouldBeGreaterThan(100);

        var (_, none) = LinkageTestSet.Link(10, 10, 0, 1);
        none.Count.ShouldBe(10);
    }

    // ------------------------------------------------------------------ the clean population

    [Fact]
    public void Clean_rows_are_children_under_18_on_the_reference_date_with_valid_fields()
    {
        var earliest = LinkageTestSet.ReferenceDate.AddYears(-18);
        foreach (var r in Set.Value.Rows)
        {
            var dob = DateOnly.ParseExact(r.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture); // copies too: always a real date
            dob.ShouldBeLessThanOrEqualTo(LinkageTestSet.ReferenceDate);
            r.Sex.ShouldBeOneOf("M", "F");
            LeafDistricts.ShouldContain(r.District);
            r.GivenName.Length.ShouldBeGreaterThan(1);
            r.Surname.Length.ShouldBeGreaterThan(1);
        }
        CleanRows.ShouldAllBe(r => DateOnly.ParseExact(r.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture) > earliest);
        var years = CleanRows.GroupBy(r => r.DateOfBirth[..4]).ToDictionary(g => g.Key, g => g.Count());
        years.Count.ShouldBeGreaterThanOrEqualTo(18);
    }

    [Fact]
    public void About_sixty_percent_of_clean_rows_have_a_fin_and_every_fin_is_valid_and_belongs_to_one_child()
    {
        (CleanRows.Count(r => r.Fin.Length > 0) / (double)CleanRows.Count).ShouldBeInRange(0.57, 0.63);
        foreach (var r in Set.Value.Rows.Where(r => r.Fin.Length > 0))
        {
            Fin.TryNormalise(r.Fin, out var normalised).ShouldBeTrue();
            normalised.ShouldBe(r.Fin);
        }
        var rows = Set.Value.Rows.Where(r => r.Fin.Length > 0).ToList();
        rows.GroupBy(r => r.EntityId).ShouldAllBe(g => g.Select(r => r.Fin).Distinct().Count() == 1); // never a conflicting FIN
        rows.GroupBy(r => r.Fin).ShouldAllBe(g => g.Select(r => r.EntityId).Distinct().Count() == 1); // never shared by two children
    }

    [Fact]
    public void Names_look_like_azerbaijani_children_with_common_names_common_and_surnames_matching_sex()
    {
        var clean = CleanRows;
        (clean.Count(r => r.Sex == "M") / (double)clean.Count).ShouldBeInRange(0.50, 0.54);
        var native = clean.Where(r => r.Patronymic.EndsWith(" oğlu", StringComparison.Ordinal) || r.Patronymic.EndsWith(" qızı", StringComparison.Ordinal)).ToList();
        (1 - native.Count / (double)clean.Count).ShouldBeInRange(0.035, 0.065); // ~5 % written in an old spelling
        native.ShouldAllBe(r => r.Patronymic.EndsWith(r.Sex == "M" ? " oğlu" : " qızı", StringComparison.Ordinal));
        native.Where(r => r.Sex == "M").ShouldAllBe(r => !r.Surname.EndsWith('a') && !r.Surname.EndsWith("ə", StringComparison.Ordinal) || r.Surname.EndsWith("zadə", StringComparison.Ordinal));
        native.Where(r => r.Sex == "F" && (r.Surname.EndsWith('v') || r.Surname.EndsWith('a'))).ShouldAllBe(r => r.Surname.EndsWith("ova", StringComparison.Ordinal) || r.Surname.EndsWith("eva", StringComparison.Ordinal));

        var given = native.GroupBy(r => r.GivenName).ToDictionary(g => g.Key, g => g.Count());
        given.GetValueOrDefault("Əli").ShouldBeGreaterThan(3 * given.GetValueOrDefault("Tofiq"));
        given.GetValueOrDefault("Zəhra").ShouldBeGreaterThan(3 * given.GetValueOrDefault("Zərifə"));
        var surnames = native.GroupBy(r => r.Surname).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(4).ToList();
        surnames.ShouldContain(s => s.StartsWith("Məmməd", StringComparison.Ordinal) || s.StartsWith("Əliyev", StringComparison.Ordinal));
        native.ShouldContain(r => r.Surname.EndsWith("li", StringComparison.Ordinal) || r.Surname.EndsWith("lı", StringComparison.Ordinal));
        native.ShouldContain(r => r.Surname.EndsWith("zadə", StringComparison.Ordinal));
        (clean.Count(r => r.District.StartsWith("BAK-", StringComparison.Ordinal)) / (double)clean.Count).ShouldBeInRange(0.18, 0.32);
    }

    [Fact]
    public void Siblings_and_twins_are_different_children_sharing_surname_patronymic_and_district()
    {
        var families = CleanRows.GroupBy(r => (r.Surname, r.Patronymic, r.District)).Where(g => g.Count() > 1).ToList();
        (families.Sum(g => g.Count()) / (double)CleanRows.Count).ShouldBeGreaterThan(0.5);
        families.ShouldAllBe(g => g.Select(r => r.EntityId).Distinct().Count() == g.Count());

        var twins = CleanRows.GroupBy(r => (r.Surname, r.Patronymic, r.District, r.DateOfBirth)).Where(g => g.Count() > 1).ToList();
        twins.Count.ShouldBeGreaterThan(50);
        // Twins get different names (coincidental namesakes born the same day in a district would be a linker's nightmare, but rare).
        (twins.Count(g => g.Select(r => r.GivenName).Distinct().Count() == g.Count()) / (double)twins.Count).ShouldBeGreaterThan(0.95);
    }

    // ------------------------------------------------------------------ corruptions

    [Fact]
    public void Copies_keep_the_entity_id_and_most_differ_from_the_original_in_some_field()
    {
        var copies = Copies.Value;
        copies.Count.ShouldBe(4_000);
        var differing = copies.Count(c => c.Copy with { RecId = "", Fin = "" } != c.Original with { RecId = "", Fin = "" }
            || c.Copy.Fin != c.Original.Fin);
        (differing / (double)copies.Count).ShouldBeInRange(0.78, 0.95);
        copies.ShouldAllBe(c => c.Copy.Sex == c.Original.Sex);
    }

    [Fact]
    public void No_copy_has_more_than_three_corruptions_and_a_field_changes_only_when_a_corruption_says_so()
    {
        const Corruption Names = Corruption.Cyrillic | Corruption.OtherLatin;
        foreach (var (copy, original, applied) in Copies.Value)
        {
            System.Numerics.BitOperations.PopCount((uint)applied).ShouldBeLessThanOrEqualTo(Rates.MaxPerCopy);
            if ((applied & (Names | Corruption.GivenNameTypo | Corruption.GivenNameVariant)) == 0) copy.GivenName.ShouldBe(original.GivenName);
            if ((applied & (Names | Corruption.SurnameTypo | Corruption.SurnameForm)) == 0) copy.Surname.ShouldBe(original.Surname);
            if ((applied & (Names | Corruption.PatronymicTypo | Corruption.PatronymicForm)) == 0) copy.Patronymic.ShouldBe(original.Patronymic);
            if ((applied & (Corruption.DayMonthSwapped | Corruption.DateComponentOff)) == 0) copy.DateOfBirth.ShouldBe(original.DateOfBirth);
            ((applied & Corruption.DistrictMoved) != 0).ShouldBe(copy.District != original.District);
            if ((applied & Corruption.FinMissing) != 0) copy.Fin.ShouldBe("");
            if ((applied & Corruption.Cyrillic) != 0) copy.Surname.ShouldContain(c => c >= '\u0400' && c <= '\u04FF');
        }
    }

    [Fact]
    public void Corrupted_dates_are_a_swap_of_day_and_month_or_one_component_off()
    {
        foreach (var (copy, original, applied) in Copies.Value)
        {
            var o = DateOnly.ParseExact(original.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var c = DateOnly.ParseExact(copy.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if ((applied & Corruption.DayMonthSwapped) != 0)
            {
                o.Day.ShouldBeLessThanOrEqualTo(12);
                c.ShouldBe(new DateOnly(o.Year, o.Day, o.Month));
                c.ShouldNotBe(o);
            }
            if ((applied & Corruption.DateComponentOff) != 0)
            {
                c.ShouldNotBe(o);
                var changed = (c.Year != o.Year ? 1 : 0) + (c.Month != o.Month ? 1 : 0) + (c.Day != o.Day ? 1 : 0);
                (changed == 1 || (c.Month != o.Month && c.Day < o.Day && o.Day > 28)).ShouldBeTrue(); // 31 March − 1 month = 28 February
                Math.Abs(c.DayNumber - o.DayNumber).ShouldBeLessThanOrEqualTo(366);
            }
        }
    }

    [Fact]
    public void Each_corruption_happens_at_about_its_documented_rate()
    {
        var copies = Copies.Value;
        var variants = new HashSet<string>(["Məhəmməd", "Yusif", "İsmayıl", "Mikayıl", "Teymur", "Mirmehdi", "Fatimə", "Gülnar", "Ülviyyə"]);
        static bool Has(Corruption applied, Corruption c) => (applied & c) != 0;
        void Check(Corruption c, double nominal, Func<(TestRecord Copy, TestRecord Original, Corruption Applied), bool> applicable)
        {
            var pool = copies.Where(applicable).ToList();
            var rate = pool.Count(x => Has(x.Applied, c)) / (double)pool.Count;
            // The cap of three corruptions per copy lowers every rate a little (by ~5–10 %); 3 standard errors of sampling.
            var se = Math.Sqrt(nominal * (1 - nominal) / pool.Count);
            rate.ShouldBeInRange(nominal * 0.85 - 3 * se, nominal * 1.05 + 3 * se, $"{c}: {rate:P2} of {pool.Count}, documented {nominal:P0}");
        }

        Check(Corruption.GivenNameTypo, Rates.Typo, _ => true);
        Check(Corruption.SurnameTypo, Rates.Typo, _ => true);
        Check(Corruption.PatronymicTypo, Rates.Typo, x => x.Copy.Patronymic.Length > 0);
        Check(Corruption.Cyrillic, Rates.Cyrillic, _ => true);
        Check(Corruption.OtherLatin, Rates.OtherLatin, _ => true);
        Check(Corruption.PatronymicForm, Rates.PatronymicForm, _ => true);
        Check(Corruption.SurnameForm, Rates.SurnameForm, _ => true);
        Check(Corruption.DayMonthSwapped, Rates.DayMonthSwap, x => int.Parse(x.Original.DateOfBirth[8..], CultureInfo.InvariantCulture) is var d
            && d <= 12 && d != int.Parse(x.Original.DateOfBirth[5..7], CultureInfo.InvariantCulture));
        Check(Corruption.DateComponentOff, Rates.DateComponentOff, _ => true);
        Check(Corruption.FinMissing, Rates.FinMissing, x => x.Copy.Fin.Length > 0 || Has(x.Applied, Corruption.FinMissing));
        Check(Corruption.DistrictMoved, Rates.DistrictMoved, _ => true);
        Check(Corruption.GivenNameVariant, Rates.GivenNameVariant, x => variants.Contains(x.Original.GivenName));

        // Observed without the generator's word for it: a copy of a row with a FIN lacks it ~40 % of the time, ~15 % moved.
        var withFin = copies.Where(x => x.Original.Fin.Length > 0).ToList();
        (withFin.Count(x => x.Copy.Fin.Length == 0) / (double)withFin.Count).ShouldBeInRange(0.32, 0.44);
        (copies.Count(x => x.Copy.District != x.Original.District) / (double)copies.Count).ShouldBeInRange(0.12, 0.17);
    }

    [Fact]
    public void Patronymic_and_surname_changes_use_real_forms_and_never_change_the_sex_of_a_surname()
    {
        var copies = Copies.Value.Where(x => (x.Applied & (Corruption.Cyrillic | Corruption.OtherLatin | Corruption.SurnameTypo)) == 0).ToList();
        var forms = copies.Where(x => (x.Applied & Corruption.PatronymicForm) != 0).Select(x => x.Copy.Patronymic).ToList();
        forms.ShouldContain("");
        forms.ShouldContain(p => p.EndsWith("oviç", StringComparison.Ordinal) || p.EndsWith("ovna", StringComparison.Ordinal));
        forms.ShouldContain(p => p.Length > 0 && !p.Contains(' ', StringComparison.Ordinal) && !p.EndsWith("ovna", StringComparison.Ordinal) && !p.EndsWith("viç", StringComparison.Ordinal));

        var switched = copies.Where(x => (x.Applied & Corruption.SurnameForm) != 0).ToList();
        switched.Count.ShouldBeGreaterThan(100);
        foreach (var (copy, original, _) in switched)
        {
            copy.Surname.ShouldNotBe(original.Surname);
            copy.Surname[..2].ShouldBe(original.Surname[..2]); // same family name, another form
            if (copy.Sex == "M") copy.Surname.ShouldNotEndWith("a");
            else if (copy.Surname.EndsWith('v') || copy.Surname.EndsWith('a')) copy.Surname.ShouldEndWith("a");
        }
        switched.ShouldContain(x => x.Copy.Surname.EndsWith("zadə", StringComparison.Ordinal));
        switched.ShouldContain(x => x.Copy.Surname.EndsWith("li", StringComparison.Ordinal) || x.Copy.Surname.EndsWith("lı", StringComparison.Ordinal)
            || x.Copy.Surname.EndsWith("lu", StringComparison.Ordinal) || x.Copy.Surname.EndsWith("lü", StringComparison.Ordinal));
    }

    [Fact]
    public void Other_spellings_still_fold_to_the_same_key_as_the_original_when_nothing_else_changed()
    {
        var respelt = Copies.Value.Where(x => x.Applied is Corruption.Cyrillic or Corruption.OtherLatin).ToList();
        respelt.Count.ShouldBeGreaterThan(300);
        // Most of them fold together (that is what NameFolding is for); the diacritic-less spelling (ş → s) and a few names do not.
        (respelt.Count(x => NameFolding.Fold(x.Copy.Surname) == NameFolding.Fold(x.Original.Surname)) / (double)respelt.Count).ShouldBeGreaterThan(0.8);
        respelt.ShouldContain(x => x.Copy.Surname.StartsWith("Mamedov", StringComparison.Ordinal) || x.Copy.Surname.StartsWith("Мамедов", StringComparison.Ordinal)
            || x.Copy.Surname.StartsWith("Mammadov", StringComparison.Ordinal));
    }

    [Fact]
    public void A_typo_is_one_edit_that_keeps_the_first_letter_and_the_patronymic_marker()
    {
        var rng = new Rng(5);
        foreach (var name in (string[])["Məmmədov", "Əli", "Гусейнова", "Aliyev", "Rəşad oğlu", "Ab", "Zəhra qızı"])
        {
            for (var i = 0; i < 300; i++)
            {
                var typo = TestSetGenerator.Typos.Apply(name, rng);
                typo.ShouldNotBe(name);
                typo[0].ShouldBe(name[0]);
                Edits(name, typo).ShouldBe(1, $"{name} → {typo}");
                if (name.Contains(' ', StringComparison.Ordinal)) typo[typo.IndexOf(' ', StringComparison.Ordinal)..].ShouldBe(name[name.IndexOf(' ', StringComparison.Ordinal)..]);
                if (name.Any(c => c is >= '\u0400' and <= '\u04FF')) typo.ShouldAllBe(c => c >= '\u0400' && c <= '\u04FF');
                if (name.All(char.IsAscii)) typo.ShouldAllBe(c => char.IsAscii(c));
            }
        }
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transposition).</summary>
    private static int Edits(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    // ------------------------------------------------------------------ CSV

    [Fact]
    public void The_csv_and_labels_files_have_the_exact_headers_and_round_trip_with_quoting()
    {
        var rows = Set.Value.Rows.Take(2_000).Append(new TestRecord("r9999999", "e9999999", "Ann, \"Annie\"", "O'Neil\nSmith", "", "F", "2010-01-02", "", "C-GAN")).ToList();
        var csv = Csv(rows);
        csv.ShouldStartWith("rec_id,given_name,surname,patronymic,sex,date_of_birth,fin,district\n");
        csv.ShouldContain("\"Ann, \"\"Annie\"\"\",\"O'Neil\nSmith\",,F,");
        var parsed = ParseCsv(csv);
        parsed[0].ShouldBe(["rec_id", "given_name", "surname", "patronymic", "sex", "date_of_birth", "fin", "district"]);
        parsed.Count.ShouldBe(rows.Count + 1);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            parsed[i + 1].ShouldBe([r.RecId, r.GivenName, r.Surname, r.Patronymic, r.Sex, r.DateOfBirth, r.Fin, r.District]);
        }
        csv.ShouldNotContain("e0000"); // the truth stays out of the data file

        var labels = ParseCsv(Csv(rows, labels: true));
        labels[0].ShouldBe(["rec_id", "entity_id"]);
        labels.Skip(1).Select(l => (l[0], l[1])).ShouldBe(rows.Select(r => (r.RecId, r.EntityId)));
    }

    /// <summary>A strict RFC 4180 reader, independent of the writer under test.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                for (i++; ; i++)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (text[i] == '"') break;
                    else field.Append(text[i]);
                }
            }
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { fields.Add(field.ToString()); field.Clear(); rows.Add([.. fields]); fields.Clear(); }
            else field.Append(c);
        }
        return rows;
    }
}
