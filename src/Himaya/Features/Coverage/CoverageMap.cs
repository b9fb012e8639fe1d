using System.Globalization;
using Himaya.Platform;

namespace Himaya.Features.Coverage;

/// <summary>
/// The coverage gap as map figures. The map's Baku is one area (C-BAK) while coverage counts its city districts: Baku's
/// gap is theirs added up, hidden if any of them is (a hidden count must not be recoverable by subtraction).
/// </summary>
public static class CoverageMap
{
    public static Dictionary<string, MapFigure> Figures(CoverageResult r, AdminUnits units)
    {
        var figures = new Dictionary<string, MapFigure>(StringComparer.Ordinal);
        foreach (var d in r.Districts)
            figures[d.DistrictCode] = d.Gap is { } gap ? new MapFigure(gap, false) : MapFigure.Suppressed;
        var baku = r.Districts.Where(d => units.Find(d.DistrictCode)?.ParentCode == "C-BAK").ToList();
        if (baku.Count > 0)
            figures["C-BAK"] = baku.Any(d => d.Gap is null) ? MapFigure.Suppressed : new MapFigure(baku.Sum(d => d.Gap!.Value), false);
        return figures;
    }

    public static Choropleth Of(CoverageResult r, AdminUnits units, string culture, string hiddenText, string noDataText) =>
        Choropleth.Of(Figures(r, units), c => units.DisplayName(c, culture), v => v.ToString("N0", CultureInfo.GetCultureInfo(culture)), false,
            CultureInfo.GetCultureInfo(culture), hiddenText, noDataText);
}
