using System.Globalization;
using System.Text.Json;

namespace Himaya.Deprivation;

/// <summary>
/// How a dimension turns its indicators into one deprivation: MODA's union (deprived in any), intersection (in all), or
/// weighted (the indicator-weighted share of its observed indicators in which the child is deprived reaches the
/// dimension's threshold).
/// </summary>
public enum Aggregation { Union, Intersection, Weighted }

/// <summary>
/// What to do with a child whose indicators are not all known. Drop (MODA's default): the child leaves the analysis.
/// Observed: the child stays and is counted over what is known — a dimension is observed when at least one of its
/// indicators is, and its status comes from its observed indicators; an unobserved dimension counts as not deprived.
/// </summary>
public enum MissingRule { Drop, Observed }

/// <param name="IndicatorWeights">Relative weights of the indicators (null: equal); they matter to the weighted aggregation.</param>
/// <param name="Threshold">For the weighted aggregation: the weighted share of deprived indicators at which the dimension is deprived.</param>
public sealed record Dimension(string Name, double Weight, IReadOnlyList<string> Indicators, Aggregation Aggregation = Aggregation.Union,
    IReadOnlyList<double>? IndicatorWeights = null, double Threshold = 0.5)
{
    public double IndicatorWeight(int i) => IndicatorWeights is { } w ? w[i] : 1.0;

    /// <summary>
    /// Whether a child is observed and deprived in this dimension, from its indicators' values in <see cref="Indicators"/>
    /// order (1, 0, or -1 missing): observed when any is known; deprived by the aggregation over the known ones.
    /// </summary>
    public (bool Observed, bool Deprived) Status(ReadOnlySpan<sbyte> values)
    {
        double seen = 0, bad = 0;
        int seenCount = 0, badCount = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < 0) continue;
            seenCount++;
            seen += IndicatorWeight(i);
            if (values[i] > 0) { badCount++; bad += IndicatorWeight(i); }
        }
        if (seenCount == 0) return (false, false);
        return (true, Aggregation switch
        {
            Aggregation.Union => badCount > 0,
            Aggregation.Intersection => badCount == seenCount,
            _ => bad >= (Threshold * seen) - 1e-12,
        });
    }
}

/// <summary>
/// A deprivation framework for one age group: dimensions with relative weights (normalised to sum to 1), each a set of
/// indicators (column names) aggregated by union or intersection, and the missing-data rule.
/// </summary>
public sealed record Framework(IReadOnlyList<Dimension> Dimensions, MissingRule Missing = MissingRule.Drop, string? Name = null, string? Version = null)
{
    /// <summary>Most dimensions one analysis takes (a child's deprivations are a 32-bit mask).</summary>
    public const int MaxDimensions = 32;

    /// <summary>Most distinct indicators one analysis takes (a child's indicators are a 64-bit mask).</summary>
    public const int MaxIndicators = 64;

    /// <summary>Every indicator of every dimension, in order, each once.</summary>
    public IReadOnlyList<string> Indicators => [.. Dimensions.SelectMany(d => d.Indicators).Distinct(StringComparer.Ordinal)];

    /// <summary>Weights normalised to sum to 1, in dimension order.</summary>
    public double[] NormalisedWeights
    {
        get
        {
            var total = Dimensions.Sum(d => d.Weight);
            return [.. Dimensions.Select(d => d.Weight / total)];
        }
    }

