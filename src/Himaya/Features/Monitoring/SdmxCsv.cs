using System.Text;

namespace Himaya.Features.Monitoring;

/// <summary>
/// SDMX-CSV 1.0 as the UNICEF data warehouse writes it: a header row naming the columns (DATAFLOW, REF_AREA, INDICATOR,
/// the dimensions, TIME_PERIOD, OBS_VALUE, UNIT_MEASURE, OBS_STATUS, …), one observation per row. A file written with
/// labels ("REF_AREA:Geographic area", "AZE: Azerbaijan") is read by its codes.
/// </summary>
public static class SdmxCsv
{
    public const string Dataflow = "HIMAYA:CHILD_RIGHTS(1.0)";
    private static readonly string[] Required = ["REF_AREA", "INDICATOR", "TIME_PERIOD", "OBS_VALUE"];

    public static ParsedFile Read(string text)
    {
        var lines = Csv.Lines(text);
        if (lines.Count == 0) return ParsedFile.Unreadable("The file is empty.");
        // "REF_AREA:Geographic area" in a file written with labels: the column's code is before the colon.
        var header = lines[0].Fields.Select(h => h.Split(':')[0].Trim().ToUpperInvariant()).ToList();
        var missing = Required.Where(r => !header.Contains(r)).ToList();
        if (missing.Count > 0) return ParsedFile.Unreadable($"The header has no {string.Join(", ", missing)} column.");
        int At(string name) => header.IndexOf(name);
        var dims = Disaggregations.Dimensions.Where(header.Contains).ToList();
        var rows = new List<Observation>();
        var rejected = new List<LineProblem>();
        foreach (var (number, fields) in lines.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Length == 0) continue; // a blank line
            if (fields.Count != header.Count) { rejected.Add(new(number, $"{fields.Count} fields where the header has {header.Count}.")); continue; }
            string Field(string name) => Code(fields[At(name)]);
            var period = Periods.FromSdmx(Field("TIME_PERIOD"));
            if (period is null) { rejected.Add(new(number, $"TIME_PERIOD '{Field("TIME_PERIOD")}' is not a year, quarter (2024-Q1) or month (2024-03).")); continue; }
            if (!Numbers.TryValue(Field("OBS_VALUE"), out var value)) { rejected.Add(new(number, $"OBS_VALUE '{Field("OBS_VALUE")}' is not a number.")); continue; }
            var parts = dims.Select(d => new KeyValuePair<string, string>(d, Field(d))).Where(p => p.Value.Length > 0).ToList();
            if (parts.FirstOrDefault(p => !Disaggregations.IsValue(p.Value)) is { Key: not null } bad) { rejected.Add(new(number, $"{bad.Key} '{bad.Value}' is not a code.")); continue; }
            var status = header.Contains("OBS_STATUS") ? Field("OBS_STATUS") : "";
            rows.Add(new(number, Field("INDICATOR"), Field("REF_AREA"), period, parts.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), value,
                status.Length == 0 ? null : status));
        }
        return new(rows, rejected, null);
    }

    /// <summary>The rows of one indicator, the dimensions any of them uses as columns (empty where a row has none).</summary>
    public static string Write(IEnumerable<(string Indicator, string Unit, string Place, string Period, IReadOnlyDictionary<string, string> Disaggregation, decimal Value, string? ObsStatus)> rows)
    {
        var list = rows.ToList();
        var dims = Disaggregations.Dimensions.Where(d => list.Any(r => r.Disaggregation.ContainsKey(d))).ToList();
        var sb = new StringBuilder();
        sb.Append(string.Join(',', ["DATAFLOW", "REF_AREA", "INDICATOR", .. dims, "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE", "OBS_STATUS"])).Append("\r\n");
        foreach (var r in list)
        {
            string[] fields = [Dataflow, r.Place, r.Indicator, .. dims.Select(d => r.Disaggregation.GetValueOrDefault(d, "")), r.Period, Numbers.Format(r.Value), r.Unit, r.ObsStatus ?? ""];
            sb.Append(string.Join(',', fields.Select(Csv.Quote))).Append("\r\n");
        }
        return sb.ToString();
    }

    /// <summary>"AZE: Azerbaijan" → "AZE": a file written with labels is read by its codes.</summary>
    private static string Code(string field)
    {
        var t = field.Trim();
        var colon = t.IndexOf(':', StringComparison.Ordinal);
        // DATAFLOW values hold a colon of their own (UNICEF:CME(1.0)); only "CODE: label" (with the space) is a label.
        return colon > 0 && colon + 1 < t.Length && t[colon + 1] == ' ' ? t[..colon].Trim() : t;
    }
}

/// <summary>RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
internal static class Csv
{
    public static List<(int Number, List<string> Fields)> Lines(string text)
    {
        var result = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    result.Add((start, fields));
                    fields = [];
                    start = ++line;
                    break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); result.Add((start, fields)); }
        // A byte-order mark belongs to the file, not to the first column's name.
        if (result.Count > 0 && result[0].Item2.Count > 0) result[0].Item2[0] = result[0].Item2[0].TrimStart('\uFEFF');
        return result;
    }

    public static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
