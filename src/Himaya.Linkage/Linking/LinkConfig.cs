using System.Globalization;
using System.Text.Json;

namespace Himaya.Linkage.Linking;

/// <summary>How a column is compared. Each kind has its own comparison levels (see <see cref="Comparisons"/>).</summary>
public enum FieldKind { Name, Surname, Patronymic, Date, Id, Exact, Text, Sex, District }

/// <summary>One compared column. <paramref name="Format"/> is a .NET date format for <see cref="FieldKind.Date"/> (e.g. yyyyMMdd).</summary>
public sealed record FieldSpec(string Column, FieldKind Kind, string? Format = null, bool TermFrequency = true);

/// <summary>
/// What to compare, as read from LINK.json: the id column and the compared fields. Optional: explicit blocking rules
/// (each a list of columns that must agree exactly after the kind's normalisation; when absent, rules are derived
/// from the kinds) and the two thresholds.
/// </summary>
public sealed record LinkConfig(string Id, IReadOnlyList<FieldSpec> Fields)
{
    public IReadOnlyList<IReadOnlyList<string>>? Blocking { get; init; }
    /// <summary>Pairs at or above this match probability are linked.</summary>
    public double MatchThreshold { get; init; } = Defaults.MatchThreshold;
    /// <summary>Pairs from here up to <see cref="MatchThreshold"/> go to clerical review.</summary>
    public double ReviewThreshold { get; init; } = Defaults.ReviewThreshold;

    public static class Defaults
    {
        public const double MatchThreshold = 0.9;
        public const double ReviewThreshold = 0.5;
    }

    private static readonly Dictionary<string, FieldKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = FieldKind.Name, ["given_name"] = FieldKind.Name, ["surname"] = FieldKind.Surname, ["patronymic"] = FieldKind.Patronymic,
        ["date"] = FieldKind.Date, ["id"] = FieldKind.Id, ["exact"] = FieldKind.Exact, ["text"] = FieldKind.Text,
        ["sex"] = FieldKind.Sex, ["district"] = FieldKind.District,
    };

    /// <summary>Parses LINK.json. Every problem is reported with its JSON path; nothing is guessed.</summary>
    public static (LinkConfig? Config, IReadOnlyList<string> Errors) Parse(string json)
    {
        var errors = new List<string>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, [$"config: not valid JSON ({e.Message})"]);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, ["config: must be a JSON object"]);
            var id = Str(root, "id", "id", errors, required: true);
            var fields = new List<FieldSpec>();
            if (!root.TryGetProperty("fields", out var fs) || fs.ValueKind != JsonValueKind.Array || fs.GetArrayLength() == 0)
            {
                errors.Add("fields: must be a non-empty array of {\"column\", \"kind\"}");
            }
            else
            {
                var i = 0;
                foreach (var f in fs.EnumerateArray())
                {
                    var path = $"fields[{i++}]";
                    if (f.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: must be an object"); continue; }
                    var column = Str(f, "column", path + ".column", errors, required: true);
                    var kindText = Str(f, "kind", path + ".kind", errors, required: true);
                    var format = Str(f, "format", path + ".format", errors, required: false);
                    var tf = !f.TryGetProperty("tf", out var tfe) || tfe.ValueKind != JsonValueKind.False;
                    if (kindText is not null && !Kinds.TryGetValue(kindText, out _))
                        errors.Add($"{path}.kind: unknown kind \"{kindText}\" (one of: name, surname, patronymic, date, id, exact, text, sex, district)");
                    if (format is not null && (kindText is null || !Kinds.TryGetValue(kindText, out var k0) || k0 != FieldKind.Date))
                        errors.Add($"{path}.format: only a date field has a format");
                    if (format is not null && !ValidDateFormat(format)) errors.Add($"{path}.format: \"{format}\" is not a date format with year, month and day");
                    if (column is not null && column == id) errors.Add($"{path}.column: \"{column}\" is the id column");
                    if (column is not null && fields.Any(x => x.Column == column)) errors.Add($"{path}.column: \"{column}\" is listed twice");
                    if (column is not null && kindText is not null && Kinds.TryGetValue(kindText, out var kind))
                        fields.Add(new FieldSpec(column, kind, format, tf));
                }
            }
            if (fields.Count > 20) errors.Add("fields: at most 20 compared fields");
            List<IReadOnlyList<string>>? blocking = null;
            if (root.TryGetProperty("blocking", out var bl))
            {
                blocking = [];
                if (bl.ValueKind != JsonValueKind.Array) errors.Add("blocking: must be an array of arrays of column names");
                else
                {
                    var i = 0;
                    foreach (var rule in bl.EnumerateArray())
                    {
                        var path = $"blocking[{i++}]";
                        if (rule.ValueKind != JsonValueKind.Array || rule.GetArrayLength() == 0) { errors.Add($"{path}: must be a non-empty array of column names"); continue; }
                        var cols = new List<string>();
                        foreach (var c in rule.EnumerateArray())
                        {
                            if (c.ValueKind != JsonValueKind.String) { errors.Add($"{path}: column names must be strings"); continue; }
                            var name = c.GetString()!;
                            if (!fields.Any(x => x.Column == name)) errors.Add($"{path}: \"{name}\" is not one of the compared fields");
                            cols.Add(name);
                        }
                        blocking.Add(cols);
                    }
                }
            }
            var match = Num(root, "threshold", errors) ?? Defaults.MatchThreshold;
            var review = Num(root, "review_threshold", errors) ?? Math.Min(Defaults.ReviewThreshold, match);
            if (review > match) errors.Add("review_threshold: must not exceed threshold");
            if (errors.Count > 0 || id is null) return (null, errors);
            return (new LinkConfig(id, fields) { Blocking = blocking, MatchThreshold = match, ReviewThreshold = review }, errors);
        }
    }

    private static string? Str(JsonElement e, string name, string path, List<string> errors, bool required)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            if (required) errors.Add($"{path}: is required");
            return null;
        }
        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
        {
            errors.Add($"{path}: must be a non-empty string");
            return null;
        }
        return v.GetString()!;
    }

    private static double? Num(JsonElement e, string name, List<string> errors)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || d is <= 0 or >= 1)
        {
            errors.Add($"{name}: must be a probability between 0 and 1 (exclusive)");
            return null;
        }
        return d;
    }

    private static bool ValidDateFormat(string format)
    {
        try
        {
            var s = new DateTime(2013, 11, 24).ToString(format, CultureInfo.InvariantCulture);
            return DateTime.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back) && back == new DateTime(2013, 11, 24);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
