using System.Globalization;

namespace Himaya.Platform;

/// <summary>Query-string values for the API: an empty value is absent; a value that does not parse is a field error.</summary>
public static class QueryParse
{
    public static int? Int(FieldErrors e, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        e.Add(PlatformErrors.WholeNumber(field));
        return null;
    }

    /// <summary>A number as a person types it: with their own language's decimal mark (1 234,5 in az and ru) or a point (1234.5).</summary>
    public static decimal? Decimal(FieldErrors e, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim().Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        // No group separators: az writes 1.234 for a thousand, which must not pass for 1.234 elsewhere; spaces are dropped.
        const NumberStyles plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (decimal.TryParse(text, plain, CultureInfo.CurrentCulture, out var n) || decimal.TryParse(text, plain, CultureInfo.InvariantCulture, out n)) return n;
        e.Add(PlatformErrors.Number(field));
        return null;
    }

    public static bool? Bool(FieldErrors e, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (bool.TryParse(value, out var b)) return b;
        e.Add(PlatformErrors.TrueOrFalse(field));
        return null;
    }

    public static Guid? Guid(FieldErrors e, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (System.Guid.TryParse(value, CultureInfo.InvariantCulture, out var g)) return g;
        e.Add(PlatformErrors.NotAnId(field));
        return null;
    }

    /// <summary>An enum filter whose refusal the endpoint words itself (its texts predate this parser); names match exactly.</summary>
    public static T? Enum<T>(FieldErrors e, string? value, Func<Refusal> refusal) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (EnumNames.TryParse<T>(value, ignoreCase: false, out var v)) return v;
        e.Add(refusal());
        return null;
    }

    public static T? Enum<T>(FieldErrors e, string field, string? value) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (EnumNames.TryParse<T>(value, ignoreCase: true, out var v)) return v;
        e.Add(PlatformErrors.OneOf(field, EnumNames.List<T>()));
        return null;
    }

    /// <summary>An enum field that must be given: missing is <c>field.required</c>, unknown <c>field.one-of</c> (names match ignoring case).</summary>
    public static T? RequiredEnum<T>(FieldErrors e, string field, string? value) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value)) { e.Add(PlatformErrors.Required(field)); return null; }
        return Enum<T>(e, field, value);
    }
}
