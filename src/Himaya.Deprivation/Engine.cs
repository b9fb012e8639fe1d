using System.Numerics;

namespace Himaya.Deprivation;

/// <summary>
/// The Alkire–Foster / MODA counting engine. One pass over the children (split across cores) reduces each child to the
/// set of dimensions it is deprived in (a bit mask) and adds its weight to its group's histogram of masks; every measure
/// for every cut-off k, every subgroup and any three-dimension overlap then comes from those histograms, which are tiny
/// (at most 2^D entries per group). The pass itself allocates nothing per child.
/// </summary>
public static class Engine
{
    /// <summary>Scores within this of k count as reaching k (weights that sum to 1 in floating point).</summary>
    private const double Tolerance = 1e-9;

    /// <summary>Dense histograms up to this many cells in all (groups × 2^D); sparse dictionaries beyond.</summary>
    private const long DenseCells = 1 << 22;

    /// <summary>
    /// Analyses <paramref name="table"/> under <paramref name="framework"/> for each cut-off in <paramref name="ks"/>
    /// (default 1..D), for everyone and, when the table has grouping columns, for each combination of their values that
    /// occurs, in the order of the table's labels (first column slowest).
    /// Every indicator the framework names must be a column of the table.
    /// </summary>
    public static DeprivationResult Analyse(Framework framework, ChildTable table, IReadOnlyList<double>? ks = null)
    {
        var d = framework.Dimensions.Count;
        if (d is 0 or > Framework.MaxDimensions) throw new ArgumentException($"A framework has 1 to {Framework.MaxDimensions} dimensions.", nameof(framework));
        var indicators = framework.Indicators;
        if (indicators.Count > Framework.MaxIndicators) throw new ArgumentException($"A framework has at most {Framework.MaxIndicators} indicators.", nameof(framework));
        var used = indicators.Select(table.IndicatorIndex).ToArray();
        var unknown = indicators.Where((_, i) => used[i] < 0).ToList();
        if (unknown.Count > 0) throw new ArgumentException("Not in the data: " + string.Join(", ", unknown), nameof(table));
        var cutoffs = (ks is { Count: > 0 } ? ks : Enumerable.Range(1, d).Select(k => (double)k)).ToArray();

        // Groups: the combinations of the grouping columns' codes, numbered code0 * L1 * L2... + code1 * L2 + ...
        var sizes = table.GroupLabels.Select(l => Math.Max(1, l.Length)).ToArray();
        long groupCount = 1;
        foreach (var s in sizes) groupCount *= s;
        if (groupCount > 1_000_000) throw new ArgumentException("Too many subgroups (more than 1,000,000 combinations).", nameof(table));
        var g = (int)groupCount;
        var dense = g * (1L << Math.Min(d, 31)) <= DenseCells;

        var parts = Math.Max(1, Math.Min(Environment.ProcessorCount, table.Count / 50_000));
        var accumulators = new Accumulator[parts];
        Parallel.For(0, parts, p =>
        {
            var from = (int)((long)table.Count * p / parts);
            var to = (int)((long)table.Count * (p + 1) / parts);
            var acc = new Accumulator(g, d, used.Length, dense);
            Accumulate(framework, table, used, sizes, acc, from, to);
            accumulators[p] = acc;
        });
        var all = accumulators[0];
        for (var p = 1; p < parts; p++) all.Add(accumulators[p]);

        var weights = framework.NormalisedWeights;
        var total = all.Total();
        var totalPopulation = total.Population;
        var groups = new List<GroupMeasures>();
        if (table.GroupColumns.Count > 0)
        {
            for (var gi = 0; gi < g; gi++)
            {
                if (all.Count[gi] == 0 && all.Dropped[gi] == 0) continue;
                var by = new string[sizes.Length];
                var rest = gi;
                for (var c = sizes.Length - 1; c >= 0; c--)
                {
                    var code = rest % sizes[c];
                    rest /= sizes[c];
                    by[c] = table.GroupLabels[c].Length > code ? table.GroupLabels[c][code] : "";
                }
                groups.Add(Measure(all.Slice(gi), by, weights, cutoffs, totalPopulation));
            }
        }
        var result = new DeprivationResult(framework, [.. framework.Dimensions.Select(x => x.Name)], indicators, weights, cutoffs, table.GroupColumns,
            Measure(total, [], weights, cutoffs, totalPopulation), groups, table.Weights is not null);
        // A sample gets standard errors; a census (the registry) does not need them.
        return table.IsSample ? SurveyVariance.Apply(result, framework, table) : result;
    }

