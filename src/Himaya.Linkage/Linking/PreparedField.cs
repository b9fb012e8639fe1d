using System.Globalization;

namespace Himaya.Linkage.Linking;

/// <summary>
/// One compared column of every record, normalised once for its kind, in columnar arrays: comparing a pair is then
/// array lookups and a string similarity, with no parsing or allocation. Values are interned (one id per distinct
/// value) so equality is an integer comparison and term frequencies are a count per id.
/// </summary>
public sealed class PreparedField
{
    public FieldSpec Spec { get; }
    public FieldKind Kind => Spec.Kind;
    /// <summary>Normalised value per record; "" when missing.</summary>
    public string[] Value { get; }
    /// <summary>Interned id of <see cref="Value"/> per record; -1 when missing.</summary>
    public int[] ValueId { get; }
    /// <summary>Records holding each value id (for term frequencies).</summary>
    public int[] Count { get; }
    public int NonMissing { get; }
    /// <summary>The value of each id (index = value id).</summary>
    public string[] ValueNames { get; }
    /// <summary>Name kinds: interned id of the stem (mamadova → mamad); -1 when missing.</summary>
    public int[]? StemId { get; }
    /// <summary>Dates: day number (days since 0001-01-01) and the packed y/m/d; -1 when missing.</summary>
    public int[]? Day { get; }
    public int[]? Ymd { get; }
    /// <summary>Text: sorted distinct token ids per record.</summary>
    public int[][]? Tokens { get; }
    /// <summary>Values that could not be read (e.g. a date not in the format), as "row N: problem"; at most 20.</summary>
    public List<string> Problems { get; } = [];
    public int ProblemCount { get; private set; }

    private static readonly string[] DefaultDateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "yyyyMMdd", "dd/MM/yyyy", "yyyy/MM/dd"];

    public PreparedField(FieldSpec spec, IReadOnlyList<string?> raw)
    {
        Spec = spec;
        var n = raw.Count;
        Value = new string[n];
        int[]? day = null, ymd = null;
        if (spec.Kind == FieldKind.Date) { day = new int[n]; ymd = new int[n]; }
        var formats = spec.Format is null ? DefaultDateFormats : [spec.Format];
        // Normalising (folding names) is the costly part and is independent per record.
        Parallel.For(0, n, Fanned(n), () => 0, (i, _, local) =>
        {
            var s = raw[i]?.Trim() ?? "";
            if (spec.Kind == FieldKind.Date)
            {
                Value[i] = "";
                day![i] = -1;
                ymd![i] = -1;
                if (s.Length == 0) return local;
                if (DateOnly.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    day[i] = d.DayNumber;
                    ymd[i] = (d.Year * 10000) + (d.Month * 100) + d.Day;
                    Value[i] = ymd[i].ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    lock (Problems)
                    {
                        ProblemCount++;
                        if (Problems.Count < 20) Problems.Add($"row {i + 2}, column {spec.Column}: \"{Truncate(s)}\" is not a date in the format {string.Join(" or ", formats)}");
                    }
                }
                return local;
            }
            Value[i] = Normalise(spec.Kind, s);
            return local;
        }, _ => { });
        Day = day;
        Ymd = ymd;
        (ValueId, Count, NonMissing, ValueNames) = Intern(Value);
        if (spec.Kind is FieldKind.Name or FieldKind.Surname or FieldKind.Patronymic)
        {
            var stems = new string[n];
            Parallel.For(0, n, Fanned(n), i => stems[i] = NameKeys.Stem(Value[i]));
            StemId = Intern(stems).Ids;
        }
        if (spec.Kind == FieldKind.Text)
        {
            var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
            Tokens = new int[n][];
            for (var i = 0; i < n; i++)
            {
                var words = Value[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var ids = new int[words.Length];
                for (var k = 0; k < words.Length; k++)
                {
                    if (!tokenIds.TryGetValue(words[k], out var id)) tokenIds[words[k]] = id = tokenIds.Count;
                    ids[k] = id;
                }
                Array.Sort(ids);
                Tokens[i] = ids.Distinct().ToArray();
            }
        }
    }

    // Intake and imports prepare a few hundred candidates per call: spreading those over the pool costs more than it saves.
    private static ParallelOptions Fanned(int n) => new() { MaxDegreeOfParallelism = n < 10_000 ? 1 : Environment.ProcessorCount };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>The kind's normal form: names folded (spelling, script and transliteration variants collide), identifiers without separators, the rest trimmed and case-folded.</summary>
    public static string Normalise(FieldKind kind, string s)
    {
        if (s.Length == 0) return "";
        switch (kind)
        {
            case FieldKind.Name:
            case FieldKind.Surname:
                return NameFolding.Fold(s);
            case FieldKind.Patronymic:
                return NameFolding.FoldPatronymic(s);
            case FieldKind.Id:
                {
                    Span<char> buf = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
                    var n = 0;
                    foreach (var c in s)
                        if (char.IsLetterOrDigit(c)) buf[n++] = char.ToUpperInvariant(c);
                    return new string(buf[..n]);
                }
            case FieldKind.Sex:
                return s.ToLowerInvariant() switch
                {
                    "m" or "male" or "boy" or "1" or "k" or "kişi" or "kisi" or "oğlan" or "oglan" or "м" or "муж" or "мужской" => "M",
                    "f" or "female" or "girl" or "2" or "q" or "qadın" or "qadin" or "qız" or "qiz" or "ж" or "жен" or "женский" => "F",
                    _ => s.ToUpperInvariant(),
                };
            case FieldKind.Text:
                {
                    var lower = s.ToLowerInvariant();
                    Span<char> buf = lower.Length <= 512 ? stackalloc char[lower.Length] : new char[lower.Length];
                    var n = 0;
                    var space = true;
                    foreach (var c in lower)
                    {
                        if (char.IsLetterOrDigit(c)) { buf[n++] = c; space = false; }
                        else if (!space) { buf[n++] = ' '; space = true; }
                    }
                    if (n > 0 && buf[n - 1] == ' ') n--;
                    return new string(buf[..n]);
                }
            default:
                return s.ToUpperInvariant();
        }
    }

    private static (int[] Ids, int[] Counts, int NonMissing, string[] Names) Intern(string[] values)
    {
        var ids = new int[values.Length];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        var names = new List<string>();
        var nonMissing = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (v.Length == 0) { ids[i] = -1; continue; }
            nonMissing++;
            if (!map.TryGetValue(v, out var id))
            {
                id = map.Count;
                map[v] = id;
                counts.Add(0);
                names.Add(v);
            }
            counts[id]++;
            ids[i] = id;
        }
        return (ids, counts.ToArray(), nonMissing, names.ToArray());
    }
}
