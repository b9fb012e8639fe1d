using System.Text;
using Himaya.Deprivation;

namespace Himaya.Tests.Deprivation;

/// <summary>Frameworks and child files: what is accepted, and bad input named by path, line and column.</summary>
public sealed class InputTests
{
    private static (ChildTable? Table, IReadOnlyList<string> Errors) Read(string text, string[] indicators, string? weight = null, params string[] by) =>
        ChildTableCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), indicators, new ChildTableCsv.Options(WeightColumn: weight, GroupColumns: by));

    [Fact]
    public void A_framework_reads_weights_aggregation_and_the_missing_rule()
    {
        var (f, errors) = Framework.Parse("""
            {"name":"Azerbaijan 5-17","version":2,"missing":"observed",
             "dimensions":[{"name":"health","weight":2,"indicators":["a","b"],"aggregation":"intersection"},{"name":"water","indicators":["c"]}]}
            """);
        errors.ShouldBeEmpty();
        f!.Missing.ShouldBe(MissingRule.Observed);
        (f.Name, f.Version).ShouldBe(("Azerbaijan 5-17", "2"));
        f.Dimensions[0].Aggregation.ShouldBe(Aggregation.Intersection);
        f.Dimensions[1].Aggregation.ShouldBe(Aggregation.Union);
        f.NormalisedWeights.ShouldBe([2.0 / 3, 1.0 / 3], tolerance: 1e-15);
        f.Indicators.ShouldBe(["a", "b", "c"]);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "$: expected an object")]
    [InlineData("""{"dimensions":[]}""", "$.dimensions: a non-empty list")]
    [InlineData("""{"dimensions":[{"name":"h","indicators":["a"]}],"missing":"sometimes"}""", "$.missing: must be \"drop\" or \"observed\"")]
    [InlineData("""{"dimensions":[{"indicators":["a"]}]}""", "$.dimensions[0].name: required")]
    [InlineData("""{"dimensions":[{"name":"h","indicators":["a"]},{"name":"h","indicators":["b"]}]}""", "$.dimensions[1].name: \"h\" is named twice")]
    [InlineData("""{"dimensions":[{"name":"h","weight":0,"indicators":["a"]}]}""", "$.dimensions[0].weight: must be a number above 0")]
    [InlineData("""{"dimensions":[{"name":"h","weight":"1","indicators":["a"]}]}""", "$.dimensions[0].weight: must be a number above 0")]
    [InlineData("""{"dimensions":[{"name":"h","indicators":[]}]}""", "$.dimensions[0].indicators: a non-empty list")]
    [InlineData("""{"dimensions":[{"name":"h","indicators":["a","a"]}]}""", "$.dimensions[0].indicators[1]: \"a\" is listed twice")]
    [InlineData("""{"dimensions":[{"name":"h","indicators":["a"],"aggregation":"mean"}]}""", "$.dimensions[0].aggregation")]
    [InlineData("""{"dimensions":[{"name":"h","indicators":["a"],"threshold":0.5}]}""", "$.dimensions[0].threshold: only for")]
    [InlineData("""{"dimensions":[{"name":"h","indicators":["a"],"aggregation":"weighted","threshold":1.5}]}""", "$.dimensions[0].threshold: a share")]
    [InlineData("""{"dimensions":[{"name":"h","indicators":[{"name":"a","weight":0}]}]}""", "$.dimensions[0].indicators[0].weight: must be a number above 0")]
    [InlineData("""{"dimensions":[{"name":"h","indicators":[{"weight":2}]}]}""", "$.dimensions[0].indicators[0]: must be a column name")]
    public void A_bad_framework_is_refused_naming_where(string json, string expected)
    {
        var (f, errors) = Framework.Parse(json);
        f.ShouldBeNull();
        errors.ShouldContain(e => e.Contains(expected, StringComparison.Ordinal), string.Join(" | ", errors));
    }

    [Fact]
    public void Quoted_fields_line_breaks_crlf_and_a_byte_order_mark_are_read()
    {
        var text = "\uFEFFid,a,\"district\",w\r\n" +
                   "1,1,\"Bakı, Nəsimi\",1.5\r\n" +
                   "\"2\",0,\"say \"\"hi\"\"\nsecond line\",2\r\n" +
                   "\r\n" + // a blank line is skipped
                   "3,,Gəncə,1e0\r\n" +
                   "4,NA,Gəncə,0\n" +
                   "5,.,\"Bakı, Nəsimi\",3"; // no newline at the end
        var (t, errors) = Read(text, ["a"], "w", "district");
        errors.ShouldBeEmpty();
        t!.Count.ShouldBe(5);
        t.Indicators[0][..5].ShouldBe(new sbyte[] { 1, 0, -1, -1, -1 });
        t.Weights![..5].ShouldBe([1.5, 2, 1, 0, 3]);
        // Labels in ordinal order, codes numbered accordingly.
        t.GroupLabels[0].ShouldBe(["Bakı, Nəsimi", "Gəncə", "say \"hi\"\nsecond line"]);
        t.GroupCodes[0][..5].ShouldBe([0, 2, 1, 1, 0]);
    }

    [Fact]
    public void Indicators_written_as_floats_booleans_or_named_missing_values_are_read()
    {
        // pandas writes an integer column with gaps as 1.0/0.0, booleans as True/False, and may write NaN.
        var (t, errors) = Read("id,a\n1,1.0\n2,0.0\n3,True\n4,false\n5,NaN\n6,N/A\n7,\n8,1e0\n", ["a"]);
        errors.ShouldBeEmpty();
        t!.Indicators[0][..8].ShouldBe(new sbyte[] { 1, 0, 1, 0, -1, -1, -1, 1 });
        Read("id,a\n1,0.5\n", ["a"]).Errors.ShouldBe(["line 2, column \"a\": \"0.5\" is not 1 (deprived), 0 (not deprived) or empty (missing)"]);
    }

    [Fact]
    public void A_byte_order_mark_before_a_quoted_header_is_not_part_of_the_column_name()
    {
        var (t, errors) = Read("\uFEFF\"id\",\"a\"\n1,1\n", ["a"]);
        errors.ShouldBeEmpty();
        t!.Count.ShouldBe(1);
    }

    [Fact]
    public void Every_problem_is_named_by_line_and_column_and_nothing_is_returned()
    {
        var text = "id,a,b,w\n" +
                   "1,1,0,1\n" +
                   "2,\"x,\ny\",0,1\n" + // a quoted value over two lines (lines 3-4)
                   "3,2,0,1\n" +         // line 5
                   "3,1,0,-1\n" +        // line 6: the id again, a negative weight
                   "4,1,0\n";            // line 7: a field short
        var (t, errors) = Read(text, ["a", "b"], "w");
        t.ShouldBeNull();
        errors.ShouldBe([
            "line 3, column \"a\": \"x,\ny\" is not 1 (deprived), 0 (not deprived) or empty (missing)",
            "line 5, column \"a\": \"2\" is not 1 (deprived), 0 (not deprived) or empty (missing)",
            "line 6, column \"id\": the id \"3\" appears on an earlier line too",
            "line 6, column \"w\": \"-1\" is not a sampling weight (a number, 0 or more)",
            "line 7: 3 fields where the header has 4",
        ]);
    }

    [Fact]
    public void Missing_columns_are_named_before_any_row_is_read()
    {
        var (t, errors) = Read("id,a\n1,1\n", ["a", "b"], "weight", "district");
        t.ShouldBeNull();
        errors.ShouldBe([
            "the framework's indicator \"b\" is not a column of the file",
            "the weight column \"weight\" is not in the file",
            "the grouping column \"district\" is not in the file",
        ]);
        Read("", ["a"]).Errors.ShouldBe(["the file is empty: a header row is expected"]);
        Read("id,a\n", ["a"]).Errors.ShouldBe(["the file has a header but no rows"]);
        Read("i,a\n1,1\n", ["a"]).Errors.ShouldBe(["no \"id\" column (one row per child, with an id)"]);
    }

    [Fact]
    public void A_file_larger_than_the_read_buffer_is_read_whole_across_its_boundaries()
    {
        // Rows of varying length with quoted, multi-line values, so that rows and quotes straddle the 1 MB buffer.
        var sb = new StringBuilder("id,a,g\n");
        const int rows = 60_000;
        for (var i = 0; i < rows; i++) sb.Append(i).Append(',').Append(i % 3 == 0 ? "" : (i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(",\"grp ").Append(i % 7).Append(i % 11 == 0 ? "\n\"\"x\"\"" : "").Append(new string('.', i % 13)).Append("\"\n");
        var (t, errors) = Read(sb.ToString(), ["a"], null, "g");
        errors.ShouldBeEmpty();
        t!.Count.ShouldBe(rows);
        for (var i = 0; i < rows; i++)
        {
            t.Indicators[0][i].ShouldBe((sbyte)(i % 3 == 0 ? -1 : i % 2));
            t.GroupLabels[0][t.GroupCodes[0][i]].ShouldBe("grp " + (i % 7) + (i % 11 == 0 ? "\n\"x\"" : "") + new string('.', i % 13));
        }
    }
}
