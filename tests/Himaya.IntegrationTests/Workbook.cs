using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Himaya.IntegrationTests;

/// <summary>A downloaded .xlsx read with the OpenXML SDK: each sheet's name and rows; a cell is its number as a double,
/// its boolean, its text, or null when empty.</summary>
public static class Workbook
{
    public static List<(string Name, List<List<object?>> Rows)> Read(byte[] file)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var book = doc.WorkbookPart!;
        return [.. book.Workbook.Sheets!.Elements<Sheet>().Select(s => (s.Name!.Value!,
            ((WorksheetPart)book.GetPartById(s.Id!)).Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(Value).ToList()).ToList()))];
    }

    private static object? Value(Cell c) => c.DataType?.Value switch
    {
        _ when c.DataType?.Value == CellValues.InlineString => c.InlineString!.InnerText,
        _ when c.DataType?.Value == CellValues.Boolean => c.CellValue!.Text == "1",
        _ when c.CellValue is null => null,
        _ => double.Parse(c.CellValue.Text, System.Globalization.CultureInfo.InvariantCulture),
    };
}
