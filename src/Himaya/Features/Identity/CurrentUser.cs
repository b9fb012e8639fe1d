using System.Security.Claims;
using Himaya.Features.Reference;
using Himaya.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Himaya.Features.Identity;

/// <summary>
/// Who is calling, as the database says now (roles and scope are re-read, not trusted from the cookie or token,
/// so a revoked role or narrowed scope takes effect within seconds).
/// </summary>
public sealed record CurrentUser(int Id, string UserName, string Agency, IReadOnlyList<string> Roles, ScopeKind ScopeKind, IReadOnlySet<string> Districts, string? IpAddress)
{
    public bool Can(Permission p) => Permissions.Allows(p, Roles);
    public string RolesText => string.Join(',', Roles);
}

public sealed class CurrentUserAccessor(IHttpContextAccessor http, AppDbContext db, AdminUnits units, IMemoryCache cache)
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
