using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Himaya.Platform;

/// <summary>
/// Accessible form controls in one place: every control has a label, an id, and its error message beside it
/// (aria-describedby + aria-invalid), so pages cannot forget any of them.
/// </summary>
public static class Ui
{
    // Azerbaijani and Cyrillic letters are written as themselves, not as numeric entities (same page, a third the size).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string E(string? s) => Encoder.Encode(s ?? "");

    private static string Wrap(IFormPage page, string name, string label, string control, bool required, string? hint = null)
    {
        var error = page.ErrorFor(name);
        var req = required ? " <span class=\"req\" aria-hidden=\"true\">*</span>" : "";
        var hintHtml = hint is null ? "" : $"<small class=\"hint\" id=\"{E(name)}-hint\">{E(hint)}</small>";
        var errorHtml = error is null ? "" : $"<span class=\"field-error\" id=\"{E(name)}-error\" role=\"alert\">{E(error)}</span>";
        return $"<div class=\"field{(error is null ? "" : " has-error")}\"><label for=\"f-{E(name)}\">{E(label)}{req}</label>{control}{hintHtml}{errorHtml}</div>";
    }

    private static string Aria(IFormPage page, string name, bool hint = false)
    {
        var error = page.ErrorFor(name) is not null;
        var ids = string.Join(' ', new[] { hint ? name + "-hint" : null, error ? name + "-error" : null }.Where(x => x is not null));
        return (error ? " aria-invalid=\"true\"" : "") + (ids.Length > 0 ? $" aria-describedby=\"{E(ids)}\"" : "");
    }

    public static IHtmlContent Text(IFormPage page, string name, string label, string? value, bool required = false, string type = "text", int? maxLength = null, string? hint = null, string? autocomplete = null, string? list = null)
    {
        var control = $"<input type=\"{type}\" id=\"f-{E(name)}\" name=\"{E(name)}\" value=\"{E(value)}\"{(required ? " required" : "")}{(maxLength is { } m ? $" maxlength=\"{m}\"" : "")}{(autocomplete is null ? "" : $" autocomplete=\"{E(autocomplete)}\"")}{(list is null ? "" : $" list=\"{E(list)}\"")}{Aria(page, name, hint is not null)}>";
        return new HtmlString(Wrap(page, name, label, control, required, hint));
    }

    /// <summary>
    /// A text field of one of several same-shaped forms on a page (one per row): its id is made unique with <paramref name="key"/>,
    /// and the field's error is shown only in the row whose form was sent.
    /// </summary>
    public static IHtmlContent RowText(IFormPage page, string name, string key, string label, string? value, bool showError, int? maxLength = null)
    {
        var error = showError ? page.ErrorFor(name) : null;
        var id = $"f-{name}-{key}";
        var errorHtml = error is null ? "" : $"<span class=\"field-error\" id=\"{E(id)}-error\" role=\"alert\">{E(error)}</span>";
        return new HtmlString($"<div class=\"field{(error is null ? "" : " has-error")}\"><label for=\"{E(id)}\">{E(label)}</label><input type=\"text\" id=\"{E(id)}\" name=\"{E(name)}\" value=\"{E(value)}\"{(maxLength is { } m ? $" maxlength=\"{m}\"" : "")}{(error is null ? "" : $" aria-invalid=\"true\" aria-describedby=\"{E(id)}-error\"")}>{errorHtml}</div>");
    }

    public static IHtmlContent TextArea(IFormPage page, string name, string label, string? value, bool required = false, int? maxLength = null, int rows = 3, string? hint = null)
    {
        var control = $"<textarea id=\"f-{E(name)}\" name=\"{E(name)}\" rows=\"{rows}\"{(required ? " required" : "")}{(maxLength is { } m ? $" maxlength=\"{m}\"" : "")}{Aria(page, name, hint is not null)}>{E(value)}</textarea>";
        return new HtmlString(Wrap(page, name, label, control, required, hint));
    }

    /// <summary>A group of checkboxes sharing one name (a multi-choice field), with the field's error beside the group.</summary>
    public static IHtmlContent Checks(IFormPage page, string name, string legend, IEnumerable<(string Value, string Text)> options, IReadOnlyCollection<string> chosen)
    {
        var error = page.ErrorFor(name);
        var boxes = string.Concat(options.Select((o, i) =>
            $"<span class=\"check\"><input type=\"checkbox\" id=\"f-{E(name)}-{i}\" name=\"{E(name)}\" value=\"{E(o.Value)}\"{(chosen.Contains(o.Value) ? " checked" : "")}><label for=\"f-{E(name)}-{i}\">{E(o.Text)}</label></span>"));
        var errorHtml = error is null ? "" : $"<span class=\"field-error\" id=\"{E(name)}-error\" role=\"alert\">{E(error)}</span>";
        return new HtmlString($"<fieldset class=\"field checks{(error is null ? "" : " has-error")}\" id=\"f-{E(name)}\"><legend>{E(legend)}</legend>{boxes}{errorHtml}</fieldset>");
    }

    public static IHtmlContent Select(IFormPage page, string name, string label, string? value, IEnumerable<(string Value, string Text)> options, bool required = false, bool allowEmpty = true, string? emptyText = null)
    {
        var opts = (allowEmpty ? $"<option value=\"\">{E(emptyText ?? "—")}</option>" : "") +
            string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(string.Equals(o.Value, value, StringComparison.Ordinal) ? " selected" : "")}>{E(o.Text)}</option>"));
        var control = $"<select id=\"f-{E(name)}\" name=\"{E(name)}\"{(required ? " required" : "")}{Aria(page, name)}>{opts}</select>";
        return new HtmlString(Wrap(page, name, label, control, required));
    }

    public static IHtmlContent Check(IFormPage page, string name, string label, bool value)
    {
        var error = page.ErrorFor(name);
        return new HtmlString($"<div class=\"field check\"><input type=\"checkbox\" id=\"f-{E(name)}\" name=\"{E(name)}\" value=\"true\"{(value ? " checked" : "")}{Aria(page, name)}><label for=\"f-{E(name)}\">{E(label)}</label>{(error is null ? "" : $"<span class=\"field-error\" id=\"{E(name)}-error\" role=\"alert\">{E(error)}</span>")}</div>");
    }

    /// <summary>Yes / No / Unknown for nullable booleans.</summary>
    public static IHtmlContent TriState(IFormPage page, string name, string label, bool? value, IStringLocalizer t) =>
        Select(page, name, label, value switch { true => "true", false => "false", null => "" }, [("true", t["Common.Yes"]), ("false", t["Common.No"])], emptyText: t["Common.Unknown"]);

    public static IEnumerable<(string, string)> EnumOptions<TEnum>(IStringLocalizer t) where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Select(n => (n, t[$"Enum.{typeof(TEnum).Name}.{n}"].Value));

    public static string EnumText(IStringLocalizer t, Enum? value) =>
        value is { } v ? t[$"Enum.{v.GetType().Name}.{v}"].Value : t["Common.Unknown"].Value;

    private static readonly TimeZoneInfo Baku = TimeZoneInfo.FindSystemTimeZoneById("Asia/Baku");

    /// <summary>Stored times are UTC; people read them in Azerbaijan time, formatted for their language.</summary>
    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Baku).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>A calendar date in the reader's language.</summary>
    public static string Date(DateOnly d) => d.ToString("d", System.Globalization.CultureInfo.CurrentCulture);

    public static string YesNo(IStringLocalizer t, bool? value) => value switch { true => t["Common.Yes"], false => t["Common.No"], null => t["Common.Unknown"] };
}
