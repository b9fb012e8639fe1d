namespace Himaya.Deprivation;

/// <summary>
/// Small-cell suppression for results shown to people without access to personal data: a figure with fewer than
/// <c>minCell</c> children behind it (but more than none) becomes NaN (written as null or an empty cell), and a group
/// with fewer than <c>minCell</c> children is suppressed whole. The count behind a share is the share × the group's
/// children, so this applies to unweighted (registry) results; weighted survey estimates are returned unchanged.
/// </summary>
public static class Suppression
{
    public static double Hide(double share, int n, int minCell)
    {
        if (double.IsNaN(share)) return share;
        var count = Math.Round(share * n);
        return count > 0 && count < minCell ? double.NaN : share;
    }

    public static DeprivationResult Apply(DeprivationResult r, int minCell)
    {
        if (minCell <= 1 || r.Weighted) return r;
        var groups = r.Groups.Select(g => Apply(g, minCell, g.N < minCell)).ToList();
        // Secondary suppression: the total less the groups shown would give a single suppressed group's figures, so a
        // second group (the smallest shown) goes with it.
        if (groups.Count(g => g.Suppressed) == 1 && groups.Count > 1)
        {
            var next = groups.Select((g, i) => (g, i)).Where(x => !x.g.Suppressed).MinBy(x => x.g.N);
            groups[next.i] = Apply(r.Groups[next.i], minCell, whole: true);
        }
        return r with { Total = Apply(r.Total, minCell, r.Total.N < minCell), Groups = groups };
    }

    /// <summary>
    /// Primary suppression of one group's figures. Figures that add up to a known total are hidden as a block when any
    /// of them is, so that the hidden one cannot be worked out from the rest: the distribution (sums to 1), and at each
    /// k the censored headcounts with the contributions (they add up to M0 and 100 %). Rates over the children for whom
    /// a dimension or indicator is known count those children, not the group's.
    /// </summary>
    private static GroupMeasures Apply(GroupMeasures g, int minCell, bool whole)
    {
        double H(double share) => whole ? double.NaN : Hide(share, g.N, minCell);
        var byK = g.ByK.Select(k =>
        {
            // A, M0 and the contributions rest on the children deprived at k: hidden with H.
            var hidden = whole || double.IsNaN(H(k.H));
            var block = hidden || k.CensoredHeadcount.Any(ch => double.IsNaN(H(ch)));
            return new KMeasures(k.K, H(k.H), hidden ? double.NaN : k.A, hidden ? double.NaN : k.M0,
                [.. k.CensoredHeadcount.Select(ch => block ? double.NaN : ch)], [.. k.Contribution.Select(c => block ? double.NaN : c)]);
        }).ToArray();
        var distributionHidden = whole || g.Exactly.Any(x => double.IsNaN(H(x))) || g.AtLeast.Any(x => double.IsNaN(H(x)));
        double[] Distribution(double[] xs) => [.. xs.Select(x => distributionHidden ? double.NaN : x)];
        double Rate(double rate, double observed) => whole ? double.NaN : Hide(rate, (int)Math.Round(observed), minCell) is var v && !double.IsNaN(v) && observed > 0 && observed < minCell ? double.NaN : v;
        var dims = g.DimensionHeadcount.Select((x, i) => Rate(x, g.DimensionObserved.ElementAtOrDefault(i) is var o && o > 0 ? o : g.N)).ToArray();
        var inds = g.IndicatorHeadcount.Select((x, i) => Rate(x, g.IndicatorObserved.ElementAtOrDefault(i) is var o && o > 0 ? o : g.N)).ToArray();
        return g.With(byK, Distribution(g.Exactly), Distribution(g.AtLeast), dims, inds, whole, minCell);
    }
}
