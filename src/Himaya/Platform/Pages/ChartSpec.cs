namespace Himaya.Platform;

public enum ChartKind { Bar, Line, Doughnut }

/// <summary>One set of bars, one line, or a doughnut's slices. A null value is a figure that may not be published
/// (suppressed): the chart leaves it out and says so; it never becomes a zero or a number.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<double?> Values);

/// <summary>
/// What <see cref="ChartTagHelper"/> draws: labels along one axis, one value per label in each series. Every text is
/// already in the user's language. A bar chart with many labels is drawn with horizontal bars (wwwroot/js/charts.js).
/// </summary>
public sealed record ChartSpec(ChartKind Kind, string Title, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>The name of the labels' axis (and of the first column of the chart's own table).</summary>
    public string? LabelTitle { get; init; }
    public string? ValueTitle { get; init; }
    /// <summary>Values are shares from 0 to 1, shown as percentages.</summary>
    public bool Percent { get; init; }
    /// <summary>The id of a table on the page that already holds these figures; without one the chart brings its own.</summary>
    public string? TableId { get; init; }
    /// <summary>The threshold the note on hidden figures names.</summary>
    public int MinCell { get; init; } = TableSuppression.MinCell;
}
