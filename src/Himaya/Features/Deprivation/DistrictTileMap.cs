using System.Globalization;
using System.Net;
using System.Text;
using Himaya.Platform;
using Microsoft.AspNetCore.Html;

namespace Himaya.Features.Deprivation;

/// <summary>
/// A map-like view of a figure by district, drawn on the server with no map data: each economic region is a block of
/// square tiles (one per district), the blocks placed roughly where the regions lie (Nakhchivan apart in the south-west,
/// Baku and Absheron in the east). Schematic, not to scale: the page says so, and the table beside it carries the numbers.
/// </summary>
public static class DistrictTileMap
{
    /// <summary>Economic regions on a coarse west-to-east, north-to-south grid (column, row).</summary>
    private static readonly Dictionary<string, (int Col, int Row)> Layout = new(StringComparer.Ordinal)
    {
        ["ER-QTO"] = (0, 0), ["ER-SZA"] = (1, 0), ["ER-DSH"] = (2, 0), ["ER-QXA"] = (3, 0),
        ["ER-GDA"] = (0, 1), ["ER-MAR"] = (1, 1), ["ER-SSA"] = (2, 1), ["ER-ABX"] = (3, 1), ["ER-BAK"] = (4, 1),
        ["ER-SZE"] = (0, 2), ["ER-QAR"] = (1, 2), ["ER-MMU"] = (2, 2), ["ER-LAS"] = (3, 2),
        ["ER-NAX"] = (0, 3),
    };

    /// <summary>A sequential palette, light to dark (colour-blind safe).</summary>
    private static readonly string[] Palette = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];

    private const int Tile = 22, Gap = 3, PerRow = 5, BlockWidth = (PerRow * (Tile + Gap)) + 16, LabelHeight = 16;

    /// <param name="values">Figure per district code (NaN: not shown — suppressed).</param>
    /// <param name="format">How a value is written in the tooltips and legend.</param>
    public static IHtmlContent Render(AdminUnits units, IReadOnlyDictionary<string, double> values, string culture, string title, Func<double, string> format, string suppressedText)
    {
        var byRegion = units.Districts.GroupBy(d => units.RegionOf(d.Code)?.Code ?? "").Where(g => Layout.ContainsKey(g.Key))
            .ToDictionary(g => g.Key, g => g.OrderBy(d => units.DisplayName(d.Code, culture), StringComparer.CurrentCulture).ToList());
        var shown = values.Values.Where(v => !double.IsNaN(v)).ToList();
        var max = shown.Count > 0 ? shown.Max() : 0;
        int Class(double v) => max <= 0 ? 0 : Math.Min(Palette.Length - 1, (int)(v / max * Palette.Length));

        // Row heights from the tallest block in each row.
        var rowHeights = new Dictionary<int, int>();
        foreach (var (code, (_, row)) in Layout)
        {
            var n = byRegion.TryGetValue(code, out var list) ? list.Count : 0;
            var h = LabelHeight + (((n + PerRow - 1) / PerRow) * (Tile + Gap)) + 14;
            rowHeights[row] = Math.Max(rowHeights.GetValueOrDefault(row), h);
        }
        var rowTop = new Dictionary<int, int>();
        var y = 0;
        foreach (var row in rowHeights.Keys.Order()) { rowTop[row] = y; y += rowHeights[row]; }
        var width = (Layout.Values.Max(p => p.Col) + 1) * BlockWidth;
        var legendTop = y + 6;

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {width} {legendTop + 30}\" width=\"100%\" role=\"img\" aria-label=\"{E(title)}\" class=\"tile-map\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>");
        sb.Append("<defs><pattern id=\"hatch\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" fill=\"#eee\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"#aaa\" stroke-width=\"1.5\"/></pattern></defs>");
        foreach (var (region, (col, row)) in Layout)
        {
            if (!byRegion.TryGetValue(region, out var districts)) continue;
            var x0 = col * BlockWidth;
            var y0 = rowTop[row];
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"tile-region\"><text x=\"{x0}\" y=\"{y0 + 11}\" class=\"tile-label\">{E(Short(units.DisplayName(region, culture)))}</text>");
            for (var i = 0; i < districts.Count; i++)
            {
                var d = districts[i];
                var tx = x0 + ((i % PerRow) * (Tile + Gap));
                var ty = y0 + LabelHeight + ((i / PerRow) * (Tile + Gap));
                var name = units.DisplayName(d.Code, culture);
                var has = values.TryGetValue(d.Code, out var v);
                var fill = !has ? "#ffffff" : double.IsNaN(v) ? "url(#hatch)" : Palette[Class(v)];
                var tip = !has ? name : double.IsNaN(v) ? $"{name}: {suppressedText}" : $"{name}: {format(v)}";
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{tx}\" y=\"{ty}\" width=\"{Tile}\" height=\"{Tile}\" rx=\"3\" fill=\"{fill}\" stroke=\"#8a9bb0\" data-district=\"{E(d.Code)}\"><title>{E(tip)}</title></rect>");
            }
            sb.Append("</g>");
        }
        // Legend: equal intervals from 0 to the largest value shown.
        for (var c = 0; c < Palette.Length; c++)
        {
            var lx = c * 110;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx}\" y=\"{legendTop}\" width=\"16\" height=\"16\" fill=\"{Palette[c]}\" stroke=\"#8a9bb0\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 20}\" y=\"{legendTop + 12}\" class=\"tile-legend\">{E(format(max * c / Palette.Length))}–{E(format(max * (c + 1) / Palette.Length))}</text>");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Palette.Length * 110}\" y=\"{legendTop}\" width=\"16\" height=\"16\" fill=\"url(#hatch)\" stroke=\"#8a9bb0\"/><text x=\"{(Palette.Length * 110) + 20}\" y=\"{legendTop + 12}\" class=\"tile-legend\">{E(suppressedText)}</text>");
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>A region's name without "economic region" (in any of the three languages), to fit above its block.</summary>
    private static string Short(string name)
    {
        foreach (var suffix in new[] { " economic region", " iqtisadi rayonu", " экономический район" })
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return name[..^suffix.Length];
        return name;
    }
}
