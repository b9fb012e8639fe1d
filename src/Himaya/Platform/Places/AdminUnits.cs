using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Platform;

/// <summary>
/// The administrative hierarchy held in memory (about a hundred rows; changes only when an administrator edits it).
/// Scope checks expand a user's areas into the districts below them through this.
/// </summary>
public sealed class AdminUnits
{
    private FrozenDictionary<string, AdminUnit> _byCode = FrozenDictionary<string, AdminUnit>.Empty;
    private FrozenDictionary<string, string[]> _children = FrozenDictionary<string, string[]>.Empty;

    public IReadOnlyCollection<AdminUnit> All => _byCode.Values;

    public AdminUnit? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var u) ? u : null;

    public bool IsDistrict(string? code) => Find(code)?.IsLeafDistrict == true;

    public IEnumerable<AdminUnit> Districts => _byCode.Values.Where(u => u.IsLeafDistrict).OrderBy(u => u.Code, StringComparer.Ordinal);

    /// <summary>The unit itself and every unit below it.</summary>
    public IEnumerable<string> SelfAndDescendants(string code)
    {
        var stack = new Stack<string>();
        stack.Push(code);
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            yield return c;
            if (_children.TryGetValue(c, out var kids)) foreach (var k in kids) stack.Push(k);
        }
    }

    /// <summary>Economic region that contains the unit (for dashboards).</summary>
    public AdminUnit? RegionOf(string code)
    {
        var u = Find(code);
        while (u is not null && u.Kind != "economic_region") u = Find(u.ParentCode);
        return u;
    }

    /// <summary>The unit's name in the reader's language: Azerbaijani, Russian (from the bundled list), else English.</summary>
    public string DisplayName(string? code, string culture) => Find(code) is { } u
        ? culture.StartsWith("az", StringComparison.Ordinal) ? u.NameAz
        : culture.StartsWith("ru", StringComparison.Ordinal) && RussianNames.TryGetValue(u.Code, out var ru) ? ru
        : u.NameEn
        : code ?? "";

    /// <summary>
    /// Russian names by code (az-admin-units-ru.csv, embedded; not "….ru.csv", which MSBuild would take for a satellite resource). The shared reference file has Azerbaijani and English
    /// only and stays as it came; a unit an administrator adds later reads in English on Russian screens until listed here.
    /// </summary>
    public static readonly FrozenDictionary<string, string> RussianNames = LoadRussian();

    private static FrozenDictionary<string, string> LoadRussian()
    {
        using var stream = typeof(AdminUnits).Assembly.GetManifestResourceStream("Himaya.Reference.az-admin-units-ru.csv")
            ?? throw new InvalidOperationException("az-admin-units-ru.csv is not embedded.");
        using var reader = new StreamReader(stream);
        if (reader.ReadLine() != "code,name_ru") throw new InvalidDataException("az-admin-units-ru.csv: unexpected header");
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Split(',') is [var code, var name]) names[code] = name;
        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public async Task ReloadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var units = await db.AdminUnits.AsNoTracking().ToListAsync(ct);
        Load(units);
    }

    public void Load(IEnumerable<AdminUnit> units)
    {
        _byCode = units.ToFrozenDictionary(u => u.Code, StringComparer.Ordinal);
        _children = _byCode.Values.Where(u => u.ParentCode is not null)
            .GroupBy(u => u.ParentCode!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(u => u.Code).ToArray(), StringComparer.Ordinal);
    }
}
