using System.Globalization;
using System.Text;
using Himaya.Platform;
using Microsoft.Extensions.Localization;

namespace Himaya.Features.Violence;

/// <summary>
/// The statistics as the downloads carry them (CSV and XLSX alike): one row per cell, each breakdown's value as its code
/// (stable for other programs), the count (empty when suppressed) and whether it was suppressed.
/// </summary>
public static class VacStatisticsTable
{
    public static IEnumerable<object?[]> Rows(VacStatisticsResult r, IReadOnlyList<string> by) =>
        r.Cells.Select(c => by.Select(d => (object?)c.By[d]).Append(c.Count).Append(c.Suppressed).ToArray());

    /// <summary>UTF-8 with a byte-order mark (spreadsheets then read Azerbaijani letters right); the header in codes.</summary>
    public static byte[] Csv(VacStatisticsResult r, IReadOnlyList<string> by)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', by.Append("count").Append("suppressed")));
        foreach (var row in Rows(r, by))
            sb.AppendLine(string.Join(',', row.Select(v => v switch
            {
                null => "",
                bool b => b ? "true" : "false",
                _ => Quote(Convert.ToString(v, CultureInfo.InvariantCulture)!),
            })));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>The same table with its header in the reader's language, and a second sheet saying what the figures are.</summary>
    public static byte[] Xlsx(VacStatisticsResult r, IReadOnlyList<string> by, IStringLocalizer t)
    {
        string hidden = t["Vac.Suppressed"];
        var header = by.Select(d => (string)t["Vac.Dim." + d]).Append(t["Vac.Reports"]).Append(t["Vac.SuppressedColumn"]).ToList();
        IReadOnlyList<object?>[] about =
        [
            [(string)t["Vac.StatisticsTitle"]],
            [(string)t["Vac.SuppressionHint"]],
            [(string)t["Vac.Total"], r.Total is { } n ? n : hidden],
            [(string)t["Vac.RespondedInTime"], r.RespondedInTime is { } x ? x : hidden],
            [(string)t["Vac.RepeatReports"], r.RepeatReports is { } k ? k : hidden],
        ];
        return XlsxTable.Write(
            new XlsxSheet(t["Vac.StatisticsSheet"], header, Rows(r, by)),
            new XlsxSheet(t["Vac.AboutSheet"], [], about));
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
