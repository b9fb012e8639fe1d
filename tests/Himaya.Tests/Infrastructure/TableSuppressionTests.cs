using Himaya.Platform;
using Shouldly;

namespace Himaya.Tests.Infrastructure;

public sealed class TableSuppressionTests
{
    private static bool[] Hide(params (string[] Key, int Count)[] cells) =>
        TableSuppression.Hidden([.. cells.Select(c => c.Key)], [.. cells.Select(c => c.Count)]);

    [Fact]
    public void Counts_of_one_to_four_are_hidden_and_zero_and_five_are_shown()
    {
        TableSuppression.Hidden([["a"], ["b"], ["c"], ["d"]], [0, 5, 12, 9]).ShouldBe([false, false, false, false]);
        Hide((["a"], 4), (["b"], 5), (["c"], 1), (["d"], 30)).ShouldBe([true, false, true, false]);
    }

    [Fact]
    public void A_single_hidden_cell_in_a_line_takes_the_smallest_other_cell_with_it()
    {
        // The grand total is published elsewhere: 2 alone would be total − 40 − 9.
        Hide((["a"], 2), (["b"], 40), (["c"], 9)).ShouldBe([true, false, true]);
    }

    [Fact]
    public void Complements_spread_across_both_dimensions_until_no_line_gives_one_away()
    {
        // district × type: (X, t1) = 3 is hidden; its row takes (X, t2); then column t2 has one hidden cell and takes (Y, t2),
        // and row Y then has one hidden cell and takes (Y, t1) — a closed rectangle, which margins cannot undo.
        var hidden = Hide((["X", "t1"], 3), (["X", "t2"], 20), (["Y", "t1"], 30), (["Y", "t2"], 25));
        hidden.ShouldBe([true, true, true, true]);
        var keys = new[] { new[] { "X", "t1" }, ["X", "t2"], ["X", "t3"], ["Y", "t1"], ["Y", "t2"], ["Y", "t3"] };
        var counts = new[] { 3, 20, 50, 30, 25, 60 };
        var h = TableSuppression.Hidden(keys, counts);
        for (var d = 0; d < 2; d++)
            foreach (var line in Enumerable.Range(0, keys.Length).GroupBy(i => keys[i][1 - d]))
                line.Count(i => h[i]).ShouldNotBe(1);
        h[0].ShouldBeTrue();
        h[2].ShouldBeFalse();
    }
}
