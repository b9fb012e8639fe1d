using System.Text;

namespace Himaya.Generators;

/// <summary>How a record's names were typed: as today, or as in old records (Russian Cyrillic, or a Latin transliteration).</summary>
internal enum SpellingStyle
{
    /// <summary>Azerbaijani Latin: Məmmədov Elvin Rəşad oğlu.</summary>
    Native,
    /// <summary>Russian Cyrillic: Мамедов Эльвин Рашад оглы.</summary>
    Cyrillic,
    /// <summary>English-style Latin from the Azerbaijani spelling: Mammadov Elvin Rashad oglu, Jafarov.</summary>
    EnglishLatin,
    /// <summary>Latin from the Russian spelling: Mamedov Elvin Rashad ogly, Aliev, Guseynov, Dzhafarov.</summary>
    RussianLatin,
}

/// <summary>Rule-based transliterations of Azerbaijani names, good enough to look like real old records.</summary>
internal static class Spellings
{
    public const string Son = " oğlu";
    public const string Daughter = " qızı";

    public static string Patronymic(string fatherGivenName, bool daughter, SpellingStyle style) => style switch
    {
        SpellingStyle.Cyrillic => GivenName(fatherGivenName, style) + (daughter ? " кызы" : " оглы"),
        SpellingStyle.EnglishLatin => GivenName(fatherGivenName, style) + (daughter ? " gizi" : " oglu"),
        SpellingStyle.RussianLatin => GivenName(fatherGivenName, style) + (daughter ? " kyzy" : " ogly"),
        _ => fatherGivenName + (daughter ? Daughter : Son),
    };

    public static string GivenName(string name, SpellingStyle style) => style switch
    {
        SpellingStyle.Cyrillic => CyrillicGiven(name),
        SpellingStyle.EnglishLatin => ToEnglishLatin(name),
        SpellingStyle.RussianLatin => CyrillicToLatin(CyrillicGiven(name)),
        _ => name,
    };

    public static string Surname(NameLists.Surname s, bool female, SpellingStyle style) => style switch
    {
        SpellingStyle.Cyrillic => CyrillicSurname(s, female),
        SpellingStyle.EnglishLatin => ToEnglishLatin(female ? s.Female : s.Male),
        SpellingStyle.RussianLatin => CyrillicToLatin(CyrillicSurname(s, female)),
        _ => female ? s.Female : s.Male,
    };

    private static string CyrillicGiven(string name) =>
        NameLists.CyrillicGivenNames.TryGetValue(name, out var c) ? c : ToCyrillic(name);

    private static string CyrillicSurname(NameLists.Surname s, bool female)
    {
        var male = s.CyrillicMale ?? ToCyrillic(s.Male);
        if (!female || s.Male == s.Female) return male;
        return male.EndsWith("ов", StringComparison.Ordinal) || male.EndsWith("ев", StringComparison.Ordinal) ? male + "а" : ToCyrillic(s.Female);
    }

    private static char Lower(char c) => c switch
    {
        'İ' => 'i',
        'I' => 'ı',
        _ => char.ToLowerInvariant(c),
    };

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'ə' or 'ı' or 'i' or 'o' or 'ö' or 'u' or 'ü';
    private static bool IsFrontVowel(char c) => c is 'e' or 'ə' or 'i' or 'ö' or 'ü';

