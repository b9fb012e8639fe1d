using System.Diagnostics;
using System.Globalization;
using System.Text;
using Himaya.Deprivation;

namespace Himaya.Bench;

/// <summary>
/// <c>himaya bench moda [--children N] [--seed S] [--postgres CONNECTION]</c>: the deprivation engine on a generated
/// population (16 indicators in 8 MODA dimensions, 66 districts, both sexes, about 1% of values missing): every cut-off
/// k, for everyone, by district and by sex — in memory, and end to end from the CSV file the same data was written to
/// (read, analyse, write JSON). With <c>--postgres</c>, the same measures as one plain SQL query (GROUP BY over a table
/// of indicators) on PostgreSQL, timed in the same run, checked against the engine's numbers, and the ratio printed.
/// </summary>
internal static class BenchModa
{
    private static readonly string[] Dimensions = ["nutrition", "health", "water", "sanitation", "housing", "information", "education", "protection"];
    private static readonly string[] Indicators =
    [
        "stunted", "wasted", "not_immunised", "no_skilled_birth", "unimproved_water", "water_over_30min", "unimproved_toilet", "shared_toilet",
        "overcrowded", "earth_floor", "no_media", "no_phone", "not_enrolled", "over_age", "no_birth_registration", "child_labour",
    ];

    public static Framework Framework => new([.. Dimensions.Select((d, i) => new Dimension(d, 1, [Indicators[2 * i], Indicators[(2 * i) + 1]]))]);

    public static string FrameworkJson => "{\"missing\":\"drop\",\"dimensions\":[" + string.Join(",", Dimensions.Select((d, i) =>
        $"{{\"name\":\"{d}\",\"weight\":1,\"indicators\":[\"{Indicators[2 * i]}\",\"{Indicators[(2 * i) + 1]}\"]}}")) + "]}";

