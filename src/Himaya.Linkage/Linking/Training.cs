using System.Globalization;

namespace Himaya.Linkage.Linking;

/// <summary>
/// Estimates a <see cref="LinkModel"/> from the data itself, without labels: u from random pairs (almost all of which
/// are non-matches), m by expectation–maximisation on pairs blocked by one field at a time — the fields of that blocking
/// rule agree by construction, so only the other fields' m are estimated from it (as Splink does).
/// </summary>
public static class Training
{
    public const int MaxFields = 20;
    private const int Missing = 7; // 3 bits per field in a pattern

    /// <summary>Random streams and work split are fixed, not the core count, so a run gives the same model on any machine.</summary>
    private const int Streams = 8;

    public sealed record Options(int USamples = 2_000_000, int PairsPerRule = 1_500_000, int MaxTrainingBlock = 200, int Seed = 1, int MaxIterations = 100);

    public static LinkModel Train(LinkData data, IReadOnlyList<BlockingRule> blockingRules, Options? options = null)
    {
        options ??= new Options();
        if (data.Fields.Length > MaxFields) throw new ArgumentException($"At most {MaxFields} compared fields.", nameof(data));
        var notes = new List<string>();
        var levels = data.Fields.Select(f => Comparisons.Levels(f.Kind)).ToArray();
        var u = EstimateU(data, options, levels, notes);

        var sums = levels.Select(l => new double[l.Length]).ToArray();
        var estimates = new int[data.Fields.Length];
        var sources = data.Fields.Select(_ => new List<string>()).ToArray();
        var fromIdentifier = new bool[data.Fields.Length];
        foreach (var rule in TrainingRules(data))
        {
            var byIdentifier = rule.Parts.All(p => data.Fields[p.Field].Kind == FieldKind.Id);
            var fixedFields = rule.Parts.Select(p => p.Field).ToHashSet();
            // Sex follows from the given name: among pairs blocked on names it agrees for matches and non-matches alike,
            // which would pull EM towards calling every pair a match.
            if (rule.Parts.Any(p => data.Fields[p.Field].Kind is FieldKind.Name or FieldKind.Surname))
                foreach (var f in Enumerable.Range(0, data.Fields.Length).Where(f => data.Fields[f].Kind == FieldKind.Sex)) fixedFields.Add(f);
            var pairs = SamplePairs(data, rule, options);
            if (pairs.Count < (byIdentifier ? 200 : 50))
            {
                notes.Add($"EM blocked on {rule.Describe(data)}: only {pairs.Count} pairs, skipped");
                continue;
            }
            var patterns = Patterns(data, pairs);
            var free = Enumerable.Range(0, data.Fields.Length).Where(f => !fixedFields.Contains(f)).ToArray();
            var (m, lambda, iterations) = Em(patterns, free, levels, u, options.MaxIterations);
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"EM blocked on {rule.Describe(data)}: {pairs.Count:N0} pairs, {patterns.Count:N0} distinct comparison patterns, {iterations} iterations, share of matches among them {lambda:P2}"));
            foreach (var f in free)
            {
                // Pairs sharing an identifier are almost all true matches, so what they show of the other fields is
                // nearly a direct count — unlike pairs sharing a birth date, where twins (same family, same day, different
                // given names) pass for matches and teach EM that a different given name is common among matches.
                if (fromIdentifier[f] && !byIdentifier) continue;
                if (byIdentifier && !fromIdentifier[f])
                {
                    Array.Clear(sums[f]);
                    estimates[f] = 0;
                    sources[f].Clear();
                    fromIdentifier[f] = true;
                }
                for (var l = 0; l < levels[f].Length; l++) sums[f][l] += m[f][l];
                estimates[f]++;
                sources[f].Add(rule.Describe(data));
            }
        }

        var fields = new List<FieldWeights>();
        for (var f = 0; f < data.Fields.Length; f++)
        {
            double[] m;
            string source;
            if (estimates[f] > 0)
            {
                m = sums[f].Select(s => s / estimates[f]).ToArray();
                source = "EM, blocked on " + string.Join(" and ", sources[f]);
            }
            else
            {
                m = PriorM(levels[f].Length);
                source = "a fixed prior (no training rule leaves this field free)";
            }
            m = Floor(m);
            fields.Add(new FieldWeights(data.Fields[f].Spec.Column, data.Fields[f].Kind, levels[f], m, u[f], Comparisons.UsesTermFrequency(data.Fields[f].Spec), source));
        }
        return new LinkModel(fields, Prior: 1e-6, blockingRules.Select(r => r.Describe(data)).ToList(), notes);
    }

    /// <summary>One rule on the birth date, one on all the names: each leaves the other's fields free to learn from.</summary>
    private static List<BlockingRule> TrainingRules(LinkData data)
    {
        var fields = data.Fields;
        var rules = new List<BlockingRule>();
        foreach (var id in Enumerable.Range(0, fields.Length).Where(i => fields[i].Kind == FieldKind.Id)) rules.Add(new([(id, KeyPart.Value)]));
        var date = Array.FindIndex(fields, f => f.Kind == FieldKind.Date);
        if (date >= 0) rules.Add(new([(date, KeyPart.Value)]));
        var names = Enumerable.Range(0, fields.Length).Where(i => fields[i].Kind is FieldKind.Name or FieldKind.Surname).ToArray();
        if (names.Length > 0) rules.Add(new(names.Select(n => (n, KeyPart.Value)).ToList()));
        var others = rules.Count(r => r.Parts.All(p => fields[p.Field].Kind != FieldKind.Id));
        if (others < 2)
        {
            // Otherwise: the most discriminating remaining fields, one at a time.
            var used = rules.SelectMany(r => r.Parts.Select(p => p.Field)).ToHashSet();
            foreach (var f in Enumerable.Range(0, fields.Length).Where(f => !used.Contains(f) && fields[f].Kind is not (FieldKind.Sex or FieldKind.Id))
                         .OrderByDescending(f => fields[f].Count.Length).Take(2 - others))
                rules.Add(new([(f, KeyPart.Value)]));
        }
        return rules;
    }

    private static double[][] EstimateU(LinkData data, Options options, string[][] levels, List<string> notes)
    {
        var n = data.Count;
        var total = data.IsLink ? (double)data.SizeA * (n - data.SizeA) : (double)n * (n - 1) / 2;
        // Enough random pairs to see the rare levels (a shared birth date is about 1 in 6,500); small inputs need fewer.
        var samples = (int)Math.Min(Math.Min(options.USamples, Math.Max(300_000, 50.0 * n)), total);
        var counts = levels.Select(l => new long[l.Length]).ToArray();
        var workers = Streams;
        var perWorker = samples / workers;
        var locals = new long[workers][][];
        Parallel.For(0, workers, w =>
        {
            var rng = new Random(unchecked((options.Seed * 7919) + w)); // not HashCode.Combine: that differs from process to process
            var c = levels.Select(l => new long[l.Length]).ToArray();
            for (var k = 0; k < perWorker; k++)
            {
                int i, j;
                if (data.IsLink) { i = rng.Next(data.SizeA); j = data.SizeA + rng.Next(n - data.SizeA); }
                else { i = rng.Next(n); j = rng.Next(n - 1); if (j >= i) j++; }
                for (var f = 0; f < data.Fields.Length; f++)
                {
                    var level = Comparisons.Compare(data.Fields[f], i, j);
                    if (level >= 0) c[f][level]++;
                }
            }
            locals[w] = c;
        });
        foreach (var c in locals)
            for (var f = 0; f < c.Length; f++)
                for (var l = 0; l < c[f].Length; l++) counts[f][l] += c[f][l];
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"u from {perWorker * workers:N0} random pairs"));
        // Half a pair of pseudo-count per level: a level never seen among random pairs gets a small u, not zero.
        return counts.Select(c =>
        {
            double sum = c.Sum();
            return c.Select(x => (x + 0.5) / (sum + (0.5 * c.Length))).ToArray();
        }).ToArray();
    }

    /// <summary>
    /// All pairs of randomly chosen blocks of the rule, until the budget is used; a block larger than the limit is
    /// represented by a random subset of its records, so common values (the largest blocks) are not left out.
    /// </summary>
    private static List<(int, int)> SamplePairs(LinkData data, BlockingRule rule, Options options)
    {
        var keys = Blocking.Keys(data, rule);
        var (order, blocks) = Blocking.Group(keys);
        var rng = new Random(options.Seed);
        var shuffled = blocks.OrderBy(_ => rng.Next()).ToList();
        var pairs = new List<(int, int)>();
        foreach (var (s, e) in shuffled)
        {
            var members = order[s..e];
            if (members.Length > options.MaxTrainingBlock)
            {
                rng.Shuffle(members);
                members = members[..options.MaxTrainingBlock];
            }
            for (var x = 0; x < members.Length; x++)
            {
                for (var y = x + 1; y < members.Length; y++)
                {
                    var (i, j) = (members[x], members[y]);
                    if (data.IsLink && (i < data.SizeA) == (j < data.SizeA)) continue;
                    pairs.Add((i, j));
                }
            }
            if (pairs.Count >= options.PairsPerRule) break;
        }
        return pairs;
    }

    private static Dictionary<long, long> Patterns(LinkData data, List<(int I, int J)> pairs)
    {
        var result = new Dictionary<long, long>();
        var workers = Streams;
        var locals = new Dictionary<long, long>[workers];
        Parallel.For(0, workers, w =>
        {
            var d = new Dictionary<long, long>();
            for (var k = w; k < pairs.Count; k += workers)
            {
                var (i, j) = pairs[k];
                long p = 0;
                for (var f = 0; f < data.Fields.Length; f++)
                {
                    var level = Comparisons.Compare(data.Fields[f], i, j);
                    p |= (long)(level < 0 ? Missing : level) << (3 * f);
                }
                d[p] = d.GetValueOrDefault(p) + 1;
            }
            locals[w] = d;
        });
        foreach (var d in locals)
            foreach (var (p, c) in d) result[p] = result.GetValueOrDefault(p) + c;
        return result;
    }

    private static (double[][] M, double Lambda, int Iterations) Em(Dictionary<long, long> patterns, int[] free, string[][] levels, double[][] u, int maxIterations)
    {
        var m = levels.Select(l => PriorM(l.Length)).ToArray();
        var lambda = 0.1;
        var list = patterns.ToArray();
        var iterations = 0;
        for (; iterations < maxIterations; iterations++)
        {
            var mNum = levels.Select(l => new double[l.Length]).ToArray();
            double matchMass = 0, total = 0;
            foreach (var (p, count) in list)
            {
                double a = lambda, b = 1 - lambda;
                foreach (var f in free)
                {
                    var level = (int)((p >> (3 * f)) & 7);
                    if (level == Missing) continue;
                    a *= m[f][level];
                    b *= u[f][level];
                }
                var w = a / (a + b);
                matchMass += w * count;
                total += count;
                foreach (var f in free)
                {
                    var level = (int)((p >> (3 * f)) & 7);
                    if (level != Missing) mNum[f][level] += w * count;
                }
            }
            var newLambda = Math.Clamp(matchMass / total, 1e-9, 1 - 1e-9);
            var change = Math.Abs(newLambda - lambda);
            foreach (var f in free)
            {
                var s = mNum[f].Sum();
                if (s <= 0) continue;
                for (var l = 0; l < m[f].Length; l++)
                {
                    var v = Math.Max(mNum[f][l] / s, 1e-4);
                    change = Math.Max(change, Math.Abs(v - m[f][l]));
                    m[f][l] = v;
                }
            }
            lambda = newLambda;
            if (change < 1e-6) { iterations++; break; }
        }
        return (m, lambda, iterations);
    }

    /// <summary>Starting (and fallback) m: most true matches agree exactly, the rest spread over the lower levels.</summary>
    private static double[] PriorM(int levelCount)
    {
        var m = new double[levelCount];
        m[levelCount - 1] = 0.8;
        var rest = 0.2 / (levelCount - 1);
        for (var l = 0; l < levelCount - 1; l++) m[l] = rest;
        return m;
    }

    private static double[] Floor(double[] m)
    {
        var f = m.Select(x => Math.Max(x, 1e-4)).ToArray();
        var s = f.Sum();
        return f.Select(x => x / s).ToArray();
    }
}
