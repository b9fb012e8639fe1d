using Himaya.Generators;
using System.Diagnostics;
using System.Globalization;
using Himaya.Features.Linkage;
using Himaya.Linkage;
using Himaya.Linkage.Linking;

namespace Himaya.Bench;

/// <summary>
/// <c>himaya bench link [--records N] [--duplicates D] [--seed S]</c>: quality and speed of deduplication on a generated,
/// labelled set (docs/linkage-testsets.md), next to two exact-match baselines measured the same way (pairs within
/// predicted clusters against pairs within true entities).
/// </summary>
internal static class BenchLink
{
    /// <summary>
    /// The PostgreSQL way: records in a table, pairs with the same birth date whose full names (as typed, lower case)
    /// have a trigram similarity at or above a threshold, joined transitively into clusters.
    /// </summary>
    private static IEnumerable<(double Threshold, Quality Quality)> TrigramBaseline(string connectionString, IReadOnlyList<TestRecord> rows, string?[] truth)
    {
        using var conn = new Npgsql.NpgsqlConnection(connectionString);
        conn.Open();
        void Exec(string sql) { using var c = new Npgsql.NpgsqlCommand(sql, conn) { CommandTimeout = 0 }; c.ExecuteNonQuery(); }
        Exec("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        Exec("CREATE TEMP TABLE link_bench (n int, full_name text, dob date)");
        using (var w = conn.BeginBinaryImport("COPY link_bench (n, full_name, dob) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                w.StartRow();
                w.Write(i, NpgsqlTypes.NpgsqlDbType.Integer);
                w.Write($"{rows[i].GivenName} {rows[i].Surname} {rows[i].Patronymic}".ToLowerInvariant(), NpgsqlTypes.NpgsqlDbType.Text);
                w.Write(DateOnly.ParseExact(rows[i].DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlTypes.NpgsqlDbType.Date);
            }
            w.Complete();
        }
        Exec("CREATE INDEX ON link_bench (dob)");
        Exec("ANALYZE link_bench");
        var pairs = new List<(int A, int B, float S)>();
        using (var c = new Npgsql.NpgsqlCommand("SELECT a.n, b.n, similarity(a.full_name, b.full_name) FROM link_bench a JOIN link_bench b ON a.dob = b.dob AND a.n < b.n WHERE similarity(a.full_name, b.full_name) >= 0.4", conn) { CommandTimeout = 0 })
        using (var r = c.ExecuteReader())
            while (r.Read()) pairs.Add((r.GetInt32(0), r.GetInt32(1), r.GetFloat(2)));
        foreach (var threshold in new[] { 0.5, 0.6, 0.7 })
        {
            var parent = Enumerable.Range(0, rows.Count).ToArray();
            int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
            foreach (var (a, b, sim) in pairs)
                if (sim >= threshold) { var (x, y) = (Find(a), Find(b)); if (x != y) parent[Math.Max(x, y)] = Math.Min(x, y); }
            yield return (threshold, Quality.OfClusters(Enumerable.Range(0, rows.Count).Select(i => Find(i).ToString(CultureInfo.InvariantCulture)).ToArray(), truth));
        }
    }

    public static int Run(string[] args)
    {
        int records = 100_000, seed = 1;
        var duplicates = 0.2;
        string? postgres = null;
        for (var i = 2; i + 1 < args.Length; i += 2)
        {
            var ok = args[i] switch
            {
                "--records" => int.TryParse(args[i + 1].Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out records) && records > 1,
                "--seed" => int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out seed),
                "--postgres" => (postgres = args[i + 1]).Length > 0,
                "--duplicates" => double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out duplicates) && duplicates is >= 0 and <= LinkageTestSet.MaxDuplicateShare,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine($"bench link: bad option {args[i]} {args[i + 1]}");
                Console.Error.WriteLine("usage: himaya bench link [--records N] [--duplicates 0.2] [--seed S] [--postgres CONNECTION-STRING]");
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
        if (postgres is not null)
            foreach (var (threshold, quality) in TrigramBaseline(postgres, rows, truth))
                Line(FormattableString.Invariant($"pg_trgm similarity(full name) >= {threshold} and same date of birth"), quality);
        return 0;
    }
}
