using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Himaya.Platform;

/// <summary>
/// The one way text becomes an enum value: exactly one defined member's name. <c>Enum.TryParse</c> also takes numbers
/// and comma lists ("Kinship, Foster"), which it ORs into undefined or, worse, other defined values; a stored undefined
/// value then breaks every read of the record. Every parser (JSON, query strings, forms, imported files) comes here.
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, bool ignoreCase, out T value) where T : struct, Enum
    {
        var names = ignoreCase ? Names<T>.IgnoringCase : Names<T>.Exact;
        if (text is not null && names.TryGetValue(text, out value)) return true;
        value = default;
        return false;
    }

    /// <summary>True for a single defined member (not a number outside the enum, not an OR of members).</summary>
    public static bool IsDefined(object value) => value.GetType() is { IsEnum: true } t && Enum.IsDefined(t, value);

    public static string List<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<string, T> Exact =
            Enum.GetValues<T>().ToFrozenDictionary(v => v.ToString(), StringComparer.Ordinal);
        public static readonly FrozenDictionary<string, T> IgnoringCase =
            Enum.GetValues<T>().ToFrozenDictionary(v => v.ToString(), StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>JSON enums by member name only (case-insensitive on read, as before); numbers and lists are refused.</summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && EnumNames.TryParse<T>(reader.GetString(), ignoreCase: true, out var v) ? v
                : throw new JsonException(Json.OneOfPrefix + EnumNames.List<T>() + ".");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            EnumNames.TryParse<T>(reader.GetString(), ignoreCase: true, out var v) ? v
                : throw new JsonException(Json.OneOfPrefix + EnumNames.List<T>() + ".");

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString());
    }
}
