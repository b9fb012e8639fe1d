using System.Diagnostics;
using System.Globalization;
using System.Text;
using Himaya.Deprivation;

namespace Himaya.Cli;

/// <summary>
/// <c>himaya moda --input FILE.csv --framework FRAMEWORK.json [--k 1,2,3] [--by COL[,COL]] [--weight COL] [--format json|csv]</c>
/// (a contract relied on by outside checks; see README): the Alkire–Foster / MODA analysis of a file of children, one
/// row per child, printed to standard output. Exit codes: 0 done, 2 bad arguments, framework or input (nothing printed
/// on standard output, every problem on standard error), 1 unexpected failure.
/// </summary>
internal static class ModaVerb
{
    private const string Usage = """
        usage: himaya moda --input FILE.csv --framework FRAMEWORK.json [--k 1,2,3] [--by COL[,COL]] [--weight COL]
                           [--format json|csv] [--id COL] [--strata COL] [--cluster COL] [--venn D1,D2,D3] [--output FILE] [--timing]
          --input       CSV with a header row, one row per child: an id column, indicator columns holding
                        1 (deprived), 0 (not deprived) or empty/NA/. (missing), optional weight and grouping columns
          --framework   {"dimensions":[{"name":"health","weight":1,"indicators":["immunisation","skilled_birth"]},...],
                         "missing":"drop"|"observed"}; weights are relative (normalised to sum to 1); a dimension may
                        say "aggregation":"intersection" (deprived only when deprived in all its indicators; default
                        union: in any)
          --k           cut-offs (default 1..number of dimensions); with unequal weights k is a deprivation score on
                        the same scale (normalised weights × number of dimensions)
          --by          one or two grouping columns: measures for every combination of their values
          --weight      sampling-weight column (default: every child weighs 1)
          --format      json (default) or csv (group,k,measure,name,value)
          --id          the id column (default "id")
          --strata      survey design: the stratum column
          --cluster     survey design: the primary sampling unit (cluster) column
                        with --weight, --strata or --cluster the input is a sample: H and M0 get standard errors and
                        95% confidence intervals (Taylor linearisation; each row its own PSU without --cluster)
          --venn        three dimension names: also the overlap of the three ("overlaps" in the JSON: the 7 regions and none)
          --output      write to this file instead of standard output
          --timing      report read and analysis times on standard error
        """;

    public sealed record Arguments(string Input, string Framework, double[]? Ks, string[] By, string? Weight, string Format, string Id, string? Output, bool Timing,
        string? Strata = null, string? Cluster = null, string[]? Venn = null);

    public static int Run(string[] args)
    {
        var (parsed, error) = Parse(args);
        if (VerbArguments.Stops("moda", Usage, parsed, error, out var exit)) return exit;
        try
        {
            return Execute(parsed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("moda: " + e.Message);
            return 2;
        }
    }

    public static (Arguments? Arguments, string? Error) Parse(string[] args)
    {
        string? input = null, framework = null, weight = null, output = null, strata = null, cluster = null;
        string[]? venn = null;
        var format = "json";
        var id = "id";
        double[]? ks = null;
        string[] by = [];
        var timing = false;
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (a is "--help" or "-h") return (null, null);
            if (a == "--timing") { timing = true; continue; }
            if (i + 1 >= args.Length) return (null, $"{a} needs a value");
            var v = args[++i];
            switch (a)
            {
                case "--input": input = v; break;
                case "--framework": framework = v; break;
                case "--weight": weight = v.Trim(); break;
                case "--output": output = v; break;
                case "--id": id = v.Trim(); break;
                case "--strata": strata = v.Trim(); break;
                case "--cluster": cluster = v.Trim(); break;
                case "--venn":
                    venn = v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    if (venn.Length != 3 || venn.Distinct(StringComparer.Ordinal).Count() != 3) return (null, "--venn: three different dimension names, separated by commas");
                    break;
                case "--format":
                    format = v.Trim().ToLowerInvariant();
                    if (format is not ("json" or "csv")) return (null, $"--format: \"{v}\" is not json or csv");
                    break;
                case "--by":
                    by = [.. v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
                    if (by.Length is 0 or > 2) return (null, "--by: one or two column names, separated by a comma");
                    if (by.Length == 2 && by[0] == by[1]) return (null, "--by: the same column twice");
                    break;
                case "--k":
                    var list = new List<double>();
                    foreach (var part in v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var k) || !double.IsFinite(k) || k <= 0)
                            return (null, $"--k: \"{part}\" is not a cut-off above 0");
                        list.Add(k);
                    }
                    if (list.Count == 0) return (null, "--k: at least one cut-off");
                    ks = [.. list.Distinct().Order()];
                    break;
                default:
                    return (null, $"unknown option {a}");
            }
        }
        if (input is null) return (null, "--input is required");
        if (framework is null) return (null, "--framework is required");
        return (new Arguments(input, framework, ks, by, weight, format, id, output, timing, strata, cluster, venn), null);
    }

    private static int Execute(Arguments args)
    {
        var sw = Stopwatch.StartNew();
        var (framework, frameworkErrors) = Framework.Parse(File.ReadAllText(args.Framework));
        if (framework is null)
        {
            foreach (var e in frameworkErrors) Console.Error.WriteLine($"moda: {args.Framework}: {e}");
            return 2;
        }
        // A cut-off above the number of dimensions is allowed: nobody reaches it, so H, A and M0 are 0 there.
        string?[] extra = [args.Weight, args.Strata, args.Cluster];
        var clash = args.By.Concat(extra.OfType<string>()).Where(c => c == args.Id || framework.Indicators.Contains(c)).ToList();
        if (clash.Count > 0)
        {
            Console.Error.WriteLine($"moda: \"{clash[0]}\" is the id or an indicator; it cannot also be a weight, design or grouping column");
            return 2;
        }
        int[]? venn = null;
        if (args.Venn is { } names)
        {
            venn = [.. names.Select(n => framework.Dimensions.ToList().FindIndex(d => d.Name == n))];
            if (venn.Contains(-1))
            {
                Console.Error.WriteLine($"moda: --venn: \"{names[Array.IndexOf(venn, -1)]}\" is not a dimension of the framework");
                return 2;
            }
        }
        var (table, errors) = ChildTableCsv.Read(args.Input, framework.Indicators, new ChildTableCsv.Options(args.Id, args.Weight, args.By, args.Strata, args.Cluster));
        if (table is null)
        {
            foreach (var e in errors) Console.Error.WriteLine($"moda: {args.Input}: {e}");
            return 2;
        }
        var read = sw.Elapsed;
        sw.Restart();
        var result = Engine.Analyse(framework, table, args.Ks);
        var analysed = sw.Elapsed;
        sw.Restart();
        using (var output = args.Output is null ? Console.OpenStandardOutput() : File.Create(args.Output))
        {
            if (args.Format == "json")
            {
                ResultWriters.WriteJson(result, output, venn: venn);
                output.Write("\n"u8);
            }
            else
            {
                using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16);
                ResultWriters.WriteCsv(result, writer);
            }
        }
        if (args.Timing)
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"moda: {table.Count:N0} children; read {read.TotalMilliseconds:N0} ms, analysis {analysed.TotalMilliseconds:N0} ms, output {sw.Elapsed.TotalMilliseconds:N0} ms"));
        return 0;
    }
}
