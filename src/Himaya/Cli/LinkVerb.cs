using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Himaya.Linkage.Linking;

namespace Himaya.Cli;

/// <summary>
/// <c>himaya link --input FILE.csv [--input2 FILE2.csv] --config LINK.json --output OUT.csv [--threshold P] [--labels L.csv] [--model M.json]</c>
/// (a contract relied on by outside checks; see README). One input: deduplicate, writing <c>id,cluster_id</c> for every
/// record. Two inputs: link across them, writing <c>id_a,id_b,match_probability</c> for pairs at or above the threshold.
/// The model is trained on the input; labels, when given, are used only to report precision and recall.
/// Exit codes: 0 done, 2 bad arguments, config or input (nothing written), 1 unexpected failure.
/// </summary>
internal static class LinkVerb
{
    private const string Usage = """
        usage: himaya link --input FILE.csv [--input2 FILE2.csv] --config LINK.json --output OUT.csv [--threshold P]
                           [--labels LABELS.csv] [--model MODEL.json] [--max-block N]
          --input       CSV with a header row; one input: deduplicate it
          --input2      a second CSV: link --input to it instead
          --config      LINK.json: {"id":"rec_id","fields":[{"column":"surname","kind":"name"},...]}
                        kinds: name, surname, patronymic, date (optional "format"), id, exact, text, sex, district
          --output      one input: id,cluster_id for every record; two inputs: id_a,id_b,match_probability
          --threshold   match probability at or above which records are linked (default from the config, else 0.9)
          --labels      known matches, for evaluation only: rec_id,entity_id (or cluster_id), or id_a,id_b pairs
          --model       also write the trained model (m, u and weight per field and level) as JSON
          --max-block   largest block compared under one blocking rule (default 500)
        """;

    public sealed record Arguments(string Input, string? Input2, string Config, string Output, double? Threshold, string? Labels, string? Model, int MaxBlock);

    public static int Run(string[] args)
    {
        var (parsed, error) = Parse(args);
        if (VerbArguments.Stops("link", Usage, parsed, error, out var exit)) return exit;
        try
        {
            return Execute(parsed);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine("link: " + e.Message);
            return 2;
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine("link: " + e.Message);
            return 2;
        }
    }

