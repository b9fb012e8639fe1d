using Himaya.Bench;
using Himaya.Cli;

// himaya-bench: the benchmark verbs and the labelled test-set generator, kept out of the product executable.
// `himaya-bench search|link|moda|deprivation|cases|services|coverage|indicators|programmes ...` and `himaya-bench link-testset ...`.
if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
{
    Console.WriteLine("""
        himaya-bench search [--queries N]          name-search and profile latency against the configured database
        himaya-bench link [--records N] [--duplicates 0.2] [--seed S]   linkage quality and speed on a generated set
        himaya-bench moda ... | deprivation ...    the deprivation engine and the registry analysis (--help on each)
        himaya-bench cases [--cases 300000]        case pages at scale (PostgreSQL; a database made by `himaya seed` only)
        himaya-bench services [--services 5000] [--url URL] [--requests 2000] [--concurrency 1]
                                                   public directory search over HTTP on a generated directory
                                                   (PostgreSQL; a database made by `himaya seed` only; --help)
        himaya-bench coverage [--runs 3]           service coverage (all districts) per service type, cold and warm
        himaya-bench indicators [--indicators 200] [--years 10] [--runs 5]   the monitoring dashboards at national scale
        himaya-bench programmes [--children 60000] [--contacts 500000] [--runs 5]   a community programme's progress at the issue's scale
                                                   (PostgreSQL; a database made by `himaya seed` only)
        himaya-bench vac-flood --url URL [--seconds 60] [--flooders 16]   floods the public report form of a running app
                                                   (same --Database:* as the app): others still report, nothing accepted lost
        himaya-bench link-testset --records N [--duplicates 0.2] [--seed S] --output F.csv [--labels L.csv]
                                                   a labelled record-linkage test set (docs/linkage-testsets.md)
        Add --Database:Provider=Postgres --Database:ConnectionString=... for PostgreSQL.
        """);
    return args.Length == 0 ? 2 : 0;
}
if (args[0] == "link-testset") return LinkTestSetVerb.Run(args);
return await BenchVerb.RunAsync(["bench", .. args], CliVerbs.DatabaseOptionsFrom(["bench", .. args]));
