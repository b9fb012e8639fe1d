using System.Text.Json;
using System.Text.Json.Serialization;

namespace Himaya.Platform;

/// <summary>Field errors keyed by the JSON (camelCase) field name, shared by the API (ProblemDetails) and the pages (ModelState).</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    // Private: every field error is a coded refusal (Add(Refusal)); its English text is what the API sends.
    private FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    private readonly Dictionary<string, List<Refusal>> _coded = new(StringComparer.Ordinal);

    /// <summary>A text field: required (unless told) and at most <paramref name="max"/> characters once trimmed, as it is stored.</summary>
    public FieldErrors Text(string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) Add(PlatformErrors.Required(field)); }
        else if (value.Trim().Length > max) Add(PlatformErrors.TooLong(field, max));
        return this;
    }

    /// <summary>A coded refusal about a field: its English text goes to the API, with its code under <c>codes</c>.</summary>
    public FieldErrors Add(Refusal refusal)
    {
        Add(refusal.Field, refusal.Message);
        if (!_coded.TryGetValue(refusal.Field, out var list)) _coded[refusal.Field] = list = [];
        list.Add(refusal);
        return this;
    }

    /// <summary>The coded refusals of a field (pages translate these by code, the rest by their text).</summary>
    public IReadOnlyList<Refusal> CodedFor(string field) => _coded.TryGetValue(field, out var list) ? list : [];

    public IReadOnlyDictionary<string, List<string>> All => _errors;

    /// <summary>Another check's refusals (the registry's rules inside a programme's request), those <paramref name="keep"/> keeps.</summary>
    public FieldErrors AddFrom(FieldErrors other, Func<Refusal, bool> keep)
    {
        foreach (var r in other._coded.Values.SelectMany(x => x).Where(keep).ToList()) Add(r);
        return this;
    }

    /// <summary>
    /// The same refusals under the fields a form shows (the API names list items, <c>targets[0].period</c>; a form may
    /// have one field for the list), each refusal once per field (the same code with other values stays: two districts in use).
    /// </summary>
    public FieldErrors OnFields(Func<string, string> field)
    {
        var moved = new FieldErrors();
        foreach (var r in _coded.Values.SelectMany(x => x))
        {
            var to = field(r.Field);
            if (moved.CodedFor(to).All(x => x.Code != r.Code || x.Message != r.Message)) moved.Add(r with { Field = to });
        }
        return moved;
    }

    /// <summary>A field's errors as one text in the user's language (coded ones by their code), or null when it has none.</summary>
    public string? TextFor(string field, Microsoft.Extensions.Localization.IStringLocalizer t)
    {
        if (!_errors.TryGetValue(field, out var list)) return null;
        var coded = CodedFor(field);
        return string.Join(" ", list.Select(m => coded.FirstOrDefault(r => r.Message == m) is { } r ? r.Localise(t) : m));
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    public IResult ToProblem() => TypedResults.ValidationProblem(ToDictionary(), title: "The request has invalid fields.", extensions: new Dictionary<string, object?>
        {
            ["codes"] = _coded.ToDictionary(kv => kv.Key, kv => kv.Value.Select(r => r.Code).ToArray(), StringComparer.Ordinal),
        });

}

public static class Json
{
    /// <summary>The API's one JSON shape: camelCase names, enums by member name, unknown fields refused.</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.Converters.Add(new StrictEnumConverterFactory());
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return o;
    }

    /// <summary>
    /// Reads a request body ourselves rather than through parameter binding, so malformed JSON and wrong types
    /// come back as a field error naming the offending property instead of an empty 400.
    /// </summary>
    public static async Task<(T? Value, FieldErrors? Errors)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType != typeof(T))
            throw new InvalidOperationException($"Endpoint {request.HttpContext.GetEndpoint()?.DisplayName} reads {typeof(T).Name}: declare it with .JsonBody<{typeof(T).Name}>().");
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, new FieldErrors().Add(PlatformErrors.BodyNotJson()));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, ct);
            return value is null ? (null, new FieldErrors().Add(PlatformErrors.BodyEmpty())) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, new FieldErrors().Add(Describe(FieldName(ex.Path), ex)));
        }
    }

    private static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "$";
        var p = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return p.Length == 0 ? "$" : p;
    }

    /// <summary>How the enum converter starts its message, so that the message reaches the caller as it is.</summary>
    internal const string OneOfPrefix = "Must be one of: ";

    private static Refusal Describe(string field, JsonException ex)
    {
        var m = ex.Message;
        if (m.StartsWith(OneOfPrefix, StringComparison.Ordinal))
            return PlatformErrors.OneOf(field, m[OneOfPrefix.Length..m.IndexOf('.', StringComparison.Ordinal)]);
        if (m.Contains("could not be mapped", StringComparison.Ordinal)) return PlatformErrors.UnknownField(field);
        if (m.Contains("could not be converted", StringComparison.Ordinal) || ex.InnerException is FormatException or InvalidOperationException)
            return PlatformErrors.WrongFormat(field);
        return PlatformErrors.BodyInvalid(field);
    }
}
