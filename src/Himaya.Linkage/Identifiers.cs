namespace Himaya.Linkage;

/// <summary>What is wrong with a FIN (callers that speak several languages say it in their own words).</summary>
public enum FinProblem { Required, TooLong, Characters, Length, LetterIOrO }

/// <summary>
/// The FIN (fərdi identifikasiya nömrəsi), the personal identification code printed on Azerbaijani ID cards:
/// exactly 7 Latin capital letters and digits, never the letters I or O (they would be confused with 1 and 0).
/// </summary>
public static class Fin
{
    public const int Length = 7;

    /// <summary>
    /// Accepts lower case, surrounding white space and Cyrillic look-alike capitals (А, В, Е, К, М, Н, Р, С, Т, Х…
    /// typed on a Russian keyboard layout); returns the upper-case FIN.
    /// </summary>
    public static bool TryNormalise(string? input, out string normalised) => Parse(input, out normalised, out _) is null;

    /// <summary>Null when <paramref name="input"/> is a valid FIN; otherwise an English error message.</summary>
    public static string? Validate(string? input) => Check(input) is { } p ? Describe(p.Problem, p.Length) : null;

    /// <summary>Null when <paramref name="input"/> is a valid FIN; otherwise what is wrong, and how many characters it has.</summary>
    public static (FinProblem Problem, int Length)? Check(string? input) => Parse(input, out _, out var length) is { } p ? (p, length) : null;

    /// <summary>The English message for a problem (<paramref name="length"/>: the characters the FIN has).</summary>
    public static string Describe(FinProblem problem, int length) => problem switch
    {
        FinProblem.Required => "The FIN is required.",
        FinProblem.TooLong => $"The FIN must be exactly {Length} characters (Latin letters and digits).",
        FinProblem.Characters => "The FIN may contain only Latin letters and digits.",
        FinProblem.Length => $"The FIN must be exactly {Length} characters (Latin letters and digits); this one has {length}.",
        _ => "The FIN never contains the letters I or O; check whether they are the digits 1 and 0.",
    };

    private static FinProblem? Parse(string? input, out string normalised, out int length)
    {
        normalised = "";
        length = 0;
        if (string.IsNullOrWhiteSpace(input))
        {
            return FinProblem.Required;
        }

        var trimmed = input.AsSpan().Trim();
        length = trimmed.Length;
        if (trimmed.Length > 64)
        {
            return FinProblem.TooLong;
        }

        Span<char> buffer = stackalloc char[trimmed.Length];
        bool confusable = false;
        for (int i = 0; i < trimmed.Length; i++)
        {
            char c = IdentifierChars.ToUpperLatin(trimmed[i], foldAzerbaijaniLetters: false);
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                return FinProblem.Characters;
            }

            confusable |= c is 'I' or 'O';
            buffer[i] = c;
        }

        if (buffer.Length != Length)
        {
            return FinProblem.Length;
        }

        if (confusable)
        {
            return FinProblem.LetterIOrO;
        }

        normalised = new string(buffer);
        return null;
    }
}

/// <summary>What is wrong with a birth certificate number.</summary>
public enum CertificateProblem { Required, TooLong, Characters, NoDigits, DigitsOnlyAfterSeries, DigitCount, NoSeries, SeriesParts, RomanNumeral, SeriesLetters }

/// <summary>
/// Azerbaijani birth certificate number: a series followed by a number. Modern certificates: "AZE 1234567";
/// Soviet-era ones: a Roman numeral, hyphen and letters, e.g. "II-BŞ 123456", "IV-AZ № 654321".
/// Normalised form: [ROMAN-]LETTERS + DIGITS without spaces, e.g. "AZE1234567", "II-BS123456".
/// </summary>
public static class BirthCertificateNumber
{
    public const int MaxSeriesLetters = 4;
    public const int MinDigits = 6;
    public const int MaxDigits = 8;

