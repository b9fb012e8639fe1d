namespace Himaya.Linkage.Linking;

/// <summary>Derived keys of an already folded name (see <see cref="NameFolding"/>): its stem and a phonetic skeleton.</summary>
public static class NameKeys
{
    // Family-name endings, longest first: the same family is written Məmmədov / Məmmədova / Məmmədli / Məmmədzadə, and
    // Russian-style -yev/-ev next to -ov. Folded forms (ə→a, ı→i, ğ→k...) so "zada" covers -zadə.
    private static readonly string[] Endings = ["zada", "zade", "yeva", "ova", "eva", "yev", "ov", "ev", "li", "ly", "lu"];

    /// <summary>The folded name without its family-name ending, when at least three letters remain: mamadova → mamad.</summary>
    public static string Stem(string folded)
    {
        foreach (var e in Endings)
        {
            if (folded.Length - e.Length >= 3 && folded.EndsWith(e, StringComparison.Ordinal)) return folded[..^e.Length];
        }
        return folded;
    }

    /// <summary>
    /// First letter then the consonants, vowels dropped and repeats collapsed: a blocking key that survives the vowel
    /// variation folding leaves (a/e/i/o/u/y) and doubled letters. mamad → mmd, kuseyn → ksn.
    /// </summary>
    public static string Skeleton(string folded)
    {
        if (folded.Length == 0) return "";
        Span<char> buf = folded.Length <= 128 ? stackalloc char[folded.Length] : new char[folded.Length];
        var n = 0;
        buf[n++] = folded[0];
        for (var i = 1; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or ' ' or '-') continue;
            if (buf[n - 1] == c) continue;
            buf[n++] = c;
        }
        return new string(buf[..n]);
    }
}
