using Himaya.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Identity.Pages;

/// <summary>A signed-in user's two-factor sign-in: whether it is on, and setting it up (demo users enrol here of their own accord).</summary>
public sealed class TwoFactorPageModel(AppDbContext db, TwoFactor twoFactor) : HimayaPage
{
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int CodesLeft { get; private set; }
    public EnrolmentStart? Enrolment { get; private set; }
    public string[] RecoveryCodes { get; private set; } = [];
    public string? Message { get; private set; }

    private async Task<AppUser> UserAsync(CancellationToken ct) =>
        await db.Users.Include(u => u.Roles).Include(u => u.ScopeAreas).FirstAsync(u => u.Id == Me.Id, ct);

    private void Describe(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = Permissions.Allows(Permission.ReadCases, user.RoleNames);
        CodesLeft = twoFactor.RecoveryCodesLeft(user);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Describe(await UserAsync(ct));
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var user = await UserAsync(ct);
        Describe(user);
        if (!user.TwoFactorEnabled) Enrolment = twoFactor.Start(user);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? ticket, string? code, CancellationToken ct)
    {
        var (user, secret) = await twoFactor.ReadTicketAsync(ticket, ct);
        if (user is null || secret is null || user.Id != Me.Id || user.TwoFactorEnabled) return Redirect("/account/two-factor");
        var codes = await twoFactor.ConfirmAsync(user, secret, code, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (codes is null)
        {
            Describe(user);
            Enrolment = new EnrolmentStart(Totp.ToBase32(secret), Totp.Uri(TwoFactor.Issuer, user.UserName, secret), ticket!);
            Message = T["SignIn.WrongCode"];
            return Page();
        }
        // Enrolling ends the sessions opened with the password alone, this one included: sign it in again.
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignInService.PrincipalFor(user, CookieAuthenticationDefaults.AuthenticationScheme));
        Describe(user);
        RecoveryCodes = codes;
        return Page();
    }
}
