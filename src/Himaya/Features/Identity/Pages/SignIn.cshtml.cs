using Himaya.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Himaya.Features.Identity.Pages;

/// <summary>
/// Sign-in in up to three steps on one page: the password; then, for roles that need it, the authenticator code — or,
/// for a user not yet enrolled, enrolment (secret, first code, recovery codes shown once). Between steps only a
/// short-lived protected ticket travels in the form.
/// </summary>
public sealed class SignInModel(SignInService signIn, TwoFactor twoFactor, IStringLocalizer<Texts> t) : PageModel
{
    public IStringLocalizer T => t;
    public string? Message { get; private set; }
    public string? UserName { get; private set; }
    public string? ReturnUrl { get; private set; }
    /// <summary>password, code, enrol or recovery-codes.</summary>
    public string Step { get; private set; } = "password";
    public string? Ticket { get; private set; }
    public EnrolmentStart? Enrolment { get; private set; }
    public string[] RecoveryCodes { get; private set; } = [];

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    private string? Ip => HttpContext.Connection.RemoteIpAddress?.ToString();

    public async Task<IActionResult> OnPostAsync(string? username, string? password, string? returnUrl, CancellationToken ct)
    {
        UserName = username;
        ReturnUrl = returnUrl;
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
        {
            Message = t["SignIn.Missing"];
            return Page();
        }
        var (outcome, user) = await signIn.CheckAsync(username, password, Ip, ct);
        return await NextAsync(outcome, user, ct);
    }

    public async Task<IActionResult> OnPostCodeAsync(string? ticket, string? code, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = returnUrl;
        var (outcome, user) = await signIn.CompleteAsync(ticket, code, Ip, ct);
        if (outcome == SignInOutcome.WrongCode)
        {
            (Step, Ticket, Message) = ("code", ticket, t["SignIn.WrongCode"]);
            return Page();
        }
        return await NextAsync(outcome, user, ct);
    }

    public async Task<IActionResult> OnPostEnrolAsync(string? ticket, string? code, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = returnUrl;
        var (user, secret) = await twoFactor.ReadTicketAsync(ticket, ct);
        if (user is null || secret is null || user.TwoFactorEnabled)
        {
            Message = t["SignIn.Expired"];
            return Page();
        }
        var codes = await twoFactor.ConfirmAsync(user, secret, code, Ip, ct);
        if (codes is null)
        {
            (Step, Ticket, Message) = ("enrol", ticket, t["SignIn.WrongCode"]);
            Enrolment = new EnrolmentStart(Totp.ToBase32(secret), Totp.Uri(TwoFactor.Issuer, user.UserName, secret), ticket!);
            return Page();
        }
        // Enrolled with a good code: the user is signed in, and sees the recovery codes once.
        await SignInAsync(user);
        (Step, RecoveryCodes) = ("recovery-codes", codes);
        return Page();
    }

    private async Task<IActionResult> NextAsync(SignInOutcome outcome, AppUser? user, CancellationToken ct)
    {
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                await SignInAsync(user!);
                return LocalRedirect(ReturnUrl is { Length: > 0 } r && Url.IsLocalUrl(r) ? r : "/");
            case SignInOutcome.CodeRequired:
                (Step, Ticket) = ("code", twoFactor.Ticket(user!));
                return Page();
            case SignInOutcome.EnrolmentRequired:
                Enrolment = twoFactor.Start(user!);
                (Step, Ticket, Message) = ("enrol", Enrolment.EnrolmentToken, t["SignIn.EnrolNeeded"]);
                return Page();
            case SignInOutcome.LockedOut:
                Message = t["SignIn.LockedOut"];
                return Page();
            default:
                Message = t["SignIn.Failed"];
                return Page();
        }
    }

    private async Task SignInAsync(AppUser user)
    {
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignInService.PrincipalFor(user, CookieAuthenticationDefaults.AuthenticationScheme));
        if (user.PreferredLanguage is { } lang) HimayaServices.SetLanguageCookie(Response, lang);
    }
}
