using System.Text.Json;
using System.Text.Json.Nodes;

namespace Himaya.Features.Monitoring;

/// <summary>
/// DHIS2's dataValueSets JSON: {"dataValues": [{"dataElement", "period", "orgUnit", "categoryOptionCombo", "value"}]},
/// with period and orgUnit also allowed once at the top for every value. The data element is the indicator's code, the
/// org unit the place's code, and the category option combo the disaggregation's canonical key ("SEX=F;AGE=Y3T5");
/// none, or DHIS2's default combo, is the total. A value's "line" is its place in dataValues, from 1.
/// </summary>
public static class Dhis2DataValueSets
{
    /// <summary>The UID DHIS2 gives its default category option combo: a value without breakdown.</summary>
    public const string DefaultCombo = "HllvX50cXC0";

    public static ParsedFile Read(string text)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(text); }
        catch (JsonException e) { return ParsedFile.Unreadable("The file is not JSON: " + e.Message); }
        if (root is not JsonObject top || top["dataValues"] is not JsonArray values) return ParsedFile.Unreadable("The file has no dataValues array.");
        var period0 = Str(top, "period");
        var org0 = Str(top, "orgUnit");
        var rows = new List<Observation>();
        var rejected = new List<LineProblem>();
        for (var i = 0; i < values.Count; i++)
        {
            var line = i + 1;
            if (values[i] is not JsonObject v) { rejected.Add(new(line, "Not an object.")); continue; }
            var element = Str(v, "dataElement");
            var org = Str(v, "orgUnit") ?? org0;
            var rawPeriod = Str(v, "period") ?? period0;
            if (element is null || org is null) { rejected.Add(new(line, "dataElement and orgUnit are required.")); continue; }
            var period = Periods.FromDhis2(rawPeriod);
            if (period is null) { rejected.Add(new(line, $"period '{rawPeriod}' is not a year, quarter (2024Q1) or month (202403).")); continue; }
            if (!Numbers.TryValue(Str(v, "value"), out var value)) { rejected.Add(new(line, $"value '{Str(v, "value")}' is not a number.")); continue; }
            var combo = Str(v, "categoryOptionCombo");
            var parts = Combo(combo);
            if (parts is null) { rejected.Add(new(line, $"categoryOptionCombo '{combo}' is not a breakdown Himaya knows (DIMENSION=CODE;…).")); continue; }
            rows.Add(new(line, element, org, period, parts, value, null));
        }
        return new(rows, rejected, null);
    }

    public static string Write(IEnumerable<(string Indicator, string Place, string Period, string Disaggregation, decimal Value)> rows)
    {
        var values = new JsonArray();
        foreach (var r in rows)
        {
            values.Add(new JsonObject
            {
                ["dataElement"] = r.Indicator, ["period"] = Periods.ToDhis2(r.Period), ["orgUnit"] = r.Place,
                ["categoryOptionCombo"] = r.Disaggregation.Length == 0 ? DefaultCombo : r.Disaggregation, ["value"] = Numbers.Format(r.Value),
            });
        }
        return new JsonObject { ["dataValues"] = values }.ToJsonString();
    }

    private static IReadOnlyDictionary<string, string>? Combo(string? combo)
    {
        if (combo is null || combo.Length == 0 || combo == DefaultCombo) return new Dictionary<string, string>();
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in combo.Split(';'))
        {
            var kv = p.Split('=', 2);
            if (kv.Length != 2 || !Disaggregations.Dimensions.Contains(kv[0]) || kv[1].Length == 0 || !Disaggregations.IsValue(kv[1]) || !parts.TryAdd(kv[0], kv[1])) return null;
        }
        return parts;
    }

    private static string? Str(JsonObject o, string name) => o[name] is JsonValue v
        ? v.TryGetValue<string>(out var s) ? s : v.ToJsonString()
        : null;
}
