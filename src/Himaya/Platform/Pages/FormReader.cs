using System.Globalization;

namespace Himaya.Platform;

/// <summary>Reads posted form values into the same input records the API uses; unparseable values become field errors.</summary>
public sealed class FormReader(IFormCollection form, FieldErrors errors)
{
    public string? Text(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString() : null;

    public bool Check(string name) => form.TryGetValue(name, out var v) && v.ToString() is "true" or "on";

    public bool? TriState(string name) => Text(name) switch { null => null, "true" => true, "false" => false, _ => Bad<bool?>(name, "Choose yes, no or unknown.") };

    public int? Int(string name) => Text(name) is not { } s ? null
        : int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : Bad<int?>(name, "Must be a whole number.");

    public Guid? Guid(string name) => Text(name) is not { } s ? null
        : System.Guid.TryParse(s, out var g) ? g : Bad<Guid?>(name, "The value has the wrong type or format.");

    public DateOnly? Date(string name) => Text(name) is not { } s ? null
        : DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : DateOnly.TryParse(s, CultureInfo.CurrentCulture, DateTimeStyles.None, out d) ? d
        : Bad<DateOnly?>(name, "Not a valid date.");

    public TEnum? Enum<TEnum>(string name) where TEnum : struct, System.Enum => Text(name) is not { } s ? null
        : EnumNames.TryParse<TEnum>(s, ignoreCase: false, out var v) ? v
        : Bad<TEnum?>(name, "Choose one of the listed values.");

    private T Bad<T>(string name, string message)
    {
        errors.Add(name, message);
        return default!;
    }
}
