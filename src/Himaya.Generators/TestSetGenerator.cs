using System.Globalization;
using System.Numerics;

namespace Himaya.Generators;

/// <summary>Builds the sets. One instance per call; everything random comes from one <see cref="Rng"/> in a fixed order.</summary>
internal sealed class TestSetGenerator
{
    private enum Style : byte { Native, Cyrillic, EnglishLatin, RussianLatin, Plain }

    private enum PatronymicForm : byte { Marker, NameOnly, Russian, Missing }

    /// <summary>A child: indexes into the name lists and districts, 16 bytes, so 4 million of them are cheap.</summary>
    private struct Entity
    {
        public short Given;     // into NameLists.Boys or .Girls
        public short Father;    // into NameLists.Men
        public short Surname;   // into NameLists.Surnames
        public short District;  // into Reference.Leaves
        public int Birth;       // DateOnly.DayNumber
        public bool Female;
        public bool HasFin;
        public bool CleanShowsFin;
        public Style Style;     // how the clean record is spelt
    }

    private const ulong FinSpace = 52_523_350_144; // 34^7
    private const string FinAlphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no I, no O (Fin's rule)

    private readonly Rng _rng;
    private readonly ulong _finKey;
    private readonly Dictionary<(string Name, Style Style, int Kind), string> _spellings = [];
    private int _entityIdWidth = 7;

    public TestSetGenerator(int seed)
    {
        _rng = new Rng(Rng.Mix((ulong)(uint)seed ^ 0x7E57_5E70_0000_0000UL));
        _finKey = Rng.Mix((ulong)(uint)seed ^ 0x7E57_F100_0000_0000UL);
    }

    public GeneratedSet Dedup(int records, int copies)
    {
        var clean = records - copies;
        var entities = Population(clean);
        var counts = CopiesPerEntity(copies, clean);
        var order = RandomOrder(records);
        var width = IdWidth(records);
        var rows = new TestRecord[records];
        var isCopy = new bool[records];
        var corruptions = new Corruption[records];
        for (var i = 0; i < clean; i++)
            rows[order[i]] = Clean(entities[i], i, RecId('r', order[i], width));

        // Which children are copied: the first counts.Length of a random order of all of them.
        var chosen = RandomOrder(clean, counts.Length);
        var k = clean;
        for (var j = 0; j < counts.Length; j++)
        {
            var e = chosen[j];
            var original = rows[order[e]];
            for (var c = 0; c < counts[j]; c++, k++)
            {
                var at = order[k];
                (rows[at], corruptions[at]) = Copy(entities[e], e, original, RecId('r', at, width));
                isCopy[at] = true;
            }
        }
        return new GeneratedSet(rows, isCopy, corruptions, counts.Length);
    }

    public (GeneratedSet A, GeneratedSet B) Link(int recordsA, int recordsB, int copies)
    {
        var fresh = recordsB - copies;
        var entities = Population(recordsA + fresh);
        // A random split of the families' children between "also in A" and "only in B", so B's new children
        // include siblings of A's: same surname, patronymic and district, a different person.
        var split = RandomOrder(entities.Length);
        var widthA = IdWidth(recordsA);
        var a = new TestRecord[recordsA];
        for (var t = 0; t < recordsA; t++)
        {
            var e = split[fresh + t];
            a[t] = Clean(entities[e], e, RecId('a', t, widthA));
        }

        var order = RandomOrder(recordsB);
        var widthB = IdWidth(recordsB);
        var b = new TestRecord[recordsB];
        var isCopy = new bool[recordsB];
        var corruptions = new Corruption[recordsB];
        for (var t = 0; t < fresh; t++)
        {
            var e = split[t];
            b[order[t]] = Clean(entities[e], e, RecId('b', order[t], widthB));
        }
        var copied = RandomOrder(recordsA, copies); // distinct A rows
        for (var t = 0; t < copies; t++)
        {
            var e = split[fresh + copied[t]];
            var at = order[fresh + t];
            (b[at], corruptions[at]) = Copy(entities[e], e, a[copied[t]], RecId('b', at, widthB));
            isCopy[at] = true;
        }
        return (new GeneratedSet(a, new bool[recordsA], new Corruption[recordsA], 0), new GeneratedSet(b, isCopy, corruptions, copies));
    }

    // ---------------------------------------------------------------- clean population

    /// <summary>Children in families, as <see cref="SyntheticPopulation"/> makes them, reduced to what a linker sees.</summary>
    private Entity[] Population(int n)
    {
        var rng = _rng;
        var people = new Entity[n];
        _entityIdWidth = IdWidth(n);
        Span<int> births = stackalloc int[5];
        Span<short> names = stackalloc short[5];
        var span = Reference.LastDay - LinkageTestSet.ReferenceDate.AddYears(-18).DayNumber;
        short surname = -1, district = -1, previousFather = -1;
        for (var i = 0; i < n;)
        {
            var children = Math.Min(Reference.ChildCount.Pick(rng) + 1, n - i);
            // Cousins: a family next door with the same surname (the fathers are brothers); a linker must keep them apart too.
            var cousins = surname >= 0 && rng.Chance(CorruptionRates.CousinFamily);
            if (!cousins)
            {
                surname = (short)Reference.Surnames.Pick(rng);
                district = (short)Reference.Districts.Pick(rng);
            }
            short father;
            do father = (short)Reference.Men.Pick(rng); while (cousins && father == previousFather);
            previousFather = father;

            // Birth dates as in SyntheticPopulation: siblings at least 300 days apart, except twins.
            for (var c = 0; c < children; c++)
            {
                if (c > 0 && rng.Chance(CorruptionRates.Twins)) { births[c] = births[c - 1]; continue; }
                var day = 0;
                for (var attempt = 0; attempt < 20; attempt++)
                {
                    day = Reference.LastDay - rng.Next(span);
                    var clash = false;
                    for (var j = 0; j < c; j++) clash |= Math.Abs(births[j] - day) < 300;
                    if (!clash) break;
                }
                births[c] = day;
            }
            births[..children].Sort();

            for (var c = 0; c < children; c++)
            {
                var female = !rng.Chance(CorruptionRates.Boys);
                var table = female ? Reference.Girls : Reference.Boys;
                // Parents do not give two of their children the same name (twins included).
                short given;
                var tries = 0;
                do given = (short)table.Pick(rng); while (Used(names[..c], people.AsSpan(i, c), given, female) && ++tries < 20);
                names[c] = given;
                var hasFin = rng.Chance(CorruptionRates.EntityHasFin);
                people[i + c] = new Entity
                {
                    Given = given, Father = father, Surname = surname, District = district, Birth = births[c], Female = female,
                    HasFin = hasFin, CleanShowsFin = hasFin && rng.Chance(CorruptionRates.CleanShowsFin), Style = CleanStyle(rng),
                };
            }
            i += children;
        }
        return people;

        static bool Used(ReadOnlySpan<short> names, ReadOnlySpan<Entity> siblings, short given, bool female)
        {
            for (var j = 0; j < names.Length; j++)
                if (names[j] == given && siblings[j].Female == female) return true;
            return false;
        }
    }

    /// <summary>Clean rows are spelt like the records of <see cref="SyntheticPopulation"/>: about 5 % in an old spelling.</summary>
    private static Style CleanStyle(Rng rng)
    {
        var r = rng.NextDouble();
        return r < SyntheticPopulation.CyrillicShare ? Style.Cyrillic
            : (r -= SyntheticPopulation.CyrillicShare) < SyntheticPopulation.EnglishLatinShare ? Style.EnglishLatin
            : r - SyntheticPopulation.EnglishLatinShare < SyntheticPopulation.RussianLatinShare ? Style.RussianLatin
            : Style.Native;
    }

    private TestRecord Clean(in Entity e, int index, string recId) => new(
        recId, EntityId(index), GivenSpelling(GivenOf(e), e.Style), SurnameSpelling(NameLists.Surnames[e.Surname], e.Female, e.Style),
        PatronymicSpelling(NameLists.Men[e.Father].Name, e.Female, e.Style, PatronymicForm.Marker), e.Female ? "F" : "M",
        Reference.Date(e.Birth), e.CleanShowsFin ? FinOf(index) : "", Reference.Leaves[e.District].Code);

    // ---------------------------------------------------------------- copies

    /// <summary>
    /// A corrupted copy: the same child as another source wrote it. Each corruption is drawn independently; if more
    /// than <see cref="CorruptionRates.MaxPerCopy"/> are drawn, random ones are dropped (a copy with every field wrong
    /// cannot be found by anyone, so it tests nothing).
    /// </summary>
    private (TestRecord Row, Corruption Applied) Copy(in Entity e, int index, TestRecord original, string recId)
    {
        var rng = _rng;
        var applied = Corruption.None;

        var style = e.Style;
        var r = rng.NextDouble();
        if (r < CorruptionRates.Cyrillic + CorruptionRates.OtherLatin)
        {
            // Of the other Latin spellings: 40 % English-style, 40 % from Russian, 20 % Azerbaijani without diacritics.
            var latin = (r - CorruptionRates.Cyrillic) / CorruptionRates.OtherLatin;
            var target = r < CorruptionRates.Cyrillic ? Style.Cyrillic
                : latin < 0.4 ? Style.EnglishLatin : latin < 0.8 ? Style.RussianLatin : Style.Plain;
            if (target == e.Style) target = Style.Native; // already spelt so: the other source writes today's spelling
            applied |= target == Style.Cyrillic ? Corruption.Cyrillic : Corruption.OtherLatin;
            style = target;
        }

        var given = GivenOf(e);
        var variant = Reference.GivenNameVariants.GetValueOrDefault(given);
        if (variant is not null && rng.Chance(CorruptionRates.GivenNameVariant)) applied |= Corruption.GivenNameVariant;
        if (rng.Chance(CorruptionRates.SurnameForm)) applied |= Corruption.SurnameForm;
        var form = PatronymicForm.Marker;
        if (rng.Chance(CorruptionRates.PatronymicForm))
        {
            applied |= Corruption.PatronymicForm;
            var f = rng.NextDouble();
            form = f < 0.4 ? PatronymicForm.NameOnly : f < 0.7 ? PatronymicForm.Russian : PatronymicForm.Missing;
        }
        if (rng.Chance(CorruptionRates.Typo)) applied |= Corruption.GivenNameTypo;
        if (rng.Chance(CorruptionRates.Typo)) applied |= Corruption.SurnameTypo;
        if (rng.Chance(CorruptionRates.Typo) && form != PatronymicForm.Missing) applied |= Corruption.PatronymicTypo;

        var birth = DateOnly.FromDayNumber(e.Birth);
        var d = rng.NextDouble();
        if (d < CorruptionRates.DayMonthSwap)
        {
            if (birth.Day <= 12 && birth.Day != birth.Month) applied |= Corruption.DayMonthSwapped;
        }
        else if (d < CorruptionRates.DayMonthSwap + CorruptionRates.DateComponentOff) applied |= Corruption.DateComponentOff;
        if (e.HasFin && rng.Chance(CorruptionRates.FinMissing)) applied |= Corruption.FinMissing;
        if (rng.Chance(CorruptionRates.DistrictMoved)) applied |= Corruption.DistrictMoved;

        while (BitOperations.PopCount((uint)applied) > CorruptionRates.MaxPerCopy)
        {
            var drop = rng.Next(BitOperations.PopCount((uint)applied));
            var bits = (uint)applied;
            for (var i = 0; i < drop; i++) bits &= bits - 1; // clear the lowest set bits, so the lowest left is the one to drop
            applied &= ~(Corruption)(bits & (~bits + 1));
        }
        if ((applied & (Corruption.Cyrillic | Corruption.OtherLatin)) == 0) style = e.Style;
        if ((applied & Corruption.PatronymicForm) == 0) form = PatronymicForm.Marker;

        // Names: choose the forms in today's spelling, write them in the copy's spelling, then mistype.
        var givenName = GivenSpelling((applied & Corruption.GivenNameVariant) != 0 ? variant! : given, style);
        var surname = NameLists.Surnames[e.Surname];
        if ((applied & Corruption.SurnameForm) != 0) surname = SurnameForms.Switch(surname, style is not (Style.Cyrillic or Style.RussianLatin), rng);
        var surnameText = SurnameSpelling(surname, e.Female, style);
        var patronymic = PatronymicSpelling(NameLists.Men[e.Father].Name, e.Female, style, form);
        if ((applied & Corruption.GivenNameTypo) != 0) givenName = Typos.Apply(givenName, rng);
        if ((applied & Corruption.SurnameTypo) != 0) surnameText = Typos.Apply(surnameText, rng);
        if ((applied & Corruption.PatronymicTypo) != 0) patronymic = Typos.Apply(patronymic, rng);

        if ((applied & Corruption.DayMonthSwapped) != 0) birth = new DateOnly(birth.Year, birth.Day, birth.Month);
        else if ((applied & Corruption.DateComponentOff) != 0) birth = DateOff(birth, rng);

        var fin = !e.HasFin || (applied & Corruption.FinMissing) != 0 ? "" : original.Fin.Length > 0 ? original.Fin : FinOf(index);
        var district = (applied & Corruption.DistrictMoved) != 0 ? Reference.Move(e.District, rng) : e.District;

        var row = new TestRecord(recId, original.EntityId, givenName, surnameText, patronymic, original.Sex,
            Reference.Date(birth.DayNumber), fin, Reference.Leaves[district].Code);
        return (row, applied);
    }

    /// <summary>One component wrong, the date still valid and not after the reference date: day ±1–3 (half), month ±1, year ±1.</summary>
    private static DateOnly DateOff(DateOnly date, Rng rng)
    {
        var kind = rng.NextDouble();
        var sign = rng.Chance(0.5) ? 1 : -1;
        var step = kind < 0.5 ? 1 + rng.Next(3) : 1;
        return Shift(date, kind, sign * step) ?? Shift(date, kind, -sign * step) ?? date.AddDays(-1);

        static DateOnly? Shift(DateOnly date, double kind, int delta)
        {
            int y = date.Year, m = date.Month, d = date.Day;
            if (kind < 0.5) d += delta;
            else if (kind < 0.75) m += delta;
            else y += delta;
            if (m is < 1 or > 12 || d < 1 || (kind < 0.5 && d > DateTime.DaysInMonth(y, m))) return null;
            var shifted = new DateOnly(y, m, Math.Min(d, DateTime.DaysInMonth(y, m))); // 31 March − 1 month = 28/29 February
            return shifted > LinkageTestSet.ReferenceDate ? null : shifted;
        }
    }

    /// <summary>How many copies each copied child gets: 80 % one, 15 % two, 5 % three (sums to <paramref name="copies"/>).</summary>
    private int[] CopiesPerEntity(int copies, int entities)
    {
        var counts = new List<int>(copies);
        for (var sum = 0; sum < copies;)
        {
            var c = Math.Min(Reference.CopyCount.Pick(_rng) + 1, copies - sum);
            counts.Add(c);
            sum += c;
        }
        // Only for tiny sets (e.g. 3 rows, share 0.5): more copied children drawn than there are; give the rest extra copies.
        for (var j = 0; counts.Count > entities; j = (j + 1) % entities)
        {
            counts[j]++;
            if (--counts[^1] == 0) counts.RemoveAt(counts.Count - 1);
        }
        return [.. counts];
    }

    // ---------------------------------------------------------------- identifiers and helpers

    /// <summary>The first <paramref name="take"/> values of a random permutation of [0, n) (Fisher–Yates, stopped early).</summary>
    private int[] RandomOrder(int n, int take = -1)
    {
        if (take < 0) take = n;
        var a = new int[n];
        for (var i = 0; i < n; i++) a[i] = i;
        for (var i = 0; i < take; i++)
        {
            var j = i + _rng.Next(n - i);
            (a[i], a[j]) = (a[j], a[i]);
        }
        return take == n ? a : a[..take];
    }

    private static int IdWidth(int count) => Math.Max(7, count.ToString(CultureInfo.InvariantCulture).Length);

    private static string RecId(char prefix, int position, int width) => Id(prefix, position + 1, width);

    private string EntityId(int index) => Id('e', index + 1, _entityIdWidth);

    /// <summary>"r0000123": the prefix and the number zero-padded to the width, in one allocation (millions of them).</summary>
    private static string Id(char prefix, int number, int width) => string.Create(width + 1, (prefix, number), static (span, state) =>
    {
        span[0] = state.prefix;
        var n = state.number;
        for (var i = span.Length - 1; i > 0; i--, n /= 10) span[i] = (char)('0' + n % 10);
    });

    /// <summary>A valid FIN unique to the child: a keyed permutation of its index over all 34^7 FINs (no set of issued ones kept).</summary>
    private string FinOf(int index)
    {
        var value = Permutation.Apply((ulong)index, FinSpace, 18, _finKey);
        Span<char> c = stackalloc char[7];
        for (var i = 6; i >= 0; i--)
        {
            c[i] = FinAlphabet[(int)(value % 34)];
            value /= 34;
        }
        return new string(c);
    }

    private static string GivenOf(in Entity e) => (e.Female ? NameLists.Girls : NameLists.Boys)[e.Given].Name;

    // ---------------------------------------------------------------- spellings (cached: a handful of names, millions of rows)

    private string GivenSpelling(string name, Style style)
    {
        if (style == Style.Native) return name;
        var key = (name, style, 0);
        if (_spellings.TryGetValue(key, out var s)) return s;
        s = style == Style.Plain ? Spelling.Plain(name) : Spellings.GivenName(name, Spelling.Of(style));
        _spellings[key] = s;
        return s;
    }

    private string SurnameSpelling(NameLists.Surname surname, bool female, Style style)
    {
        if (style == Style.Native) return female ? surname.Female : surname.Male;
        var key = (surname.Male, style, female ? 2 : 1);
        if (_spellings.TryGetValue(key, out var s)) return s;
        s = style == Style.Plain ? Spelling.Plain(female ? surname.Female : surname.Male) : Spellings.Surname(surname, female, Spelling.Of(style));
        _spellings[key] = s;
        return s;
    }

    private string PatronymicSpelling(string father, bool female, Style style, PatronymicForm form)
    {
        if (form == PatronymicForm.Missing) return "";
        if (form == PatronymicForm.NameOnly) return GivenSpelling(father, style);
        if (form == PatronymicForm.Marker && style == Style.Native) return father + (female ? Spellings.Daughter : Spellings.Son);
        var key = (father, style, 10 + (int)form * 2 + (female ? 1 : 0));
        if (_spellings.TryGetValue(key, out var s)) return s;
        s = form == PatronymicForm.Russian ? Spelling.RussianPatronymic(father, female, style)
            : style == Style.Plain ? Spelling.Plain(Spellings.Patronymic(father, female, SpellingStyle.Native))
            : Spellings.Patronymic(father, female, Spelling.Of(style));
        _spellings[key] = s;
        return s;
    }

    /// <summary>Spelling helpers on top of <see cref="Spellings"/>.</summary>
    private static class Spelling
    {
        public static SpellingStyle Of(Style style) => style switch
        {
            Style.Cyrillic => SpellingStyle.Cyrillic,
            Style.EnglishLatin => SpellingStyle.EnglishLatin,
            Style.RussianLatin => SpellingStyle.RussianLatin,
            _ => SpellingStyle.Native,
        };

        /// <summary>Azerbaijani Latin typed on a keyboard without its letters: Məmmədov Rəşad → Memmedov Resad.</summary>
        public static string Plain(string s) => string.Create(s.Length, s, static (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                span[i] = src[i] switch
                {
                    'ə' => 'e', 'Ə' => 'E', 'ı' => 'i', 'İ' => 'I', 'ş' => 's', 'Ş' => 'S', 'ç' => 'c', 'Ç' => 'C',
                    'ğ' => 'g', 'Ğ' => 'G', 'ö' => 'o', 'Ö' => 'O', 'ü' => 'u', 'Ü' => 'U',
                    var c => c,
                };
            }
        });

        /// <summary>
        /// The Russian patronymic form of Soviet-era documents: Rəşad → Рашадович / Рашадовна, Rashadovich; a name ending
        /// in a vowel takes -евич/-евна (Əli → Алиевич). In Azerbaijani Latin records it is written -oviç/-yeviç.
        /// </summary>
        public static string RussianPatronymic(string father, bool female, Style style)
        {
            switch (style)
            {
                case Style.Cyrillic:
                case Style.RussianLatin:
                    {
                        var name = Spellings.GivenName(father, SpellingStyle.Cyrillic);
                        if (name.EndsWith('ь')) name = name[..^1];
                        var soft = "аеёиоуыэюя".Contains(char.ToLowerInvariant(name[^1]), StringComparison.Ordinal);
                        var cyrillic = name + (soft ? (female ? "евна" : "евич") : (female ? "овна" : "ович"));
                        return style == Style.Cyrillic ? cyrillic : Spellings.CyrillicToLatin(cyrillic);
                    }
                case Style.EnglishLatin or Style.Plain:
                    var latin = style == Style.Plain ? Plain(father) : Spellings.ToEnglishLatin(father);
                    return latin + (EndsWithVowel(father) ? (female ? "yevna" : "yevich") : (female ? "ovna" : "ovich"));
                default:
                    return father + (EndsWithVowel(father) ? (female ? "yevna" : "yeviç") : (female ? "ovna" : "oviç"));
            }
        }
    }

