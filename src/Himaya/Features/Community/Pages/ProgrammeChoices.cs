using Himaya.Features.Monitoring;
using Himaya.Features.Services;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Community.Pages;

/// <summary>What a programme's form offers (creating and changing one): projects, active providers, districts the planner covers.</summary>
public static class ProgrammeChoices
{
    public static async Task<IReadOnlyList<(string Code, string Name)>> ProjectsAsync(AppDbContext db, string culture, CancellationToken ct) =>
        [.. (await db.Set<Project>().AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.NameAz, p.NameEn, p.NameRu }).ToListAsync(ct))
            .Select(p => (p.Code, culture switch { "az" => p.NameAz, "ru" => p.NameRu, _ => p.NameEn }))];

    public static async Task<IReadOnlyList<(string Id, string Name)>> ProvidersAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.Set<Provider>().AsNoTracking().Where(p => p.Active).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name))];

    public static IEnumerable<(string Value, string Text)> Districts(AdminUnits units, CurrentUser me, string culture) =>
        DistrictChoices.For(units, culture).Where(d => CommunityScope.PlansIn(me, d.Value));
}
