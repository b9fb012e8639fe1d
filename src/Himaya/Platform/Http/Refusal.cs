using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Himaya.Platform;

/// <summary>
/// An expected refusal, identified by a stable code (<c>case.plan-not-waiting</c>). Its text is kept once per language in
/// the UI texts as <c>Error.&lt;code&gt;</c>: the API sends the code with the English text (ProblemDetails <c>code</c>),
/// pages show the user's language, its arguments translated too (an enum argument by its own text). So nothing decides
/// what went wrong by reading an English sentence.
/// </summary>
public sealed record Refusal(string Code, string Field, IReadOnlyList<object?> Args, bool IsFieldError = false)
{
    public const string TextPrefix = "Error.";

    /// <summary>Refused because of the record's state (a conflict, 409).</summary>
    public static Refusal Of(string code, string field, params object?[] args) => new(code, field, args);

    /// <summary>Refused because of what was sent in <paramref name="field"/> (a field error, 400).</summary>
    public static Refusal OnField(string code, string field, params object?[] args) => new(code, field, args, IsFieldError: true);

    /// <summary>The English text, as the API has always sent it (its <c>api</c> text if it has one; enum arguments by their names).</summary>
    public string Message => string.Format(CultureInfo.InvariantCulture, ApiText(Code) ?? Code,
        [.. Args.Select(a => a switch { null => "", TextArg x => x.English, _ => Convert.ToString(a, CultureInfo.InvariantCulture) })]);

    public static string? ApiText(string code) =>
        JsonStringLocalizer.Find(JsonStringLocalizer.Api, TextPrefix + code) ?? JsonStringLocalizer.Find("en", TextPrefix + code);

    public string Localise(IStringLocalizer t)
    {
        var text = t[TextPrefix + Code];
        if (text.ResourceNotFound) return Message;
        return string.Format(CultureInfo.CurrentCulture, text.Value, [.. Args.Select(a => Arg(t, a))]);
    }

    private static string Arg(IStringLocalizer t, object? a) => a switch
    {
        null => "",
        TextArg x => t[x.Key] is { ResourceNotFound: false } s ? s.Value : x.English,
        Enum e when t[$"{e.GetType().Name}.{e}"] is { ResourceNotFound: false } s => s.Value,
        Enum e when t[$"Enum.{e.GetType().Name}.{e}"] is { ResourceNotFound: false } s => s.Value,
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => a.ToString() ?? "",
    };
}

/// <summary>An argument shown as a UI text (<paramref name="Key"/>) on pages and as <paramref name="English"/> in the API.</summary>
public sealed record TextArg(string Key, string English)
{
    public override string ToString() => English;
}
