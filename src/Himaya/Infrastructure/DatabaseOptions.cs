using Microsoft.EntityFrameworkCore;

namespace Himaya.Infrastructure;

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

    public void Configure(DbContextOptionsBuilder options)
    {
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
    /// A default measured under load (docs/benchmarks.md, case management), unless the connection string says otherwise:
    /// the app keeps no session state on its connections, so returning one to the pool needs no DISCARD ALL round trip.
    /// (Automatic preparation was tried too and left out: after a few runs PostgreSQL plans a prepared statement
    /// generically, and a search by a common surname and a birth date then took the surname index: 5 times slower.)
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Has(string name) => given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", ""), name, StringComparison.OrdinalIgnoreCase));
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Has("NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>A context outside dependency injection (command-line verbs, tests).</summary>
    public AppDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        Configure(builder);
        return new AppDbContext(builder.Options);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir) && builder.DataSource != ":memory:") Directory.CreateDirectory(dir);
    }
}
