namespace Himaya.Platform;

/// <summary>
/// Who is calling, as the database says now (roles and scope are re-read, not trusted from the cookie or token,
/// so a revoked role or narrowed scope takes effect within seconds).
/// </summary>
public sealed record CurrentUser(int Id, string UserName, string Agency, IReadOnlyList<string> Roles, ScopeKind ScopeKind, IReadOnlySet<string> Districts, string? IpAddress)
{
    public bool Can(Permission p) => Permissions.Allows(p, Roles);
    public string RolesText => string.Join(',', Roles);
}

/// <summary>
/// Who is calling this request, or null when nobody (valid) is signed in. The platform asks through this; the Identity
/// feature, which owns the users table, answers.
/// </summary>
public interface ICurrentUserSource
{
    Task<CurrentUser?> GetAsync(CancellationToken ct = default);
}
