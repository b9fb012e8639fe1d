using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Himaya.Platform;

/// <summary>One sheet of a workbook: a header row (bold, frozen; none when empty) and the rows under it.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// Tables as an .xlsx workbook, for any feature's download: numbers are number cells (so a spreadsheet sums them),
/// booleans boolean cells, null (or NaN) an empty cell, anything else text (dates as ISO text, so no locale reads them
/// differently). Text is inline, not shared: the files are small and written once.
/// </summary>
public static class XlsxTable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const uint BoldStyle = 1;

    public static byte[] Write(params IReadOnlyList<XlsxSheet> sheets)
    {
        if (sheets.Count == 0) throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            AddStyles(book);
            var list = book.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                CheckName(sheet.Name);
                var part = book.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet);
                list.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }
        }
        return ms.ToArray();
    }

    private static Worksheet Worksheet(XlsxSheet sheet)
    {
        var data = new SheetData();
        uint r = 1;
        if (sheet.Header.Count > 0) data.Append(Row(r++, sheet.Header, BoldStyle));
        foreach (var values in sheet.Rows) data.Append(Row(r++, values, null));
        var ws = new Worksheet();
        // The header stays in view while scrolling.
        if (sheet.Header.Count > 0)
            ws.Append(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { WorkbookViewId = 0 }));
        ws.Append(data);
        return ws;
    }

    private static Row Row(uint index, IReadOnlyList<object?> values, uint? style)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            var cell = Cell(values[c]);
            cell.CellReference = Column(c) + index.ToString(CultureInfo.InvariantCulture);
            if (style is { } s) cell.StyleIndex = s;
            row.Append(cell);
        }
        return row;
    }

    private static Cell Cell(object? v) => v switch
    {
        null => new Cell(),
        double d when !double.IsFinite(d) => new Cell(),
        float f when !float.IsFinite(f) => new Cell(),
        // Excel reads a boolean cell as 1 or 0 only (the SDK's CellValue(bool) writes "true").
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        int or long or short or byte or uint or ulong or double or float or decimal =>
            new Cell { CellValue = new CellValue(Convert.ToString(v, CultureInfo.InvariantCulture)!) },
        DateOnly d => Text(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTime t => Text(t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        DateTimeOffset t => Text(t.ToString("yyyy-MM-dd HH:mm:ssK", CultureInfo.InvariantCulture)),
        _ => Text(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""),
    };

    private static Cell Text(string s) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s) { Space = SpaceProcessingModeValues.Preserve }) };

    /// <summary>A, B, … Z, AA, AB, …</summary>
    internal static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel refuses to open a workbook whose sheet name breaks these rules, so they fail here instead.</summary>
    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 31 || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0 || name.StartsWith('\''))
            throw new ArgumentException($"Not a sheet name Excel accepts: '{name}'.", nameof(name));
    }

    /// <summary>Two cell formats: 0 the default, 1 bold (the header). The fills are the two every workbook must have.</summary>
    private static void AddStyles(WorkbookPart book)
    {
        var styles = book.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true }) { Count = 2 });
    }
}
