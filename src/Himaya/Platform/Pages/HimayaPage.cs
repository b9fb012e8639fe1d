using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Himaya.Platform;

/// <summary>
/// Base of every signed-in page: resolves the current user from the database (a stale cookie signs out), exposes
/// the localiser, and turns use-case outcomes into page results. Field errors use the API's field names.
/// </summary>
public abstract partial class HimayaPage : PageModel, IFormPage
{
    public CurrentUser Me { get; private set; } = null!;
    public FieldErrors Errors { get; protected set; } = new();
    public IStringLocalizer T => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();
    public static string Culture => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
    public DateOnly Today => DateOnly.FromDateTime(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = await HttpContext.RequestServices.GetRequiredService<ICurrentUserSource>().GetAsync(HttpContext.RequestAborted);
        if (user is null)
        {
            context.Result = Challenge();
            return;
        }
        Me = user;
        var executed = await next();
        // Pages refuse through Forbid(); the API's Requires filter audits its own refusals, this covers the pages.
        if (executed.Result is ForbidResult)
        {
            var audit = HttpContext.RequestServices.GetRequiredService<Himaya.Platform.AuditLog>();
            await audit.RecordAsync(user, new Himaya.Platform.AuditEvent(Himaya.Platform.AuditActions.Denied,
                Detail: $"page {Request.Method} {Request.Path}: role not allowed", Succeeded: false), HttpContext.RequestAborted);
        }
    }

    /// <summary>A value the user sent in this request's form (to refill a form that was refused), or null.</summary>
    public string? Value(string name) => Request.HasFormContentType && Request.Form.TryGetValue(name, out var v) ? v.ToString() : null;

    /// <summary>All values of a multi-choice field the user sent in this request's form.</summary>
    public IReadOnlyCollection<string> Values(string name) => Request.HasFormContentType && Request.Form.TryGetValue(name, out var v) ? [.. v.Select(x => x ?? "")] : [];

    public string? ErrorFor(string field)
    {
        if (!Errors.All.TryGetValue(field, out var list)) return null;
        var coded = Errors.CodedFor(field);
        return string.Join(" ", list.Select(m => coded.FirstOrDefault(r => r.Message == m) is { } r ? r.Localise(T) : Localise(m)));
    }

    /// <summary>A conflict's text in the user's language: by its code when it has one, else by its English text.</summary>
    public string Localise<TValue>(Outcome<TValue>.Conflict c) => c.Refusal is { } r ? r.Localise(T) : Localise(c.Message);

    /// <summary>The panels other features show in a slot of this page (see <see cref="PagePanel"/>).</summary>
    public IEnumerable<PagePanel> PanelsFor(string slot) => HttpContext.RequestServices.GetServices<PagePanel>().For(slot);

    public string Localise(string message) => Localise(T, message);

    /// <summary>Validation messages are English sentences from the shared validators; the resource files translate the common ones.</summary>
    public static string Localise(IStringLocalizer T, string message)
    {
        if (T["Error." + message] is { ResourceNotFound: false } exact) return exact.Value;
        // Messages that carry a value map to one text per kind.
        if (AtMost().Match(message) is { Success: true } m) return T["Error.AtMost", m.Groups[1].Value].Value;
        var kind = message switch
        {
            _ when message.StartsWith("Unknown district", StringComparison.Ordinal) => "Error.UnknownDistrict",
            _ when message.StartsWith("The FIN", StringComparison.Ordinal) => "Error.FinFormat",
            _ when message.StartsWith("The birth certificate", StringComparison.Ordinal) || message.StartsWith("The series", StringComparison.Ordinal)
                || message.StartsWith("The number after the series", StringComparison.Ordinal) || message.StartsWith("The part of the series", StringComparison.Ordinal) => "Error.CertificateFormat",
            _ when message.StartsWith("Someone else", StringComparison.Ordinal) => "Error.ConcurrentEdit",
            _ when message.StartsWith("Password must be", StringComparison.Ordinal) => "Users.PasswordHint",
            _ when message.StartsWith("Close or cancel the open referrals", StringComparison.Ordinal) || message.StartsWith("The case has open referrals", StringComparison.Ordinal) => "Error.OpenReferrals",
            _ when message.Contains(" serves children aged ", StringComparison.Ordinal) || message.Contains(" does not serve ", StringComparison.Ordinal) => "Error.ServiceNotForChild",
            _ when message.StartsWith("The case is waiting for the supervisor", StringComparison.Ordinal) => "Error.WaitingForSupervisor",
            _ when message.StartsWith("The initial assessment belongs", StringComparison.Ordinal) || message.StartsWith("The comprehensive assessment was already", StringComparison.Ordinal)
                || message.StartsWith("The plan was already approved", StringComparison.Ordinal) => "Error.StepDone",
            _ when message.StartsWith("A referral that is ", StringComparison.Ordinal) || message.StartsWith("The referral changed", StringComparison.Ordinal) => "Error.ReferralChanged",
            _ => null,
        };
        return kind is null ? message : T[kind].Value;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^At most (\d+) characters\.$")]
    private static partial System.Text.RegularExpressions.Regex AtMost();

    public IActionResult NotFoundPage() => NotFound();

    public IActionResult ForbiddenPage() => Forbid();
}
