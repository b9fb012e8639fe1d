using System.Text.Json;
using Himaya.Features.Registry;

namespace Himaya.Features.Deprivation;

/// <summary>
/// Indicators a framework defines for itself, as conditions over registry fields:
/// <c>{"id": "no_assistance", "minAge": 0, "maxAge": 17, "when": {"all": [{"field": "receivesTsa", "equals": false},
/// {"field": "peoplePerRoom", "above": 2}]}}</c>. A condition is <c>{"field", "in": [...]}</c>, <c>{"field", "equals": v}</c>,
/// <c>{"field", "above": n}</c>, <c>{"field", "below": n}</c>, <c>{"all": [...]}</c> or <c>{"any": [...]}</c>. The child is
/// deprived when it holds, not deprived when it does not, and unknown when a field it needs is not recorded.
/// </summary>
public static class IndicatorRules
{
    private enum Kind { Text, Flag, Number }

    /// <summary>The fields a rule may read, with the values a text field can take.</summary>
    private static readonly Dictionary<string, (Kind Kind, string[] Values, Func<ChildFacts, int, object?> Read)> Fields = new(StringComparer.Ordinal)
    {
        ["age"] = (Kind.Number, [], (_, age) => (double)age),
        ["sex"] = (Kind.Text, Enum.GetNames<Sex>(), (c, _) => c.Sex.ToString()),
        ["residence"] = (Kind.Text, Enum.GetNames<Residence>(), (c, _) => c.Residence?.ToString()),
        ["displacement"] = (Kind.Text, Enum.GetNames<Displacement>(), (c, _) => c.Displacement.ToString()),
        ["functionalDifficulty"] = (Kind.Flag, [], (c, _) => c.HasFunctionalDifficulty),
        ["officialDisabilityStatus"] = (Kind.Flag, [], (c, _) => c.OfficialDisabilityStatus),
        ["enrolment"] = (Kind.Text, Enum.GetNames<Enrolment>(), (c, _) => c.Enrolment?.ToString()),
        ["immunisation"] = (Kind.Text, Enum.GetNames<Immunisation>(), (c, _) => c.Immunisation == Immunisation.Unknown ? null : c.Immunisation.ToString()),
        ["birthRegistered"] = (Kind.Flag, [], (c, _) => c.BirthRegistered),
        ["careArrangement"] = (Kind.Text, Enum.GetNames<CareArrangement>(), (c, _) => c.CareArrangement.ToString()),
        ["receivesTsa"] = (Kind.Flag, [], (c, _) => c.ReceivesTsa),
        ["waterSource"] = (Kind.Text, Enum.GetNames<WaterSource>(), (c, _) => c.WaterSource?.ToString()),
        ["sanitation"] = (Kind.Text, Enum.GetNames<Sanitation>(), (c, _) => c.Sanitation?.ToString()),
        ["rooms"] = (Kind.Number, [], (c, _) => c.Rooms is { } r ? (double)r : null),
        ["people"] = (Kind.Number, [], (c, _) => c.People is { } p ? (double)p : null),
        ["peoplePerRoom"] = (Kind.Number, [], (c, _) => c.Rooms is > 0 && c.People is { } p ? (double)p / c.Rooms.Value : null),
    };

    public static IEnumerable<string> FieldNames => Fields.Keys;

