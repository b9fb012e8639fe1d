using System.Security.Claims;
using Himaya.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Identity;

public enum SignInOutcome { Succeeded, Failed, LockedOut, CodeRequired, WrongCode, EnrolmentRequired }

/// <summary>
/// Checks a password and, where the user's role needs it, the second factor (<see cref="TwoFactor"/>); applies lockout
/// (wrong codes count like wrong passwords) and records the attempt in the audit trail.
/// </summary>
public sealed class SignInService(AppDbContext db, AuditLog audit, TimeProvider clock, IPasswordHasher<AppUser> hasher, TwoFactor twoFactor)
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public async Task<(SignInOutcome Outcome, AppUser? User)> CheckAsync(string? userName, string? password, string? ip, CancellationToken ct = default) =>
        await CheckAsync(userName, password, null, ip, ct);

    /// <summary>Password and, when given, the second factor's code in one go (the API's token request).</summary>
    public async Task<(SignInOutcome Outcome, AppUser? User)> CheckAsync(string? userName, string? password, string? code, string? ip, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var name = (userName ?? "").Trim();
        var user = name.Length == 0 ? null : await db.Users.Include(u => u.Roles).Include(u => u.ScopeAreas).FirstOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null || !user.IsActive)
        {
            // An unknown name is often a password typed in the wrong box: record that it happened, not what was typed.
            await audit.RecordAsAsync(user?.Id, user?.UserName ?? "(unknown)", "", ip, new AuditEvent(AuditActions.SignInFailed, "user", user?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), user is null ? "unknown user name" : "inactive user", false), ct);
            return (SignInOutcome.Failed, null);
        }
        if (user.LockoutEnd is { } end && end > now)
        {
            await audit.RecordAsAsync(user.Id, user.UserName, "", ip, new AuditEvent(AuditActions.SignInFailed, "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "locked out", false), ct);
            return (SignInOutcome.LockedOut, null);
        }
        // The attempt is counted before the password is checked, atomically in the database, so parallel guesses
        // cannot all slip in under the limit.
        var users = db.Users.Where(u => u.Id == user.Id);
        await users.ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, x => x.AccessFailedCount + 1), ct);
        var attempt = await users.Select(u => u.AccessFailedCount).SingleAsync(ct);
        var verdict = attempt > MaxFailedAttempts || string.IsNullOrEmpty(password)
            ? PasswordVerificationResult.Failed : hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var locked = attempt >= MaxFailedAttempts;
            if (locked) await users.ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, now + LockoutDuration).SetProperty(x => x.AccessFailedCount, 0), ct);
            await audit.RecordAsAsync(user.Id, user.UserName, "", ip, new AuditEvent(AuditActions.SignInFailed, "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), locked ? "wrong password; locked out" : "wrong password", false), ct);
            return (locked ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password!);
            await db.SaveChangesAsync(ct);
        }
        return await SecondStepAsync(user, code, attemptCounted: true, ip, ct);
    }

    /// <summary>The second step of a page sign-in: the ticket says the password was right, the code completes it.</summary>
    public async Task<(SignInOutcome Outcome, AppUser? User)> CompleteAsync(string? ticket, string? code, string? ip, CancellationToken ct = default)
    {
        var (user, _) = await twoFactor.ReadTicketAsync(ticket, ct);
        if (user is null) return (SignInOutcome.Failed, null);
        var now = clock.GetUtcNow().UtcDateTime;
        if (user.LockoutEnd is { } end && end > now)
        {
            await audit.RecordAsAsync(user.Id, user.UserName, "", ip, new AuditEvent(AuditActions.SignInFailed, "user", Id(user), "locked out", false), ct);
            return (SignInOutcome.LockedOut, null);
        }
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, x => x.AccessFailedCount + 1), ct);
        return await SecondStepAsync(user, code, attemptCounted: true, ip, ct);
    }

    /// <summary>After a right password (its attempt already counted): the second factor if the user needs one, then success.</summary>
    private async Task<(SignInOutcome Outcome, AppUser? User)> SecondStepAsync(AppUser user, string? code, bool attemptCounted, string? ip, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var users = db.Users.Where(u => u.Id == user.Id);
        var needed = twoFactor.Needed(user);
        if (needed == SecondFactor.Enrol || (needed == SecondFactor.Code && string.IsNullOrWhiteSpace(code)))
        {
            // The password was right: asking for the next step is no failed attempt.
            if (attemptCounted) await users.ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, x => x.AccessFailedCount > 0 ? x.AccessFailedCount - 1 : 0), ct);
            return (needed == SecondFactor.Enrol ? SignInOutcome.EnrolmentRequired : SignInOutcome.CodeRequired, user);
        }
        var recovery = false;
        if (needed == SecondFactor.Code)
        {
            var (ok, usedRecovery) = twoFactor.Check(user, code);
            if (!ok)
            {
                var attempt = await users.Select(u => u.AccessFailedCount).SingleAsync(ct);
                var locked = attempt >= MaxFailedAttempts;
                if (locked) await users.ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, now + LockoutDuration).SetProperty(x => x.AccessFailedCount, 0), ct);
                await audit.RecordAsAsync(user.Id, user.UserName, "", ip, new AuditEvent(AuditActions.SignInFailed, "user", Id(user), locked ? "wrong code; locked out" : "wrong code", false), ct);
                return (locked ? SignInOutcome.LockedOut : SignInOutcome.WrongCode, null);
            }
            recovery = usedRecovery;
            await users.ExecuteUpdateAsync(u => u.SetProperty(x => x.TotpLastStep, user.TotpLastStep).SetProperty(x => x.RecoveryCodes, user.RecoveryCodes), ct);
        }
        // Check moved the user's last code step and spent a recovery code on the tracked entity; ExecuteUpdate wrote
        // them, so the entity is told it holds nothing unsaved (the audit line below is a unit of its own).
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AcceptAllChanges();
        await users.ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, 0).SetProperty(x => x.LockoutEnd, (DateTime?)null).SetProperty(x => x.LastSignInAt, now), ct);
        await audit.RecordAsAsync(user.Id, user.UserName, string.Join(',', user.RoleNames), ip,
            new AuditEvent(AuditActions.SignIn, "user", Id(user), needed == SecondFactor.Code ? recovery ? "with a recovery code" : "with an authenticator code" : null), ct);
        return (SignInOutcome.Succeeded, user);
    }

    private static string Id(AppUser user) => user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
