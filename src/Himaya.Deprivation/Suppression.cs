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
        return r with { Total = Apply(r.Total, minCell), Groups = [.. r.Groups.Select(g => Apply(g, minCell))] };
    }

    private static GroupMeasures Apply(GroupMeasures g, int minCell)
    {
        var whole = g.N < minCell;
        double H(double share) => whole ? double.NaN : Hide(share, g.N, minCell);
        var byK = g.ByK.Select(k =>
        {
            // A, M0 and the contributions rest on the children deprived at k: hidden with H.
            var hidden = whole || double.IsNaN(H(k.H));
            return new KMeasures(k.K, H(k.H), hidden ? double.NaN : k.A, hidden ? double.NaN : k.M0,
                [.. k.CensoredHeadcount.Select(H)], [.. k.CensoredHeadcount.Select((ch, d) => hidden || double.IsNaN(H(ch)) ? double.NaN : k.Contribution[d])]);
        }).ToArray();
        return g.With(byK, [.. g.Exactly.Select(H)], [.. g.AtLeast.Select(H)], [.. g.DimensionHeadcount.Select(H)], [.. g.IndicatorHeadcount.Select(H)], whole, minCell);
    }
}
