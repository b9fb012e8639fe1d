using System.Diagnostics;
using System.Globalization;
using Himaya.Features.Linkage;
using Himaya.Linkage;
using Himaya.Linkage.Linking;

namespace Himaya.Cli;

/// <summary>
/// <c>himaya bench link [--records N] [--duplicates D] [--seed S]</c>: quality and speed of deduplication on a generated,
/// labelled set (docs/linkage-testsets.md), next to two exact-match baselines measured the same way (pairs within
/// predicted clusters against pairs within true entities).
/// </summary>
internal static class BenchLink
{
    public static int Run(string[] args)
    {
        int records = 100_000, seed = 1;
        var duplicates = 0.2;
        for (var i = 2; i + 1 < args.Length; i += 2)
        {
            var ok = args[i] switch
            {
                "--records" => int.TryParse(args[i + 1].Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out records) && records > 1,
                "--seed" => int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out seed),
                "--duplicates" => double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out duplicates) && duplicates is >= 0 and <= LinkageTestSet.MaxDuplicateShare,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine($"bench link: bad option {args[i]} {args[i + 1]}");
                Console.Error.WriteLine("usage: himaya bench link [--records N] [--duplicates 0.2] [--seed S]");
                return 2;
            }
        }
        var sw = Stopwatch.StartNew();
        var rows = LinkageTestSet.Dedup(records, duplicates, seed);
        var truth = rows.Select(r => (string?)r.EntityId).ToArray();
        Console.WriteLine(FormattableString.Invariant($"bench link: {rows.Count:N0} generated records ({duplicates:P0} duplicates, seed {seed}) in {sw.Elapsed.TotalSeconds:F1} s"));

        var config = LinkConfig.Parse("""
            {"id":"rec_id","fields":[{"column":"given_name","kind":"name"},{"column":"surname","kind":"surname"},
            {"column":"patronymic","kind":"patronymic"},{"column":"sex","kind":"sex"},{"column":"date_of_birth","kind":"date"},
            {"column":"fin","kind":"id"},{"column":"district","kind":"district"}]}
            """).Config!;
        sw.Restart();
        var data = LinkData.FromRecords(config, rows.Select(r => (r.RecId, new string?[] { r.GivenName, r.Surname, r.Patronymic, r.Sex, r.DateOfBirth, r.Fin, r.District })).ToList());
        var prepare = sw.Elapsed;
        var run = Linker.Run(data);
        sw.Restart();
        var clusters = Linker.Clusters(data, run, config.MatchThreshold);
        var cluster = sw.Elapsed;
        Console.WriteLine(run.Model.Describe());
        Console.WriteLine("time: " + FormattableString.Invariant($"prepare {prepare.TotalSeconds:F1} s; ") +
            string.Join("; ", run.Timings.Select(t => FormattableString.Invariant($"{t.Step} {t.Time.TotalSeconds:F1} s"))) +
            FormattableString.Invariant($"; cluster {cluster.TotalSeconds:F1} s; {run.CandidatePairs:N0} candidate pairs; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB"));

        Console.WriteLine($"{"method",-62} {"precision",9} {"recall",9} {"F1",9}");
        void Line(string name, Quality q) => Console.WriteLine(FormattableString.Invariant($"{name,-62} {q.Precision,9:F4} {q.Recall,9:F4} {q.F1,9:F4}"));
        foreach (var t in new[] { 0.5, config.MatchThreshold, 0.99 })
            Line(FormattableString.Invariant($"Fellegi-Sunter (this engine), threshold {t}{(t == config.MatchThreshold ? " (default)" : "")}"),
                Quality.OfClusters(t == config.MatchThreshold ? clusters : Linker.Clusters(data, run, t), truth));
        // Baselines: one cluster per exact (given name, surname, date of birth), as typed and after folding.
        Line("exact match on (given name, surname, date of birth) as typed", Quality.OfClusters(rows.Select(r => $"{r.GivenName}|{r.Surname}|{r.DateOfBirth}").ToArray(), truth));
        Line("exact match on folded (given name, surname) and date of birth",
            Quality.OfClusters(rows.Select(r => $"{NameFolding.Fold(r.GivenName)}|{NameFolding.Fold(r.Surname)}|{r.DateOfBirth}").ToArray(), truth));
        return 0;
    }
}
