using Himaya.Cli;
using Himaya.Generators;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Himaya.Features.Linkage;

namespace Himaya.Bench;

/// <summary>
/// <c>himaya link-testset</c>: writes a labelled record-linkage test set (<see cref="LinkageTestSet"/>) to CSV files.
/// One file for deduplication, or two (A and B) for linking; the labels (rec_id → entity_id) go to a separate file.
/// Exit codes: 0 done, 1 a file could not be written, 2 bad arguments. See docs/linkage-testsets.md.
/// </summary>
public static class LinkTestSetVerb
{
    public const int DefaultSeed = 1;
    public const double DefaultDuplicates = 0.2;
    public const double DefaultOverlap = 0.5;

    private const string Usage = """
        usage: himaya link-testset --records N [--duplicates 0.2] [--seed 1] --output FILE.csv [--labels LABELS.csv]
               himaya link-testset --records N --records2 M [--overlap 0.5] [--seed 1] --output A.csv --output2 B.csv [--labels LABELS.csv]
          --records N       rows in the (first) file; 1_000_000 and 1,000,000 are accepted
          --duplicates F    share of the rows that are corrupted copies of other rows, 0 to 0.5 (one file only; default 0.2)
          --records2 M      rows in the second file: link mode (A has no duplicates inside; B overlaps it)
          --overlap F       share of B's rows that are corrupted copies of distinct A rows, 0 to 1 (default 0.5)
          --seed S          random seed (integer, default 1); the same arguments give the same files
          --output FILE     the (first) data file: rec_id,given_name,surname,patronymic,sex,date_of_birth,fin,district
          --output2 FILE    the second data file (link mode)
          --labels FILE     the truth: rec_id,entity_id for every row of every file written
        """;

    public sealed record Arguments(int Records, int? Records2, double Duplicates, double Overlap, int Seed, string Output, string? Output2, string? Labels);

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (parsed, error) = Parse(args);
        if (VerbArguments.Stops("link-testset", Usage, parsed, error, out var exit)) return exit;