    internal static bool EndsWithVowel(string s) => s.Length > 0 && IsVowel(s[^1]);

    internal static bool IsVowel(char c) => char.ToLowerInvariant(c) is 'a' or 'e' or 'ə' or 'ı' or 'i' or 'o' or 'ö' or 'u' or 'ü';

    /// <summary>
    /// Family-name forms of one family: Məmmədov / Məmmədli / Məmmədzadə are all in use (the -li and -zadə forms were
    /// promoted after 1991, so a father and child, or two registries, can disagree), and -yev is also typed -ev.
    /// The sex of the form never changes: a girl's -ova stays -ova or becomes a sexless -li/-zadə.
    /// </summary>
    private static class SurnameForms
    {
        public static NameLists.Surname Switch(NameLists.Surname s, bool mayDropY, Rng rng)
        {
            var male = s.Male;
            if (s.Male != s.Female)
            {
                var yev = male.EndsWith("yev", StringComparison.Ordinal);
                var stem = yev ? male[..^3] : male[..^2];
                if (yev && mayDropY && rng.Chance(0.3)) return Ov(stem + "ev");
                if (EndsWithVowel(stem) || rng.Chance(0.35)) return Same(stem + "zadə");
                return Same(stem + Li(stem));
            }
            if (male.EndsWith("zadə", StringComparison.Ordinal))
            {
                var stem = male[..^4];
                return !EndsWithVowel(stem) && rng.Chance(0.3) ? Same(stem + Li(stem)) : OvOf(stem);
            }
            {
                var stem = male[..^2]; // -li/-lı/-lu/-lü: the lists have no other sexless form
                return rng.Chance(0.7) ? OvOf(stem) : Same(stem + "zadə");
            }
        }

