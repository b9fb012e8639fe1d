using Microsoft.EntityFrameworkCore;

namespace Himaya.Platform;

/// <summary>Loads the bundled az-admin-units.csv (embedded in the executable) into the database, adding what is missing.</summary>
public static class AdminUnitLoader
{
    public static IReadOnlyList<AdminUnit> ReadBundled()
    {
        using var stream = typeof(AdminUnitLoader).Assembly.GetManifestResourceStream("Himaya.Reference.az-admin-units.csv")
            ?? throw new InvalidOperationException("az-admin-units.csv is not embedded.");
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine();
        if (header != "code,name_az,name_en,kind,parent_code")
            throw new InvalidDataException("az-admin-units.csv: unexpected header " + header);
        var units = new List<AdminUnit>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            units.Add(new AdminUnit
            {
                Code = f[0], NameAz = f[1], NameEn = f[2], Kind = f[3],
                ParentCode = string.IsNullOrEmpty(f[4]) ? null : f[4],
            });
        }
        var parents = units.Where(u => u.ParentCode is not null).Select(u => u.ParentCode!).ToHashSet(StringComparer.Ordinal);
        // A district is where a child can live: any rayon, city or city district with nothing below it.
        foreach (var u in units) u.IsLeafDistrict = u.Kind != "economic_region" && !parents.Contains(u.Code);
        return units;
    }

    public static async Task<int> EnsureLoadedAsync(AppDbContext db, CancellationToken ct = default)
    {
        var existing = await db.AdminUnits.Select(u => u.Code).ToListAsync(ct);
        var have = existing.ToHashSet(StringComparer.Ordinal);
        var missing = ReadBundled().Where(u => !have.Contains(u.Code)).ToList();
        if (missing.Count == 0) return 0;
        db.AdminUnits.AddRange(missing);
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }
}
