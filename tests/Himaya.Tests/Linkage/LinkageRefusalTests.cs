using Himaya.Features.Linkage;
using Himaya.Linkage.Linking;
using Himaya.Tests.Registry;

namespace Himaya.Tests.Linkage;

/// <summary>A source's mapping and a file that cannot be read are refused by code; the API's English is what it was.</summary>
public sealed class LinkageRefusalTests
{
    [Fact]
    public void A_mapping_is_checked_against_the_files_header()
    {
        var mapping = new SourceMapping
        {
            Columns = new() { ["surname"] = "Soyadı", ["givenName"] = "Adı", ["shoeSize"] = "Ayaq" }, Defaults = new() { ["colour"] = "red" },
            RecordId = "No",
        };
        var e = mapping.Validate(["Soyadı", "Ad"]);
        RegistryRefusalTests.Codes(e).ShouldBe([
            "mapping.columns.givenName: import.no-such-column", "mapping.columns.shoeSize: import.unknown-field",
            "mapping.defaults.colour: import.unknown-default", "mapping.columns.birthDate: import.column-required",
            "mapping.recordId: import.no-such-column",
        ], ignoreOrder: true);
        var m = RegistryRefusalTests.Messages(e);
        m["mapping.columns.givenName"].ShouldBe(["The file has no column \"Adı\"."]);
        m["mapping.columns.shoeSize"].ShouldBe(["Unknown registry field; one of: " + string.Join(", ", SourceMapping.Fields) + "."]);
        m["mapping.columns.birthDate"].ShouldBe(["Map a column to this field: records cannot be matched without it."]);
    }

    [Fact]
    public void Csv_problems_are_values_whose_text_is_unchanged()
    {
        var (_, rows, problems) = Csv.ReadRows(new StringReader("a,b\n1,2\n3\nx,\"open\n"));
        rows.Count.ShouldBe(2); // the open quote runs to the end of the file
        problems.ShouldBe([new CsvProblem(3, 1, 2), new CsvProblem(4)]);
        problems.Select(p => p.ToString()).ShouldBe(["line 3: 1 fields where the header has 2", "line 4: a quoted field is not closed"]);
        LinkageErrors.FieldCount(3, 1, 2).Message.ShouldBe("line 3: 1 fields where the header has 2");
        LinkageErrors.QuoteNotClosed(4).Message.ShouldBe("line 4: a quoted field is not closed");
    }
}