        private static NameLists.Surname OvOf(string stem) => Ov(stem + (EndsWithVowel(stem) ? "yev" : "ov"));

        /// <summary>A known surname keeps its usual Russian spelling (Məmmədli → Məmmədov → Мамедов); others go by rule.</summary>
        private static NameLists.Surname Ov(string male) =>
            Reference.SurnamesByMale.TryGetValue(male, out var known) ? known : new NameLists.Surname(male, male + "a", null, 0);

        private static NameLists.Surname Same(string name) =>
            Reference.SurnamesByMale.TryGetValue(name, out var known) ? known : new NameLists.Surname(name, name, null, 0);

        /// <summary>The -li suffix follows vowel harmony: Bayramlı, Məmmədli, Oruclu, Şükürlü.</summary>
        private static string Li(string stem)
        {
            for (var i = stem.Length - 1; i >= 0; i--)
            {
                switch (char.ToLowerInvariant(stem[i]))
                {
                    case 'a' or 'ı': return "lı";
                    case 'e' or 'ə' or 'i': return "li";
                    case 'o' or 'u': return "lu";
                    case 'ö' or 'ü': return "lü";
                }
            }
            return "li";
        }
    }

    /// <summary>
    /// One slip of the keyboard in the first word of a name (the patronymic's marker is left alone): substitute, delete,
    /// insert or transpose one letter, never the first one (first letters are rarely mistyped, and every source capitalises
    /// them). Substitutions on Azerbaijani letters are half the time the look-alike (ə/e, ı/i, ş/s…), the commonest slip.
    /// </summary>
    internal static class Typos
    {
        private const string Azerbaijani = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz";
        private const string Ascii = "abcdefghijklmnopqrstuvwxyz";
        private const string Cyrillic = "абвгдежзийклмнопрстуфхчшыэюя";

