using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Himaya.Platform;

/// <summary>What the form controls (<see cref="Ui"/>) need of a page: the error of a field, in the user's language.</summary>
public interface IFormPage
{
    string? ErrorFor(string field);
}

/// <summary>
/// Base of a page anyone may open without signing in (the public report form): texts and field errors as on the
/// signed-in pages, and nothing about a user.
/// </summary>
public abstract class PublicPage : PageModel, IFormPage
{
    public FieldErrors Errors { get; protected set; } = new();
    public IStringLocalizer T => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();

    public string? Value(string name) => Request.HasFormContentType && Request.Form.TryGetValue(name, out var v) ? v.ToString() : null;

    public string? ErrorFor(string field) => Errors.TextFor(field, T);
}
