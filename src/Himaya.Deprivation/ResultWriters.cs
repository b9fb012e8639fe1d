using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Himaya.Deprivation;

/// <summary>
/// The analysis as JSON (the shape `himaya moda --format json` promises, see README) and as a long CSV table. Both carry
/// the same numbers at full precision; fractions are between 0 and 1, contributions in percent.
/// </summary>
public static class ResultWriters
{
    /// <summary>NaN (a suppressed figure) is written as null.</summary>
    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsNaN(value)) w.WriteNull(name); else w.WriteNumber(name, value);
    }

    /// <param name="extra">Writes further properties into the same object (e.g. the registry's date and scope).</param>
    /// <param name="venn">Three dimension indexes: also write their overlap (the 7 regions of the Venn diagram and none), for everyone.</param>
    public static void WriteJson(DeprivationResult r, Stream output, bool indented = true, Action<Utf8JsonWriter>? extra = null, int[]? venn = null)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented });
        w.WriteStartObject();
        w.WriteNumber("n", r.Total.N);
        w.WriteNumber("nDropped", r.Total.NDropped);
        w.WriteStartArray("dimensions");
        foreach (var d in r.Dimensions) w.WriteStringValue(d);
        w.WriteEndArray();
        WriteMeasures(w, r, r.Total);
        w.WriteStartArray("groups");
        foreach (var g in r.Groups)
        {
            w.WriteStartObject();
            w.WriteStartObject("by");
            for (var c = 0; c < r.GroupColumns.Count; c++) w.WriteString(r.GroupColumns[c], g.By[c]);
            w.WriteEndObject();
            if (g.Suppressed)
            {
                // Fewer children than the smallest cell allowed: nothing of the group is shown.
                w.WriteBoolean("suppressed", true);
                w.WriteEndObject();
                continue;
            }
            Number(w, "share", g.Share);
            w.WriteNumber("n", g.N);
            w.WriteNumber("nDropped", g.NDropped);
            WriteMeasures(w, r, g);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        // What produced the numbers, so that a result file says how to read it.
        w.WriteStartObject("framework");
        if (r.Framework.Name is { } name) w.WriteString("name", name);
        if (r.Framework.Version is { } version) w.WriteString("version", version);
        w.WriteString("missing", r.Framework.Missing == MissingRule.Drop ? "drop" : "observed");
        w.WriteString("missingRule", r.Framework.MissingText);
        w.WriteStartObject("weights");
        for (var d = 0; d < r.Dimensions.Count; d++) w.WriteNumber(r.Dimensions[d], r.Weights[d]);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteBoolean("weighted", r.Weighted);
        if (venn is [var va, var vb, var vc])
        {
            // Regions named by the dimensions they are deprived in, e.g. "water+sanitation"; "none" for none of the three.
            var regions = r.Total.Overlaps(va, vb, vc);
            w.WriteStartObject("overlaps");
            w.WriteStartArray("dimensions");
            foreach (var d in venn) w.WriteStringValue(r.Dimensions[d]);
            w.WriteEndArray();
            w.WriteStartObject("regions");
            for (var region = 0; region < 8; region++)
            {
                var regionName = region == 0 ? "none" : string.Join('+', Enumerable.Range(0, 3).Where(i => (region & (1 << i)) != 0).Select(i => r.Dimensions[venn[i]]));
                Number(w, regionName, regions[region]);
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        if (r.VarianceMethod is { } method)
        {
            w.WriteStartObject("variance");
            w.WriteString("method", method);
            w.WriteNumber("singlePsuStrata", r.SinglePsuStrata);
            w.WriteEndObject();
        }
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>A group's share of the total M0 at cut-off index <paramref name="k"/>, in percent: share × M0(group) / M0 (the groups' sum to 100).</summary>
    public static double GroupContribution(DeprivationResult r, GroupMeasures g, int k) =>
        r.Total.ByK[k].M0 is var total && total > 0 && !double.IsNaN(g.ByK[k].M0) && !double.IsNaN(g.Share) ? 100 * g.Share * g.ByK[k].M0 / total : double.NaN;

    private static void WriteMeasures(Utf8JsonWriter w, DeprivationResult r, GroupMeasures g)
    {
        Number(w, "population", g.Population);
        w.WriteStartArray("byK");
        for (var ki = 0; ki < g.ByK.Length; ki++)
        {
            var k = g.ByK[ki];
            w.WriteStartObject();
            Number(w, "k", k.K);
            Number(w, "H", k.H);
            Number(w, "A", k.A);
            Number(w, "M0", k.M0);
            if (g != r.Total) Number(w, "contributionToM0", GroupContribution(r, g, ki));
            if (!double.IsNaN(k.SeH))
            {
                Number(w, "seH", k.SeH);
                Number(w, "seM0", k.SeM0);
                w.WriteStartArray("ciH");
                w.WriteNumberValue(k.CiH.Low);
                w.WriteNumberValue(k.CiH.High);
                w.WriteEndArray();
                w.WriteStartArray("ciM0");
                w.WriteNumberValue(k.CiM0.Low);
                w.WriteNumberValue(k.CiM0.High);
                w.WriteEndArray();
            }
            w.WriteStartObject("censoredHeadcount");
            for (var d = 0; d < r.Dimensions.Count; d++) Number(w, r.Dimensions[d], k.CensoredHeadcount[d]);
            w.WriteEndObject();
            w.WriteStartObject("contribution");
            for (var d = 0; d < r.Dimensions.Count; d++) Number(w, r.Dimensions[d], k.Contribution[d]);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("distribution");
        w.WriteStartObject("exactly");
        for (var m = 0; m < g.Exactly.Length; m++) Number(w, m.ToString(CultureInfo.InvariantCulture), g.Exactly[m]);
        w.WriteEndObject();
        w.WriteStartObject("atLeast");
        for (var m = 1; m < g.AtLeast.Length; m++) Number(w, m.ToString(CultureInfo.InvariantCulture), g.AtLeast[m]);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("headcount");
        w.WriteStartObject("dimensions");
        for (var d = 0; d < r.Dimensions.Count; d++) Number(w, r.Dimensions[d], g.DimensionHeadcount[d]);
        w.WriteEndObject();
        w.WriteStartObject("indicators");
        for (var i = 0; i < r.Indicators.Count; i++) Number(w, r.Indicators[i], g.IndicatorHeadcount[i]);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>One figure of the long table: which group, k (empty when it does not depend on k), measure, name, value (NaN: suppressed).</summary>
    public readonly record struct Figure(string Group, string K, string Measure, string Name, double Value);

    /// <summary>
    /// Every figure of the result, one per line, in the order of the CSV: <c>group</c> is <c>(all)</c> or
    /// <c>col=value;col=value</c>; <c>name</c> is the dimension, the indicator, or m for the distribution. The CSV and
    /// the spreadsheet download are both written from this, so their numbers are the same.
    /// </summary>
    public static IEnumerable<Figure> Figures(DeprivationResult r)
    {
        foreach (var f in Figures(r, r.Total, "(all)")) yield return f;
        foreach (var g in r.Groups)
            foreach (var f in Figures(r, g, string.Join(';', r.GroupColumns.Select((c, i) => c + "=" + g.By[i])))) yield return f;
    }

    private static IEnumerable<Figure> Figures(DeprivationResult r, GroupMeasures g, string group)
    {
        if (g.Suppressed)
        {
            yield return new(group, "", "suppressed", "", 1);
            yield break;
        }
        yield return new(group, "", "n", "", g.N);
        yield return new(group, "", "nDropped", "", g.NDropped);
        yield return new(group, "", "population", "", g.Population);
        yield return new(group, "", "share", "", g.Share);
        for (var ki = 0; ki < g.ByK.Length; ki++)
        {
            var k = g.ByK[ki];
            var ks = k.K.ToString("R", CultureInfo.InvariantCulture);
            yield return new(group, ks, "H", "", k.H);
            yield return new(group, ks, "A", "", k.A);
            yield return new(group, ks, "M0", "", k.M0);
            if (g != r.Total) yield return new(group, ks, "contributionToM0", "", GroupContribution(r, g, ki));
            if (!double.IsNaN(k.SeH))
            {
                yield return new(group, ks, "seH", "", k.SeH);
                yield return new(group, ks, "seM0", "", k.SeM0);
                yield return new(group, ks, "ciH", "low", k.CiH.Low);
                yield return new(group, ks, "ciH", "high", k.CiH.High);
                yield return new(group, ks, "ciM0", "low", k.CiM0.Low);
                yield return new(group, ks, "ciM0", "high", k.CiM0.High);
            }
            for (var d = 0; d < r.Dimensions.Count; d++) yield return new(group, ks, "censoredHeadcount", r.Dimensions[d], k.CensoredHeadcount[d]);
            for (var d = 0; d < r.Dimensions.Count; d++) yield return new(group, ks, "contribution", r.Dimensions[d], k.Contribution[d]);
        }
        for (var m = 0; m < g.Exactly.Length; m++) yield return new(group, "", "exactly", m.ToString(CultureInfo.InvariantCulture), g.Exactly[m]);
        for (var m = 1; m < g.AtLeast.Length; m++) yield return new(group, "", "atLeast", m.ToString(CultureInfo.InvariantCulture), g.AtLeast[m]);
        for (var d = 0; d < r.Dimensions.Count; d++) yield return new(group, "", "dimensionHeadcount", r.Dimensions[d], g.DimensionHeadcount[d]);
        for (var i = 0; i < r.Indicators.Count; i++) yield return new(group, "", "indicatorHeadcount", r.Indicators[i], g.IndicatorHeadcount[i]);
    }

    /// <summary>The figures as CSV: <c>group,k,measure,name,value</c>; a suppressed figure is an empty value.</summary>
    public static void WriteCsv(DeprivationResult r, TextWriter w)
    {
        w.Write("group,k,measure,name,value\n");
        foreach (var f in Figures(r))
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"{Quote(f.Group)},{f.K},{f.Measure},{Quote(f.Name)},{(double.IsNaN(f.Value) ? "" : f.Value.ToString("R", CultureInfo.InvariantCulture))}\n"));
    }

    private static string Quote(string s) => s.AsSpan().IndexOfAny(",\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string ToJson(DeprivationResult r)
    {
        using var ms = new MemoryStream();
        WriteJson(r, ms);
        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
