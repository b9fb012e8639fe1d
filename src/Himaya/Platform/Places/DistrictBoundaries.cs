using System.Text.Json;

namespace Himaya.Platform;

/// <summary>
/// Azerbaijan's district boundaries (the bundled az-districts.geojson: geoBoundaries ADM2, simplified; CC BY-SA 3.0,
/// "Boundaries: geoBoundaries (www.geoboundaries.org) / Wikipedia contributors"), for two things: the maps draw them
/// (<see cref="GeoJson"/>, served as it is), and a point is placed in its district (a service's coordinates must lie
/// in Azerbaijan). Baku is one feature (its city code), not its twelve city districts.
/// </summary>
public sealed class DistrictBoundaries
{
    public const string Attribution = "Boundaries: geoBoundaries (www.geoboundaries.org) / Wikipedia contributors, CC BY-SA 3.0";

    private sealed record Area(string Code, double[][][] Rings, double MinLon, double MinLat, double MaxLon, double MaxLat);

    private readonly List<Area> _areas = [];

    /// <summary>The file as bundled (UTF-8), for the maps.</summary>
    public byte[] GeoJson { get; }

    public DistrictBoundaries()
    {
        using var stream = typeof(DistrictBoundaries).Assembly.GetManifestResourceStream("Himaya.Reference.az-districts.geojson")
            ?? throw new InvalidOperationException("az-districts.geojson is not embedded.");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        GeoJson = ms.ToArray();
        using var doc = JsonDocument.Parse(GeoJson);
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var code = f.GetProperty("properties").GetProperty("code").GetString() ?? throw new InvalidDataException("A district without a code.");
            var g = f.GetProperty("geometry");
            var polygons = g.GetProperty("type").GetString() == "MultiPolygon"
                ? g.GetProperty("coordinates").EnumerateArray().ToList()
                : [g.GetProperty("coordinates")];
            foreach (var p in polygons)
            {
                var rings = p.EnumerateArray().Select(r => r.EnumerateArray().Select(pt => new[] { pt[0].GetDouble(), pt[1].GetDouble() }).ToArray()).ToArray();
                var outer = rings[0];
                _areas.Add(new Area(code, rings, outer.Min(x => x[0]), outer.Min(x => x[1]), outer.Max(x => x[0]), outer.Max(x => x[1])));
            }
        }
    }

    /// <summary>The code of the district the point lies in, or null when it lies outside Azerbaijan.</summary>
    public string? DistrictAt(double latitude, double longitude)
    {
        foreach (var a in _areas)
        {
            if (longitude < a.MinLon || longitude > a.MaxLon || latitude < a.MinLat || latitude > a.MaxLat) continue;
            // Inside the outer ring and in none of its holes.
            if (Inside(a.Rings[0], longitude, latitude) && !a.Rings.Skip(1).Any(h => Inside(h, longitude, latitude))) return a.Code;
        }
        return null;
    }

    /// <summary>Even–odd ray casting; a point exactly on a shared border may land in either neighbour, which is fine here.</summary>
    private static bool Inside(double[][] ring, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var (xi, yi, xj, yj) = (ring[i][0], ring[i][1], ring[j][0], ring[j][1]);
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
        }
        return inside;
    }
}
