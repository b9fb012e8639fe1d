using System.Diagnostics;
using System.Globalization;

namespace Himaya.Linkage.Linking;

/// <summary>A scored candidate pair (record indices into <see cref="LinkData"/>; <c>I &lt; J</c>).</summary>
public readonly record struct ScoredPair(int I, int J, float Score);

/// <summary>A run's model and its scored pairs (only those with a positive score; <see cref="CandidatePairs"/> counts all compared).</summary>
public sealed record LinkRun(LinkModel Model, List<ScoredPair> Pairs, IReadOnlyList<Blocking.Summary> Blocks, long CandidatePairs, IReadOnlyList<(string Step, TimeSpan Time)> Timings)
{
    public double Probability(ScoredPair p) => LinkModel.Probability(Model.PriorWeight + p.Score);
}

/// <summary>Trains a model on the data, proposes candidate pairs by blocking, scores them, and clusters (dedup) or pairs (link).</summary>
public static class Linker
{
    public const int DefaultMaxBlock = 500;

    public static LinkRun Run(LinkData data, Training.Options? options = null, int maxBlock = DefaultMaxBlock)
    {
        var timings = new List<(string, TimeSpan)>();
        var sw = Stopwatch.StartNew();
        var rules = Blocking.Rules(data);
        var model = Training.Train(data, rules, options);
        timings.Add(("train (u sampling, EM)", sw.Elapsed));
        sw.Restart();

        // Only pairs with more evidence for than against (score > 0) are kept: no prior this model can reach makes the
        // others likely matches. Every score goes into a histogram, which is all the prior estimate needs.
        var chunks = new List<List<ScoredPair>>();
        var histogram = new long[HistogramBins];
        var summaries = Blocking.ForEachCandidate(data, rules, maxBlock,
            () => (Pairs: new List<ScoredPair>(1 << 14), Histogram: new long[HistogramBins]),
            (i, j, local) =>
            {
                Span<int> levels = stackalloc int[Training.MaxFields];
                var score = model.Score(data, i, j, levels);
                local.Histogram[Bin(score)]++;
                if (score > 0) local.Pairs.Add(new ScoredPair(i, j, (float)score));
            },
            local =>
            {
                lock (chunks)
                {
                    chunks.Add(local.Pairs);
                    for (var b = 0; b < HistogramBins; b++) histogram[b] += local.Histogram[b];
                }
            });
        var pairs = new List<ScoredPair>(chunks.Sum(c => c.Count));
        foreach (var c in chunks) pairs.AddRange(c);
        // Stable output whatever the thread timing.
        pairs.Sort((x, y) => x.I != y.I ? x.I.CompareTo(y.I) : x.J.CompareTo(y.J));
        timings.Add(("block and score candidate pairs", sw.Elapsed));
        sw.Restart();

        model = model with { Prior = EstimatePrior(data, histogram) };
        timings.Add(("estimate the prior", sw.Elapsed));
        return new LinkRun(model, pairs, summaries, histogram.Sum(), timings);
    }

    private const double HistogramMin = -80, HistogramMax = 80, HistogramStep = 0.05;
    private const int HistogramBins = (int)((HistogramMax - HistogramMin) / HistogramStep) + 1;
    private static int Bin(double score) => (int)Math.Clamp((score - HistogramMin) / HistogramStep, 0, HistogramBins - 1);

    /// <summary>
    /// The prior (probability that two random records match) as a fixed point: the expected number of matches is the sum
    /// of the candidate pairs' match probabilities under that prior (pairs that no rule proposes contribute nothing).
    /// </summary>
    private static double EstimatePrior(LinkData data, long[] histogram)
    {
        double n = data.Count;
        var total = data.IsLink ? (double)data.SizeA * (n - data.SizeA) : n * (n - 1) / 2;
        if (total <= 0) return 1e-6;
        var prior = Math.Clamp(1 / Math.Max(n, 2), 1e-12, 0.5);
        for (var k = 0; k < 200; k++)
        {
            var w = Math.Log2(prior / (1 - prior));
            double expected = 0;
            for (var b = 0; b < histogram.Length; b++)
                if (histogram[b] > 0) expected += histogram[b] * LinkModel.Probability(w + HistogramMin + ((b + 0.5) * HistogramStep));
            var next = Math.Clamp(expected / total, 1e-12, 0.5);
            var done = Math.Abs(next - prior) <= prior * 1e-6;
            prior = next;
            if (done) break;
        }
        return prior;
    }

