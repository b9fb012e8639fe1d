using System.Globalization;
using System.Text.Json;

namespace Himaya.Platform;

/// <summary>One area's figure on a choropleth: a value, hidden (too few people behind it), or nothing to show.</summary>
public readonly record struct MapFigure(double Value, bool Hidden)
{
    public static readonly MapFigure NoData = new(double.NaN, false);
    public static readonly MapFigure Suppressed = new(double.NaN, true);

    public bool HasValue => !Hidden && !double.IsNaN(Value);
}

/// <summary>An area as district-map.js draws it: its name and figure as the reader reads them, and its colour class.</summary>
public sealed record ChoroplethArea(string Name, string Label, string Class);

/// <summary>A legend line: the colour class and what it stands for (a range of values, hidden, no data).</summary>
public sealed record ChoroplethKey(string Class, string Label);

/// <summary>
/// A figure per district as colour classes for the district map (district-map.js reads <see cref="Json"/> from the
/// page's "&lt;map id&gt;-values" block; the colours are the classes' in site.css, so the map and the legend cannot
/// disagree). Classes are equal steps of a round size (1, 2 or 5 × a power of ten) from 0, two to five of them, so that
/// the legend's bounds are numbers a reader can say. Hidden areas are hatched; areas with nothing to show stay plain.
/// </summary>
public sealed record Choropleth(IReadOnlyDictionary<string, ChoroplethArea> Areas, IReadOnlyList<ChoroplethKey> Legend)
{
    public const int MaxClasses = 5;
    public const string HiddenClass = "dm-hidden", NoDataClass = "dm-none";

    /// <param name="figures">The figure of each area by its code (every area the map should name in the reader's language).</param>
    /// <param name="name">An area's name in the reader's language.</param>
    /// <param name="valueText">A value as the page's table writes it (the tooltips).</param>
    /// <param name="percent">Whether values are shares (the legend writes them as percentages).</param>
    public static Choropleth Of(IReadOnlyDictionary<string, MapFigure> figures, Func<string, string> name, Func<double, string> valueText,
        bool percent, CultureInfo culture, string hiddenText, string noDataText)
    {
        var max = figures.Values.Where(f => f.HasValue).Select(f => f.Value).DefaultIfEmpty(double.NaN).Max();
        var step = double.IsNaN(max) ? double.NaN : Step(max);
        var count = double.IsNaN(step) ? 0 : Math.Clamp((int)Math.Ceiling((max / step) - 1e-9), 1, MaxClasses);
        // The palette's five shades spread over the classes in use, light to dark (one class only when all are zero: the lightest).
        string ClassOf(int i) => "dm-c" + (count <= 1 ? 0 : (int)Math.Round(i * (MaxClasses - 1) / (double)(count - 1))).ToString(CultureInfo.InvariantCulture);
        int Bin(double v) => Math.Clamp((int)Math.Floor((v / step) + 1e-9), 0, count - 1);

        var areas = new Dictionary<string, ChoroplethArea>(StringComparer.Ordinal);
        foreach (var (code, f) in figures)
        {
            areas[code] = f.HasValue ? new ChoroplethArea(name(code), valueText(f.Value), ClassOf(Bin(f.Value)))
                : f.Hidden ? new ChoroplethArea(name(code), hiddenText, HiddenClass)
                : new ChoroplethArea(name(code), noDataText, NoDataClass);
        }
        var legend = new List<ChoroplethKey>();
        var decimals = Decimals(step, percent);
        string Bound(double x) => x.ToString((percent ? "P" : "N") + decimals.ToString(CultureInfo.InvariantCulture), culture);
        for (var i = 0; i < count; i++) legend.Add(new ChoroplethKey(ClassOf(i), $"{Bound(i * step)}–{Bound((i + 1) * step)}"));
        if (figures.Values.Any(f => f.Hidden)) legend.Add(new ChoroplethKey(HiddenClass, hiddenText));
        if (figures.Values.Any(f => !f.Hidden && double.IsNaN(f.Value))) legend.Add(new ChoroplethKey(NoDataClass, noDataText));
        return new Choropleth(areas, legend);
    }

    /// <summary>The class width: the smallest of 1, 2, 5 × 10ⁿ that covers the largest value in five steps (all zero: 0.01).</summary>
    internal static double Step(double max)
    {
        if (max <= 0) return 0.01;
        var power = Math.Pow(10, Math.Floor(Math.Log10(max / MaxClasses)));
        foreach (var m in new[] { 1, 2, 5, 10 })
            if (m * power * MaxClasses >= max - 1e-12) return m * power;
        return 10 * power;
    }

    /// <summary>Enough decimals to write every bound exactly (at least two for plain numbers, none for whole percentages).</summary>
    private static int Decimals(double step, bool percent)
    {
        if (double.IsNaN(step)) return 0;
        var scaled = percent ? step * 100 : step;
        var d = Math.Max(0, -(int)Math.Floor(Math.Log10(scaled) + 1e-9));
        return percent ? d : Math.Max(2, d);
    }

    /// <summary>The areas as the map's JSON block: {code: {name, label, cls}}, safe inside a script element.</summary>
    public string Json() =>
        JsonSerializer.Serialize(Areas.ToDictionary(a => a.Key, a => new { name = a.Value.Name, label = a.Value.Label, cls = a.Value.Class }))
            .Replace("<", "\\u003c", StringComparison.Ordinal);
}
