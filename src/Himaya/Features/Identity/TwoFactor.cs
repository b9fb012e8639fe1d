using System.Security.Cryptography;
using Himaya.Platform;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Himaya.Features.Identity;

public enum SecondFactor { None, Code, Enrol }

public sealed record EnrolmentStart(string Secret, string OtpauthUri, string EnrolmentToken);

/// <summary>Users who may sign in with the password alone until they enrol themselves (the demo's users, in demo mode).</summary>
public sealed class TwoFactorOptions
{
    public HashSet<string> ExemptUntilEnrolled { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Two-factor sign-in with authenticator apps (TOTP). Required for every role that can read case data: such a user must
/// enrol before the first sign-in completes, unless listed in <see cref="TwoFactorOptions.ExemptUntilEnrolled"/> (the
/// Demo module lists its users in demo mode, so outside checks sign in with the password alone). Secrets are kept
/// encrypted with the app's data-protection keys; recovery codes only as hashes.
/// </summary>
public sealed class TwoFactor(AppDbContext db, AuditLog audit, IDataProtectionProvider protection, IOptions<TwoFactorOptions> options, TimeProvider clock,
    Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
{
    public const string Issuer = "Himaya";
    public const int RecoveryCodeCount = 10;
    private static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(10);
    private IDataProtector Secrets => protection.CreateProtector("Himaya.TwoFactor.Secret.v1");
    private ITimeLimitedDataProtector Tickets => protection.CreateProtector("Himaya.TwoFactor.Ticket.v1").ToTimeLimitedDataProtector();

    public SecondFactor Needed(AppUser user) =>
        user.TwoFactorEnabled ? SecondFactor.Code
        : !Permissions.Allows(Permission.ReadCases, user.RoleNames) ? SecondFactor.None
        : options.Value.ExemptUntilEnrolled.Contains(user.UserName) ? SecondFactor.None
        : SecondFactor.Enrol;

    /// <summary>
    /// A short-lived, tamper-proof note that the password was right (and, while enrolling, of the new secret): carried
    /// by the second step's form or API call, so nothing half-signed-in lives on the server.
    /// </summary>
    public string Ticket(AppUser user, byte[]? secret = null) =>
        Tickets.Protect($"{user.Id}|{user.SecurityStamp}|{(secret is null ? "" : Convert.ToBase64String(secret))}", TicketLifetime);

    public async Task<(AppUser? User, byte[]? Secret)> ReadTicketAsync(string? ticket, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(ticket)) return (null, null);
        string text;
        try { text = Tickets.Unprotect(ticket); }
        catch (CryptographicException) { return (null, null); }
        var parts = text.Split('|');
        if (parts.Length != 3 || !int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var id)) return (null, null);
        var user = await db.Users.Include(u => u.Roles).Include(u => u.ScopeAreas).FirstOrDefaultAsync(u => u.Id == id && u.IsActive, ct);
        if (user is null || user.SecurityStamp != parts[1]) return (null, null);
        return (user, parts[2].Length == 0 ? null : Convert.FromBase64String(parts[2]));
    }

    public EnrolmentStart Start(AppUser user)
    {
        var secret = Totp.NewSecret();
        return new EnrolmentStart(Totp.ToBase32(secret), Totp.Uri(Issuer, user.UserName, secret), Ticket(user, secret));
    }

    /// <summary>Turns two-factor sign-in on when the code matches the new secret; returns the recovery codes (shown once), or null.</summary>
    public async Task<string[]?> ConfirmAsync(AppUser user, byte[] secret, string? code, string? ip, CancellationToken ct)
    {
        if (Totp.Verify(secret, code, clock.GetUtcNow(), null) is not { } step) return null;
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToArray();
        user.TotpSecret = Secrets.Protect(Totp.ToBase32(secret));
        user.TwoFactorEnabled = true;
        user.TotpLastStep = step;
        user.RecoveryCodes = string.Join(';', codes.Select(Hash));
        // Sessions opened before enrolment were opened with the password alone: they end here.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.Version++;
        await db.SaveChangesAsync(ct);
        CurrentUserAccessor.Forget(cache, user.Id);
        await audit.RecordAsAsync(user.Id, user.UserName, string.Join(',', user.RoleNames), ip, new AuditEvent(AuditActions.TwoFactorEnrol, "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        return codes;
    }

    /// <summary>Checks an authenticator code (each good once) or an unused recovery code (then spent). The caller saves.</summary>
    public (bool Ok, bool Recovery) Check(AppUser user, string? code)
    {
        if (!user.TwoFactorEnabled || user.TotpSecret is null || string.IsNullOrWhiteSpace(code)) return (false, false);
        byte[] secret;
        try { secret = Totp.FromBase32(Secrets.Unprotect(user.TotpSecret)); }
        catch (CryptographicException) { return (false, false); } // keys lost: an administrator resets the user's enrolment
        if (Totp.Verify(secret, code, clock.GetUtcNow(), user.TotpLastStep) is { } step)
        {
            user.TotpLastStep = step;
            return (true, false);
        }
        var hash = Hash(NormaliseRecovery(code));
        var hashes = user.RecoveryCodes.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!hashes.Remove(hash)) return (false, false);
        user.RecoveryCodes = string.Join(';', hashes);
        return (true, true);
    }

    public int RecoveryCodesLeft(AppUser user) => user.RecoveryCodes.Split(';', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>An administrator's reset (lost phone): enrolment is cleared and every session ends; the user enrols again at the next sign-in.</summary>
    public async Task<Outcome<bool>> ResetAsync(CurrentUser admin, int userId, CancellationToken ct)
    {
        if (!admin.Can(Permission.ManageUsers)) return new Outcome<bool>.Forbidden();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return new Outcome<bool>.NotFound();
        if (!user.TwoFactorEnabled) return Outcome<bool>.Refused(IdentityErrors.NothingToReset());
        (user.TotpSecret, user.TwoFactorEnabled, user.TotpLastStep, user.RecoveryCodes) = (null, false, null, "");
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.Version++;
        await db.SaveChangesAsync(ct);
        CurrentUserAccessor.Forget(cache, userId);
        await audit.RecordAsync(admin, new AuditEvent(AuditActions.TwoFactorReset, "user", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        return true;
    }

    private static string NewRecoveryCode()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var s = RandomNumberGenerator.GetString(alphabet, 10);
        return s[..5] + "-" + s[5..];
    }

    private static string NormaliseRecovery(string code) => new string(code.Trim().ToLowerInvariant().Where(c => c != ' ').ToArray()) is { Length: 10 } bare && !bare.Contains('-') ? bare[..5] + "-" + bare[5..] : code.Trim().ToLowerInvariant();

    private static string Hash(string code) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code)));
}
