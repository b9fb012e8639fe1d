using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Himaya.Deprivation;

namespace Himaya.Features.Deprivation;

/// <summary>
/// The analysis as an .xlsx workbook: "About" (what produced it), "Headline" (H, A, M0 for every k, with standard
/// errors when there are any), "Groups" (the measures at each k per group) and "Figures" (every figure, the same long
/// table as the CSV, from <see cref="ResultWriters.Figures"/>). Numbers are stored at full precision as numbers; a
/// suppressed figure is an empty cell.
/// </summary>
public static class AnalysisXlsx
{
    public static byte[] Write(RegistryAnalysisResult a)
    {
        var r = a.Result;
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var sheets = book.Workbook.AppendChild(new Sheets());
            uint next = 1;
            void Sheet(string name, IEnumerable<object?[]> rows)
            {
                var part = book.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var values in rows)
                {
                    var row = new Row();
                    foreach (var v in values) row.Append(Cell(v));
                    data.Append(row);
                }
                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = next++, Name = name });
            }

            Sheet("About", [
                ["framework", a.Framework.Id], ["version", a.Framework.Version], ["age group", a.AgeGroup.Id],
                ["ages at", a.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
                ["registry as read at (UTC)", a.DataAsOf.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)],
                ["scope", a.Scope], ["missing data", r.Framework.MissingText], ["children analysed", r.Total.N], ["children left out", r.Total.NDropped],
                ["small cells", a.MinCell > 0 ? $"figures with fewer than {a.MinCell} children behind them are empty" : "not suppressed"],
                ["standard errors", r.VarianceMethod ?? "none (the registry is a census)"],
            ]);
            Sheet("Headline", [
                ["k", "H", "A", "M0", .. r.Dimensions.Select(d => "censored " + d), .. r.Dimensions.Select(d => "contribution % " + d)],
                .. r.Total.ByK.Select(k => new object?[] { k.K, k.H, k.A, k.M0 }.Concat(k.CensoredHeadcount.Cast<object?>()).Concat(k.Contribution.Cast<object?>()).ToArray()),
            ]);
            if (r.GroupColumns.Count > 0)
            {
                Sheet("Groups", [
                    [.. r.GroupColumns, "n", "share", "k", "H", "A", "M0"],
                    .. r.Groups.SelectMany(g => g.Suppressed
                        ? new[] { g.By.Cast<object?>().Append("suppressed").ToArray() }
                        : g.ByK.Select(k => g.By.Cast<object?>().Concat([g.N, g.Share, k.K, k.H, k.A, k.M0]).ToArray())),
                ]);
            }
            Sheet("Figures", [
                ["group", "k", "measure", "name", "value"],
                .. ResultWriters.Figures(r).Select(f => new object?[] { f.Group, f.K, f.Measure, f.Name, f.Value }),
            ]);
        }
        return ms.ToArray();
    }

    private static Cell Cell(object? v) => v switch
    {
        null => new Cell(),
        double d when double.IsNaN(d) => new Cell(),
        double d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
        int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")) },
    };
}