    /// <summary>Azerbaijani Latin → Russian Cyrillic as Soviet-era clerks wrote it: Elvin → Эльвин, Həsən → Гасан, Nicat → Ниджат.</summary>
    public static string ToCyrillic(string az)
    {
        var sb = new StringBuilder(az.Length + 4);
        foreach (var word in az.Split(' '))
        {
            if (sb.Length > 0) sb.Append(' ');
            var start = sb.Length;
            var s = word.Select(Lower).ToArray();
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                var prev = i > 0 ? s[i - 1] : '\0';
                var next = i + 1 < s.Length ? s[i + 1] : '\0';
                switch (c)
                {
                    case 'a': sb.Append('а'); break;
                    case 'b': sb.Append('б'); break;
                    case 'c': sb.Append("дж"); break;
                    case 'ç': sb.Append('ч'); break;
                    case 'd': sb.Append('д'); break;
                    case 'e': sb.Append(i == 0 ? 'э' : 'е'); break;
                    case 'ə': sb.Append(prev is 'k' or 'g' ? 'я' : 'а'); break;
                    case 'f': sb.Append('ф'); break;
                    case 'g' or 'ğ': sb.Append('г'); break;
                    case 'h': sb.Append(next == '\0' || !IsVowel(next) ? 'х' : 'г'); break;
                    case 'x': sb.Append('х'); break;
                    case 'ı': sb.Append('ы'); break;
                    case 'i': sb.Append('и'); break;
                    case 'j': sb.Append('ж'); break;
                    case 'k': sb.Append('к'); break;
                    case 'q': sb.Append(i == 0 ? 'к' : 'г'); break;
                    case 'l': sb.Append(IsFrontVowel(prev) && (next == '\0' || !IsVowel(next)) ? "ль" : "л"); break;
                    case 'm': sb.Append('м'); break;
                    case 'n': sb.Append('н'); break;
                    case 'o': sb.Append('о'); break;
                    case 'ö': sb.Append(prev is 'g' or 'k' ? 'ё' : 'о'); break;
                    case 'p': sb.Append('п'); break;
                    case 'r': sb.Append('р'); break;
                    case 's': sb.Append('с'); break;
                    case 'ş': sb.Append('ш'); break;
                    case 't': sb.Append('т'); break;
                    case 'u': sb.Append('у'); break;
                    case 'ü': sb.Append(prev is 'g' or 'k' or 'l' ? 'ю' : 'у'); break;
                    case 'v': sb.Append('в'); break;
                    case 'z': sb.Append('з'); break;
                    case 'y':
                        switch (next)
                        {
                            case 'a' or 'ə': sb.Append('я'); i++; break;
                            case 'u' or 'ü': sb.Append('ю'); i++; break;
                            case 'e': sb.Append('е'); i++; break;
                            case 'o': sb.Append('ё'); i++; break;
                            case 'y': break; // Ülviyyə → Ульвия
                            default: sb.Append('й'); break;
                        }
                        break;
                    default: sb.Append(c); break;
                }
            }
            if (sb.Length > start) sb[start] = char.ToUpperInvariant(sb[start]);
        }
        return sb.ToString();
    }

    /// <summary>Russian Cyrillic → Latin, the way Russian-language documents transliterate: Мамедов → Mamedov, Гусейнов → Guseynov.</summary>
    public static string CyrillicToLatin(string cyrillic)
    {
        var sb = new StringBuilder(cyrillic.Length + 4);
        for (var i = 0; i < cyrillic.Length; i++)
        {
            var c = cyrillic[i];
            var upper = char.IsUpper(c);
            var atWordStart = i == 0 || cyrillic[i - 1] == ' ';
            string latin = char.ToLowerInvariant(c) switch
            {
                'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d",
                'е' => atWordStart ? "ye" : "e", 'ё' => "yo", 'ж' => "zh", 'з' => "z", 'и' => "i", 'й' => "y",
                'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s",
                'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh", 'щ' => "shch",
                'ъ' or 'ь' => "", 'ы' => "y", 'э' => "e", 'ю' => "yu", 'я' => "ya",
                var other => other.ToString(),
            };
            if (latin.Length == 0) continue;
            sb.Append(upper ? char.ToUpperInvariant(latin[0]) + latin[1..] : latin);
        }
        return sb.ToString();
    }

    /// <summary>Azerbaijani Latin → plain English-style Latin: Məmmədov → Mammadov, Cəfərov → Jafarov, Şükür → Shukur.</summary>
    public static string ToEnglishLatin(string az)
    {
        var sb = new StringBuilder(az.Length + 4);
        foreach (var c in az)
        {
            var upper = char.IsUpper(c);
            string latin = Lower(c) switch
            {
                'ə' => "a", 'ş' => "sh", 'ç' => "ch", 'c' => "j", 'x' => "kh", 'ğ' => "gh", 'q' => "g",
                'ı' => "i", 'ö' => "o", 'ü' => "u",
                var other => other.ToString(),
            };
            sb.Append(upper ? char.ToUpperInvariant(latin[0]) + latin[1..] : latin);
        }
        return sb.ToString();
    }
}