    /// <summary>
    /// Clusters: records joined by pairs at or above the threshold, transitively, strongest pairs first. Two clusters
    /// holding different identifiers (e.g. two FINs neither of which is a one-character slip of the other) are never
    /// joined: one child has one FIN, so such a link is a sibling or a twin, whatever the names say.
    /// Cluster id = id of its first record in input order.
    /// </summary>
    public static string[] Clusters(LinkData data, LinkRun run, double threshold)
    {
        var parent = Enumerable.Range(0, data.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
            return x;
        }
        var idFields = data.Fields.Where(f => f.Kind == FieldKind.Id).ToArray();
        // Identifier values held by each cluster (by its root), per identifier field; absent when it holds none.
        var held = new Dictionary<int, List<int>[]>();
        List<int>[]? Held(int root)
        {
            if (held.TryGetValue(root, out var h)) return h;
            if (idFields.Length == 0 || idFields.All(f => f.ValueId[root] < 0)) return null;
            h = idFields.Select(f => f.ValueId[root] < 0 ? new List<int>() : new List<int> { f.ValueId[root] }).ToArray();
            held[root] = h;
            return h;
        }
        bool Conflict(List<int>[] a, List<int>[] b)
        {
            for (var k = 0; k < idFields.Length; k++)
            {
                if (a[k].Count == 0 || b[k].Count == 0) continue;
                var compatible = a[k].Any(x => b[k].Any(y => x == y || Similarity.WithinOneEdit(ValueOf(idFields[k], x), ValueOf(idFields[k], y))));
                if (!compatible) return true;
            }
            return false;
        }
        var minScore = Logit2(threshold) - run.Model.PriorWeight;
        var strong = run.Pairs.Where(p => p.Score >= minScore && run.Probability(p) >= threshold).ToList();
        strong.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.I != y.I ? x.I.CompareTo(y.I) : x.J.CompareTo(y.J));
        foreach (var p in strong)
        {
            var (a, b) = (Find(p.I), Find(p.J));
            if (a == b) continue;
            var (ha, hb) = (Held(a), Held(b));
            if (ha is not null && hb is not null && Conflict(ha, hb)) continue;
            // The smaller index becomes the root, so a cluster is named after its first record.
            var (root, child) = a < b ? (a, b) : (b, a);
            parent[child] = root;
            if (ha is not null || hb is not null)
            {
                var merged = idFields.Select((_, k) => (ha?[k] ?? []).Union(hb?[k] ?? []).ToList()).ToArray();
                held.Remove(child);
                held[root] = merged;
            }
        }
        var result = new string[data.Count];
        for (var i = 0; i < data.Count; i++) result[i] = data.Ids[Find(i)];
        return result;
    }

    private static string ValueOf(PreparedField f, int valueId) => f.ValueNames[valueId];

    /// <summary>Linked pairs at or above the threshold (first-source record first), by first-source order then descending probability.</summary>
    public static List<(int A, int B, double P)> Links(LinkData data, LinkRun run, double threshold)
    {
        var minScore = Logit2(threshold) - run.Model.PriorWeight;
        var list = new List<(int A, int B, double P)>();
        foreach (var p in run.Pairs)
        {
            if (p.Score < minScore) continue;
            var prob = run.Probability(p);
            if (prob < threshold) continue;
            var (a, b) = p.I < data.SizeA ? (p.I, p.J) : (p.J, p.I);
            list.Add((a, b, prob));
        }
        list.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : y.P != x.P ? y.P.CompareTo(x.P) : x.B.CompareTo(y.B));
        return list;
    }

    private static double Logit2(double p) => Math.Log2(p / (1 - p)) - 1e-9;

    public static string Format(double p) => p.ToString("0.######", CultureInfo.InvariantCulture);
}