        try
        {
            Console.WriteLine(Write(parsed));
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"link-testset: could not write: {e.Message}");
            return 1;
        }
    }

    /// <summary>Generates and writes the files; returns the one-line summary.</summary>
    internal static string Write(Arguments a)
    {
        var clock = Stopwatch.StartNew();
        if (a.Records2 is not { } records2)
        {
            var set = LinkageTestSet.GenerateDedup(a.Records, a.Duplicates, a.Seed);
            WriteFile(a.Output, w => LinkageTestSet.WriteCsv(w, set.Rows));
            if (a.Labels is not null) WriteFile(a.Labels, w => LinkageTestSet.WriteLabels(w, set.Rows));
            var copies = LinkageTestSet.DuplicateCount(a.Records, a.Duplicates);
            return string.Create(CultureInfo.InvariantCulture,
                $"link-testset: {a.Records:N0} rows ({copies:N0} duplicates of {set.CopiedEntities:N0} children) → {a.Output}{LabelsNote(a)}; seed {a.Seed}; {clock.Elapsed.TotalSeconds:F1} s");
        }

        var (setA, setB) = LinkageTestSet.GenerateLink(a.Records, records2, a.Overlap, a.Seed);
        WriteFile(a.Output, w => LinkageTestSet.WriteCsv(w, setA.Rows));
        WriteFile(a.Output2!, w => LinkageTestSet.WriteCsv(w, setB.Rows));
        if (a.Labels is not null) WriteFile(a.Labels, w => LinkageTestSet.WriteLabels(w, setA.Rows.Concat(setB.Rows)));
        return string.Create(CultureInfo.InvariantCulture,
            $"link-testset: A {a.Records:N0} rows → {a.Output}, B {records2:N0} rows ({setB.CopiedEntities:N0} copies of A rows) → {a.Output2}{LabelsNote(a)}; seed {a.Seed}; {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static string LabelsNote(Arguments a) => a.Labels is null ? "" : ", labels → " + a.Labels;

    private static void WriteFile(string path, Action<TextWriter> write)
    {
        // UTF-8 without a byte-order mark: the names are Azerbaijani and Cyrillic, and most CSV readers choke on a BOM in the header.
        using var w = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        write(w);
    }

    /// <summary>Parses the arguments after "link-testset". Null arguments and null error: help was asked.</summary>
    public static (Arguments? Arguments, string? Error) Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = args.Length > 0 && args[0] == "link-testset" ? 1 : 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?") return (null, null);
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            if (name is not ("--records" or "--records2" or "--duplicates" or "--overlap" or "--seed" or "--output" or "--output2" or "--labels"))
                return (null, $"unknown argument '{arg}'.");
            string value;
            if (eq > 0) value = arg[(eq + 1)..];
            else if (i + 1 < args.Length) value = args[++i];
            else return (null, $"{name} needs a value.");
            if (!values.TryAdd(name, value)) return (null, $"{name} is given twice.");
        }

        if (!values.TryGetValue("--records", out var recordsText)) return (null, "--records N is required.");
        if (Count(recordsText) is not { } records) return (null, $"--records must be a positive integer (at most {LinkageTestSet.MaxRecords:N0}), not '{recordsText}'.");
        int? records2 = null;
        if (values.TryGetValue("--records2", out var records2Text))
        {
            if (Count(records2Text) is not { } r2) return (null, $"--records2 must be a positive integer (at most {LinkageTestSet.MaxRecords:N0}), not '{records2Text}'.");
            if ((long)records + r2 > LinkageTestSet.MaxRecords) return (null, $"--records and --records2 together may be at most {LinkageTestSet.MaxRecords:N0} (the sets are built in memory).");
            records2 = r2;
        }
        var link = records2 is not null;

        var seed = DefaultSeed;
        if (values.TryGetValue("--seed", out var seedText) && !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
            return (null, $"--seed must be an integer, not '{seedText}'.");

        var duplicates = DefaultDuplicates;
        if (values.TryGetValue("--duplicates", out var duplicatesText))
        {
            if (link) return (null, "--duplicates is for a single file; with --records2, --overlap says how much B copies A.");
            if (Share(duplicatesText, LinkageTestSet.MaxDuplicateShare) is not { } d)
                return (null, $"--duplicates must be a fraction from 0 to {LinkageTestSet.MaxDuplicateShare.ToString(CultureInfo.InvariantCulture)} (e.g. 0.2), not '{duplicatesText}'.");
            duplicates = d;
        }

        var overlap = DefaultOverlap;
        if (values.TryGetValue("--overlap", out var overlapText))
        {
            if (!link) return (null, "--overlap needs --records2 (link mode); for a single file use --duplicates.");
            if (Share(overlapText, 1) is not { } o) return (null, $"--overlap must be a fraction from 0 to 1 (e.g. 0.5), not '{overlapText}'.");
            overlap = o;
        }
        if (records2 is { } b && LinkageTestSet.OverlapCount(b, overlap) > records)
            return (null, $"--overlap {overlap.ToString(CultureInfo.InvariantCulture)} of --records2 {b:N0} makes {LinkageTestSet.OverlapCount(b, overlap):N0} copies of distinct A rows, but --records is {records:N0}.");

        if (!values.TryGetValue("--output", out var output) || output.Length == 0) return (null, "--output FILE is required.");
        values.TryGetValue("--output2", out var output2);
        if (link && string.IsNullOrEmpty(output2)) return (null, "--output2 FILE is required with --records2 (the B file).");
        if (!link && output2 is not null) return (null, "--output2 needs --records2 (link mode).");
        values.TryGetValue("--labels", out var labels);
        if (labels is { Length: 0 }) return (null, "--labels needs a file name.");

        string?[] files = [output, output2, labels];
        var full = files.OfType<string>().Select(Path.GetFullPath).ToList();
        if (full.Distinct(StringComparer.Ordinal).Count() != full.Count) return (null, "--output, --output2 and --labels must be different files.");

        return (new Arguments(records, records2, duplicates, overlap, seed, output, output2, labels), null);
    }

    private static int? Count(string text) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
        && n > 0 && n <= LinkageTestSet.MaxRecords ? n : null;

    private static double? Share(string text, double max) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var x) && x >= 0 && x <= max ? x : null;
}
