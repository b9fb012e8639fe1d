namespace Himaya.Linkage.Linking;

/// <summary>
/// Comparison levels per field kind, from "disagree" (level 0) up to "exact" (the highest level). A pair where either
/// value is missing gets <see cref="Missing"/>, which carries no evidence either way.
/// </summary>
public static class Comparisons
{
    public const int Missing = -1;

    /// <summary>Level names per kind, index = level.</summary>
    public static string[] Levels(FieldKind kind) => kind switch
    {
        FieldKind.Name or FieldKind.Surname or FieldKind.Patronymic =>
            ["different", "Jaro-Winkler >= 0.80", "one is a shortened form (prefix)", "Jaro-Winkler >= 0.92", "same stem (ending differs)", "exact (folded)"],
        FieldKind.Date => ["different", "within a year", "one of day/month/year differs", "day and month swapped", "exact"],
        FieldKind.Id => ["different", "one character off", "exact"],
        FieldKind.Text => ["different", "half the words shared", "Jaro-Winkler >= 0.90", "exact"],
        _ => ["different", "exact"],
    };

    /// <summary>True when the kind's exact level is adjusted by how common the value is (a shared rare surname says more than a shared common one).</summary>
    public static bool UsesTermFrequency(FieldSpec f) => f.TermFrequency && f.Kind is FieldKind.Name or FieldKind.Surname or FieldKind.Patronymic or FieldKind.Exact or FieldKind.Text or FieldKind.District;

    public static int Compare(PreparedField f, int i, int j)
    {
        var a = f.ValueId[i];
        var b = f.ValueId[j];
        if (a < 0 || b < 0) return Missing;
        switch (f.Kind)
        {
            case FieldKind.Name:
            case FieldKind.Surname:
            case FieldKind.Patronymic:
                {
                    if (a == b) return 5;
                    if (f.StemId![i] == f.StemId[j]) return 4;
                    var x = f.Value[i].AsSpan();
                    var y = f.Value[j].AsSpan();
                    var jw = Similarity.JaroWinkler(x, y);
                    if (jw >= 0.92) return 3;
                    var shorter = x.Length <= y.Length ? x : y;
                    var longer = x.Length <= y.Length ? y : x;
                    if (shorter.Length >= 3 && longer.StartsWith(shorter)) return 2;
                    return jw >= 0.80 ? 1 : 0;
                }
            case FieldKind.Date:
                {
                    if (a == b) return 4;
                    var p = f.Ymd![i];
                    var q = f.Ymd[j];
                    int py = p / 10000, pm = p / 100 % 100, pd = p % 100;
                    int qy = q / 10000, qm = q / 100 % 100, qd = q % 100;
                    if (py == qy && pm == qd && pd == qm) return 3;
                    var same = (py == qy ? 1 : 0) + (pm == qm ? 1 : 0) + (pd == qd ? 1 : 0);
                    if (same == 2) return 2;
                    return Math.Abs(f.Day![i] - f.Day[j]) <= 366 ? 1 : 0;
                }
            case FieldKind.Id:
                if (a == b) return 2;
                return Similarity.WithinOneEdit(f.Value[i], f.Value[j]) ? 1 : 0;
            case FieldKind.Text:
                {
                    if (a == b) return 3;
                    if (Similarity.JaroWinkler(f.Value[i], f.Value[j]) >= 0.90) return 2;
                    return Similarity.Jaccard(f.Tokens![i], f.Tokens[j]) >= 0.5 ? 1 : 0;
                }
            default:
                return a == b ? 1 : 0;
        }
    }
}
