using Himaya.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Himaya.Features.Identity.Pages;

/// <summary>A user changes their own password. Other sessions and tokens stop working (new security stamp).</summary>
public sealed class ChangePasswordModel(AppDbContext db, AuditLog audit, IPasswordHasher<AppUser> hasher, IMemoryCache cache) : HimayaPage
{
    public bool Changed { get; private set; }

    public void OnGet(bool changed) => Changed = changed;

    public async Task<IActionResult> OnPostAsync(string? current, string? password, string? confirm, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Roles).FirstAsync(u => u.Id == Me.Id, ct);
        var e = new FieldErrors();
        if (string.IsNullOrEmpty(current) || hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
            e.Add(IdentityErrors.CurrentPasswordWrong());
        if (string.IsNullOrEmpty(password) || password.Length < UserAdmin.MinPasswordLength || password.Length > UserAdmin.MaxPasswordLength)
            e.Add(IdentityErrors.PasswordLength(UserAdmin.MinPasswordLength, UserAdmin.MaxPasswordLength));
        else if (password == current) e.Add(IdentityErrors.SameAsCurrent());
        if (password != confirm) e.Add(IdentityErrors.PasswordsDiffer());
        if (!e.IsEmpty)
        {
            Errors = e;
            return Page();
        }
        user.PasswordHash = hasher.HashPassword(user, password!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(Me, new AuditEvent(AuditActions.Update, "user", Me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "own password changed"), ct);
        await tx.CommitAsync(ct);
        CurrentUserAccessor.Forget(cache, user.Id);
        // This browser stays signed in with the new stamp; every other session and token is now invalid.
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignInService.PrincipalFor(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return Redirect("/account/password?changed=true");
    }
}