    /// <summary>Reads one indicator definition; problems are added with their JSON path.</summary>
    public static RegistryIndicator? Parse(JsonElement e, string path, List<string> errors)
    {
        if (e.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected an object"); return null; }
        var id = e.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.String ? idEl.GetString()?.Trim() : null;
        if (string.IsNullOrEmpty(id) || id.Length > 50 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_'))) errors.Add($"{path}.id: up to 50 letters, digits or '_'");
        else if (RegistryIndicators.Find(id) is not null) errors.Add($"{path}.id: \"{id}\" is a built-in indicator; choose another id");
        int Age(string property, int fallback)
        {
            if (!e.TryGetProperty(property, out var a)) return fallback;
            if (a.ValueKind == JsonValueKind.Number && a.TryGetInt32(out var v) && v is >= 0 and <= 17) return v;
            errors.Add($"{path}.{property}: a whole number of years from 0 to 17");
            return fallback;
        }
        var (min, max) = (Age("minAge", 0), Age("maxAge", 17));
        if (min > max) errors.Add($"{path}.maxAge: below minAge");
        if (!e.TryGetProperty("when", out var when)) { errors.Add($"{path}.when: the condition is required"); return null; }
        var condition = Condition(when, path + ".when", errors);
        if (condition is null || id is null) return null;
        return new RegistryIndicator(id, min, max, (c, age) => condition(c, age) switch { true => 1, false => 0, null => -1 }) { Definition = when.GetRawText() };
    }

    private static Func<ChildFacts, int, bool?>? Condition(JsonElement e, string path, List<string> errors)
    {
        if (e.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected a condition object"); return null; }
        foreach (var (combinator, all) in new[] { ("all", true), ("any", false) })
        {
            if (!e.TryGetProperty(combinator, out var list)) continue;
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0) { errors.Add($"{path}.{combinator}: a non-empty list of conditions"); return null; }
            var parts = list.EnumerateArray().Select((x, i) => Condition(x, $"{path}.{combinator}[{i}]", errors)).ToList();
            if (parts.Any(p => p is null)) return null;
            return all
                ? (c, age) => { var r = parts.Select(p => p!(c, age)).ToList(); return r.Contains(false) ? false : r.Contains(null) ? null : true; }
                : (c, age) => { var r = parts.Select(p => p!(c, age)).ToList(); return r.Contains(true) ? true : r.Contains(null) ? null : false; };
        }
        if (!e.TryGetProperty("field", out var f) || f.ValueKind != JsonValueKind.String) { errors.Add($"{path}.field: one of {string.Join(", ", Fields.Keys)}"); return null; }
        if (!Fields.TryGetValue(f.GetString()!, out var field)) { errors.Add($"{path}.field: \"{f.GetString()}\" is not one of {string.Join(", ", Fields.Keys)}"); return null; }
        var read = field.Read;
        if (e.TryGetProperty("above", out var above) || e.TryGetProperty("below", out above))
        {
            var isAbove = e.TryGetProperty("above", out _);
            if (field.Kind != Kind.Number || above.ValueKind != JsonValueKind.Number) { errors.Add($"{path}: \"above\" and \"below\" take a number and a numeric field"); return null; }
            var limit = above.GetDouble();
            return (c, age) => read(c, age) is double v ? (isAbove ? v > limit : v < limit) : null;
        }
        var values = new List<JsonElement>();
        if (e.TryGetProperty("equals", out var eq)) values.Add(eq);
        else if (e.TryGetProperty("in", out var inList) && inList.ValueKind == JsonValueKind.Array && inList.GetArrayLength() > 0) values.AddRange(inList.EnumerateArray());
        else { errors.Add($"{path}: one of \"in\" (a non-empty list), \"equals\", \"above\", \"below\""); return null; }
        var accepted = new List<object>();
        foreach (var v in values)
        {
            switch (field.Kind)
            {
                case Kind.Text when v.ValueKind == JsonValueKind.String && field.Values.Contains(v.GetString(), StringComparer.Ordinal): accepted.Add(v.GetString()!); break;
                case Kind.Flag when v.ValueKind is JsonValueKind.True or JsonValueKind.False: accepted.Add(v.GetBoolean()); break;
                case Kind.Number when v.ValueKind == JsonValueKind.Number: accepted.Add(v.GetDouble()); break;
                default:
                    errors.Add($"{path}: {v.GetRawText()} is not a value of {f.GetString()}" + (field.Values.Length > 0 ? $" (one of {string.Join(", ", field.Values)})" : field.Kind == Kind.Flag ? " (true or false)" : " (a number)"));
                    return null;
            }
        }
        return (c, age) => read(c, age) is { } v ? accepted.Any(a => a.Equals(v)) : null;
    }

}