        public static string Apply(string s, Rng rng)
        {
            var end = s.IndexOf(' ', StringComparison.Ordinal);
            if (end < 0) end = s.Length;
            if (end < 2) return s;
            var alphabet = s.Any(c => c is >= '\u0400' and <= '\u04FF') ? Cyrillic : s.Any(c => c > '\u007F') ? Azerbaijani : Ascii;
            var kind = rng.NextDouble();
            if (kind < 0.25 && end >= 3)
            {
                var i = 1 + rng.Next(end - 1);
                return s.Remove(i, 1);
            }
            if (kind < 0.45)
            {
                var i = 1 + rng.Next(end); // may append after the last letter
                var c = rng.Chance(0.4) ? char.ToLowerInvariant(s[i - 1]) : alphabet[rng.Next(alphabet.Length)];
                return s.Insert(i, c.ToString());
            }
            if (kind < 0.65 && end >= 3)
            {
                var i = 1 + rng.Next(end - 2);
                if (s[i] != s[i + 1])
                    return string.Concat(s.AsSpan(0, i), [s[i + 1], s[i]], s.AsSpan(i + 2));
            }
            {
                var i = 1 + rng.Next(end - 1);
                var original = s[i];
                var lower = char.ToLowerInvariant(original);
                var alike = alphabet == Azerbaijani ? LookAlike(lower) : lower;
                var c = alike != lower && rng.Chance(0.5) ? alike : lower;
                while (c == lower) c = alphabet[rng.Next(alphabet.Length)];
                if (char.IsUpper(original)) c = char.ToUpperInvariant(c);
                return string.Concat(s.AsSpan(0, i), [c], s.AsSpan(i + 1));
            }
        }