    /// <summary>Children per block: the indicator columns are turned into per-child bit masks a block at a time (column by column, branch-free).</summary>
    private const int Block = 4096;

    private static void Accumulate(Framework framework, ChildTable table, int[] used, int[] sizes, Accumulator acc, int from, int to)
    {
        var d = framework.Dimensions.Count;
        var u = used.Length;
        // Each dimension as a mask over the used indicators' positions (framework.Indicators order, as `used`).
        var allIndicators = framework.Indicators.ToList();
        var dimMasks = framework.Dimensions.Select(x => x.Indicators.Aggregate(0UL, (m, name) => m | (1UL << allIndicators.IndexOf(name)))).ToArray();
        var union = framework.Dimensions.Select(x => x.Aggregation == Aggregation.Union).ToArray();
        var weighted = framework.Dimensions.Select(x => x.Aggregation == Aggregation.Weighted).ToArray();
        // Indicator weights by position among the used indicators (for weighted dimensions).
        var indicatorWeight = new double[framework.Dimensions.Count][];
        for (var k = 0; k < framework.Dimensions.Count; k++)
        {
            indicatorWeight[k] = new double[allIndicators.Count];
            var dim = framework.Dimensions[k];
            for (var i = 0; i < dim.Indicators.Count; i++) indicatorWeight[k][allIndicators.IndexOf(dim.Indicators[i])] = dim.IndicatorWeight(i);
        }
        var thresholds = framework.Dimensions.Select(x => x.Threshold).ToArray();
        var drop = framework.Missing == MissingRule.Drop;
        var usedColumns = used.Select(x => table.Indicators[x]).ToArray();
        var groupCodes = table.GroupCodes;
        var weights = table.Weights;
        var masks = 1L << Math.Min(d, 30);
        var deprivedBits = new ulong[Block];
        var missingBits = new ulong[Block];
        var groupOf = new int[Block];
        for (var start = from; start < to; start += Block)
        {
            var len = Math.Min(Block, to - start);
            Array.Clear(deprivedBits, 0, len);
            Array.Clear(missingBits, 0, len);
            for (var j = 0; j < u; j++)
            {
                var column = usedColumns[j].AsSpan(start, len);
                var bit = 1UL << j;
                for (var i = 0; i < column.Length; i++)
                {
                    var v = column[i]; // -1, 0 or 1
                    deprivedBits[i] |= (ulong)((v + 1) >> 1) << j;      // 1 only for v = 1
                    missingBits[i] |= (ulong)(long)(v >> 7) & bit;       // all ones only for v = -1
                }
            }
            Array.Clear(groupOf, 0, len);
            for (var c = 0; c < groupCodes.Length; c++)
            {
                var codes = groupCodes[c].AsSpan(start, len);
                var size = sizes[c];
                for (var i = 0; i < codes.Length; i++) groupOf[i] = (groupOf[i] * size) + codes[i];
            }
            for (var i = 0; i < len; i++)
            {
                var gi = groupOf[i];
                var missing = missingBits[i];
                if (drop && missing != 0)
                {
                    acc.Dropped[gi]++;
                    continue;
                }
                var present = ~missing;
                var depInd = deprivedBits[i];
                uint deprived = 0, unobserved = 0;
                for (var k = 0; k < d; k++)
                {
                    var seen = present & dimMasks[k];
                    if (seen == 0) { unobserved |= 1u << k; continue; }
                    var bad = depInd & seen;
                    if (weighted[k])
                    {
                        double all = 0, hit = 0;
                        for (var bits = seen; bits != 0; bits &= bits - 1) all += indicatorWeight[k][BitOperations.TrailingZeroCount(bits)];
                        for (var bits = bad; bits != 0; bits &= bits - 1) hit += indicatorWeight[k][BitOperations.TrailingZeroCount(bits)];
                        if (hit >= (thresholds[k] * all) - 1e-12) deprived |= 1u << k;
                    }
                    else if (union[k] ? bad != 0 : bad == seen) deprived |= 1u << k;
                }
                var s = weights is null ? 1.0 : weights[start + i];
                acc.Count[gi]++;
                acc.Population[gi] += s;
                if (acc.Dense is { } h) h[(gi * masks) + deprived] += s;
                else
                {
                    var map = acc.Sparse![gi] ??= [];
                    map[deprived] = map.GetValueOrDefault(deprived) + s;
                }
                // Only the rare events are added per child: what is missing (observed = everyone minus it) and the
                // indicators deprived; the dimensions deprived come from the histogram afterwards.
                for (var bits = unobserved; bits != 0; bits &= bits - 1) acc.DimUnobserved[(gi * d) + BitOperations.TrailingZeroCount(bits)] += s;
                for (var bits = missing; bits != 0; bits &= bits - 1) acc.IndMissing[(gi * u) + BitOperations.TrailingZeroCount(bits)] += s;
                for (var bits = depInd; bits != 0; bits &= bits - 1) acc.IndDeprived[(gi * u) + BitOperations.TrailingZeroCount(bits)] += s;
            }
        }
    }

