using System.Globalization;
using Himaya.Features.Identity;
using Himaya.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Himaya.Features.Shared;

/// <summary>
/// Base of every signed-in page: resolves the current user from the database (a stale cookie signs out), exposes
/// the localiser, and turns use-case outcomes into page results. Field errors use the API's field names.
/// </summary>
public abstract class HimayaPage : PageModel
{
    public CurrentUser Me { get; private set; } = null!;
    public FieldErrors Errors { get; protected set; } = new();
    public IStringLocalizer T => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Program>>();
    public static string Culture => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
    public DateOnly Today => DateOnly.FromDateTime(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = await HttpContext.RequestServices.GetRequiredService<CurrentUserAccessor>().GetAsync(HttpContext.RequestAborted);
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
            var audit = HttpContext.RequestServices.GetRequiredService<Features.Audit.AuditLog>();
            await audit.RecordAsync(user, new Features.Audit.AuditEvent(Features.Audit.AuditActions.Denied,
                Detail: $"page {Request.Method} {Request.Path}: role not allowed", Succeeded: false), HttpContext.RequestAborted);
        }
    }

    public string? ErrorFor(string field) => Errors.All.TryGetValue(field, out var list) ? string.Join(" ", list.Select(Localise)) : null;

    /// <summary>Validation messages are English sentences from the shared validators; the resource files translate the common ones.</summary>
    public string Localise(string message) => T["Error." + message] is { ResourceNotFound: false } s ? s.Value : message;

    public IActionResult NotFoundPage() => NotFound();

    public IActionResult ForbiddenPage() => Forbid();
}