        private static char LookAlike(char c) => c switch
        {
            'ə' => 'e', 'e' => 'ə', 'ı' => 'i', 'i' => 'ı', 'ş' => 's', 's' => 'ş', 'ç' => 'c', 'c' => 'ç',
            'ğ' => 'g', 'g' => 'ğ', 'ö' => 'o', 'o' => 'ö', 'ü' => 'u', 'u' => 'ü', 'q' => 'g', 'x' => 'h',
            _ => c,
        };
    }

    /// <summary>Tables built once per process: weighted name and district tables, dates, and the given-name variants.</summary>
    private static class Reference
    {
        public static readonly Weighted Boys = new(NameLists.Boys.Select(n => (double)n.Weight));
        public static readonly Weighted Girls = new(NameLists.Girls.Select(n => (double)n.Weight));
        public static readonly Weighted Men = new(NameLists.Men.Select(n => (double)n.Weight));
        public static readonly Weighted Surnames = new(NameLists.Surnames.Select(s => (double)s.Weight));
        public static readonly Dictionary<string, NameLists.Surname> SurnamesByMale =
            NameLists.Surnames.ToDictionary(s => s.Male, StringComparer.Ordinal);

        /// <summary>Children per family 1–5 as in <see cref="SyntheticPopulation"/> (30/38/22/7/3 %); index + 1.</summary>
        public static readonly Weighted ChildCount = new([30, 38, 22, 7, 3]);

