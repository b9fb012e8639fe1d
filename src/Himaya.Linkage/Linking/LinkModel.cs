namespace Himaya.Linkage.Linking;

/// <summary>m and u probabilities of one field's comparison levels, and the weight (log2 Bayes factor) they give.</summary>
public sealed record FieldWeights(string Column, FieldKind Kind, string[] Levels, double[] M, double[] U, bool TermFrequency, string MSource)
{
    public double Weight(int level) => Math.Log2(M[level] / U[level]);
    public int Top => Levels.Length - 1;
}

/// <summary>
/// A trained Fellegi–Sunter model: per field and level, m (probability of that level for a true match) and u (for a
/// non-match); the prior probability that two records match; and how it was trained. Saved with each run so a result
/// can always be explained.
/// </summary>
public sealed record LinkModel(IReadOnlyList<FieldWeights> Fields, double Prior, IReadOnlyList<string> BlockingRules, IReadOnlyList<string> TrainingNotes)
{
    public double PriorWeight => Math.Log2(Prior / (1 - Prior));

    public static double Probability(double logit2) => 1 / (1 + Math.Pow(2, -logit2));

    /// <summary>Sum of the field weights of a pair (without the prior), with the term-frequency adjustment on exact agreements.</summary>
    public double Score(LinkData data, int i, int j, Span<int> levels)
    {
        double s = 0;
        for (var f = 0; f < Fields.Count; f++)
        {
            var fw = Fields[f];
            var field = data.Fields[f];
            var level = Comparisons.Compare(field, i, j);
            levels[f] = level;
            if (level == Comparisons.Missing) continue;
            s += _weights[f][level];
            if (level == fw.Top && fw.TermFrequency)
            {
                // u for agreeing on this very value is how often it occurs, not the average over all values.
                var tf = (double)field.Count[field.ValueId[i]] / field.NonMissing;
                s += Math.Log2(fw.U[level] / tf);
            }
        }
        return s;
    }

    private readonly double[][] _weights = Fields.Select(f => Enumerable.Range(0, f.Levels.Length).Select(f.Weight).ToArray()).ToArray();

    public string Describe()
    {
        var w = new System.Text.StringBuilder();
        w.AppendLine(System.FormattableString.Invariant($"prior probability that two records match: {Prior:E3} ({PriorWeight:F2} bits)"));
        foreach (var f in Fields)
        {
            w.AppendLine($"{f.Column} ({f.Kind.ToString().ToLowerInvariant()}{(f.TermFrequency ? ", term-frequency adjusted" : "")}; m from {f.MSource})");
            for (var l = f.Levels.Length - 1; l >= 0; l--)
                w.AppendLine(System.FormattableString.Invariant($"  {f.Levels[l],-36} m={f.M[l]:F4}  u={f.U[l]:E3}  weight={f.Weight(l),7:F2}"));
        }
        w.AppendLine("blocking rules: " + string.Join("; ", BlockingRules));
        foreach (var n in TrainingNotes) w.AppendLine(n);
        return w.ToString();
    }
}
