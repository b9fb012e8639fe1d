using Himaya.Cli;
using Himaya.Platform;
using Npgsql;

namespace Himaya.Tests.Bench;

/// <summary>
/// A database of its own on the PostgreSQL server scripts/test.sh starts, filled by `himaya seed` (and so marked as
/// generated); dropped when disposed. For the bench verbs, which refuse any other database.
/// </summary>
public sealed class SeededPostgres : IAsyncDisposable
{
    private readonly string _server;

    private SeededPostgres(string server, string name)
    {
        _server = server;
        Name = name;
        Options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = server + ";Database=" + name };
    }

    public string Name { get; }
    public DatabaseOptions Options { get; }

    public static async Task<SeededPostgres> CreateAsync(string prefix, int children, int seed)
    {
        var server = Environment.GetEnvironmentVariable("HIMAYA_TEST_POSTGRES")
            ?? throw new InvalidOperationException("HIMAYA_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");
        var db = new SeededPostgres(server, prefix + Guid.NewGuid().ToString("N")[..10]);
        await SqlAsync(server + ";Database=postgres", $"CREATE DATABASE {db.Name}");
        var seeded = await SeedVerb.RunAsync(["seed", "--children", $"{children}", "--seed", $"{seed}"], db.Options);
        if (seeded != 0)
        {
            await db.DisposeAsync();
            throw new InvalidOperationException($"himaya seed exited with {seeded}");
        }
        return db;
    }

    /// <summary>The same children, but no mark: as a real registry would be.</summary>
    public Task UnmarkAsync() => SqlAsync(Options.ConnectionString!, $"COMMENT ON DATABASE {Name} IS NULL");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await SqlAsync(_server + ";Database=postgres", $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static async Task SqlAsync(string connection, string sql)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
