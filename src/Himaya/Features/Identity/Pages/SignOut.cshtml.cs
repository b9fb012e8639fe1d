using Himaya.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Identity.Pages;

public sealed class SignOutModel(AuditLog audit) : HimayaPage
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await audit.RecordAsync(Me, new AuditEvent(AuditActions.SignOut, "user", Me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/account/sign-in");
    }
}