        /// <summary>Copies per copied child 1–3 (80/15/5 %); index + 1.</summary>
        public static readonly Weighted CopyCount = new([80, 15, 5]);

        /// <summary>
        /// Short, colloquial and variant forms that appear in official records for the same child. Deliberately small:
        /// only pairs we are sure of, for names in <see cref="NameLists"/>. Some fold to the same key (İsmayıl/İsmail),
        /// most do not (Məhəmməd/Məmməd, Fatimə/Fatma, Gülnar/Gülya).
        /// </summary>
        public static readonly Dictionary<string, string> GivenNameVariants = new(StringComparer.Ordinal)
        {
            ["Məhəmməd"] = "Məmməd", ["Yusif"] = "Yusuf", ["İsmayıl"] = "İsmail", ["Mikayıl"] = "Mikail", ["Teymur"] = "Timur",
            ["Mirmehdi"] = "Mehdi", ["Fatimə"] = "Fatma", ["Gülnar"] = "Gülya", ["Ülviyyə"] = "Ülviyə",
        };

        public static readonly Place[] Leaves = [.. Places.Bundled.Where(u => u.IsLeafDistrict).OrderBy(u => u.Code, StringComparer.Ordinal)];
        public static readonly Weighted Districts = new(Leaves.Select(u => new SyntheticPopulation.DistrictProfile(u).Weight));
        private static readonly int[] RegionOfLeaf;
        private static readonly (int[] Leaves, Weighted Table)[] Regions;

