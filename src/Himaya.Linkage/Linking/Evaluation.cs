namespace Himaya.Linkage.Linking;

/// <summary>Pairwise precision, recall and F1 of a linkage against known matches.</summary>
public sealed record Quality(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;
    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => System.FormattableString.Invariant(
        $"precision {Precision:F4}, recall {Recall:F4}, F1 {F1:F4} ({CorrectPairs:N0} correct of {PredictedPairs:N0} predicted pairs; {TruePairs:N0} true pairs)");

    /// <summary>Clusters against true entities: every pair of records in one predicted cluster is a predicted match.</summary>
    public static Quality OfClusters(IReadOnlyList<string> predicted, IReadOnlyList<string?> truth)
    {
        static long Pairs(long n) => n * (n - 1) / 2;
        var byCell = new Dictionary<(string, string), long>();
        var byCluster = new Dictionary<string, long>(StringComparer.Ordinal);
        var byEntity = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < predicted.Count; i++)
        {
            byCluster[predicted[i]] = byCluster.GetValueOrDefault(predicted[i]) + 1;
            if (truth[i] is not { } t) continue; // unlabelled record: its pairs are not judged
            byEntity[t] = byEntity.GetValueOrDefault(t) + 1;
            byCell[(predicted[i], t)] = byCell.GetValueOrDefault((predicted[i], t)) + 1;
        }
        return new Quality(byEntity.Values.Sum(Pairs), byCluster.Values.Sum(Pairs), byCell.Values.Sum(Pairs));
    }

    /// <summary>Predicted pairs against true pairs (both as unordered id pairs).</summary>
    public static Quality OfPairs(IEnumerable<(string, string)> predicted, IEnumerable<(string, string)> truth)
    {
        static (string, string) Key((string A, string B) p) => string.CompareOrdinal(p.A, p.B) <= 0 ? p : (p.B, p.A);
        var truthSet = truth.Select(Key).ToHashSet();
        var predictedSet = predicted.Select(Key).ToHashSet();
        return new Quality(truthSet.Count, predictedSet.Count, predictedSet.Count(truthSet.Contains));
    }
}