    /// <summary>
    /// Reads FRAMEWORK.json: <c>{"name"?, "version"?, "missing": "drop"|"observed", "dimensions": [{"name", "weight"?, "indicators": [...],
    /// "aggregation"?: "union"|"intersection"}]}</c>. Every problem is reported with its JSON path; nothing is returned then.
    /// </summary>
    public static (Framework? Framework, IReadOnlyList<string> Errors) Parse(string json)
    {
        var errors = new List<string>();
        if (JsonInput.Parse(json, out var syntax) is not { } doc) return (null, [syntax!]);
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, ["$: expected an object with \"dimensions\""]);
            var missing = MissingRule.Drop;
            if (root.TryGetProperty("missing", out var m))
            {
                if (m.ValueKind != JsonValueKind.String || m.GetString() is not { } ms || !TryMissing(ms, out missing))
                    errors.Add("$.missing: must be \"drop\" or \"observed\"");
            }
            string? Text(string property)
            {
                if (!root.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null) return null;
                if (v.ValueKind == JsonValueKind.String) return v.GetString();
                if (v.ValueKind == JsonValueKind.Number) return v.GetRawText();
                errors.Add($"$.{property}: must be text");
                return null;
            }
            var name = Text("name");
            var version = Text("version");
            var dims = new List<Dimension>();
            if (!root.TryGetProperty("dimensions", out var arr) || arr.ValueKind != JsonValueKind.Array || arr.GetArrayLength() == 0)
            {
                errors.Add("$.dimensions: a non-empty list of dimensions is required");
                return (null, errors);
            }
            if (arr.GetArrayLength() > MaxDimensions) errors.Add($"$.dimensions: at most {MaxDimensions} dimensions");
            var names = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var d in arr.EnumerateArray())
            {
                var path = $"$.dimensions[{i++}]";
                if (d.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected an object"); continue; }
                string? dimName = null;
                if (!d.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(n.GetString()))
                    errors.Add($"{path}.name: required");
                else if (!names.Add(dimName = n.GetString()!.Trim())) errors.Add($"{path}.name: \"{dimName}\" is named twice");
                var weight = 1.0;
                if (d.TryGetProperty("weight", out var w))
                {
                    if (w.ValueKind != JsonValueKind.Number || !w.TryGetDouble(out weight) || !(weight > 0) || double.IsInfinity(weight))
                        errors.Add($"{path}.weight: must be a number above 0");
                }
                var aggregation = Aggregation.Union;
                if (d.TryGetProperty("aggregation", out var ag))
                {
                    // One member's name only: Enum.TryParse would also take "union, intersection" (ORed into Intersection) or "1".
                    var named = ag.ValueKind == JsonValueKind.String ? Enum.GetNames<Aggregation>()
                        .FirstOrDefault(x => string.Equals(x, ag.GetString(), StringComparison.OrdinalIgnoreCase)) : null;
                    if (named is null) errors.Add($"{path}.aggregation: must be \"union\", \"intersection\" or \"weighted\"");
                    else aggregation = Enum.Parse<Aggregation>(named);
                }
                var threshold = 0.5;
                if (d.TryGetProperty("threshold", out var th))
                {
                    if (th.ValueKind != JsonValueKind.Number || !th.TryGetDouble(out threshold) || !(threshold > 0) || threshold > 1)
                        errors.Add($"{path}.threshold: a share above 0 and at most 1");
                    else if (aggregation != Aggregation.Weighted) errors.Add($"{path}.threshold: only for \"aggregation\": \"weighted\"");
                }
                var indicators = new List<string>();
                var indicatorWeights = new List<double>();
                if (!d.TryGetProperty("indicators", out var ind) || ind.ValueKind != JsonValueKind.Array || ind.GetArrayLength() == 0)
                    errors.Add($"{path}.indicators: a non-empty list of column names is required");
                else
                {
                    var j = 0;
                    foreach (var x in ind.EnumerateArray())
                    {
                        // An indicator is a column name, or {"name": column, "weight": w} to weigh it within its dimension.
                        var (column, iw) = x.ValueKind == JsonValueKind.Object
                            ? (x.TryGetProperty("name", out var xn) && xn.ValueKind == JsonValueKind.String ? xn.GetString() : null,
                               x.TryGetProperty("weight", out var xw) ? (xw.ValueKind == JsonValueKind.Number && xw.TryGetDouble(out var wv) && wv > 0 && double.IsFinite(wv) ? wv : -1) : 1)
                            : (x.ValueKind == JsonValueKind.String ? x.GetString() : null, 1.0);
                        if (string.IsNullOrWhiteSpace(column)) errors.Add($"{path}.indicators[{j}]: must be a column name (or {{\"name\", \"weight\"}})");
                        else if (iw <= 0) errors.Add($"{path}.indicators[{j}].weight: must be a number above 0");
                        else if (indicators.Contains(column.Trim(), StringComparer.Ordinal)) errors.Add($"{path}.indicators[{j}]: \"{column}\" is listed twice");
                        else { indicators.Add(column.Trim()); indicatorWeights.Add(iw); }
                        j++;
                    }
                }
                if (dimName is not null)
                    dims.Add(new Dimension(dimName, weight, indicators, aggregation, indicatorWeights.All(x => x == 1) ? null : indicatorWeights, threshold));
            }
            if (dims.SelectMany(x => x.Indicators).Distinct(StringComparer.Ordinal).Count() > MaxIndicators) errors.Add($"$.dimensions: at most {MaxIndicators} distinct indicators in all");
            return errors.Count > 0 ? (null, errors) : (new Framework(dims, missing, name, version), errors);
        }
    }

    private static bool TryMissing(string s, out MissingRule rule)
    {
        switch (s.Trim().ToLowerInvariant())
        {
            case "drop": rule = MissingRule.Drop; return true;
            case "observed": rule = MissingRule.Observed; return true;
            default: rule = MissingRule.Drop; return false;
        }
    }

    /// <summary>The missing-data rule as said in every output.</summary>
    public string MissingText => Missing == MissingRule.Drop
        ? "drop: a child with any indicator missing is left out of the analysis"
        : "observed: a child is counted over its observed dimensions; an unobserved dimension counts as not deprived";

    /// <summary>This framework as FRAMEWORK.json (what <see cref="Parse"/> reads and `himaya moda --framework` takes).</summary>
    public string ToJson()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            if (Name is not null) w.WriteString("name", Name);
            if (Version is not null) w.WriteString("version", Version);
            w.WriteString("missing", Missing == MissingRule.Drop ? "drop" : "observed");
            w.WriteStartArray("dimensions");
            foreach (var d in Dimensions)
            {
                w.WriteStartObject();
                w.WriteString("name", d.Name);
                w.WriteNumber("weight", d.Weight);
                WriteAggregation(w, d);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>A dimension's aggregation and indicators as FRAMEWORK.json writes them (weights and threshold only when they matter).</summary>
    public static void WriteAggregation(Utf8JsonWriter w, Dimension d)
    {
        w.WriteString("aggregation", d.Aggregation.ToString().ToLowerInvariant());
        if (d.Aggregation == Aggregation.Weighted) w.WriteNumber("threshold", d.Threshold);
        w.WriteStartArray("indicators");
        for (var i = 0; i < d.Indicators.Count; i++)
        {
            if (d.IndicatorWeights is null) { w.WriteStringValue(d.Indicators[i]); continue; }
            w.WriteStartObject();
            w.WriteString("name", d.Indicators[i]);
            w.WriteNumber("weight", d.IndicatorWeight(i));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name ?? "framework"} {Version} ({Dimensions.Count} dimensions)");
}
