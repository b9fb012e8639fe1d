using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Himaya.Features.Identity.Pages;

public sealed class SignInModel(SignInService signIn, IStringLocalizer<Program> t) : PageModel
{
    public IStringLocalizer T => t;
    public string? Message { get; private set; }
    public string? UserName { get; private set; }
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? username, string? password, string? returnUrl, CancellationToken ct)
    {
        UserName = username;
        ReturnUrl = returnUrl;
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
        {
            Message = t["SignIn.Missing"];
            return Page();
        }
        var (outcome, user) = await signIn.CheckAsync(username, password, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (outcome != SignInOutcome.Succeeded)
        {
            Message = outcome == SignInOutcome.LockedOut ? t["SignIn.LockedOut"] : t["SignIn.Failed"];
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignInService.PrincipalFor(user!, CookieAuthenticationDefaults.AuthenticationScheme));
        if (user!.PreferredLanguage is { } lang) Infrastructure.HimayaServices.SetLanguageCookie(Response, lang);
        return LocalRedirect(returnUrl is { Length: > 0 } r && Url.IsLocalUrl(r) ? r : "/");
    }
}
