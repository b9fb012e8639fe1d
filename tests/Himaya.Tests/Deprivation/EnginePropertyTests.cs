using Himaya.Deprivation;

namespace Himaya.Tests.Deprivation;

/// <summary>
/// Random populations, checked against the identities of the Alkire–Foster method and against a plain per-child
/// re-computation written here without the engine's histograms.
/// </summary>
public sealed class EnginePropertyTests
{
    private static (Framework, ChildTable) Random(int seed, MissingRule rule, bool weighted)
    {
        var rng = new Random(seed);
        var n = 3_000 + rng.Next(2_000);
        var names = Enumerable.Range(0, 10).Select(i => "i" + i).ToArray();
        var dims = new List<Dimension>
        {
            new("d0", 1 + rng.Next(3), [names[0], names[1]]),
            new("d1", 1 + rng.Next(3), [names[2]]),
            new("d2", 1 + rng.Next(3), [names[3], names[4]], Aggregation.Intersection),
            new("d3", 1 + rng.Next(3), [names[5]]),
            new("d4", 1, [names[6], names[0]]),
            new("d5", 2, [names[7], names[8], names[9]], Aggregation.Weighted, [2, 1, 1], 0.5),
        };
        var columns = names.Select((_, j) =>
        {
            var p = 0.1 + (0.1 * j);
            return Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.05 ? ChildTable.Missing : (sbyte)(rng.NextDouble() < p ? 1 : 0)).ToArray();
        }).ToArray();
        var weights = weighted ? Enumerable.Range(0, n).Select(_ => 0.5 + (rng.NextDouble() * 3)).ToArray() : null;
        int[][] codes = [[.. Enumerable.Range(0, n).Select(_ => rng.Next(5))], [.. Enumerable.Range(0, n).Select(_ => rng.Next(2))]];
        var table = new ChildTable(n, names, columns, weights, ["district", "sex"], codes, [["e", "d", "c", "b", "a"], ["M", "F"]]);
        return (new Framework(dims, rule), table);
    }

    public static TheoryData<int, MissingRule, bool> Cases => new()
    {
        { 1, MissingRule.Drop, false }, { 2, MissingRule.Drop, true }, { 3, MissingRule.Observed, false }, { 4, MissingRule.Observed, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_measures_keep_the_identities_of_the_method(int seed, MissingRule rule, bool weighted)
    {
        var (f, t) = Random(seed, rule, weighted);
        var ks = new[] { 0.5, 1, 1.5, 2, 2.75, 3, 4, 5 };
        var r = Engine.Analyse(f, t, ks);
        var w = f.NormalisedWeights;
        foreach (var g in r.Groups.Prepend(r.Total))
        {
            for (var i = 0; i < ks.Length; i++)
            {
                var m = g.ByK[i];
                m.M0.ShouldBe(m.H * m.A, 1e-12);
                m.M0.ShouldBe(m.CensoredHeadcount.Select((ch, d) => w[d] * ch).Sum(), 1e-12);
                if (m.M0 > 0) m.Contribution.Sum().ShouldBe(100, 1e-9);
                if (i > 0) m.H.ShouldBeLessThanOrEqualTo(g.ByK[i - 1].H);
                m.CensoredHeadcount.ShouldAllBe(ch => ch <= m.H + 1e-12);
            }
            g.Exactly.Sum().ShouldBe(1, 1e-12);
        }
        // Subgroups partition the population: shares sum to 1 and share-weighted subgroup measures give the total.
        r.Groups.Count.ShouldBe(10);
        r.Groups.Sum(g => g.Share).ShouldBe(1, 1e-12);
        for (var i = 0; i < ks.Length; i++)
        {
            r.Groups.Sum(g => g.Share * g.ByK[i].M0).ShouldBe(r.Total.ByK[i].M0, 1e-12);
            r.Groups.Sum(g => g.Share * g.ByK[i].H).ShouldBe(r.Total.ByK[i].H, 1e-12);
        }
        r.Groups.Sum(g => g.N).ShouldBe(r.Total.N);
        r.Groups.Sum(g => g.NDropped).ShouldBe(r.Total.NDropped);
        (r.Total.N + r.Total.NDropped).ShouldBe(t.Count);
        if (rule == MissingRule.Observed) r.Total.NDropped.ShouldBe(0); else r.Total.NDropped.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_measures_equal_a_plain_per_child_computation(int seed, MissingRule rule, bool weighted)
    {
        var (f, t) = Random(seed + 10, rule, weighted);
        var ks = new[] { 1.0, 2, 3 };
        var r = Engine.Analyse(f, t, ks);
        var w = f.NormalisedWeights;
        var d = f.Dimensions.Count;
        // Per child: deprived in each dimension (null: left out), straight from the definitions.
        var children = Enumerable.Range(0, t.Count).Select(i =>
        {
            var status = f.Dimensions.Select(dim =>
            {
                var values = dim.Indicators.Select(name => t.Indicators[t.IndicatorIndex(name)][i]).ToList();
                var known = values.Where(v => v >= 0).ToList();
                // Weighted: the indicator-weighted share of known indicators that are deprived reaches the threshold.
                var weights = dim.IndicatorWeights ?? [.. values.Select(_ => 1.0)];
                var knownWeight = values.Select((v, j) => v >= 0 ? weights[j] : 0).Sum();
                var badWeight = values.Select((v, j) => v == 1 ? weights[j] : 0).Sum();
                return (Missing: known.Count < values.Count, Observed: known.Count > 0,
                    Deprived: known.Count > 0 && dim.Aggregation switch
                    {
                        Aggregation.Union => known.Any(v => v == 1),
                        Aggregation.Intersection => known.All(v => v == 1),
                        _ => badWeight >= (dim.Threshold * knownWeight) - 1e-12,
                    });
            }).ToList();
            var dropped = rule == MissingRule.Drop && status.Any(s => s.Missing);
            var score = d * status.Select((s, j) => s.Deprived ? w[j] : 0).Sum();
            return (Dropped: dropped, Deprived: status.Select(s => s.Deprived).ToArray(), Score: score, Weight: t.Weights?[i] ?? 1.0, Group: (t.GroupCodes[0][i], t.GroupCodes[1][i]));
        }).ToList();
        void Check(GroupMeasures g, IEnumerable<(bool Dropped, bool[] Deprived, double Score, double Weight, (int, int) Group)> all)
        {
            var kept = all.Where(c => !c.Dropped).ToList();
            var population = kept.Sum(c => c.Weight);
            g.N.ShouldBe(kept.Count);
            g.Population.ShouldBe(population, 1e-9);
            for (var i = 0; i < ks.Length; i++)
            {
                var poor = kept.Where(c => c.Score >= ks[i] - 1e-9).ToList();
                g.ByK[i].H.ShouldBe(poor.Sum(c => c.Weight) / population, 1e-12);
                g.ByK[i].M0.ShouldBe(poor.Sum(c => c.Weight * c.Score / d) / population, 1e-12);
                for (var j = 0; j < d; j++) g.ByK[i].CensoredHeadcount[j].ShouldBe(poor.Where(c => c.Deprived[j]).Sum(c => c.Weight) / population, 1e-12);
            }
            for (var m = 0; m <= d; m++) g.Exactly[m].ShouldBe(kept.Where(c => c.Deprived.Count(x => x) == m).Sum(c => c.Weight) / population, 1e-12);
        }
        Check(r.Total, children);
        foreach (var g in r.Groups)
        {
            var code = (Array.IndexOf(t.GroupLabels[0], g.By[0]), Array.IndexOf(t.GroupLabels[1], g.By[1]));
            Check(g, children.Where(c => c.Group == code));
        }
        // Groups come out in the order of the table's labels, the first column slowest.
        r.Groups.Select(g => g.By[0] + g.By[1]).ShouldBe(["eM", "eF", "dM", "dF", "cM", "cF", "bM", "bF", "aM", "aF"]);
    }

    [Fact]
    public void Many_dimensions_and_many_groups_take_the_sparse_path_with_the_same_answer()
    {
        // 14 dimensions × 300 groups is past the dense histogram's size: the same analysis must not change.
        var rng = new Random(7);
        const int n = 20_000;
        var names = Enumerable.Range(0, 14).Select(i => "x" + i).ToArray();
        var columns = names.Select(_ => Enumerable.Range(0, n).Select(_ => (sbyte)(rng.NextDouble() < 0.3 ? 1 : 0)).ToArray()).ToArray();
        var codes = new[] { Enumerable.Range(0, n).Select(_ => rng.Next(300)).ToArray() };
        var labels = new[] { Enumerable.Range(0, 300).Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToArray() };
        var f = new Framework([.. names.Select(x => new Dimension(x, 1, [x]))]);
        var grouped = Engine.Analyse(f, new ChildTable(n, names, columns, null, ["g"], codes, labels));
        var plain = Engine.Analyse(f, new ChildTable(n, names, columns, null, [], [], []));
        for (var k = 0; k < 14; k++) grouped.Total.ByK[k].M0.ShouldBe(plain.Total.ByK[k].M0, 1e-12);
        grouped.Groups.Sum(g => g.Share * g.ByK[3].H).ShouldBe(plain.Total.ByK[3].H, 1e-12);
    }
}
