using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Himaya.Platform;
using Shouldly;

namespace Himaya.Tests.Infrastructure;

public sealed class XlsxTableTests
{
    private sealed record Read(string Reference, CellValues? Type, string? Value, bool Bold);

    /// <summary>Every sheet's cells as stored, read with the OpenXML SDK, not with the writer's own code.</summary>
    private static List<(string Name, List<List<Read>> Rows, bool Frozen)> ReadBack(byte[] file, out int problems)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(file), false);
        problems = new OpenXmlValidator().Validate(doc).Count();
        var book = doc.WorkbookPart!;
        var formats = book.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = book.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ToList();
        bool Bold(Cell c) => fonts[(int)formats[(int)(c.StyleIndex?.Value ?? 0)].FontId!.Value].Bold is not null;
        return [.. book.Workbook.Sheets!.Elements<Sheet>().Select(s =>
        {
            var ws = ((WorksheetPart)book.GetPartById(s.Id!)).Worksheet;
            var rows = ws.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => new Read(c.CellReference!.Value!, c.DataType?.Value,
                c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text, Bold(c))).ToList()).ToList();
            var pane = ws.Descendants<Pane>().SingleOrDefault();
            return (s.Name!.Value!, rows, pane?.State?.Value == PaneStateValues.Frozen && pane.VerticalSplit?.Value == 1);
        })];
    }

    [Fact]
    public void Numbers_are_number_cells_text_is_text_and_the_header_is_bold_and_stays_in_view()
    {
        var file = XlsxTable.Write(
            new XlsxSheet("Statistika", ["Rayon", "Say", "Pay", "Gizlədilib"], [
                ["Gəncə", 12, 0.25, false],
                ["  Şəki ", null, double.NaN, true],
                ["x", 3.5m, 1234567890123L, new DateOnly(2025, 3, 1)],
            ]),
            new XlsxSheet("Haqqında", [], [["Cəmi", 15]]));

        var sheets = ReadBack(file, out var problems);
        problems.ShouldBe(0);
        sheets.Select(s => s.Name).ShouldBe(["Statistika", "Haqqında"]);

        var (_, rows, frozen) = sheets[0];
        frozen.ShouldBeTrue();
        rows[0].Select(c => c.Value).ShouldBe(["Rayon", "Say", "Pay", "Gizlədilib"]);
        rows[0].ShouldAllBe(c => c.Bold && c.Type == CellValues.InlineString);
        rows[0].Select(c => c.Reference).ShouldBe(["A1", "B1", "C1", "D1"]);

        rows[1].ShouldAllBe(c => !c.Bold);
        rows[1].ShouldBe([
            new Read("A2", CellValues.InlineString, "Gəncə", false), new Read("B2", null, "12", false),
            new Read("C2", null, "0.25", false), new Read("D2", CellValues.Boolean, "0", false),
        ]);
        // Null and NaN are empty cells; surrounding spaces are kept.
        rows[2].ShouldBe([
            new Read("A3", CellValues.InlineString, "  Şəki ", false), new Read("B3", null, null, false),
            new Read("C3", null, null, false), new Read("D3", CellValues.Boolean, "1", false),
        ]);
        rows[3].Select(c => (c.Type, c.Value)).ShouldBe([
            (CellValues.InlineString, "x"), (null, "3.5"), (null, "1234567890123"), (CellValues.InlineString, "2025-03-01"),
        ]);

        var (_, about, aboutFrozen) = sheets[1];
        aboutFrozen.ShouldBeFalse();
        about.Single().Select(c => (c.Reference, c.Value, c.Bold)).ShouldBe([("A1", "Cəmi", false), ("B1", "15", false)]);
    }

    [Fact]
    public void Columns_are_named_as_spreadsheets_name_them()
    {
        new[] { 0, 25, 26, 51, 701, 702 }.Select(XlsxTable.Column).ShouldBe(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("[x]")]
    [InlineData("thirty-two characters long name!")]
    public void A_sheet_name_excel_would_refuse_is_refused_here(string name)
    {
        Should.Throw<ArgumentException>(() => XlsxTable.Write(new XlsxSheet(name, ["a"], [])));
    }
}
