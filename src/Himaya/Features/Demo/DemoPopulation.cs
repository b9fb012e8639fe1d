using Himaya.Features.Identity;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Himaya.Features.Demo;

/// <summary>
/// The demo population loaded on first start (a few thousand children). Owned by user "admin"; the districts of the
/// scoped demo users (Ganja, Shirvan) get enough children to show, and a few Ganja children are assigned to "ngo.ganja"
/// so that the caseload-scoped NGO user sees some.
/// </summary>
internal static class DemoPopulation
{
    /// <summary>Children each district of a scoped demo user gets at least (or a quarter of the total for a tiny demo).</summary>
    public const int ScopedDistrictMinimum = 60;
    /// <summary>Ganja children assigned to the NGO user.</summary>
    public const int NgoCaseload = 12;

    public static readonly string[] ScopedDistricts = ["C-GAN", "C-SIR"];
    public const string NgoDistrict = "C-GAN";

    public static async Task SeedAsync(IServiceProvider sp, int children, int seed, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var units = sp.GetRequiredService<AdminUnits>();
        var provider = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
        var clock = sp.GetRequiredService<TimeProvider>();
        var users = await db.Users.AsNoTracking().Where(u => u.UserName == "admin" || u.UserName == "ngo.ganja")
            .Select(u => new { u.UserName, u.Id }).ToListAsync(ct);
        var adminId = users.Find(u => u.UserName == "admin")?.Id
            ?? throw new InvalidOperationException("The demo population is owned by user 'admin', which does not exist.");
        var ngoId = users.Find(u => u.UserName == "ngo.ganja")?.Id;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var districts = units.Districts.ToList();
        var data = PopulationEntities.Generate(children, seed, districts, today, adminId, Minimums(children, districts));
        if (ngoId is { } ngo) data = AssignCaseload(data, ngo, NgoDistrict, NgoCaseload);
        await BulkLoader.LoadAsync(db, provider, data, progress: null, ct);
    }

    internal static Dictionary<string, int> Minimums(int children, IReadOnlyList<AdminUnit> districts)
    {
        var minimum = Math.Min(ScopedDistrictMinimum, children / 4);
        return ScopedDistricts.Where(code => districts.Any(d => d.Code == code && d.IsLeafDistrict)).ToDictionary(code => code, _ => minimum, StringComparer.Ordinal);
    }

    /// <summary>Assigns every third child of <paramref name="district"/> to the worker, up to <paramref name="count"/> children.</summary>
    internal static IEnumerable<GeneratedHousehold> AssignCaseload(IEnumerable<GeneratedHousehold> data, int workerId, string district, int count)
    {
        var seen = 0;
        var assigned = 0;
        foreach (var h in data)
        {
            if (assigned < count && h.Household.DistrictCode == district)
            {
                foreach (var c in h.Children)
                {
                    if (seen++ % 3 != 0 || assigned >= count) continue;
                    c.AssignedWorkerId = workerId;
                    assigned++;
                }
            }
            yield return h;
        }
    }
}
