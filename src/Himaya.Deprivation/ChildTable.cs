namespace Himaya.Deprivation;

/// <summary>
/// Children as columns, ready for the engine: each indicator a column of 1 (deprived), 0 (not deprived) or -1 (missing);
/// an optional sampling weight per child; grouping columns as small integer codes with their labels. Columnar and
/// compact (one byte per child and indicator), so 3,000,000 children × 16 indicators take 48 MB.
/// </summary>
public sealed class ChildTable
{
    public const sbyte Missing = -1;

    public ChildTable(int count, IReadOnlyList<string> indicatorNames, sbyte[][] indicators, double[]? weights,
        IReadOnlyList<string> groupColumns, int[][] groupCodes, IReadOnlyList<string[]> groupLabels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (indicators.Length != indicatorNames.Count || indicators.Any(c => c.Length < count)) throw new ArgumentException("One column of length count per indicator.", nameof(indicators));
        if (weights is not null && weights.Length < count) throw new ArgumentException("One weight per child.", nameof(weights));
        if (groupCodes.Length != groupColumns.Count || groupLabels.Count != groupColumns.Count || groupCodes.Any(c => c.Length < count))
            throw new ArgumentException("One code column and one label list per grouping column.", nameof(groupCodes));
        Count = count;
        IndicatorNames = indicatorNames;
        Indicators = indicators;
        Weights = weights;
        GroupColumns = groupColumns;
        GroupCodes = groupCodes;
        GroupLabels = groupLabels;
    }

    public int Count { get; }
    public IReadOnlyList<string> IndicatorNames { get; }
    public sbyte[][] Indicators { get; }
    /// <summary>Sampling weights (null: every child weighs 1).</summary>
    public double[]? Weights { get; }
    public IReadOnlyList<string> GroupColumns { get; }
    public int[][] GroupCodes { get; }
    public IReadOnlyList<string[]> GroupLabels { get; }

    /// <summary>Survey design: the stratum of each child (codes; null = one stratum).</summary>
    public int[]? Strata { get; init; }
    /// <summary>Survey design: the primary sampling unit (cluster) of each child, unique within its stratum (codes; null = each child its own).</summary>
    public int[]? Clusters { get; init; }
    /// <summary>Whether the data are a sample (standard errors are then estimated): a weight or design column was given.</summary>
    public bool IsSample => Weights is not null || Strata is not null || Clusters is not null;

    public int IndicatorIndex(string name)
    {
        for (var i = 0; i < IndicatorNames.Count; i++) if (string.Equals(IndicatorNames[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }
}
