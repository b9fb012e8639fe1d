using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Himaya.Features.Linkage;

namespace Himaya.Tests.Linkage;

public class SpreadsheetTextTests
{
    /// <summary>A workbook as Excel writes one: shared strings, a date kept as a day count with a date format, a gap, a number.</summary>
    internal static byte[] Workbook()
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var strings = book.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("Soyadı")), new SharedStringItem(new Text("Adı")), new SharedStringItem(new Text("Doğum tarixi")),
                new SharedStringItem(new Text("Qeyd")), new SharedStringItem(new Text("Məmmədova")), new SharedStringItem(new Text("Nərmin, \"Nənə\"")));
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sheetPart = book.AddNewPart<WorksheetPart>();
            Cell S(string r, int i) => new() { CellReference = r, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(S("A1", 0), S("B1", 1), S("C1", 2), S("D1", 3)) { RowIndex = 1 },
                new Row(S("A2", 4), S("B2", 5), new Cell { CellReference = "C2", StyleIndex = 1, CellValue = new CellValue("42384") }) { RowIndex = 2 },
                new Row(S("A3", 4), new Cell { CellReference = "D3", CellValue = new CellValue("7") }) { RowIndex = 3 }));
            book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = "Uşaqlar" }));
        }
        return ms.ToArray();
    }

    [Fact]
    public void The_first_sheet_becomes_csv_with_dates_gaps_and_quoting()
    {
        var (csv, error) = SpreadsheetText.FromXlsx(new MemoryStream(Workbook()), "file");
        error.ShouldBeNull();
        csv.ShouldBe("Soyadı,Adı,Doğum tarixi,Qeyd\nMəmmədova,\"Nərmin, \"\"Nənə\"\"\",2016-01-15,\nMəmmədova,,,7\n");
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused_with_a_reason()
    {
        var (csv, error) = SpreadsheetText.FromXlsx(new MemoryStream("rec_id,surname\n1,A\n"u8.ToArray()), "xlsxBase64");
        csv.ShouldBeNull();
        error!.Code.ShouldBe("import.xlsx-unreadable");
        error.Field.ShouldBe("xlsxBase64");
        error.Message.ShouldStartWith("Not a readable .xlsx workbook (");
    }
}
