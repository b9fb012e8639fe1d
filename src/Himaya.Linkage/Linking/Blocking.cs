using System.Collections.Concurrent;

namespace Himaya.Linkage.Linking;

/// <summary>How one field takes part in a blocking key.</summary>
public enum KeyPart { Value, Skeleton, Year, SortedDayMonthYear, Initial }

/// <summary>A blocking rule: records whose key parts are all present and all equal are compared.</summary>
public sealed record BlockingRule(IReadOnlyList<(int Field, KeyPart Part)> Parts)
{
    public string Describe(LinkData data) => string.Join(" + ", Parts.Select(p => p.Part switch
    {
        KeyPart.Value => data.Fields[p.Field].Spec.Column,
        KeyPart.Skeleton => $"skeleton({data.Fields[p.Field].Spec.Column})",
        KeyPart.Year => $"year({data.Fields[p.Field].Spec.Column})",
        KeyPart.SortedDayMonthYear => $"year+{{day,month}}({data.Fields[p.Field].Spec.Column})",
        _ => $"initial({data.Fields[p.Field].Spec.Column})",
    }));
}

/// <summary>
/// Candidate pairs: the union of the pairs each blocking rule proposes, each pair once (a pair is skipped by a rule
/// when an earlier rule already proposed it). Rules are derived from the field kinds unless the config lists them;
/// together they keep recall high when any one field is mistyped, transliterated, swapped or missing.
/// </summary>
public static class Blocking
{
    public static List<BlockingRule> Rules(LinkData data)
    {
        var fields = data.Fields;
        int[] Of(params FieldKind[] kinds) => Enumerable.Range(0, fields.Length).Where(i => kinds.Contains(fields[i].Kind)).ToArray();
        if (data.Config.Blocking is { } explicitRules)
        {
            return explicitRules.Select(cols => new BlockingRule(cols.Select(c =>
            {
                var f = Array.FindIndex(fields, x => x.Spec.Column == c);
                return (f, fields[f].Kind is FieldKind.Name or FieldKind.Surname or FieldKind.Patronymic ? KeyPart.Skeleton : KeyPart.Value);
            }).ToList())).ToList();
        }
        var rules = new List<BlockingRule>();
        var names = Of(FieldKind.Name, FieldKind.Surname);
        var patronymic = Of(FieldKind.Patronymic);
        var dates = Of(FieldKind.Date);
        foreach (var id in Of(FieldKind.Id)) rules.Add(new([(id, KeyPart.Value)]));
        if (dates.Length > 0)
        {
            var d = dates[0];
            // Exact birth date with any one name: survives a typo, nickname or new spelling in the other names.
            foreach (var n in names.Concat(patronymic)) rules.Add(new([(d, KeyPart.Value), (n, KeyPart.Skeleton)]));
            if (names.Length >= 2)
            {
                // Names with the year, and names with the patronymic: survive any change to day and month, or to the date.
                rules.Add(new([(d, KeyPart.Year), (names[0], KeyPart.Skeleton), (names[1], KeyPart.Skeleton)]));
                if (patronymic.Length > 0) rules.Add(new([(names[0], KeyPart.Skeleton), (names[1], KeyPart.Skeleton), (patronymic[0], KeyPart.Skeleton)]));
                // Day and month swapped, with both initials.
                rules.Add(new([(d, KeyPart.SortedDayMonthYear), (names[0], KeyPart.Initial), (names[1], KeyPart.Initial)]));
            }
            else if (names.Length == 1)
            {
                rules.Add(new([(d, KeyPart.Year), (names[0], KeyPart.Skeleton)]));
                rules.Add(new([(d, KeyPart.SortedDayMonthYear), (names[0], KeyPart.Initial)]));
            }
            else
            {
                rules.Add(new([(d, KeyPart.Value)]));
            }
        }
        else if (names.Length > 0)
        {
            rules.Add(new(names.Select(n => (n, KeyPart.Skeleton)).ToList()));
            foreach (var e in Of(FieldKind.Exact, FieldKind.District))
                foreach (var n in names) rules.Add(new([(n, KeyPart.Skeleton), (e, KeyPart.Value)]));
        }
        if (rules.Count == 0)
        {
            var exact = Of(FieldKind.Exact, FieldKind.District, FieldKind.Text);
            foreach (var e in exact) rules.Add(new([(e, KeyPart.Value)]));
        }
        return rules;
    }