    public static int Run(string[] args)
    {
        var children = 3_000_000;
        var seed = 1;
        string? postgres = null;
        for (var i = 2; i < args.Length; i++)
        {
            if (args[i] == "--children" && i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) children = n;
            else if (args[i] == "--seed" && i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var s)) seed = s;
            else if (args[i] == "--postgres" && i + 1 < args.Length) postgres = args[++i];
            else
            {
                Console.Error.WriteLine("usage: himaya bench moda [--children N] [--seed S] [--postgres CONNECTION-STRING]");
                return 2;
            }
        }
        var framework = Framework;
        var dir = Directory.CreateTempSubdirectory("himaya-bench-moda-").FullName;
        var csv = Path.Combine(dir, "children.csv");
        File.WriteAllText(Path.Combine(dir, "framework.json"), FrameworkJson);
        var sw = Stopwatch.StartNew();
        var table = Generate(children, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench moda: {children:N0} children × {Indicators.Length} indicators × {Dimensions.Length} dimensions, generated in {sw.Elapsed.TotalSeconds:N1} s"));
        sw.Restart();
        WriteCsv(table, csv);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  wrote {csv} ({new FileInfo(csv).Length / 1e6:N0} MB) in {sw.Elapsed.TotalSeconds:N1} s; framework.json beside it"));

        // In memory: the table is already columnar; each cut (everyone, by district, by sex) is one analysis, all k.
        var byDistrict = Cut(table, 0);
        var bySex = Cut(table, 1);
        var none = Cut(table, -1);
        Engine.Analyse(framework, none); // warm-up (JIT)
        var memory = new List<double>();
        DeprivationResult[] results = [];
        for (var run = 0; run < 5; run++)
        {
            sw.Restart();
            results = [Engine.Analyse(framework, none), Engine.Analyse(framework, byDistrict), Engine.Analyse(framework, bySex)];
            memory.Add(sw.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  in memory: everyone + by district + by sex, k = 1..8: median {Median(memory):N0} ms (runs: {string.Join(", ", memory.Select(m => m.ToString("N0", CultureInfo.InvariantCulture)))} ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  H(k=1) {results[0].Total.ByK[0].H:N4}, M0(k=3) {results[0].Total.ByK[2].M0:N4}, dropped {results[0].Total.NDropped:N0}"));
        table = null;
        none = byDistrict = bySex = null!;
        GC.Collect();

        // End to end from the file, as `himaya moda` does it: read the id, the indicators and both grouping columns once,
        // then the three analyses, each written as JSON.
        var endToEnd = new List<(double Read, double Analyse, double Write)>();
        for (var run = 0; run < 3; run++)
        {
            sw.Restart();
            var (read, errors) = ChildTableCsv.Read(csv, framework.Indicators, new ChildTableCsv.Options(GroupColumns: ["district", "sex"]));
            if (read is null) { foreach (var e in errors) Console.Error.WriteLine(e); return 1; }
            var tRead = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var r = new[] { Engine.Analyse(framework, Cut(read, -1)), Engine.Analyse(framework, Cut(read, 0)), Engine.Analyse(framework, Cut(read, 1)) };
            var tAnalyse = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            foreach (var x in r) ResultWriters.WriteJson(x, Stream.Null);
            endToEnd.Add((tRead, tAnalyse, sw.Elapsed.TotalMilliseconds));
        }
        var best = endToEnd.OrderBy(e => e.Read + e.Analyse + e.Write).ToList()[endToEnd.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  end to end from CSV (median of 3): {best.Read + best.Analyse + best.Write:N0} ms = read {best.Read:N0} + analyse {best.Analyse:N0} + JSON {best.Write:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB"));

        if (postgres is not null) Postgres(postgres, csv, results, Median(memory));
        Console.WriteLine($"  (files kept in {dir} for `himaya moda --input {csv} --framework {Path.Combine(dir, "framework.json")} --by district`)");
        return 0;
    }

    private static double Median(List<double> xs) => xs.Order().ToList()[xs.Count / 2];

    /// <summary>The same columns with zero or one grouping column (0 district, 1 sex, -1 none).</summary>
    private static ChildTable Cut(ChildTable t, int group) => group < 0
        ? new ChildTable(t.Count, t.IndicatorNames, t.Indicators, t.Weights, [], [], [])
        : new ChildTable(t.Count, t.IndicatorNames, t.Indicators, t.Weights, [t.GroupColumns[group]], [t.GroupCodes[group]], [t.GroupLabels[group]]);

    /// <summary>
    /// A population with deprivations that cluster (a child's household and district make several likelier at once),
    /// district sizes spread like Azerbaijan's (one large city, many small districts), and ~1% of values missing.
    /// </summary>
    private static ChildTable Generate(int n, int seed)
    {
        var rng = new Random(seed);
        var districts = Enumerable.Range(1, 66).Select(i => "D" + i.ToString("D2", CultureInfo.InvariantCulture)).ToArray();
        var sizes = districts.Select((_, i) => i == 0 ? 25.0 : 1.0 + (rng.NextDouble() * 2)).ToArray();
        var cumulative = new double[sizes.Length];
        var total = sizes.Sum();
        for (double acc = 0, i = 0; i < sizes.Length; i++) cumulative[(int)i] = acc += sizes[(int)i] / total;
        var poverty = districts.Select((_, i) => i == 0 ? -0.8 : (rng.NextDouble() * 1.6) - 0.6).ToArray();
        var baseRate = new[] { -2.2, -2.8, -1.8, -2.5, -1.5, -1.2, -1.4, -0.9, -1.0, -2.0, -1.6, -1.9, -1.7, -2.3, -2.6, -2.4 };
        var columns = Indicators.Select(_ => new sbyte[n]).ToArray();
        var district = new int[n];
        var sex = new int[n];
        for (var c = 0; c < n; c++)
        {
            var u = rng.NextDouble();
            var d = Array.BinarySearch(cumulative, u);
            d = d < 0 ? Math.Min(~d, districts.Length - 1) : d;
            district[c] = d;
            sex[c] = rng.Next(2);
            var household = (rng.NextDouble() * 2.4) - 1.2 + poverty[d];
            for (var j = 0; j < Indicators.Length; j++)
            {
                if (rng.NextDouble() < 0.01) { columns[j][c] = ChildTable.Missing; continue; }
                var p = 1 / (1 + Math.Exp(-(baseRate[j] + household)));
                columns[j][c] = (sbyte)(rng.NextDouble() < p ? 1 : 0);
            }
        }
        return new ChildTable(n, Indicators, columns, null, ["district", "sex"], [district, sex], [districts, ["M", "F"]]);
    }

    private static void WriteCsv(ChildTable t, string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write("id,district,sex," + string.Join(",", Indicators) + "\n");
        Span<char> line = stackalloc char[128];
        for (var i = 0; i < t.Count; i++)
        {
            var p = 0;
            i.TryFormat(line, out var len, default, CultureInfo.InvariantCulture);
            p += len;
            line[p++] = ',';
            foreach (var ch in t.GroupLabels[0][t.GroupCodes[0][i]]) line[p++] = ch;
            line[p++] = ',';
            line[p++] = t.GroupCodes[1][i] == 0 ? 'M' : 'F';
            for (var j = 0; j < t.Indicators.Length; j++)
            {
                line[p++] = ',';
                var v = t.Indicators[j][i];
                if (v >= 0) line[p++] = v == 1 ? '1' : '0';
            }
            line[p++] = '\n';
            w.Write(line[..p]);
        }
    }

    /// <summary>The plain SQL way: the indicators in a table, dimensions as GREATEST, one GROUP BY per cut over k = 1..8.</summary>
    private static void Postgres(string connectionString, string csv, DeprivationResult[] engine, double engineMs)
    {
        using var conn = new Npgsql.NpgsqlConnection(connectionString);
        conn.Open();
        void Exec(string sql) { using var c = new Npgsql.NpgsqlCommand(sql, conn) { CommandTimeout = 0 }; c.ExecuteNonQuery(); }
        var sw = Stopwatch.StartNew();
        Exec("DROP TABLE IF EXISTS moda_bench");
        Exec("CREATE UNLOGGED TABLE moda_bench (id int, district text, sex text, " + string.Join(", ", Indicators.Select(i => i + " smallint")) + ")");
        using (var w = conn.BeginTextImport("COPY moda_bench FROM STDIN (FORMAT csv, HEADER true)"))
        using (var r = new StreamReader(csv))
        {
            var buffer = new char[1 << 16];
            int got;
            while ((got = r.Read(buffer, 0, buffer.Length)) > 0) w.Write(buffer, 0, got);
        }
        Exec("VACUUM ANALYZE moda_bench");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  PostgreSQL: loaded the same file with COPY in {sw.Elapsed.TotalSeconds:N1} s (not counted below)"));

        var dims = string.Join(", ", Dimensions.Select((d, i) => $"GREATEST({Indicators[2 * i]}, {Indicators[(2 * i) + 1]}) AS {d}"));
        var anyMissing = string.Join(" OR ", Indicators.Select(i => i + " IS NULL"));
        var score = string.Join(" + ", Dimensions);
        string Query(string? by) => $"""
            WITH c AS (SELECT {by ?? "''::text"} AS g, {dims} FROM moda_bench WHERE NOT ({anyMissing})),
                 s AS (SELECT g, {string.Join(", ", Dimensions)}, {score} AS score FROM c)
            SELECT g, k, count(*) FILTER (WHERE score >= k)::float8 / count(*) AS h,
                   coalesce(sum(score) FILTER (WHERE score >= k), 0)::float8 / (8 * count(*)) AS m0,
                   {string.Join(", ", Dimensions.Select(d => $"coalesce(sum({d}) FILTER (WHERE score >= k), 0)::float8 / count(*) AS ch_{d}"))}
            FROM s CROSS JOIN generate_series(1, 8) AS k
            GROUP BY g, k ORDER BY g, k
            """;
        var times = new List<double>();
        var maxDiff = 0.0;
        // The SQL takes minutes on millions of rows: one run is enough to know its order of magnitude.
        var runs = engine[0].Total.N + engine[0].Total.NDropped >= 1_000_000 ? 1 : 3;
        for (var run = 0; run < runs; run++)
        {
            sw.Restart();
            var rows = new List<(string G, int K, double H, double M0)>();
            foreach (var by in new string?[] { null, "district", "sex" })
            {
                using var cmd = new Npgsql.NpgsqlCommand(Query(by), conn) { CommandTimeout = 0 };
                using var reader = cmd.ExecuteReader();
                while (reader.Read()) rows.Add(((by ?? "") + ":" + reader.GetString(0), reader.GetInt32(1), reader.GetDouble(2), reader.GetDouble(3)));
            }
            times.Add(sw.Elapsed.TotalMilliseconds);
            // The engine's numbers for the same cuts.
            foreach (var (g, k, h, m0) in rows)
            {
                var (cut, value) = (g[..g.IndexOf(':', StringComparison.Ordinal)], g[(g.IndexOf(':', StringComparison.Ordinal) + 1)..]);
                var result = cut switch { "" => engine[0], "district" => engine[1], _ => engine[2] };
                var measures = cut == "" ? result.Total : result.Groups.Single(x => x.By[0] == value);
                maxDiff = Math.Max(maxDiff, Math.Max(Math.Abs(measures.ByK[k - 1].H - h), Math.Abs(measures.ByK[k - 1].M0 - m0)));
            }
        }
        var sql = Median(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  PostgreSQL, the same three cuts as plain SQL: median {sql:N0} ms (runs: {string.Join(", ", times.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))} ms); largest difference from the engine {maxDiff:E1}; SQL / engine in memory = {sql / engineMs:N0}×"));
        Exec("DROP TABLE moda_bench");
    }
}