        public static readonly int LastDay = LinkageTestSet.ReferenceDate.DayNumber;
        private static readonly int FirstCachedDay = LinkageTestSet.ReferenceDate.AddYears(-20).DayNumber;
        private static readonly string[] Dates;

        static Reference()
        {
            var units = Places.Bundled.ToDictionary(u => u.Code, StringComparer.Ordinal);
            string RegionOf(Place u)
            {
                while (u.Kind != "economic_region" && u.ParentCode is { } p && units.TryGetValue(p, out var parent)) u = parent;
                return u.Code;
            }
            var regions = Leaves.Select(RegionOf).ToArray();
            var codes = regions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            RegionOfLeaf = [.. regions.Select(r => codes.IndexOf(r))];
            Regions = [.. codes.Select(code =>
            {
                int[] members = [.. Enumerable.Range(0, Leaves.Length).Where(i => regions[i] == code)];
                return (members, new Weighted(members.Select(i => Districts.WeightOf(i))));
            })];
            Dates = new string[LastDay - FirstCachedDay + 1];
            for (var i = 0; i < Dates.Length; i++)
                Dates[i] = DateOnly.FromDayNumber(FirstCachedDay + i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        public static string Date(int dayNumber) => dayNumber >= FirstCachedDay && dayNumber <= LastDay
            ? Dates[dayNumber - FirstCachedDay]
            : DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>Half the families that move stay in their economic region; the others go anywhere, weighted by population (mostly Baku).</summary>
        public static short Move(short from, Rng rng)
        {
            var (members, table) = Regions[RegionOfLeaf[from]];
            var local = members.Length > 1 && rng.Chance(0.5);
            int to;
            do to = local ? members[table.Pick(rng)] : Districts.Pick(rng); while (to == from);
            return (short)to;
        }
    }

    /// <summary>Weighted choice of an index by binary search over cumulative weights.</summary>
    private sealed class Weighted
    {
        private readonly double[] _cumulative;

        public Weighted(IEnumerable<double> weights)
        {
            var w = weights.ToArray();
            _cumulative = new double[w.Length];
            double sum = 0;
            for (var i = 0; i < w.Length; i++) _cumulative[i] = sum += w[i];
            if (sum <= 0) throw new ArgumentException("No positive weight.", nameof(weights));
        }

        public double WeightOf(int i) => _cumulative[i] - (i == 0 ? 0 : _cumulative[i - 1]);

        public int Pick(Rng rng)
        {
            var x = rng.NextDouble() * _cumulative[^1];
            var i = Array.BinarySearch(_cumulative, x);
            i = i < 0 ? ~i : i + 1;
            return Math.Min(i, _cumulative.Length - 1);
        }
    }
}
