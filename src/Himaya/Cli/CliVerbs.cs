using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Cli;

/// <summary>Command-line verbs of the same executable. They read the same configuration (appsettings, environment, --Database:Provider=...).</summary>
public static class CliVerbs
{
    private static readonly string[] Verbs = ["seed", "schema-script", "migrate", "admin-user", "link", "moda", "intake-model", "help"];

    /// <summary>The database the verbs work on: appsettings.json beside the executable, the environment, and --Database:* arguments.</summary>
    public static DatabaseOptions DatabaseOptionsFrom(string[] args)
    {
        var config = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Skip(1).Where(a => a.StartsWith("--Database:", StringComparison.Ordinal)).ToArray())
            .Build();
        return config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
    }

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        var dbOptions = DatabaseOptionsFrom(args);
        switch (args[0])
        {
            case "schema-script":
                {
                    // Developer tool: prints the DDL the EF model implies, to start a new migration script from.
                    var provider = args.Length > 1 && args[1].Equals("postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
                    var o = new DbContextOptionsBuilder<AppDbContext>();
                    if (provider == DatabaseProvider.Postgres) o.UseNpgsql("Host=localhost"); else o.UseSqlite("Data Source=:memory:");
                    o.UseModules(HimayaModules.All);
                    await using var db = new AppDbContext(o.Options);
                    Console.WriteLine(db.Database.GenerateCreateScript());
                    return 0;
                }
            case "intake-model":
                {
                    // Developer tool: trains the intake model again (seeded, so the same file every time) and writes it.
                    var output = args.SkipWhile(a => a != "--output").Skip(1).FirstOrDefault();
                    if (output is null) { Console.Error.WriteLine("usage: himaya intake-model --output src/Himaya/Features/Registry/IntakeModel.json"); return 2; }
                    await File.WriteAllTextAsync(output, Himaya.Features.Demo.IntakeModelTraining.TrainAsJson());
                    Console.WriteLine("Wrote " + output);
                    return 0;
                }
            case "migrate":
                {
                    await using var db = dbOptions.CreateContext(HimayaModules.All);
                    var applied = await SchemaMigrator.MigrateAsync(db, dbOptions.Provider);
                    Console.WriteLine(applied.Count == 0 ? "Schema is up to date." : "Applied: " + string.Join(", ", applied));
                    return 0;
                }
            case "seed":
                return await SeedVerb.RunAsync(args, dbOptions);
            case "link":
                return LinkVerb.Run(args);
            case "moda":
                return ModaVerb.Run(args);
            case "admin-user":
                return await AdminUserVerb.RunAsync(args, dbOptions);
            default:
                Console.WriteLine("""
                    himaya                       run the web app (http://localhost:5080; --urls to change)
                    himaya seed --children N [--seed S] [--Database:Provider=Postgres --Database:ConnectionString=...]
                    himaya migrate               apply pending schema migrations
                    himaya link --input F.csv [--input2 G.csv] --config LINK.json --output OUT.csv [--threshold P] [--labels L.csv]
                                                 deduplicate one file or link two (probabilistic record linkage; --help for more)
                    himaya moda --input F.csv --framework FRAMEWORK.json [--k 1,2,3] [--by COL[,COL]] [--weight COL] [--format json|csv]
                                                 multiple overlapping deprivation analysis (Alkire–Foster) of a file of children
                    HIMAYA_ADMIN_PASSWORD=... himaya admin-user --username NAME   create or reset a national administrator
                    himaya schema-script [sqlite|postgres]   print the DDL implied by the EF model (developer tool)
                    himaya intake-model --output FILE        train the duplicate-check model again (developer tool)
                    Benchmarks and test-set generation are a separate executable: dotnet run --project bench/Himaya.Bench -- help
                    """);
                return 0;
        }
    }
}
