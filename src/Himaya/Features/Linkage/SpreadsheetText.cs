using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Himaya.Linkage.Linking;
using Himaya.Platform;

namespace Himaya.Features.Linkage;

/// <summary>
/// An .xlsx workbook's first sheet as CSV text, so a spreadsheet goes through exactly the same import as a CSV file.
/// Cells are placed by their reference (empty cells stay empty columns); shared and inline strings are read; numbers
/// formatted as dates become yyyy-MM-dd (Excel keeps dates as day counts).
/// </summary>
public static class SpreadsheetText
{
    public const int MaxRows = 500_000;

    /// <summary>The first sheet as CSV text, or why not (a refusal about <paramref name="field"/>, the field the file came in).</summary>
    public static (string? Csv, Refusal? Error) FromXlsx(Stream stream, string field)
    {
        try
        {
            using var doc = SpreadsheetDocument.Open(stream, false);
            var book = doc.WorkbookPart ?? throw new InvalidDataException("no workbook");
            var sheet = book.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
            var part = (WorksheetPart)book.GetPartById(sheet.Id!.Value!);
            var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var formats = book.WorkbookStylesPart?.Stylesheet;
            var dateStyles = DateStyles(formats);
            var w = new StringWriter(CultureInfo.InvariantCulture);
            var rows = 0;
            var width = 0;
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                if (++rows > MaxRows) return (null, LinkageErrors.XlsxTooManyRows(field, MaxRows.ToString("N0", CultureInfo.InvariantCulture)));
                var values = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? values.Count;
                    while (values.Count < column) values.Add("");
                    values.Add(Text(cell, shared, dateStyles));
                }
                if (rows == 1) width = values.Count;
                while (values.Count < width) values.Add("");
                // Trailing empty cells beyond the header's width are formatting, not data.
                while (values.Count > width && values[^1].Length == 0) values.RemoveAt(values.Count - 1);
                Csv.WriteRow(w, [.. values]);
            }
            return rows == 0 ? (null, LinkageErrors.XlsxEmpty(field)) : (w.ToString(), null);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or IOException or FormatException or System.Xml.XmlException or InvalidOperationException)
        {
            return (null, LinkageErrors.XlsxUnreadable(field, e.Message));
        }
    }

    private static string Text(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (cell.DataType is null && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return raw;
    }

    /// <summary>Cell formats that show a number as a date: the built-in date formats and custom ones with day, month and year.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var result = new HashSet<uint>();
        if (styles?.CellFormats is null) return result;
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.FormatCode?.Value is { } code && code.Contains('y', StringComparison.OrdinalIgnoreCase) && code.Contains('d', StringComparison.OrdinalIgnoreCase))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in styles.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58 || custom.Contains(id)) result.Add(index);
            index++;
        }
        return result;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z') break;
            n = (n * 26) + (c - 'A' + 1);
        }
        return n == 0 ? null : n - 1;
    }
}
