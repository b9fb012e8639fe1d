using System.Buffers;

namespace Himaya.Generators;

/// <summary>
/// One row of a generated record-linkage test set. Missing values are empty strings; <paramref name="Sex"/> is "M" or
/// "F"; <paramref name="DateOfBirth"/> is always a valid "yyyy-MM-dd" date (a corrupted date is still a real date);
/// <paramref name="District"/> is a leaf district code of az-admin-units.csv. <paramref name="EntityId"/> is the label:
/// rows with the same entity id describe the same child. It is not written to the data file.
/// </summary>
public sealed record TestRecord(string RecId, string EntityId, string GivenName, string Surname, string Patronymic, string Sex,
    string DateOfBirth, string Fin, string District);

/// <summary>The rows, and per row whether it is a corrupted copy and which corruptions it got (none for clean rows).</summary>
public sealed record GeneratedSet(TestRecord[] Rows, bool[] IsCopy, Corruption[] Corruptions, int CopiedEntities);

/// <summary>
/// Seeded generator of labelled test sets for record linkage (issue #3): a clean population of children in families,
/// then corrupted copies of some of them, with the corruptions real Azerbaijani records show (spelling in Cyrillic or
/// another Latin transliteration, patronymic forms, surname-form switches, typos, swapped dates, missing FIN, moves).
/// Pure and deterministic: the same arguments give the same rows. How and why: docs/linkage-testsets.md.
/// </summary>
public static class LinkageTestSet
{
    /// <summary>Ages are counted on this fixed date, so a seed gives the same file whenever it is run.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 1, 1);

    /// <summary>With at most three copies per child and most children copied once, more than half the rows cannot be copies.</summary>
    public const double MaxDuplicateShare = 0.5;

    /// <summary>The whole set is built in memory (about 250 bytes a row) so that it can be shuffled.</summary>
    public const int MaxRecords = 20_000_000;

    public const string CsvHeader = "rec_id,given_name,surname,patronymic,sex,date_of_birth,fin,district";
    public const string LabelsHeader = "rec_id,entity_id";

    /// <summary>
    /// One file for deduplication: exactly <paramref name="records"/> rows, of which round(records × duplicateShare)
    /// are corrupted copies of children that also appear clean in the file (80 % of the copied children once, 15 % twice,
    /// 5 % three times). Rows are shuffled; rec ids are "r0000001"… in file order.
    /// </summary>
    public static IReadOnlyList<TestRecord> Dedup(int records, double duplicateShare, int seed) =>
        GenerateDedup(records, duplicateShare, seed).Rows;

    /// <summary>
    /// Two files for linking: A has <paramref name="recordsA"/> distinct children (no duplicates inside A); B has
    /// <paramref name="recordsB"/> rows, round(recordsB × overlap) of them corrupted copies of distinct A children and the
    /// rest children not in A (some of them siblings of A children). Rec ids "a0000001"… and "b0000001"….
    /// </summary>
    public static (IReadOnlyList<TestRecord> A, IReadOnlyList<TestRecord> B) Link(int recordsA, int recordsB, double overlap, int seed)
    {
        var (a, b) = GenerateLink(recordsA, recordsB, overlap, seed);
        return (a.Rows, b.Rows);
    }

    /// <summary>Header <see cref="CsvHeader"/>, one line per row, LF line ends, fields quoted (RFC 4180) only when needed.</summary>
    public static void WriteCsv(TextWriter w, IEnumerable<TestRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(rows);
        w.Write(CsvHeader);
        w.Write('\n');
        // Each line is assembled in one buffer and written with one call: millions of rows, eight fields each.
        var line = new char[256];
        foreach (var r in rows)
        {
            var n = 0;
            Append(ref line, ref n, r.RecId, ',');
            Append(ref line, ref n, r.GivenName, ',');
            Append(ref line, ref n, r.Surname, ',');
            Append(ref line, ref n, r.Patronymic, ',');
            Append(ref line, ref n, r.Sex, ',');
            Append(ref line, ref n, r.DateOfBirth, ',');
            Append(ref line, ref n, r.Fin, ',');
            Append(ref line, ref n, r.District, '\n');
            w.Write(line, 0, n);
        }
    }

    /// <summary>Header <see cref="LabelsHeader"/>: the truth, kept out of the data file so a linker cannot peek.</summary>
    public static void WriteLabels(TextWriter w, IEnumerable<TestRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(rows);
        w.Write(LabelsHeader);
        w.Write('\n');
        var line = new char[64];
        foreach (var r in rows)
        {
            var n = 0;
            Append(ref line, ref n, r.RecId, ',');
            Append(ref line, ref n, r.EntityId, '\n');
            w.Write(line, 0, n);
        }
    }

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>Appends a field (quoted, with doubled quotes, only if it holds a comma, quote or line break) and a separator.</summary>
    private static void Append(ref char[] line, ref int n, string value, char separator)
    {
        var quote = value.AsSpan().IndexOfAny(NeedsQuotes) >= 0;
        var room = quote ? 2 * value.Length + 3 : value.Length + 1;
        if (n + room > line.Length) Array.Resize(ref line, Math.Max(2 * line.Length, n + room));
        if (!quote)
        {
            value.CopyTo(line.AsSpan(n));
            n += value.Length;
        }
        else
        {
            line[n++] = '"';
            foreach (var c in value)
            {
                if (c == '"') line[n++] = '"';
                line[n++] = c;
            }
            line[n++] = '"';
        }
        line[n++] = separator;
    }

    /// <summary>Copies among <paramref name="records"/> rows: rounded half to even, so one row with share 0.5 has no copy.</summary>
    public static int DuplicateCount(int records, double duplicateShare) => (int)Math.Round(records * duplicateShare);

    public static int OverlapCount(int recordsB, double overlap) => (int)Math.Round(recordsB * overlap);

    /// <summary><see cref="Dedup"/> with what was done to each row (for tests, and a summary of the set).</summary>
    public static GeneratedSet GenerateDedup(int records, double duplicateShare, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(records);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(records, MaxRecords);
        if (!(duplicateShare is >= 0 and <= MaxDuplicateShare))
            throw new ArgumentOutOfRangeException(nameof(duplicateShare), duplicateShare, $"The duplicate share must be between 0 and {MaxDuplicateShare}.");
        var copies = DuplicateCount(records, duplicateShare);
        if (copies > 0 && copies >= records) throw new ArgumentOutOfRangeException(nameof(duplicateShare), duplicateShare, "No clean row left to copy.");
        return new TestSetGenerator(seed).Dedup(records, copies);
    }

    /// <summary><see cref="Link"/> with what was done to each row.</summary>
    public static (GeneratedSet A, GeneratedSet B) GenerateLink(int recordsA, int recordsB, double overlap, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recordsA);
        ArgumentOutOfRangeException.ThrowIfNegative(recordsB);
        if ((long)recordsA + recordsB > MaxRecords)
            throw new ArgumentOutOfRangeException(nameof(recordsB), $"At most {MaxRecords} records in the two files together.");
        if (!(overlap is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(overlap), overlap, "The overlap must be between 0 and 1.");
        var copies = OverlapCount(recordsB, overlap);
        if (copies > recordsA)
            throw new ArgumentOutOfRangeException(nameof(overlap), overlap, $"{copies} rows of B would be copies of distinct A children, but A has only {recordsA}.");
        return new TestSetGenerator(seed).Link(recordsA, recordsB, copies);
    }
}
