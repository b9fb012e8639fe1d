using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Himaya.Features.Registry.Pages;

public sealed record DistrictCounts(string Code, string Name, string Region, int Children, int WithDifficulty, int Displaced, int InResidentialCare, int NotRegistered);

/// <summary>Counts by district within the user's area scope. Aggregates only: no names, so every role may see it.</summary>
public sealed class DashboardModel(AppDbContext db, AdminUnits units, IMemoryCache cache) : HimayaPage
{
    public IReadOnlyList<DistrictCounts> Rows { get; private set; } = [];
    public DistrictCounts Total { get; private set; } = new("", "", "", 0, 0, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Reporters (teachers, police) see the panels meant for them, not the registry's figures.
        if (!Me.Can(Permission.ViewAggregates)) return;
        // A national count over millions of rows takes a moment; a minute-old figure is fine for a dashboard.
        var key = ("dashboard", Me.ScopeKind, Me.ScopeKind == ScopeKind.Caseload ? Me.Id : 0, string.Join(',', Me.Districts.Order(StringComparer.Ordinal)));
        var raw = await cache.GetOrCreateAsync(key, async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(60);
            return await db.Children.AsNoTracking().CountableBy(Me).GroupBy(c => c.DistrictCode).Select(g => new
            {
                Code = g.Key,
                Children = g.Count(),
                WithDifficulty = g.Count(c => c.HasFunctionalDifficulty),
                Displaced = g.Count(c => c.Displacement != Displacement.None),
                InResidentialCare = g.Count(c => c.CareArrangement == CareArrangement.ResidentialInstitution),
                NotRegistered = g.Count(c => c.BirthRegistered == false),
            }).ToListAsync(ct);
        }) ?? [];
        Rows = [.. raw.Select(r => new DistrictCounts(r.Code, units.DisplayName(r.Code, Culture), units.RegionOf(r.Code) is { } reg ? units.DisplayName(reg.Code, Culture) : "",
            r.Children, r.WithDifficulty, r.Displaced, r.InResidentialCare, r.NotRegistered)).OrderByDescending(r => r.Children)];
        Total = new("", "", "", Rows.Sum(r => r.Children), Rows.Sum(r => r.WithDifficulty), Rows.Sum(r => r.Displaced), Rows.Sum(r => r.InResidentialCare), Rows.Sum(r => r.NotRegistered));
    }
}