    private static GroupMeasures Measure(Slice s, string[] by, double[] w, double[] ks, double totalPopulation)
    {
        var d = w.Length;
        var p = s.Population;
        var exactly = new double[d + 1];
        var byK = new KMeasures[ks.Length];
        var poor = new double[ks.Length];
        var sumScore = new double[ks.Length];
        var censored = new double[ks.Length][];
        for (var k = 0; k < ks.Length; k++) censored[k] = new double[d];
        foreach (var (mask, weight) in s.Masks)
        {
            if (weight == 0) continue;
            var score = 0.0;
            for (var bits = mask; bits != 0; bits &= bits - 1) score += w[BitOperations.TrailingZeroCount(bits)];
            score *= d;
            exactly[BitOperations.PopCount(mask)] += weight;
            for (var k = 0; k < ks.Length; k++)
            {
                if (score < ks[k] - Tolerance) continue;
                poor[k] += weight;
                sumScore[k] += weight * score;
                for (var bits = mask; bits != 0; bits &= bits - 1) censored[k][BitOperations.TrailingZeroCount(bits)] += weight;
            }
        }
        for (var k = 0; k < ks.Length; k++)
        {
            var h = p > 0 ? poor[k] / p : 0;
            var a = poor[k] > 0 ? sumScore[k] / (d * poor[k]) : 0;
            var m0 = p > 0 ? sumScore[k] / (d * p) : 0;
            var ch = censored[k].Select(x => p > 0 ? x / p : 0).ToArray();
            var contribution = ch.Select((x, i) => m0 > 0 ? 100 * w[i] * x / m0 : 0).ToArray();
            byK[k] = new KMeasures(ks[k], h, a, m0, ch, contribution);
        }
        // Weights are summed first and divided once, so that e.g. 3 children of 5 give 0.6, not 0.6000000000000001.
        var atLeast = new double[d + 1];
        var running = 0.0;
        for (var m = d; m >= 0; m--)
        {
            running += exactly[m];
            atLeast[m] = p > 0 ? running / p : 0;
        }
        if (p > 0) atLeast[0] = 1;
        for (var m = 0; m <= d; m++) exactly[m] = p > 0 ? exactly[m] / p : 0;
        var dimDeprived = new double[d];
        foreach (var (mask, weight) in s.Masks) for (var bits = mask; bits != 0; bits &= bits - 1) dimDeprived[BitOperations.TrailingZeroCount(bits)] += weight;
        var dimObserved = s.DimUnobserved.Select(u => p - u).ToArray();
        var indObserved = s.IndMissing.Select(m => p - m).ToArray();
        var dimHeadcount = dimDeprived.Select((x, i) => dimObserved[i] > 0 ? x / dimObserved[i] : 0).ToArray();
        var indHeadcount = s.IndDeprived.Select((x, i) => indObserved[i] > 0 ? x / indObserved[i] : 0).ToArray();
        return new GroupMeasures(by, s.Count, s.Dropped, p, totalPopulation > 0 ? p / totalPopulation : 0, byK, exactly, atLeast, dimHeadcount, indHeadcount, s.Masks)
        {
            DimensionObserved = dimObserved, IndicatorObserved = indObserved,
        };
    }

