using System.Security.Claims;
using Himaya.Features.Audit;
using Himaya.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Identity;

public enum SignInOutcome { Succeeded, Failed, LockedOut }

/// <summary>Checks a password, applies lockout, and records the attempt in the audit trail.</summary>
public sealed class SignInService(AppDbContext db, AuditLog audit, TimeProvider clock, IPasswordHasher<AppUser> hasher)
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public async Task<(SignInOutcome Outcome, AppUser? User)> CheckAsync(string? userName, string? password, string? ip, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var name = (userName ?? "").Trim();
        var user = name.Length == 0 ? null : await db.Users.Include(u => u.Roles).Include(u => u.ScopeAreas).FirstOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null || !user.IsActive)
        {
            // Unknown names are audited too, without revealing which part was wrong.
            await audit.AppendAsync(user?.Id, name.Length > 64 ? name[..64] : name, "", ip, [new AuditEvent(AuditActions.SignInFailed, "user", user?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "unknown or inactive user", false)], ct);
            return (SignInOutcome.Failed, null);
        }
        if (user.LockoutEnd is { } end && end > now)
        {
            await audit.AppendAsync(user.Id, user.UserName, "", ip, [new AuditEvent(AuditActions.SignInFailed, "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "locked out", false)], ct);
            return (SignInOutcome.LockedOut, null);
        }
        var verdict = string.IsNullOrEmpty(password) ? PasswordVerificationResult.Failed : hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.AccessFailedCount++;
            var locked = user.AccessFailedCount >= MaxFailedAttempts;
            if (locked)
            {
                user.LockoutEnd = now + LockoutDuration;
                user.AccessFailedCount = 0;
            }
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(user.Id, user.UserName, "", ip, [new AuditEvent(AuditActions.SignInFailed, "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), locked ? "wrong password; locked out" : "wrong password", false)], ct);
            return (locked ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = hasher.HashPassword(user, password!);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        user.LastSignInAt = now;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(user.Id, user.UserName, string.Join(',', user.RoleNames), ip, [new AuditEvent(AuditActions.SignIn, "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], ct);
        return (SignInOutcome.Succeeded, user);
    }

    public static ClaimsPrincipal PrincipalFor(AppUser user, string scheme)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(CurrentUserAccessor.StampClaim, user.SecurityStamp),
            .. user.RoleNames.Select(r => new Claim(ClaimTypes.Role, r)),
        ], scheme);
        return new ClaimsPrincipal(identity);
    }
}
