using System.Security.Claims;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Himaya.Features.Identity;

/// <summary>Resolves the caller from the sign-in cookie or token against the users table.</summary>
public sealed class CurrentUserAccessor(IHttpContextAccessor http, AppDbContext db, AdminUnits units, IMemoryCache cache) : ICurrentUserSource
{
    public const string StampClaim = "himaya:stamp";
    private CurrentUser? _current;
    private bool _resolved;

    public async Task<CurrentUser?> GetAsync(CancellationToken ct = default)
    {
        if (_resolved) return _current;
        _resolved = true;
        var principal = http.HttpContext?.User;
        if (principal?.Identity?.IsAuthenticated != true) return null;
        if (!int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return null;
        var stamp = principal.FindFirstValue(StampClaim);
        var user = await cache.GetOrCreateAsync(("user", id), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            return await db.Users.AsNoTracking().Include(u => u.Roles).Include(u => u.ScopeAreas).FirstOrDefaultAsync(u => u.Id == id, ct);
        });
        if (user is null || !user.IsActive || user.SecurityStamp != stamp) return null;
        _current = Build(user, units, http.HttpContext?.Connection.RemoteIpAddress?.ToString());
        return _current;
    }

    public static CurrentUser Build(AppUser user, AdminUnits units, string? ip)
    {
        var districts = user.ScopeKind == ScopeKind.Areas
            ? user.ScopeAreas.SelectMany(a => units.SelfAndDescendants(a.AdminUnitCode)).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        return new CurrentUser(user.Id, user.UserName, user.Agency, [.. user.RoleNames.Order(StringComparer.Ordinal)], user.ScopeKind, districts, ip);
    }

    public static void Forget(IMemoryCache cache, int userId) => cache.Remove(("user", userId));
}
