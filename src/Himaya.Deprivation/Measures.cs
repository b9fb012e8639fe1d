namespace Himaya.Deprivation;

/// <summary>
/// Alkire–Foster measures at one cut-off k: headcount H, intensity A, adjusted headcount M0 = H × A, censored headcounts
/// and contributions (percent) per dimension. For survey data, the standard errors of H and M0 (Taylor linearisation,
/// see <see cref="SurveyVariance"/>); NaN when not estimated.
/// </summary>
public sealed record KMeasures(double K, double H, double A, double M0, double[] CensoredHeadcount, double[] Contribution)
{
    public double SeH { get; init; } = double.NaN;
    public double SeM0 { get; init; } = double.NaN;

    /// <summary>95% confidence interval (normal approximation), clipped to [0, 1].</summary>
    public (double Low, double High) CiH => (Math.Max(0, H - (1.959964 * SeH)), Math.Min(1, H + (1.959964 * SeH)));
    public (double Low, double High) CiM0 => (Math.Max(0, M0 - (1.959964 * SeM0)), Math.Min(1, M0 + (1.959964 * SeM0)));
}

/// <summary>
/// The measures of one population (everyone analysed, or one subgroup). Fractions are between 0 and 1 and weighted by
/// the sampling weights when there are any; <see cref="N"/> and <see cref="NDropped"/> count children.
/// </summary>
public sealed class GroupMeasures
{
    private readonly IReadOnlyDictionary<uint, double> _masks;

    internal GroupMeasures(string[] by, int n, int nDropped, double population, double share, KMeasures[] byK, double[] exactly, double[] atLeast,
        double[] dimensionHeadcount, double[] indicatorHeadcount, IReadOnlyDictionary<uint, double> masks, bool suppressed = false)
    {
        Suppressed = suppressed;
        By = by;
        N = n;
        NDropped = nDropped;
        Population = population;
        Share = share;
        ByK = byK;
        Exactly = exactly;
        AtLeast = atLeast;
        DimensionHeadcount = dimensionHeadcount;
        IndicatorHeadcount = indicatorHeadcount;
        _masks = masks;
    }

    /// <summary>Too few children to show anything of this group (see <see cref="Suppression"/>).</summary>
    public bool Suppressed { get; }

    /// <summary>The group's value of each grouping column (empty for the whole population).</summary>
    public string[] By { get; }
    public int N { get; }
    public int NDropped { get; }
    /// <summary>Sum of the sampling weights of the children analysed (N when unweighted).</summary>
    public double Population { get; }
    /// <summary>This group's weighted share of the whole population analysed.</summary>
    public double Share { get; }
    public KMeasures[] ByK { get; }
    /// <summary>Share of children deprived in exactly m dimensions, m = 0..D.</summary>
    public double[] Exactly { get; }
    /// <summary>Share of children deprived in at least m dimensions, m = 0..D (AtLeast[0] = 1).</summary>
    public double[] AtLeast { get; }
    /// <summary>Uncensored deprivation rate per dimension, among the children whose dimension is observed.</summary>
    public double[] DimensionHeadcount { get; }
    /// <summary>Deprivation rate per indicator (in <see cref="DeprivationResult.Indicators"/> order), among the children for whom it is known.</summary>
    public double[] IndicatorHeadcount { get; }

    /// <summary>
    /// The overlap of three dimensions (indexes a, b, c): the share of children in each of the 8 regions of their Venn
    /// diagram. Region r has bit 0 set when deprived in a, bit 1 in b, bit 2 in c; region 0 is deprived in none of the three.
    /// </summary>
    public double[] Overlaps(int a, int b, int c)
    {
        var regions = new double[8];
        if (Suppressed) { Array.Fill(regions, double.NaN); return regions; }
        if (Population <= 0) return regions;
        foreach (var (mask, weight) in _masks)
        {
            var r = (int)((mask >> a) & 1) | (int)(((mask >> b) & 1) << 1) | (int)(((mask >> c) & 1) << 2);
            regions[r] += weight;
        }
        for (var r = 0; r < 8; r++) regions[r] /= Population;
        // The eight regions sum to 1: one hidden region could be worked out from the others, so all go together.
        if (MinCell > 0 && regions.Any(x => double.IsNaN(Suppression.Hide(x, N, MinCell)))) Array.Fill(regions, double.NaN);
        return regions;
    }

    /// <summary>Set on a suppressed copy: overlaps are suppressed the same way.</summary>
    internal int MinCell { get; init; }

    /// <summary>The (weighted) children for whom each dimension / indicator is known: the denominators of the rates above.</summary>
    public double[] DimensionObserved { get; init; } = [];
    public double[] IndicatorObserved { get; init; } = [];

    internal GroupMeasures With(KMeasures[] byK, double[] exactly, double[] atLeast, double[] dimensionHeadcount, double[] indicatorHeadcount, bool suppressed, int minCell) =>
        new(By, suppressed ? 0 : N, suppressed ? 0 : NDropped, suppressed ? double.NaN : Population, suppressed ? double.NaN : Share, byK, exactly, atLeast,
            dimensionHeadcount, indicatorHeadcount, _masks, suppressed) { MinCell = minCell, DimensionObserved = DimensionObserved, IndicatorObserved = IndicatorObserved };
}

/// <summary>An analysis: the framework it used, the measures of everyone analysed and of each subgroup.</summary>
public sealed record DeprivationResult(Framework Framework, IReadOnlyList<string> Dimensions, IReadOnlyList<string> Indicators, double[] Weights,
    double[] Ks, IReadOnlyList<string> GroupColumns, GroupMeasures Total, IReadOnlyList<GroupMeasures> Groups, bool Weighted)
{
    /// <summary>How standard errors were estimated (null: none, e.g. for the registry, which is a census).</summary>
    public string? VarianceMethod { get; init; }
    /// <summary>Strata with a single PSU: they add nothing to the variance (said in the output).</summary>
    public int SinglePsuStrata { get; init; }
}
