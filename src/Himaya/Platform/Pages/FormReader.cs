using System.Globalization;

namespace Himaya.Platform;

/// <summary>Reads posted form values into the same input records the API uses; unparseable values become field errors.</summary>
public sealed class FormReader(IFormCollection form, FieldErrors errors)
{
    public string? Text(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString() : null;

    public bool Check(string name) => form.TryGetValue(name, out var v) && v.ToString() is "true" or "on";

    public bool? TriState(string name) => Text(name) switch { null => null, "true" => true, "false" => false, _ => Bad<bool?>(PlatformErrors.YesNoUnknown(name)) };

    public int? Int(string name) => Text(name) is not { } s ? null
        : int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : Bad<int?>(PlatformErrors.WholeNumber(name));

    /// <summary>A decimal as the API reads one (the user's culture, then the invariant; no group separators).</summary>
    public decimal? Decimal(string name) => QueryParse.Decimal(errors, name, Text(name));

    public Guid? Guid(string name) => Text(name) is not { } s ? null
        : System.Guid.TryParse(s, out var g) ? g : Bad<Guid?>(PlatformErrors.WrongFormat(name));

    public DateOnly? Date(string name) => Text(name) is not { } s ? null
        : DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : DateOnly.TryParse(s, CultureInfo.CurrentCulture, DateTimeStyles.None, out d) ? d
        : Bad<DateOnly?>(PlatformErrors.NotADate(name));

    public TEnum? Enum<TEnum>(string name) where TEnum : struct, System.Enum => Text(name) is not { } s ? null
        : EnumNames.TryParse<TEnum>(s, ignoreCase: false, out var v) ? v
        : Bad<TEnum?>(PlatformErrors.ChooseListed(name));

    private T Bad<T>(Refusal refusal)
    {
        errors.Add(refusal);
        return default!;
    }
}
