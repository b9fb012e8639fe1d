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
}
