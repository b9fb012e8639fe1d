using System.Text.Json;
using Himaya.Deprivation;

namespace Himaya.Features.Deprivation;

/// <summary>
/// A registry framework as JSON, the form administrators and analysts edit:
/// <c>{"name": "az-moda", "ageGroups": [{"id": "0-4", "minAge": 0, "maxAge": 4, "missing": "drop", "dimensions": [{"name": "health",
/// "weight": 1, "aggregation": "union", "indicators": ["not_fully_immunised"]}, ...]}, ...]}</c>. Indicators are the ids of
/// <see cref="RegistryIndicators"/>. Every problem is named with its JSON path.
/// </summary>
public static class RegistryFrameworkJson
{
    public static (RegistryFramework? Framework, IReadOnlyList<string> Errors) Parse(string json, string version)
    {
        var errors = new List<string>();
        if (JsonInput.Parse(json, out var syntax) is not { } doc) return (null, [syntax!]);
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, ["$: expected an object with \"name\" and \"ageGroups\""]);
            string? name = null;
            if (!root.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(n.GetString())) errors.Add("$.name: required");
            else if ((name = n.GetString()!.Trim()).Length > 100 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
                errors.Add("$.name: at most 100 letters, digits, '-', '_' or '.'");
            if (!root.TryGetProperty("ageGroups", out var groups) || groups.ValueKind != JsonValueKind.Array || groups.GetArrayLength() == 0)
            {
                errors.Add("$.ageGroups: a non-empty list of age groups is required");
                return (null, errors);
            }
            var own = new List<RegistryIndicator>();
            if (root.TryGetProperty("indicators", out var ownList))
            {
                if (ownList.ValueKind != JsonValueKind.Array) errors.Add("$.indicators: a list of indicator definitions");
                else
                {
                    var k = 0;
                    foreach (var x in ownList.EnumerateArray())
                    {
                        var path = $"$.indicators[{k++}]";
                        if (IndicatorRules.Parse(x, path, errors) is { } ind)
                        {
                            if (own.Any(o => o.Id == ind.Id)) errors.Add($"{path}.id: \"{ind.Id}\" is defined twice");
                            else own.Add(ind);
                        }
                    }
                }
            }
            RegistryIndicator? Find(string id) => own.FirstOrDefault(o => o.Id == id) ?? RegistryIndicators.Find(id);
            var result = new List<AgeGroup>();
            var i = 0;
            foreach (var g in groups.EnumerateArray())
            {
                var path = $"$.ageGroups[{i++}]";
                if (g.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected an object"); continue; }
                var id = g.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(idEl.GetString()) ? idEl.GetString()!.Trim() : null;
                if (id is null) errors.Add($"{path}.id: required");
                else if (id.Length > 50) errors.Add($"{path}.id: at most 50 characters");
                else if (result.Any(x => x.Id == id)) errors.Add($"{path}.id: \"{id}\" is used twice");
                int Age(string property)
                {
                    if (g.TryGetProperty(property, out var a) && a.ValueKind == JsonValueKind.Number && a.TryGetInt32(out var v) && v is >= 0 and <= 17) return v;
                    errors.Add($"{path}.{property}: a whole number of years from 0 to 17");
                    return -1;
                }
                var (min, max) = (Age("minAge"), Age("maxAge"));
                if (min >= 0 && max >= 0 && min > max) errors.Add($"{path}.maxAge: below minAge");
                if (min >= 0 && max >= 0 && result.FirstOrDefault(x => x.MinAge <= max && min <= x.MaxAge) is { } overlap)
                    errors.Add($"{path}: ages {min}-{max} overlap the age group \"{overlap.Id}\"");
                // The dimensions and missing rule are a FRAMEWORK.json of their own: parsed by the engine's reader, paths prefixed.
                var (framework, fErrors) = Framework.Parse(g.GetRawText());
                foreach (var e in fErrors) errors.Add(e.StartsWith('$') ? path + e[1..] : $"{path}: {e}");
                if (framework is not null)
                {
                    foreach (var (dim, d) in framework.Dimensions.Select((x, d) => (x, d)))
                        foreach (var (ind, j) in dim.Indicators.Select((x, j) => (x, j)))
                            if (Find(ind) is null)
                                errors.Add($"{path}.dimensions[{d}].indicators[{j}]: \"{ind}\" is not a registry indicator (one of {string.Join(", ", own.Select(x => x.Id).Concat(RegistryIndicators.All.Select(x => x.Id)))})");
                }
                if (id is not null && min >= 0 && max >= 0 && framework is not null)
                    result.Add(new AgeGroup(id, min, max, framework with { Name = $"{name} {id}", Version = version }));
            }
            return errors.Count > 0 ? (null, errors) : (new RegistryFramework(name!, version, result) { OwnIndicators = own }, errors);
        }
    }

    public static string Write(RegistryFramework f)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("name", f.Id);
            if (f.OwnIndicators.Count > 0)
            {
                w.WriteStartArray("indicators");
                foreach (var ind in f.OwnIndicators)
                {
                    w.WriteStartObject();
                    w.WriteString("id", ind.Id);
                    w.WriteNumber("minAge", ind.MinAge);
                    w.WriteNumber("maxAge", ind.MaxAge);
                    w.WritePropertyName("when");
                    using (var when = JsonDocument.Parse(ind.Definition!)) when.RootElement.WriteTo(w);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteStartArray("ageGroups");
            foreach (var g in f.AgeGroups)
            {
                w.WriteStartObject();
                w.WriteString("id", g.Id);
                w.WriteNumber("minAge", g.MinAge);
                w.WriteNumber("maxAge", g.MaxAge);
                w.WriteString("missing", g.Framework.Missing == MissingRule.Drop ? "drop" : "observed");
                w.WriteStartArray("dimensions");
                foreach (var d in g.Framework.Dimensions)
                {
                    w.WriteStartObject();
                    w.WriteString("name", d.Name);
                    w.WriteNumber("weight", d.Weight);
                    Framework.WriteAggregation(w, d);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }
}