    /// <summary>One group's sums (or everyone's).</summary>
    private sealed record Slice(int Count, int Dropped, double Population, Dictionary<uint, double> Masks, double[] DimUnobserved,
        double[] IndMissing, double[] IndDeprived);

    /// <summary>Per-group sums from one part of the table; parts are added together after the pass.</summary>
    private sealed class Accumulator
    {
        private readonly int _groups, _dims, _indicators;

        public Accumulator(int groups, int dims, int indicators, bool dense)
        {
            (_groups, _dims, _indicators) = (groups, dims, indicators);
            Count = new int[groups];
            Dropped = new int[groups];
            Population = new double[groups];
            if (dense) Dense = new double[groups * (1L << dims)];
            else Sparse = new Dictionary<uint, double>?[groups];
            DimUnobserved = new double[groups * dims];
            IndMissing = new double[groups * indicators];
            IndDeprived = new double[groups * indicators];
        }

        public int[] Count { get; }
        public int[] Dropped { get; }
        public double[] Population { get; }
        public double[]? Dense { get; }
        public Dictionary<uint, double>?[]? Sparse { get; }
        public double[] DimUnobserved { get; }
        public double[] IndMissing { get; }
        public double[] IndDeprived { get; }

        public void Add(Accumulator o)
        {
            for (var i = 0; i < _groups; i++) { Count[i] += o.Count[i]; Dropped[i] += o.Dropped[i]; Population[i] += o.Population[i]; }
            if (Dense is not null) for (var i = 0; i < Dense.Length; i++) Dense[i] += o.Dense![i];
            else
            {
                for (var gi = 0; gi < _groups; gi++)
                {
                    if (o.Sparse![gi] is not { } theirs) continue;
                    var mine = Sparse![gi] ??= [];
                    foreach (var (mask, weight) in theirs) mine[mask] = mine.GetValueOrDefault(mask) + weight;
                }
            }
            for (var i = 0; i < DimUnobserved.Length; i++) DimUnobserved[i] += o.DimUnobserved[i];
            for (var i = 0; i < IndMissing.Length; i++) { IndMissing[i] += o.IndMissing[i]; IndDeprived[i] += o.IndDeprived[i]; }
        }

        public Slice Slice(int gi)
        {
            var masks = new Dictionary<uint, double>();
            if (Dense is not null)
            {
                var m = 1L << _dims;
                for (long mask = 0; mask < m; mask++) if (Dense[(gi * m) + mask] is var x && x != 0) masks[(uint)mask] = x;
            }
            else if (Sparse![gi] is { } map) foreach (var (mask, weight) in map) masks[mask] = weight;
            return new Slice(Count[gi], Dropped[gi], Population[gi], masks, DimUnobserved.AsSpan(gi * _dims, _dims).ToArray(),
                IndMissing.AsSpan(gi * _indicators, _indicators).ToArray(), IndDeprived.AsSpan(gi * _indicators, _indicators).ToArray());
        }

        /// <summary>Everyone: the sum of all groups.</summary>
        public Slice Total()
        {
            var masks = new Dictionary<uint, double>();
            var dimUnobserved = new double[_dims];
            var indMissing = new double[_indicators];
            var indDep = new double[_indicators];
            int count = 0, dropped = 0;
            var population = 0.0;
            for (var gi = 0; gi < _groups; gi++)
            {
                var s = Slice(gi);
                count += s.Count;
                dropped += s.Dropped;
                population += s.Population;
                foreach (var (mask, weight) in s.Masks) masks[mask] = masks.GetValueOrDefault(mask) + weight;
                for (var i = 0; i < _dims; i++) dimUnobserved[i] += s.DimUnobserved[i];
                for (var i = 0; i < _indicators; i++) { indMissing[i] += s.IndMissing[i]; indDep[i] += s.IndDeprived[i]; }
            }
            return new Slice(count, dropped, population, masks, dimUnobserved, indMissing, indDep);
        }
    }
}
