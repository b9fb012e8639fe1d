namespace Himaya.Generators;

/// <summary>
/// An administrative unit as the generators need it: the host passes its own units in as these (a household is placed
/// in a leaf district; its kind and Azerbaijani name shape the addresses and schools).
/// </summary>
/// <param name="Kind">economic_region, city, rayon or city_district, as in az-admin-units.csv.</param>
/// <param name="IsLeafDistrict">Whether children can live here: economic regions and Baku city itself are containers.</param>
public sealed record Place(string Code, string NameAz, string Kind, string? ParentCode, bool IsLeafDistrict);

/// <summary>The bundled reference file az-admin-units.csv (the host's, embedded here too): the test sets' districts.</summary>
public static class Places
{
    private static readonly Lazy<IReadOnlyList<Place>> All = new(Read);

    public static IReadOnlyList<Place> Bundled => All.Value;

    private static IReadOnlyList<Place> Read()
    {
        using var stream = typeof(Places).Assembly.GetManifestResourceStream("Himaya.Generators.az-admin-units.csv")
            ?? throw new InvalidOperationException("az-admin-units.csv is not embedded.");
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine();
        if (header != "code,name_az,name_en,kind,parent_code")
            throw new InvalidDataException("az-admin-units.csv: unexpected header " + header);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) rows.Add(line.Split(','));
        var parents = rows.Where(f => f[4].Length > 0).Select(f => f[4]).ToHashSet(StringComparer.Ordinal);
        // A district is where a child can live: any rayon, city or city district with nothing below it (as the host reads it).
        return [.. rows.Select(f => new Place(f[0], f[1], f[3], f[4].Length == 0 ? null : f[4], f[3] != "economic_region" && !parents.Contains(f[0])))];
    }
}
