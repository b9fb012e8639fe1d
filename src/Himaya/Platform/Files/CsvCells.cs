using System.Globalization;

namespace Himaya.Platform;

/// <summary>Cells of a CSV file a person opens in a spreadsheet.</summary>
public static class CsvCells
{
    /// <summary>Quoted when needed; a text a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.</summary>
    public static string Cell(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '@' or '-' && !decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    /// <summary>A table as a UTF-8 CSV file with a byte-order mark (spreadsheets then read az/ru letters right); values written invariantly.</summary>
    public static byte[] Write(XlsxSheet table)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(string.Join(',', table.Header.Select(Cell)));
        foreach (var row in table.Rows) sb.AppendLine(string.Join(',', row.Select(v => Cell(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""))));
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(sb.ToString())];
    }
}