    /// <summary>The rule's key of each record (FNV-1a over its parts); 0 when a part is missing.</summary>
    public static long[] Keys(LinkData data, BlockingRule rule)
    {
        var keys = new long[data.Count];
        var skeletons = new Dictionary<int, string[]>();
        foreach (var (f, part) in rule.Parts)
        {
            if (part == KeyPart.Skeleton && !skeletons.ContainsKey(f))
            {
                var field = data.Fields[f];
                // One skeleton per distinct stem, not per record.
                var byStem = new Dictionary<int, string>();
                var sk = new string[data.Count];
                for (var i = 0; i < data.Count; i++)
                {
                    var s = field.StemId![i];
                    if (s < 0) { sk[i] = ""; continue; }
                    if (!byStem.TryGetValue(s, out var v)) byStem[s] = v = NameKeys.Skeleton(NameKeys.Stem(field.Value[i]));
                    sk[i] = v;
                }
                skeletons[f] = sk;
            }
        }
        Parallel.For(0, data.Count, i =>
        {
            var h = 14695981039346656037UL;
            foreach (var (f, part) in rule.Parts)
            {
                var field = data.Fields[f];
                long v;
                switch (part)
                {
                    case KeyPart.Value:
                        v = field.ValueId[i];
                        break;
                    case KeyPart.Skeleton:
                        {
                            var s = skeletons[f][i];
                            if (s.Length == 0) { keys[i] = 0; return; }
                            v = StableHash(s);
                            break;
                        }
                    case KeyPart.Year:
                        v = field.Ymd is { } y && y[i] >= 0 ? y[i] / 10000 : -1;
                        break;
                    case KeyPart.SortedDayMonthYear:
                        {
                            if (field.Ymd is not { } y2 || y2[i] < 0) { v = -1; break; }
                            int dd = y2[i] % 100, mm = y2[i] / 100 % 100;
                            v = (y2[i] / 10000 * 10000) + (Math.Min(dd, mm) * 100) + Math.Max(dd, mm);
                            break;
                        }
                    default:
                        v = field.Value[i].Length > 0 ? field.Value[i][0] : -1;
                        break;
                }
                if (v < 0) { keys[i] = 0; return; }
                h = (h ^ (ulong)v ^ ((ulong)part << 56)) * 1099511628211UL;
                h ^= h >> 29;
            }
            keys[i] = h == 0 ? 1 : (long)h;
        });
        return keys;
    }

    private static long StableHash(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s) h = (h ^ c) * 1099511628211UL;
        return (long)(h & 0x3FFF_FFFF_FFFF_FFFF);
    }

    /// <summary>Record indices grouped by key: the blocks of a rule, each of at least two records.</summary>
    public static (int[] Order, List<(int Start, int End)> Blocks) Group(long[] keys)
    {
        var n = keys.Count(k => k != 0);
        var order = new int[n];
        var sorted = new long[n];
        var m = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0) continue;
            order[m] = i;
            sorted[m++] = keys[i];
        }
        Array.Sort(sorted, order);
        var blocks = new List<(int, int)>();
        for (var s = 0; s < n;)
        {
            var e = s + 1;
            while (e < n && sorted[e] == sorted[s]) e++;
            if (e - s >= 2)
            {
                // Within a block, records in input order: pairs then come out in a stable order.
                Array.Sort(order, s, e - s);
                blocks.Add((s, e));
            }
            s = e;
        }
        return (order, blocks);
    }

    public sealed record Summary(string Rule, long Pairs, int Blocks, int OversizeBlocks, long RecordsInOversizeBlocks);

    /// <summary>
    /// Calls <paramref name="onPair"/> for every candidate pair, once, in parallel over blocks (thread-local state from
    /// <paramref name="init"/>, handed to <paramref name="done"/> at the end). Blocks larger than <paramref name="maxBlock"/>
    /// are not compared (reported in the summary): their records are left to the other rules.
    /// </summary>
    public static List<Summary> ForEachCandidate<TLocal>(LinkData data, IReadOnlyList<BlockingRule> rules, int maxBlock,
        Func<TLocal> init, Action<int, int, TLocal> onPair, Action<TLocal> done)
    {
        var summaries = new List<Summary>();
        var allKeys = new List<long[]>();
        foreach (var rule in rules)
        {
            var keys = Keys(data, rule);
            var (order, blocks) = Group(keys);
            var oversize = 0;
            long oversizeRecords = 0;
            var work = new List<(int Start, int End)>(blocks.Count);
            foreach (var (s, e) in blocks)
            {
                if (e - s > maxBlock)
                {
                    oversize++;
                    oversizeRecords += e - s;
                    // Not compared under this rule, so later rules must not count these pairs as already proposed.
                    for (var k = s; k < e; k++) keys[order[k]] = 0;
                    continue;
                }
                work.Add((s, e));
            }
            var earlier = allKeys.ToArray();
            var link = data.IsLink;
            var sizeA = data.SizeA;
            long pairs = 0;
            Parallel.ForEach(Partitioner.Create(0, work.Count, Math.Max(1, work.Count / (Environment.ProcessorCount * 8))),
                () => (Local: init(), Pairs: 0L),
                (range, _, state) =>
                {
                    for (var w = range.Item1; w < range.Item2; w++)
                    {
                        var (s, e) = work[w];
                        // A block lists its records in input order, so when linking, the first source's records come
                        // first: pair them only with the second source's, without walking same-source pairs.
                        var split = s;
                        if (link) while (split < e && order[split] < sizeA) split++;
                        for (var x = s; x < (link ? split : e); x++)
                        {
                            var i = order[x];
                            for (var y = link ? split : x + 1; y < e; y++)
                            {
                                var j = order[y];
                                var seen = false;
                                foreach (var ek in earlier)
                                {
                                    if (ek[i] != 0 && ek[i] == ek[j]) { seen = true; break; }
                                }
                                if (seen) continue;
                                onPair(i, j, state.Local);
                                state.Pairs++;
                            }
                        }
                    }
                    return state;
                },
                state =>
                {
                    Interlocked.Add(ref pairs, state.Pairs);
                    done(state.Local);
                });
            allKeys.Add(keys);
            summaries.Add(new Summary(rule.Describe(data), pairs, work.Count, oversize, oversizeRecords));
        }
        return summaries;
    }
}
