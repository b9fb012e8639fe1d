namespace Himaya.Linkage.Linking;

/// <summary>String similarities used by the comparison levels. Allocation-free for the short strings names are.</summary>
public static class Similarity
{
    /// <summary>Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4), as in Winkler (1990).</summary>
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0) return a.Length == b.Length ? 1 : 0;
        if (a.SequenceEqual(b)) return 1;
        if (a.Length > b.Length) { var t = a; a = b; b = t; }
        var window = Math.Max(0, (b.Length / 2) - 1);
        Span<bool> matchedB = b.Length <= 256 ? stackalloc bool[b.Length] : new bool[b.Length];
        Span<int> matchIndexA = a.Length <= 256 ? stackalloc int[a.Length] : new int[a.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(b.Length - 1, i + window);
            matchIndexA[i] = -1;
            for (var j = lo; j <= hi; j++)
            {
                if (matchedB[j] || a[i] != b[j]) continue;
                matchedB[j] = true;
                matchIndexA[i] = j;
                matches++;
                break;
            }
        }
        if (matches == 0) return 0;
        // Transpositions: matched characters of a, in order, against matched characters of b, in order.
        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (matchIndexA[i] < 0) continue;
            while (!matchedB[k]) k++;
            if (a[i] != b[k]) transpositions++;
            k++;
        }
        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2)) / m)) / 3.0;
        var prefix = 0;
        for (var i = 0; i < Math.Min(4, a.Length); i++)
        {
            if (a[i] != b[i]) break;
            prefix++;
        }
        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>True when the two differ by at most one insertion, deletion, substitution or adjacent transposition.</summary>
    public static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        var p = 0;
        while (p < a.Length && p < b.Length && a[p] == b[p]) p++;
        if (p == a.Length && p == b.Length) return true;
        var ra = a[p..];
        var rb = b[p..];
        if (ra.Length == rb.Length)
        {
            if (ra[1..].SequenceEqual(rb[1..])) return true; // substitution
            return ra.Length >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..].SequenceEqual(rb[2..]); // transposition
        }
        return ra.Length > rb.Length ? ra[1..].SequenceEqual(rb) : rb[1..].SequenceEqual(ra);
    }

    /// <summary>Jaccard similarity of two sorted, distinct token-id arrays.</summary>
    public static double Jaccard(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)common / (a.Length + b.Length - common);
    }
}