    public static (Arguments? Arguments, string? Error) Parse(string[] args)
    {
        string? input = null, input2 = null, config = null, output = null, labels = null, model = null;
        double? threshold = null;
        var maxBlock = Linker.DefaultMaxBlock;
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (a is "--help" or "-h") return (null, null);
            if (i + 1 >= args.Length) return (null, $"{a} needs a value");
            var v = args[++i];
            switch (a)
            {
                case "--input": input = v; break;
                case "--input2": input2 = v; break;
                case "--config": config = v; break;
                case "--output": output = v; break;
                case "--labels": labels = v; break;
                case "--model": model = v; break;
                case "--threshold":
                    if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || t is <= 0 or >= 1)
                        return (null, $"--threshold: \"{v}\" is not a probability between 0 and 1 (exclusive)");
                    threshold = t;
                    break;
                case "--max-block":
                    if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var mb) || mb < 2)
                        return (null, $"--max-block: \"{v}\" is not an integer of at least 2");
                    maxBlock = mb;
                    break;
                default:
                    return (null, $"unknown option {a}");
            }
        }
        if (input is null) return (null, "--input is required");
        if (config is null) return (null, "--config is required");
        if (output is null) return (null, "--output is required");
        return (new Arguments(input, input2, config, output, threshold, labels, model, maxBlock), null);
    }

    private static int Execute(Arguments args)
    {
        var total = Stopwatch.StartNew();
        var (config, configErrors) = LinkConfig.Parse(File.ReadAllText(args.Config));
        if (config is null)
        {
            foreach (var e in configErrors) Console.Error.WriteLine($"link: {args.Config}: {e}");
            return 2;
        }
        var threshold = args.Threshold ?? config.MatchThreshold;

        var sw = Stopwatch.StartNew();
        var a = ReadCsv(args.Input);
        var b2 = args.Input2 is null ? default : ReadCsv(args.Input2);
        var readErrors = a.Errors.Select(e => $"{args.Input}: {e}").ToList();
        if (args.Input2 is not null) readErrors.AddRange(b2.Errors.Select(e => $"{args.Input2}: {e}"));
        if (readErrors.Count > 0)
        {
            foreach (var e in readErrors) Console.Error.WriteLine("link: " + e);
            return 2;
        }
        (string, string[], List<string[]>)? b = args.Input2 is null ? null : (b2.Name, b2.Header, b2.Rows);
        var (data, dataErrors) = LinkData.FromCsv(config, (args.Input, a.Header, a.Rows), b);
        if (data is null)
        {
            foreach (var e in dataErrors) Console.Error.WriteLine("link: " + e);
            return 2;
        }
        foreach (var f in data.Fields.Where(f => f.ProblemCount > 0))
        {
            Console.Error.WriteLine($"link: warning: {f.ProblemCount:N0} values of {f.Spec.Column} could not be read and are treated as missing, e.g.:");
            foreach (var p in f.Problems.Take(5)) Console.Error.WriteLine("  " + p);
        }
        var readTime = sw.Elapsed;

        var run = Linker.Run(data, maxBlock: args.MaxBlock);
        sw.Restart();
        var tmp = args.Output + ".tmp";
        string[]? clusters = null;
        List<(int A, int B, double P)>? links = null;
        using (var w = new StreamWriter(tmp, false, new UTF8Encoding(false), 1 << 16))
        {
            if (!data.IsLink)
            {
                clusters = Linker.Clusters(data, run, threshold);
                Csv.WriteRow(w, "id", "cluster_id");
                for (var i = 0; i < data.Count; i++) Csv.WriteRow(w, data.Ids[i], clusters[i]);
            }
            else
            {
                links = Linker.Links(data, run, threshold);
                Csv.WriteRow(w, "id_a", "id_b", "match_probability");
                foreach (var (ia, ib, p) in links) Csv.WriteRow(w, data.Ids[ia], data.Ids[ib], Linker.Format(p));
            }
        }
        File.Move(tmp, args.Output, overwrite: true);
        var writeTime = sw.Elapsed;

        if (args.Model is not null) File.WriteAllText(args.Model, JsonSerializer.Serialize(run.Model, new JsonSerializerOptions { WriteIndented = true }));

        var o = Console.Out;
        o.WriteLine(run.Model.Describe());
        foreach (var s in run.Blocks)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"block {s.Rule}: {s.Pairs:N0} new pairs in {s.Blocks:N0} blocks{(s.OversizeBlocks > 0 ? $"; {s.OversizeBlocks:N0} blocks over {args.MaxBlock} records ({s.RecordsInOversizeBlocks:N0} records) not compared under this rule" : "")}"));
        var linked = clusters is not null ? data.Count - clusters.Distinct().Count() : links!.Count;
        var review = run.Pairs.Count(p => run.Probability(p) is var pr && pr >= Math.Min(config.ReviewThreshold, threshold) && pr < threshold);
        var band = Math.Min(config.ReviewThreshold, threshold);
        var outcome = clusters is not null
            ? FormattableString.Invariant($"{clusters.Distinct().Count():N0} clusters ({linked:N0} records merged into another)")
            : FormattableString.Invariant($"{linked:N0} linked pairs");
        o.WriteLine(FormattableString.Invariant($"{data.Count:N0} records, {run.CandidatePairs:N0} candidate pairs compared; threshold {threshold}: {outcome}; {review:N0} pairs in the review band [{band}, {threshold})"));
        var steps = string.Join("; ", run.Timings.Select(t => FormattableString.Invariant($"{t.Step} {t.Time.TotalSeconds:F1} s")));
        o.WriteLine(FormattableString.Invariant(
            $"time: read {readTime.TotalSeconds:F1} s; {steps}; write {writeTime.TotalSeconds:F1} s; total {total.Elapsed.TotalSeconds:F1} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB"));

        if (args.Labels is not null)
        {
            var quality = Evaluate(args.Labels, data, clusters, links);
            if (quality is null) return 2;
            o.WriteLine("quality against " + args.Labels + ": " + quality);
        }
        return 0;
    }

    private static (string Name, string[] Header, List<string[]> Rows, List<string> Errors) ReadCsv(string path)
    {
        using var r = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        var (header, rows, errors) = Csv.Read(r);
        if (header.Length == 0) errors.Insert(0, "the file is empty (a header row is required)");
        return (path, header, rows, errors);
    }

    private static Quality? Evaluate(string path, LinkData data, string[]? clusters, List<(int A, int B, double P)>? links)
    {
        var (_, header, rows, errors) = ReadCsv(path);
        if (errors.Count > 0 || header.Length < 2)
        {
            foreach (var e in errors) Console.Error.WriteLine($"link: {path}: {e}");
            if (header.Length < 2) Console.Error.WriteLine($"link: {path}: needs two columns (rec_id,entity_id or id_a,id_b)");
            return null;
        }
        var entityColumn = Array.FindIndex(header, h => h is "entity_id" or "cluster_id" or "cluster" or "entity");
        if (entityColumn > 0)
        {
            var entityOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in rows) entityOf[row[0]] = row[entityColumn];
            if (clusters is not null)
                return Quality.OfClusters(clusters, data.Ids.Select(id => entityOf.GetValueOrDefault(id)).ToArray());
            var truth = new List<(string, string)>();
            var bByEntity = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            for (var i = data.SizeA; i < data.Count; i++)
                if (entityOf.TryGetValue(data.Ids[i], out var e)) (bByEntity.TryGetValue(e, out var l) ? l : bByEntity[e] = []).Add(data.Ids[i]);
            for (var i = 0; i < data.SizeA; i++)
                if (entityOf.TryGetValue(data.Ids[i], out var e) && bByEntity.TryGetValue(e, out var l))
                    foreach (var bid in l) truth.Add((data.Ids[i], bid));
            return Quality.OfPairs(links!.Select(x => (data.Ids[x.A], data.Ids[x.B])), truth);
        }
        var pairs = rows.Select(r => (r[0], r[1])).ToList();
        if (links is not null) return Quality.OfPairs(links.Select(x => (data.Ids[x.A], data.Ids[x.B])), pairs);
        // Dedup judged on listed pairs: a predicted pair is every pair inside a cluster.
        var clusterOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < data.Count; i++) clusterOf[data.Ids[i]] = clusters![i];
        var predicted = clusters!.GroupBy(c => c).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        var distinctTruth = pairs.Select(p => string.CompareOrdinal(p.Item1, p.Item2) <= 0 ? p : (p.Item2, p.Item1)).Distinct().ToList();
        var correct = distinctTruth.LongCount(p => clusterOf.TryGetValue(p.Item1, out var x) && clusterOf.TryGetValue(p.Item2, out var y) && x == y);
        return new Quality(distinctTruth.Count, predicted, correct);
    }
}
