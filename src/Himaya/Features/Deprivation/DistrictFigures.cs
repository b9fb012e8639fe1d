using Himaya.Deprivation;
using Himaya.Platform;

namespace Himaya.Features.Deprivation;

/// <summary>
/// What the district map colours: each district's H or M0 at one cut-off, from an analysis by district. The map's
/// boundaries draw Baku as one area (C-BAK) where the registry has its twelve city districts, so a unit above districts
/// that is not an economic region gets its parts together: the mean of their figures weighted by their children, which
/// is exactly its own H or M0 (both are means over children). It is hidden when any part is, so that it can never give
/// a hidden part away; every part shown is in the table, so it adds nothing a reader could not work out.
/// </summary>
public static class DistrictFigures
{
    public static Dictionary<string, MapFigure> Of(DeprivationResult result, int kIndex, bool headcount, AdminUnits units)
    {
        var groups = result.Groups.ToDictionary(g => g.By[0], StringComparer.Ordinal);
        MapFigure Figure(GroupMeasures g)
        {
            if (g.Suppressed) return MapFigure.Suppressed;
            if (g.N == 0) return MapFigure.NoData;
            var v = headcount ? g.ByK[kIndex].H : g.ByK[kIndex].M0;
            return double.IsNaN(v) ? MapFigure.Suppressed : new MapFigure(v, false);
        }
        var figures = units.Districts.ToDictionary(d => d.Code, d => groups.TryGetValue(d.Code, out var g) ? Figure(g) : MapFigure.NoData, StringComparer.Ordinal);
        foreach (var whole in units.All.Where(u => !u.IsLeafDistrict && u.Kind != "economic_region"))
        {
            var parts = units.SelfAndDescendants(whole.Code).Where(groups.ContainsKey).Select(c => (g: groups[c], f: Figure(groups[c]))).ToList();
            if (parts.Any(p => p.f.Hidden)) { figures[whole.Code] = MapFigure.Suppressed; continue; }
            var shown = parts.Where(p => p.f.HasValue).ToList();
            var children = shown.Sum(p => p.g.Population);
            figures[whole.Code] = children > 0 ? new MapFigure(shown.Sum(p => p.g.Population * p.f.Value) / children, false) : MapFigure.NoData;
        }
        return figures;
    }
}
