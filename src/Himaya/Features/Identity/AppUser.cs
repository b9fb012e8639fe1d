using Himaya.Platform;

namespace Himaya.Features.Identity;

/// <summary>A person who signs in. Passwords are hashed with ASP.NET Core Identity's PasswordHasher.</summary>
public sealed class AppUser
{
    public int Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public string PasswordHash { get; set; } = "";
    public string Agency { get; set; } = "";
    public ScopeKind ScopeKind { get; set; }
    public List<UserRole> Roles { get; set; } = [];
    public List<UserScopeArea> ScopeAreas { get; set; } = [];
    public bool IsActive { get; set; } = true;
    public int AccessFailedCount { get; set; }
    public DateTime? LockoutEnd { get; set; }
    /// <summary>Changes when the password, roles or scope change, so that old sessions and tokens stop working.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
    /// <summary>az, en or ru: the interface language the user last chose, restored at every sign-in on any device.</summary>
    public string? PreferredLanguage { get; set; }
    public int Version { get; set; }
    /// <summary>Two-factor sign-in: the authenticator secret, encrypted with the app's data-protection keys; null until enrolled.</summary>
    public string? TotpSecret { get; set; }
    public bool TwoFactorEnabled { get; set; }
    /// <summary>The last time step whose code was accepted: a code is good once.</summary>
    public long? TotpLastStep { get; set; }
    /// <summary>SHA-256 hashes of the unused recovery codes, separated by ';'.</summary>
    public string RecoveryCodes { get; set; } = "";

    public IEnumerable<string> RoleNames => Roles.Select(r => r.Role);
}

public sealed class UserRole
{
    public int UserId { get; set; }
    public required string Role { get; set; }
}

public sealed class UserScopeArea
{
    public int UserId { get; set; }
    public required string AdminUnitCode { get; set; }
}