    /// <summary>
    /// Upper-cases (Azerbaijani-safe: i → I, ı → I, ş → S, ç → C, ğ → G, ö → O, ü → U, ə → E), removes spaces,
    /// "№" and "N°", and maps Cyrillic look-alike capitals to Latin.
    /// </summary>
    public static bool TryNormalise(string? input, out string normalised) => Parse(input, out normalised, out _) is null;

    /// <summary>Null when <paramref name="input"/> is a valid certificate number; otherwise an English error message.</summary>
    public static string? Validate(string? input) => Check(input) is { } p ? Describe(p.Problem, p.Digits) : null;

    /// <summary>Null when <paramref name="input"/> is a valid certificate number; otherwise what is wrong, and how many digits follow the series.</summary>
    public static (CertificateProblem Problem, int Digits)? Check(string? input) => Parse(input, out _, out var digits) is { } p ? (p, digits) : null;

    /// <summary>The English message for a problem (<paramref name="digits"/>: the digits after the series).</summary>
    public static string Describe(CertificateProblem problem, int digits) => problem switch
    {
        CertificateProblem.Required => "The birth certificate number is required.",
        CertificateProblem.TooLong => "The birth certificate number is too long.",
        CertificateProblem.Characters => "The birth certificate number may contain only a Latin-letter series, a Roman numeral, a hyphen and digits.",
        CertificateProblem.NoDigits => $"The birth certificate number must end with {MinDigits}–{MaxDigits} digits.",
        CertificateProblem.DigitsOnlyAfterSeries => "The birth certificate number must be the series followed by digits only.",
        CertificateProblem.DigitCount => $"The number after the series must have {MinDigits}–{MaxDigits} digits; this one has {digits}.",
        CertificateProblem.NoSeries => "The birth certificate number must start with its series (letters, e.g. AZE or II-BŞ).",
        CertificateProblem.SeriesParts => "The series has too many parts; expected letters (AZE) or a Roman numeral and letters (II-BŞ).",
        CertificateProblem.RomanNumeral => "The part of the series before the hyphen must be a Roman numeral (I, II, III, IV…).",
        _ => $"The series must have 1–{MaxSeriesLetters} Latin letters.",
    };

    private static CertificateProblem? Parse(string? input, out string normalised, out int digitCount)
    {
        normalised = "";
        digitCount = 0;
        if (string.IsNullOrWhiteSpace(input))
        {
            return CertificateProblem.Required;
        }

        var trimmed = input.AsSpan().Trim();
        if (trimmed.Length > 64)
        {
            return CertificateProblem.TooLong;
        }

        // 1. Map to [A-Z0-9], ' ' (any separator space) and '-'.
        Span<char> mapped = stackalloc char[trimmed.Length];
        int length = 0;
        for (int i = 0; i < trimmed.Length; i++)
        {
            char c = trimmed[i];
            if (c == '№')
            {
                mapped[length++] = ' ';
                continue;
            }

            if (c is 'N' or 'n' && i + 1 < trimmed.Length && trimmed[i + 1] is '°' or 'º')
            {
                mapped[length++] = ' ';
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                mapped[length++] = ' ';
                continue;
            }

            if (c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014')
            {
                mapped[length++] = '-';
                continue;
            }

            char upper = IdentifierChars.ToUpperLatin(c, foldAzerbaijaniLetters: true);
            if (!char.IsAsciiDigit(upper) && !char.IsAsciiLetterUpper(upper))
            {
                return CertificateProblem.Characters;
            }

            mapped[length++] = upper;
        }

        var text = mapped[..length];

        // 2. Split at the first digit: series before it, number from it.
        int firstDigit = text.IndexOfAnyInRange('0', '9');
        if (firstDigit < 0)
        {
            return CertificateProblem.NoDigits;
        }

        Span<char> digits = stackalloc char[text.Length];
        foreach (char c in text[firstDigit..])
        {
            if (c == ' ')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return CertificateProblem.DigitsOnlyAfterSeries;
            }

            digits[digitCount++] = c;
        }

        if (digitCount is < MinDigits or > MaxDigits)
        {
            return CertificateProblem.DigitCount;
        }

        // 3. Series: "LETTERS" or "ROMAN-LETTERS" (separated by a hyphen and/or spaces).
        var series = text[..firstDigit].Trim(" -");
        if (series.IsEmpty)
        {
            return CertificateProblem.NoSeries;
        }

        scoped ReadOnlySpan<char> roman = default;
        scoped ReadOnlySpan<char> letters = series;
        int separator = series.IndexOfAny(' ', '-');
        if (separator >= 0)
        {
            roman = series[..separator];
            letters = series[separator..].TrimStart(" -");
            if (letters.IndexOfAny(' ', '-') >= 0)
            {
                return CertificateProblem.SeriesParts;
            }

            if (!IsRomanNumeral(roman))
            {
                return CertificateProblem.RomanNumeral;
            }
        }

        if (letters.Length is 0 or > MaxSeriesLetters || letters.ContainsAnyExceptInRange('A', 'Z'))
        {
            return CertificateProblem.SeriesLetters;
        }

        normalised = roman.IsEmpty
            ? string.Concat(letters, digits[..digitCount])
            : string.Concat(roman, "-", letters, digits[..digitCount]);
        return null;
    }

