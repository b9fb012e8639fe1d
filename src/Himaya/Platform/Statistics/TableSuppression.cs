namespace Himaya.Platform;

/// <summary>
/// Small-cell suppression for published counts of people. A count from 1 to <c>minCell</c> − 1 is hidden (primary);
/// zero is shown (it re-identifies no one). Every table may be published beside its own margins (the same counts by
/// fewer dimensions, or the grand total), so a line of cells — those that differ only in one dimension — with exactly
/// one hidden cell would give it away by subtraction from the margin: the smallest other non-zero cell of that line is
/// hidden too (complementary), and this repeats until no line has a single hidden cell.
/// </summary>
public static class TableSuppression
{
    public const int MinCell = 5;

    /// <summary>Which cells to hide. <paramref name="keys"/>[i] are cell i's values, one per dimension; cells not listed are zero.</summary>
    public static bool[] Hidden(IReadOnlyList<string[]> keys, IReadOnlyList<int> counts, int minCell = MinCell)
    {
        var hidden = counts.Select(c => c > 0 && c < minCell).ToArray();
        var dims = keys.Count == 0 ? 0 : keys[0].Length;
        var lines = Enumerable.Range(0, dims)
            .SelectMany(d => Enumerable.Range(0, keys.Count).GroupBy(i => LineKey(keys[i], d)).Select(g => g.ToArray()))
            .ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(i => hidden[i]) != 1) continue;
                var shown = line.Where(i => !hidden[i] && counts[i] > 0).ToList();
                if (shown.Count == 0) continue; // the margin is this one cell, and hidden by the same rule
                var next = shown.MinBy(i => (counts[i], i));
                hidden[next] = true;
                changed = true;
            }
        }
        return hidden;
    }

    /// <summary>Cell i's key without dimension d: the cells of one line share it.</summary>
    private static string LineKey(string[] key, int d) => string.Join('\u001f', key.Where((_, j) => j != d));
}
