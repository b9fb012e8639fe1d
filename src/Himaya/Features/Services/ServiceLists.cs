using Himaya.Features.Identity;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Services;

/// <summary>
/// The directory as its keepers and providers see it: the services in the caller's keeping (<see cref="ServiceScope"/>)
/// by district, type, status and provider, and the review queue: what waits for the caller's decision.
/// </summary>
public sealed class ServiceLists(AppDbContext db, AdminUnits units)
{
    public const int PageSize = 50;

    public async Task<Outcome<ServiceRows>> ListAsync(CurrentUser user, string? district, string? type, string? status, string? providerId, string? page,
        CancellationToken ct)
    {
        if (!user.Can(Permission.EditServices)) return new Outcome<ServiceRows>.Forbidden();
        var e = new FieldErrors();
        district = ServiceValidation.Clean(district);
        type = ServiceValidation.Clean(type);
        if (district is not null && !units.IsDistrict(district)) e.Add(PlatformErrors.UnknownDistrict("district"));
        if (type is not null && !await db.ServiceTypes.AnyAsync(t => t.Code == type, ct)) e.Add(ServiceErrors.UnknownType(type, "type"));
        var state = QueryParse.Enum<ServiceStatus>(e, "status", ServiceValidation.Clean(status));
        var provider = QueryParse.Int(e, "providerId", providerId);
        var number = QueryParse.Int(e, "page", page) ?? 1;
        if (number < 1) e.Add(PlatformErrors.PageStartsAtOne("page"));
        if (!e.IsEmpty) return new Outcome<ServiceRows>.Invalid(e);

        var kept = db.Services.AsNoTracking().KeptBy(user);
        var q = kept;
        if (district is not null) q = q.Where(s => s.Nationwide || s.Districts.Any(d => d.DistrictCode == district));
        if (type is not null) q = q.Where(s => s.Types.Any(t => t.TypeCode == type));
        if (state is { } st) q = q.Where(s => s.Status == st);
        if (provider is { } p) q = q.Where(s => s.ProviderId == p);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(s => s.Name).Skip((number - 1) * PageSize).Take(PageSize).Select(s => new
        {
            s.Id, s.Name, s.Agency, s.Status, Types = s.Types.Select(t => t.TypeCode).ToList(), Districts = s.Districts.Select(d => d.DistrictCode).ToList(),
            s.Nationwide, s.Capacity, s.FreePlaces, Waiting = s.Changes.Any(c => c.Status == ChangeStatus.Waiting), s.Version,
        }).ToListAsync(ct);
        return new ServiceRows([.. rows.Select(s => new ServiceRow(s.Id, s.Name, s.Agency, s.Status, [.. s.Types.Order(StringComparer.Ordinal)],
            [.. s.Districts.Order(StringComparer.Ordinal)], s.Nationwide, s.Capacity, s.FreePlaces, s.Waiting, s.Version))],
            total, number, await WaitingCountAsync(db, user, ct));
    }

    public async Task<Outcome<ReviewQueue>> QueueAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageServices)) return new Outcome<ReviewQueue>.Forbidden();
        var waiting = await Waiting(db, user).Include(s => s.Types).Include(s => s.Districts)
            .Include(s => s.Changes.Where(c => c.Status == ChangeStatus.Waiting)).AsSplitQuery().ToListAsync(ct);
        var proposers = waiting.SelectMany(s => s.Changes).Select(c => c.ProposedById).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => proposers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, ct);
        var items = new List<ReviewItem>();
        foreach (var s in waiting)
        {
            if (s.WaitingChange() is { } change)
            {
                var facts = change.Facts();
                // A change reaching beyond a coordinator's area waits for the administrator.
                if (s.Status != ServiceStatus.Public || !ServiceScope.KeepsArea(user, facts.Districts, facts.Nationwide)) continue;
                items.Add(new ReviewItem(s.Id, s.Name, s.Agency, ReviewKind.Change, facts.Districts, facts.Nationwide, facts.Differences(s.CurrentFacts()),
                    names.GetValueOrDefault(change.ProposedById), change.ProposedAt, s.Version));
            }
            else items.Add(new ReviewItem(s.Id, s.Name, s.Agency, ReviewKind.NewService, [.. s.Districts.Select(d => d.DistrictCode).Order(StringComparer.Ordinal)],
                s.Nationwide, [], null, s.UpdatedAt, s.Version));
        }
        return new ReviewQueue([.. items.OrderBy(i => i.Since)]);
    }

    /// <summary>How many services wait for this user's review (0 for those who do not review): the menu's badge and the list's count.</summary>
    /// <summary>What waits for this keeper: services in their area, and every provider's proposal (providers are national).</summary>
    public static async Task<int> WaitingCountAsync(AppDbContext db, CurrentUser user, CancellationToken ct) =>
        user.Can(Permission.ManageServices)
            ? await Waiting(db, user).CountAsync(ct) + await db.Providers.CountAsync(p => p.ProposedAt != null, ct)
            : 0;

    public static Task<int> WaitingCountAsync(IServiceProvider services, CurrentUser user, CancellationToken ct) =>
        WaitingCountAsync(services.GetRequiredService<AppDbContext>(), user, ct);

    private static IQueryable<Service> Waiting(AppDbContext db, CurrentUser user) =>
        db.Services.AsNoTracking().KeptBy(user).Where(s => s.Status == ServiceStatus.Pending
            || (s.Status == ServiceStatus.Public && s.Changes.Any(c => c.Status == ChangeStatus.Waiting)));
}
