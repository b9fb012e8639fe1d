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
public abstract class HimayaPage : PageModel, IFormPage
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

    public string? ErrorFor(string field) => Errors.TextFor(field, T);

    /// <summary>A conflict's text in the user's language, by its code.</summary>
    public string Localise<TValue>(Outcome<TValue>.Conflict c) => c.Refusal is { } r ? r.Localise(T) : c.Message;

    /// <summary>The panels other features show in a slot of this page (see <see cref="PagePanel"/>).</summary>
    public IEnumerable<PagePanel> PanelsFor(string slot) => HttpContext.RequestServices.GetServices<PagePanel>().For(slot);

    public IActionResult NotFoundPage() => NotFound();

    public IActionResult ForbiddenPage() => Forbid();
}
