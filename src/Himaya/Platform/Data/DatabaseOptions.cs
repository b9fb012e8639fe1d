using Microsoft.EntityFrameworkCore;

namespace Himaya.Platform;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Bound from the "Database" section (env: Database__Provider, Database__ConnectionString).</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Defaults to an embedded SQLite file in ./data/ when empty.</summary>
    public string? ConnectionString { get; set; }

    public string EffectiveConnectionString => string.IsNullOrWhiteSpace(ConnectionString)
        ? (Provider == DatabaseProvider.Sqlite ? "Data Source=data/himaya.db" : throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL."))
        : ConnectionString;

    private (string Given, string Effective)? _postgres; // the defaults applied once, not for every context

    public void Configure(DbContextOptionsBuilder options, IReadOnlyList<IModule> modules)
    {
        options.UseModules(modules);
        // Counting with Take(cap) is deliberate (bounded counts); ordering it would only cost time.
        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning));
        if (Provider == DatabaseProvider.Postgres)
            options.UseNpgsql(PostgresConnectionString(), o => o.CommandTimeout(120).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
        else
        {
            EnsureSqliteFolder(EffectiveConnectionString);
            options.UseSqlite(EffectiveConnectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
        }
    }

    private string PostgresConnectionString()
    {
        var given = EffectiveConnectionString;
        if (_postgres is not { } cached || cached.Given != given) _postgres = cached = (given, WithPostgresDefaults(given));
        return cached.Effective;
    }

    /// <summary>
    /// Defaults measured under load (docs/benchmarks.md, case management), each unless the connection string sets it:
    /// the app keeps no session state on its connections, so returning one to the pool needs no DISCARD ALL round trip;
    /// its statements repeat, so they are prepared automatically (parsed once per connection) — but planned for every
    /// execution with its own values, because PostgreSQL's switch to one generic plan per statement made a search by a
    /// common surname and a birth date take the surname index and run five times slower.
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Has(string name) => given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", ""), name, StringComparison.OrdinalIgnoreCase));
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Has("NoResetOnClose")) builder.NoResetOnClose = true;
        if (!Has("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            if (builder.Options?.Contains("plan_cache_mode", StringComparison.Ordinal) != true)
                builder.Options = ((builder.Options ?? "") + " -c plan_cache_mode=force_custom_plan").Trim();
        }
        return builder.ConnectionString;
    }

    /// <summary>A context outside dependency injection (command-line verbs, tests).</summary>
    public AppDbContext CreateContext(IReadOnlyList<IModule> modules)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        Configure(builder, modules);
        return new AppDbContext(builder.Options);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir) && builder.DataSource != ":memory:") Directory.CreateDirectory(dir);
    }
}
