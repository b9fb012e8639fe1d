using System.Buffers;
using System.Globalization;
using System.Text;

namespace Himaya.Linkage;

/// <summary>
/// Folds Azerbaijani personal names (Azerbaijani Latin, Russian Cyrillic, Azerbaijani Cyrillic and the
/// usual Latin transliterations of both) to a tolerant ASCII search key, so that spelling variants of the
/// same name collide: Məmmədov = Mammadov = Mamedov = Мамедов → "mamadov".
/// The rules and the reason for each are in README.md next to this file.
/// </summary>
/// <remarks>
/// No regular expressions: three short linear passes per word over a stack-allocated (or, for very long
/// input, pooled) buffer; the only allocation is the returned string. Pure, deterministic and thread-safe,
/// and idempotent: Fold(Fold(x)) == Fold(x).
/// </remarks>
public static class NameFolding
{
    // Internal phoneme codes. They never appear in a key: they are expanded when the key is written.
    private const char Sh = 'S'; // ş, ш, щ, "sh"            → "sh"
    private const char Ch = 'C'; // ç, ч, "ch"               → "ch"
    private const char Jc = 'J'; // c, j, ҹ, ж, "dzh", "dj", "zh" → "j"

    private const int StackLimit = 512;

    // Folded forms of oğlu/oglu/ogly/ogli/оглы/оғлу ("son of") and qızı/qizi/gizi/kizi/kyzy/кызы/гызы ("daughter of").
    private const string SonMarker = "oklu";
    private const string SonMarkerY = "okli";
    private const string DaughterMarker = "kizi";

    // Russian-style patronymic suffixes, longest first. Those starting with y/e/е are "e-type" (-евич/-евна).
    private static readonly string[] RussianPatronymicSuffixes =
    [
        "yevitch", "ovitch", "evitch",
        "yevich", "yeviç", "yevna",
        "ovich", "evich", "ovych", "evych",
        "oviç", "eviç", "ovna", "evna",
        "ович", "евич", "овна", "евна",
    ];

    // Base ASCII letter (lower-case) for U+00C0..U+024F, from canonical decomposition; '\0' when none.
    private const int LatinTableStart = 0x00C0;
    private const int LatinTableEnd = 0x024F;
    private static readonly char[] LatinBase = BuildLatinBase();

    private enum FieldKind
    {
        Name,
        Patronymic,
        Query,
    }

    /// <summary>Key for one name field. Words are folded separately and joined with one space; null/blank → "".</summary>
    public static string Fold(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        return FoldField(name, FieldKind.Name);
    }

    /// <summary>
    /// Like <see cref="Fold"/>, for a patronymic field: drops the words oğlu/qızı (and their spellings),
    /// a fused "-oğlu"/"-qızı", and turns Russian-style patronymics (-ovich/-ovna/-ович/-овна, -evich/-evna…)
    /// back into the father's given name, so "Elşən oğlu" = "Elshan ogly" = "Эльшан оглы" = "Эльшанович" = "Elşən".
    /// </summary>
    public static string FoldPatronymic(string? patronymic)
    {
        if (string.IsNullOrWhiteSpace(patronymic))
        {
            return "";
        }

        return FoldField(patronymic, FieldKind.Patronymic);
    }

