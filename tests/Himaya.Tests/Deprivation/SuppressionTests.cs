using Himaya.Deprivation;

namespace Himaya.Tests.Deprivation;

/// <summary>Small cells are hidden so that they cannot be worked out again from the figures still shown.</summary>
public sealed class SuppressionTests
{
    // Two dimensions; 100 children: 48 deprived in none, 51 in a only, 1 in both (the small cell).
    private static ChildTable Table(int groups = 1)
    {
        var a = new sbyte[100];
        var b = new sbyte[100];
        for (var i = 48; i < 100; i++) a[i] = 1;
        b[99] = 1;
        var codes = Enumerable.Range(0, 100).Select(i => groups == 1 ? 0 : i < 3 ? 0 : i < 10 ? 1 : 2).ToArray();
        return groups == 1
            ? new ChildTable(100, ["a", "b"], [a, b], null, [], [], [])
            : new ChildTable(100, ["a", "b"], [a, b], null, ["g"], [codes], [["tiny", "small", "big"]]);
    }

    private static readonly Framework Two = new([new Dimension("A", 1, ["a"]), new Dimension("B", 1, ["b"])]);

    [Fact]
    public void A_hidden_figure_takes_the_figures_that_would_give_it_away_with_it()
    {
        var r = Suppression.Apply(Engine.Analyse(Two, Table()), 5);
        var t = r.Total;
        // Distribution [0.48, 0.51, 0.01]: the 0.01 would be 1 - 0.99; the whole distribution goes.
        t.Exactly.ShouldAllBe(x => double.IsNaN(x));
        t.AtLeast.ShouldAllBe(x => double.IsNaN(x));
        // Censored headcount of B at k = 1 is one child; M0 and A's would give it, so the block goes (H, A and M0 stay).
        var k1 = t.ByK[0];
        k1.CensoredHeadcount.ShouldAllBe(x => double.IsNaN(x));
        k1.Contribution.ShouldAllBe(x => double.IsNaN(x));
        k1.H.ShouldBe(0.52, 1e-12);
        k1.M0.ShouldBe(0.265, 1e-12);
        // k = 2: one child: H and everything resting on it hidden.
        double.IsNaN(t.ByK[1].H).ShouldBeTrue();
        // Overlap regions sum to 1: all hidden together.
        t.Overlaps(0, 1, 0).ShouldAllBe(x => double.IsNaN(x));
    }

    [Fact]
    public void A_single_suppressed_group_takes_the_next_smallest_with_it()
    {
        // Groups of 3, 7 and 90 children: "tiny" is under 5; without a second suppressed group its figures would be the
        // total less the others.
        var r = Suppression.Apply(Engine.Analyse(Two, Table(groups: 3)), 5);
        r.Groups.Select(g => (g.By[0], g.Suppressed)).ShouldBe([("tiny", true), ("small", true), ("big", false)]);
    }

    [Fact]
    public void A_rate_over_the_few_children_whose_indicator_is_known_is_hidden()
    {
        // 100 children; b known for 3 of them (all deprived): a rate of 1.0 over 3 children, not 100.
        var a = new sbyte[100];
        var b = Enumerable.Range(0, 100).Select(i => i < 3 ? (sbyte)1 : ChildTable.Missing).ToArray();
        var f = new Framework([new Dimension("A", 1, ["a"]), new Dimension("B", 1, ["b"])], MissingRule.Observed);
        var r = Suppression.Apply(Engine.Analyse(f, new ChildTable(100, ["a", "b"], [a, b], null, [], [], [])), 5);
        double.IsNaN(r.Total.IndicatorHeadcount[1]).ShouldBeTrue();
        double.IsNaN(r.Total.DimensionHeadcount[1]).ShouldBeTrue();
        r.Total.IndicatorHeadcount[0].ShouldBe(0);
    }
}