    /// <summary>I to XXXIX, upper case.</summary>
    private static bool IsRomanNumeral(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 6)
        {
            return false;
        }

        int i = 0;
        int tens = 0;
        while (i < s.Length && s[i] == 'X' && tens < 3)
        {
            i++;
            tens++;
        }

        var units = s[i..];
        if (units.IsEmpty)
        {
            return tens > 0;
        }

        return units is "I" or "II" or "III" or "IV" or "V" or "VI" or "VII" or "VIII" or "IX";
    }
}

internal static class IdentifierChars
{
    /// <summary>
    /// Upper-cases without culture surprises (i → I, never İ; ı/İ → I) and maps Cyrillic look-alike capitals to
    /// Latin; optionally also folds Azerbaijani letters (ş → S, ə → E…). Returns the char unchanged otherwise.
    /// </summary>
    public static char ToUpperLatin(char c, bool foldAzerbaijaniLetters)
    {
        if (char.IsAsciiLetterLower(c))
        {
            return (char)(c - 32);
        }

        if (c < 0x80)
        {
            return c;
        }

        if (!foldAzerbaijaniLetters && c is 'ş' or 'Ş' or 'ç' or 'Ç' or 'ğ' or 'Ğ' or 'ö' or 'Ö' or 'ü' or 'Ü' or '\u0259' or '\u018F')
        {
            return c;
        }

        return c switch
        {
            'ş' or 'Ş' => 'S',
            'ç' or 'Ç' => 'C',
            'ğ' or 'Ğ' => 'G',
            '\u0131' or '\u0130' => 'I', // ı, İ
            'ö' or 'Ö' => 'O',
            'ü' or 'Ü' => 'U',
            '\u0259' or '\u018F' => 'E', // ə, Ə
            // Cyrillic capitals (and the lower-case letters that look like Latin ones) typed on a Russian layout.
            'А' or 'а' => 'A',
            'В' => 'B',
            'Е' or 'е' => 'E',
            'К' => 'K',
            'М' => 'M',
            'Н' => 'H',
            'О' or 'о' => 'O',
            'Р' or 'р' => 'P',
            'С' or 'с' => 'C',
            'Т' => 'T',
            'Х' or 'х' => 'X',
            'У' or 'у' => 'Y',
            'І' or 'і' => 'I',
            'Ј' or 'ј' => 'J',
            'Ѕ' or 'ѕ' => 'S',
            _ => c,
        };
    }
}
