using Himaya.Linkage.Linking;

namespace Himaya.Tests.Linkage;

public class SimilarityTests
{
    [Theory]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dwayne", "duane", 0.840)]
    [InlineData("dixon", "dicksonx", 0.813)]
    [InlineData("abc", "abc", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    public void Jaro_Winkler_matches_the_published_values(string a, string b, double expected) =>
        Similarity.JaroWinkler(a, b).ShouldBe(expected, 0.001);

    [Theory]
    [InlineData("AA1234567", "AA1234567", true)]
    [InlineData("AA1234567", "AA1234568", true)]
    [InlineData("AA1234567", "AA1243567", true)]
    [InlineData("AA1234567", "AA123456", true)]
    [InlineData("AA1234567", "AA12345678", true)]
    [InlineData("AA1234567", "AA1234598", false)]
    [InlineData("AA1234567", "AB1234568", false)]
    public void One_edit_allows_one_insertion_deletion_substitution_or_swap(string a, string b, bool expected) =>
        Similarity.WithinOneEdit(a, b).ShouldBe(expected);
}

public class NameKeysTests
{
    [Theory]
    [InlineData("mamadov", "mamad")]
    [InlineData("mamadova", "mamad")]
    [InlineData("mamadli", "mamad")]
    [InlineData("kuseynzada", "kuseyn")]
    [InlineData("aliyev", "ali")]
    [InlineData("aliev", "ali")]
    [InlineData("aliyeva", "ali")]
    [InlineData("ali", "ali")]
    [InlineData("nurlan", "nurlan")]
    public void Stem_drops_the_family_name_ending(string folded, string stem) => NameKeys.Stem(folded).ShouldBe(stem);

    [Fact]
    public void Skeleton_keeps_the_first_letter_and_the_consonants_once() => NameKeys.Skeleton("mammad").ShouldBe("md");
}

public class ComparisonTests
{
    private static PreparedField Field(FieldKind kind, params string?[] values) => new(new FieldSpec("f", kind), values);

    [Theory]
    [InlineData("Məmmədov", "Mamedov", 5)]
    [InlineData("Məmmədov", "Məmmədli", 4)]
    [InlineData("Hüseynov", "Huseynof", 3)]
    [InlineData("Əli", "Əliağa", 2)]
    [InlineData("Nərmin", "Nərgiz", 1)]
    [InlineData("Orxan", "Samirə", 0)]
    [InlineData("Orxan", "", Comparisons.Missing)]
    public void Names_compare_by_folded_exact_stem_similarity_and_prefix(string a, string b, int level) =>
        Comparisons.Compare(Field(FieldKind.Surname, a, b), 0, 1).ShouldBe(level);

    [Theory]
    [InlineData("2015-03-07", "2015-03-07", 4)]
    [InlineData("2015-03-07", "2015-07-03", 3)]
    [InlineData("2015-03-07", "2015-03-09", 2)]
    [InlineData("2015-03-07", "2016-03-07", 2)]
    [InlineData("2015-03-07", "2015-11-20", 1)]
    [InlineData("2015-03-07", "2011-12-30", 0)]
    [InlineData("2015-03-07", "not a date", Comparisons.Missing)]
    public void Dates_compare_exact_swapped_one_field_off_within_a_year(string a, string b, int level) =>
        Comparisons.Compare(Field(FieldKind.Date, a, b), 0, 1).ShouldBe(level);

    [Fact]
    public void An_unreadable_date_is_reported_with_its_row_and_column()
    {
        var f = new PreparedField(new FieldSpec("dob", FieldKind.Date, "yyyyMMdd"), ["20150307", "2015-03-07"]);
        f.ProblemCount.ShouldBe(1);
        f.Problems[0].ShouldContain("row 3, column dob");
    }

    [Theory]
    [InlineData("M", "male", 1)]
    [InlineData("F", "qadın", 1)]
    [InlineData("F", "M", 0)]
    public void Sex_codes_are_normalised(string a, string b, int level) => Comparisons.Compare(Field(FieldKind.Sex, a, b), 0, 1).ShouldBe(level);

    [Fact]
    public void Patronymics_compare_without_the_son_of_or_daughter_of_word() =>
        Comparisons.Compare(Field(FieldKind.Patronymic, "Rəşad oğlu", "Рашадович"), 0, 1).ShouldBe(5);
}

public class LinkConfigTests
{
    [Fact]
    public void The_issue_example_parses()
    {
        var (config, errors) = LinkConfig.Parse("""
            {"id":"rec_id","fields":[{"column":"given_name","kind":"name"},{"column":"surname","kind":"name"},
            {"column":"date_of_birth","kind":"date","format":"yyyyMMdd"},{"column":"soc_sec_id","kind":"id"},
            {"column":"postcode","kind":"exact"},{"column":"address_1","kind":"text"}]}
            """);
        errors.ShouldBeEmpty();
        config!.Id.ShouldBe("rec_id");
        config.Fields.Select(f => f.Kind).ShouldBe([FieldKind.Name, FieldKind.Name, FieldKind.Date, FieldKind.Id, FieldKind.Exact, FieldKind.Text]);
        config.Fields[2].Format.ShouldBe("yyyyMMdd");
    }

    [Theory]
    [InlineData("{", "config: not valid JSON")]
    [InlineData("""{"fields":[{"column":"a","kind":"name"}]}""", "id: is required")]
    [InlineData("""{"id":"x","fields":[]}""", "fields: must be a non-empty array")]
    [InlineData("""{"id":"x","fields":[{"column":"a","kind":"nmae"}]}""", "fields[0].kind: unknown kind \"nmae\"")]
    [InlineData("""{"id":"x","fields":[{"column":"a","kind":"date","format":"qq"}]}""", "fields[0].format:")]
    [InlineData("""{"id":"x","fields":[{"column":"a","kind":"name","format":"yyyy"}]}""", "fields[0].format: only a date field")]
    [InlineData("""{"id":"x","fields":[{"column":"a","kind":"name"},{"column":"a","kind":"name"}]}""", "fields[1].column: \"a\" is listed twice")]
    [InlineData("""{"id":"x","fields":[{"column":"a","kind":"name"}],"threshold":1.5}""", "threshold: must be a probability")]
    [InlineData("""{"id":"x","fields":[{"column":"a","kind":"name"}],"blocking":[["b"]]}""", "blocking[0]: \"b\" is not one of the compared fields")]
    public void A_bad_config_is_refused_with_the_path_of_the_problem(string json, string expected)
    {
        var (config, errors) = LinkConfig.Parse(json);
        config.ShouldBeNull();
        errors.ShouldContain(e => e.Contains(expected, StringComparison.Ordinal));
    }
}

public class CsvTests
{
    [Fact]
    public void Quoted_fields_doubled_quotes_and_line_breaks_round_trip()
    {
        var w = new StringWriter();
        Csv.WriteRow(w, "id", "text");
        Csv.WriteRow(w, "1", "a, \"b\"\nc");
        Csv.WriteRow(w, "2", "plain");
        var (header, rows, errors) = Csv.Read(new StringReader("\uFEFF" + w));
        errors.ShouldBeEmpty();
        header.ShouldBe(["id", "text"]);
        rows.Select(r => r[1]).ShouldBe(["a, \"b\"\nc", "plain"]);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_an_error_naming_its_line()
    {
        var (_, rows, errors) = Csv.Read(new StringReader("a,b\r\n1,2\r\n3\r\n4,5\r\n"));
        rows.Count.ShouldBe(2);
        errors.ShouldBe(["line 3: 1 fields where the header has 2"]);
    }
}
