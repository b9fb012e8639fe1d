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

    public void Configure(DbContextOptionsBuilder options)
    {
        // Counting with Take(cap) is deliberate (bounded counts); ordering it would only cost time.
        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning));
        if (Provider == DatabaseProvider.Postgres)
            options.UseNpgsql(EffectiveConnectionString, o => o.CommandTimeout(120).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
        else
        {
            EnsureSqliteFolder(EffectiveConnectionString);
            options.UseSqlite(EffectiveConnectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
        }
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