    /// <summary>
    /// Splits a free-text search query into folded name tokens, in query order. Patronymic marker words
    /// (oğlu, qızı, оглы…) and words that fold to nothing (digits, punctuation) are dropped; a Russian-style
    /// patronymic (Ilhamovich) becomes the father's name (ilkam).
    /// </summary>
    public static IReadOnlyList<string> QueryTokens(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var tokens = new List<string>();
        var input = query.AsSpan();
        int wordCapacity = checked((input.Length * 2) + 8);
        char[]? rented = null;
        Span<char> buffer = wordCapacity * 3 <= StackLimit
            ? stackalloc char[wordCapacity * 3]
            : (rented = ArrayPool<char>.Shared.Rent(wordCapacity * 3));
        try
        {
            var codes = buffer[..wordCapacity];
            var key = buffer.Slice(wordCapacity, wordCapacity * 2);
            int pos = 0;
            while (NextWord(input, ref pos, out var word))
            {
                int length = FoldWord(word, FieldKind.Query, codes, key);
                if (length > 0)
                {
                    tokens.Add(new string(key[..length]));
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        return tokens;
    }

    /// <summary>True when the word is a patronymic marker: oğlu, oglu, ogly, ogli, оглы, оғлу, qızı, qizi, gizi, kizi, kyzy, кызы, гызы…</summary>
    public static bool IsPatronymicMarker(string word)
    {
        if (string.IsNullOrWhiteSpace(word) || word.Length > 64)
        {
            return false;
        }

        var input = word.AsSpan().Trim();
        Span<char> codes = stackalloc char[(input.Length * 2) + 8];
        Span<char> key = stackalloc char[(input.Length * 4) + 8];
        int pos = 0;
        if (!NextWord(input, ref pos, out var first))
        {
            return false;
        }

        // Exactly one word.
        int probe = pos;
        if (NextWord(input, ref probe, out _))
        {
            return false;
        }

        int length = FoldWord(first, FieldKind.Name, codes, key);
        return IsMarkerKey(key[..length]);
    }

    private static string FoldField(string field, FieldKind kind)
    {
        var input = field.AsSpan();
        // Phase 1 emits at most 2 codes per input char; each code expands to at most 2 key chars.
        int codeCapacity = checked((input.Length * 2) + 8);
        int keyCapacity = checked((codeCapacity * 2) + input.Length + 8);
        int total = codeCapacity + keyCapacity;
        char[]? rented = null;
        Span<char> buffer = total <= StackLimit
            ? stackalloc char[total]
            : (rented = ArrayPool<char>.Shared.Rent(total));
        try
        {
            var codes = buffer[..codeCapacity];
            var key = buffer.Slice(codeCapacity, keyCapacity);
            int length = 0;
            int pos = 0;
            while (NextWord(input, ref pos, out var word))
            {
                int start = length == 0 ? 0 : length + 1;
                int written = FoldWord(word, kind, codes, key[start..]);
                if (written == 0)
                {
                    continue;
                }

                if (start > 0)
                {
                    key[length] = ' ';
                }

                length = start + written;
            }

            return length == 0 ? "" : new string(key[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Finds the next word: a run of letters, digits, combining marks, apostrophes and hyphens.</summary>
    private static bool NextWord(ReadOnlySpan<char> input, ref int pos, out ReadOnlySpan<char> word)
    {
        while (pos < input.Length && IsSeparator(input[pos]))
        {
            pos++;
        }

        int start = pos;
        while (pos < input.Length && !IsSeparator(input[pos]))
        {
            pos++;
        }

        word = input[start..pos];
        return pos > start;
    }

    private static bool IsSeparator(char c)
    {
        if (c < 0x80)
        {
            return !(char.IsAsciiLetterOrDigit(c) || c is '\'' or '`' or '-');
        }

        if (char.IsLetterOrDigit(c))
        {
            return false;
        }

        return c switch
        {
            '\u2018' or '\u2019' or '\u02BC' or '\u02BB' or '\u00B4' or '\u02B9' => false, // apostrophes
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u00AD' => false,             // hyphens
            _ => CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark),
        };
    }

    /// <summary>Folds one word into <paramref name="key"/>; returns the key length (0 when the word folds to nothing).</summary>
    private static int FoldWord(ReadOnlySpan<char> word, FieldKind kind, Span<char> codes, Span<char> key)
    {
        bool appendY = false;
        if (kind != FieldKind.Name)
        {
            word = StripRussianPatronymicSuffix(word, out appendY);
        }

        int n = MapToCodes(word, codes);
        if (appendY && n > 0)
        {
            codes[n++] = 'y';
        }

        n = ResolveDigraphs(codes[..n]);
        int length = WriteKey(codes[..n], key);

        if (kind != FieldKind.Name && length > 0)
        {
            if (IsMarkerKey(key[..length]))
            {
                return 0;
            }

            // A fused marker ("Elşənoğlu") only in a patronymic field: surnames such as Hüseynoğlu keep theirs.
            if (kind == FieldKind.Patronymic && length >= 6)
            {
                var tail = key.Slice(length - 4, 4);
                if (IsMarkerKey(tail))
                {
                    length -= 4;
                }
            }
        }

        return length;
    }

    private static bool IsMarkerKey(ReadOnlySpan<char> key) =>
        key.SequenceEqual(SonMarker) || key.SequenceEqual(SonMarkerY) || key.SequenceEqual(DaughterMarker);

    /// <summary>
    /// Ilhamovich → Ilham, Гусейнович → Гусейн, Алиевич → Али, Мусаевич → Муса, Сергеевич → Сергей.
    /// </summary>
    private static ReadOnlySpan<char> StripRussianPatronymicSuffix(ReadOnlySpan<char> word, out bool appendY)
    {
        appendY = false;
        foreach (var suffix in RussianPatronymicSuffixes)
        {
            if (word.Length < suffix.Length + 2 || !EndsWithFolded(word, suffix))
            {
                continue;
            }

            var stem = word[..^suffix.Length];
            bool eType = suffix[0] is 'y' or 'e' or 'е';
            if (eType)
            {
                // Серге-евич → Сергей; but Али-евич → Али and Муса-евич → Муса.
                char last = LowerForMatch(stem[^1]);
                appendY = last is 'e' or 'е';
            }

            return stem;
        }

        return word;
    }

    private static bool EndsWithFolded(ReadOnlySpan<char> word, string suffix)
    {
        int offset = word.Length - suffix.Length;
        for (int i = 0; i < suffix.Length; i++)
        {
            if (LowerForMatch(word[offset + i]) != suffix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static char LowerForMatch(char c) => c switch
    {
        'I' or '\u0130' or '\u0131' => 'i', // I, İ, ı
        < '\u0080' => char.ToLowerInvariant(c),
        >= '\u0400' and <= '\u04FF' => LowerCyrillic(c),
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>
    /// Lower-cases a Cyrillic letter by code-point arithmetic (char.ToLowerInvariant goes through ICU for
    /// non-ASCII and dominated the cost of folding Cyrillic names).
    /// </summary>
    private static char LowerCyrillic(char c) => c switch
    {
        >= '\u0410' and <= '\u042F' => (char)(c + 0x20),                      // А..Я
        >= '\u0400' and <= '\u040F' => (char)(c + 0x50),                      // Ѐ..Џ (Ё, Ј, Є, І…)
        (>= '\u0460' and <= '\u0481') or (>= '\u048A' and <= '\u04BF') or (>= '\u04D0' and <= '\u04FF')
            => (char)(c | 1),                                                  // pairs: Ғ ғ, Ҝ ҝ, Ҹ ҹ, Һ һ, Ә ә, Ө ө, Ү ү
        _ => c,
    };

    /// <summary>
    /// Phase 1: one input char → 0–2 codes. Lower-cases (dotted and dotless i both → i), strips diacritics,
    /// transliterates Cyrillic, and maps single letters to their class (g/q/x/k/ğ/г/к/х/һ/ғ/ҝ → k).
    /// Apostrophes, hyphens, digits and unknown scripts emit nothing.
    /// </summary>
    private static int MapToCodes(ReadOnlySpan<char> word, Span<char> codes)
    {
        int n = 0;
        foreach (char c in word)
        {
            if (c < 0x80)
            {
                if (char.IsAsciiLetter(c))
                {
                    codes[n++] = MapAsciiLetter((char)(c | 0x20));
                }

                continue;
            }

            if (c is >= '\u0400' and <= '\u04FF')
            {
                n = MapCyrillic(LowerCyrillic(c), codes, n);
                continue;
            }

            if (c is >= (char)LatinTableStart and <= (char)LatinTableEnd)
            {
                switch (c)
                {
                    case 'ç' or 'Ç':
                        codes[n++] = Ch;
                        continue;
                    case 'ş' or 'Ş' or '\u0219' or '\u0218': // ş and Romanian ș typed for it
                        codes[n++] = Sh;
                        continue;
                    case '\u0131' or '\u0130': // ı, İ
                        codes[n++] = 'i';
                        continue;
                    case '\u018F' or '\u01DD' or '\u018E' or 'æ' or 'Æ': // Ə, ǝ, Ǝ
                        codes[n++] = 'a';
                        continue;
                    case 'ß':
                        codes[n++] = 's';
                        continue;
                }

                char baseLetter = LatinBase[c - LatinTableStart];
                if (baseLetter != '\0')
                {
                    codes[n++] = MapAsciiLetter(baseLetter);
                }

                continue;
            }

            switch (c)
            {
                case '\u0327' or '\u0326': // combining cedilla / comma below: decomposed ş, ç
                    if (n > 0 && codes[n - 1] == 's')
                    {
                        codes[n - 1] = Sh;
                    }
                    else if (n > 0 && codes[n - 1] == 'c')
                    {
                        codes[n - 1] = Ch;
                    }

                    break;
                case '\u0259': // ə (IPA block, just above the table range)
                    codes[n++] = 'a';
                    break;
            }
        }

        return n;
    }

    private static char MapAsciiLetter(char lower) => lower switch
    {
        'g' or 'q' or 'x' => 'k', // velar class; h is resolved later (sh/ch/zh/kh digraphs)
        'w' => 'v',
        _ => lower,
    };

    private static int MapCyrillic(char c, Span<char> codes, int n)
    {
        switch (c)
        {
            case 'а': codes[n++] = 'a'; break;
            case 'б': codes[n++] = 'b'; break;
            case 'в': codes[n++] = 'v'; break;
            case 'г' or 'ғ' or 'ҝ' or 'ґ' or 'к' or 'х' or 'һ' or 'қ' or 'ҳ': codes[n++] = 'k'; break;
            case 'д': codes[n++] = 'd'; break;
            case 'е' or 'э': codes[n++] = 'e'; break;
            case 'є': codes[n++] = 'y'; codes[n++] = 'e'; break;
            case 'ё': codes[n++] = 'y'; codes[n++] = 'o'; break;
            case 'ж' or 'ҹ' or 'җ': codes[n++] = Jc; break;
            case 'з': codes[n++] = 'z'; break;
            case 'и' or 'ы' or 'і': codes[n++] = 'i'; break;
            case 'ї': codes[n++] = 'y'; codes[n++] = 'i'; break;
            case 'й' or 'ј': codes[n++] = 'y'; break;
            case 'л': codes[n++] = 'l'; break;
            case 'м': codes[n++] = 'm'; break;
            case 'н': codes[n++] = 'n'; break;
            case 'о' or 'ө': codes[n++] = 'o'; break;
            case 'п': codes[n++] = 'p'; break;
            case 'р': codes[n++] = 'r'; break;
            case 'с': codes[n++] = 's'; break;
            case 'т': codes[n++] = 't'; break;
            case 'у' or 'ү' or 'ў' or 'ұ': codes[n++] = 'u'; break;
            case 'ф': codes[n++] = 'f'; break;
            case 'ц': codes[n++] = 't'; codes[n++] = 's'; break;
            case 'ч': codes[n++] = Ch; break;
            case 'ш' or 'щ': codes[n++] = Sh; break;
            case 'ю': codes[n++] = 'y'; codes[n++] = 'u'; break;
            case 'я': codes[n++] = 'y'; codes[n++] = 'a'; break;
            case 'ә': codes[n++] = 'a'; break;
            default: break; // ь, ъ and anything else: nothing
        }

        return n;
    }

    /// <summary>
    /// Phase 2 (in place): Latin digraphs sh/ch/zh/kh/gh, a lone h → velar class, and exact doubled codes collapse.
    /// </summary>
    private static int ResolveDigraphs(Span<char> codes)
    {
        int m = 0;
        for (int i = 0; i < codes.Length; i++)
        {
            char x = codes[i];
            if (x == 'h')
            {
                char previous = m > 0 ? codes[m - 1] : '\0';
                switch (previous)
                {
                    case 's':
                        codes[m - 1] = Sh;
                        continue;
                    case 'c':
                        codes[m - 1] = Ch;
                        continue;
                    case 'z':
                        codes[m - 1] = Jc;
                        continue;
                    case 'k':
                        continue;
                    default:
                        x = 'k';
                        break;
                }
            }

            if (m > 0 && codes[m - 1] == x)
            {
                continue;
            }

            codes[m++] = x;
        }

        return m;
    }

    /// <summary>
    /// Phase 3: context rules (c/j → j-class, d before j-class, t before ch, the y rules, e → a) and
    /// writing the key with doubled letters collapsed.
    /// </summary>
    private static int WriteKey(ReadOnlySpan<char> codes, Span<char> key)
    {
        int o = 0;
        char last = '\0';
        for (int i = 0; i < codes.Length; i++)
        {
            char x = codes[i];
            char next = i + 1 < codes.Length ? codes[i + 1] : '\0';
            switch (x)
            {
                case 'c' or 'j':
                    x = Jc;
                    break;
                case 'd' when next is 'c' or 'j' or Jc: // dzh, dj, дж
                    continue;
                case 't' when next == Ch: // tch
                    continue;
                case 's' when next == Sh: // "ssh", "sş": keeps Fold(Fold(x)) == Fold(x)
                    continue;
                case 'y':
                    bool nextIsVowel = IsVowelCode(next);
                    if (i == 0)
                    {
                        if (next == 'e')
                        {
                            continue; // Yegana = Егана = Egana
                        }

                        if (!nextIsVowel)
                        {
                            x = 'i';
                        }
                    }
                    else if (nextIsVowel)
                    {
                        char previous = codes[i - 1];
                        if (!IsVowelCode(previous) || previous == 'i' || next is 'e' or 'i')
                        {
                            // Gyulnara = Gulnara, Maryam = Марьям; Aliyev = Aliev; Ağayev = Agaev; İsmayılov = Ismailov.
                            continue;
                        }

                        // Between other vowels the glide is written by everyone: Xəyal = Хаял, Ayaz = Аяз.
                    }
                    else
                    {
                        x = 'i'; // Leyla = Leila, Nasibly = Nasibli, ogly = ogli
                    }

                    break;
                case 'e':
                    x = 'a';
                    break;
            }

            if (x == last)
            {
                continue;
            }

            last = x;
            switch (x)
            {
                case Sh:
                    key[o++] = 's';
                    key[o++] = 'h';
                    break;
                case Ch:
                    key[o++] = 'c';
                    key[o++] = 'h';
                    break;
                case Jc:
                    key[o++] = 'j';
                    break;
                default:
                    key[o++] = x;
                    break;
            }
        }

        return o;
    }

    private static bool IsVowelCode(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static char[] BuildLatinBase()
    {
        var table = new char[LatinTableEnd - LatinTableStart + 1];
        Span<char> one = stackalloc char[1];
        for (int code = LatinTableStart; code <= LatinTableEnd; code++)
        {
            char lower = char.ToLowerInvariant((char)code);
            one[0] = lower;
            string decomposed = new string(one).Normalize(NormalizationForm.FormD);
            char first = decomposed[0];
            table[code - LatinTableStart] = char.IsAsciiLetterLower(first) ? first : '\0';
        }

        // Letters without a canonical decomposition that still have an obvious base.
        table['ø' - LatinTableStart] = 'o';
        table['Ø' - LatinTableStart] = 'o';
        table['đ' - LatinTableStart] = 'd';
        table['Đ' - LatinTableStart] = 'd';
        table['ł' - LatinTableStart] = 'l';
        table['Ł' - LatinTableStart] = 'l';
        return table;
    }
}
