using Himaya.Cli;
using Himaya.Platform;
using Microsoft.Data.Sqlite;

namespace Himaya.Tests.Demo;

public sealed class SeedVerbTests
{
    [Theory]
    [InlineData(new[] { "seed", "--children", "3000" }, 3000, SeedVerb.DefaultSeed)]
    [InlineData(new[] { "seed", "--children=250", "--seed=-4" }, 250, -4)]
    [InlineData(new[] { "seed", "--seed", "9", "--children", "3_000_000" }, 3_000_000, 9)]
    [InlineData(new[] { "seed", "--children", "1,000", "--Database:Provider=Postgres", "--Database:ConnectionString=Host=x" }, 1000, SeedVerb.DefaultSeed)]
    [InlineData(new[] { "seed", "--Database:Provider", "Postgres", "--children", "5" }, 5, SeedVerb.DefaultSeed)]
    public void Valid_arguments_are_parsed(string[] args, int children, int seed)
    {
        var (parsed, error) = SeedVerb.Parse(args);
        error.ShouldBeNull();
        parsed.ShouldBe(new SeedVerb.Arguments(children, seed));
    }

    [Theory]
    [InlineData(new[] { "seed" }, "--children N is required")]
    [InlineData(new[] { "seed", "--children" }, "needs a value")]
    [InlineData(new[] { "seed", "--children", "0" }, "positive integer")]
    [InlineData(new[] { "seed", "--children", "-5" }, "positive integer")]
    [InlineData(new[] { "seed", "--children", "many" }, "positive integer")]
    [InlineData(new[] { "seed", "--children", "1.5" }, "positive integer")]
    [InlineData(new[] { "seed", "--children", "99999999999" }, "positive integer")]
    [InlineData(new[] { "seed", "--children", "10", "--seed", "x" }, "--seed must be an integer")]
    [InlineData(new[] { "seed", "--children", "10", "--verbose" }, "unknown argument '--verbose'")]
    public void Invalid_arguments_are_refused_with_a_clear_message(string[] args, string message)
    {
        var (parsed, error) = SeedVerb.Parse(args);
        parsed.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(message);
    }

    [Fact]
    public async Task Bad_arguments_exit_with_code_2()
    {
        (await SeedVerb.RunAsync(["seed", "--children", "none"], new DatabaseOptions())).ShouldBe(2);
    }

    [Fact]
    public async Task Seeding_a_sqlite_file_adds_children_and_refuses_the_same_seed_twice()
    {
        var file = Path.Combine(Path.GetTempPath(), $"himaya-seed-{Guid.NewGuid():N}.db");
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" };
        try
        {
            (await SeedVerb.RunAsync(["seed", "--children", "1200", "--seed", "5"], options)).ShouldBe(0);
            (await SeedVerb.RunAsync(["seed", "--children", "1200", "--seed", "5"], options)).ShouldBe(3);
            (await SeedVerb.RunAsync(["seed", "--children", "300", "--seed", "6"], options)).ShouldBe(0);

            await using var conn = new SqliteConnection(options.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT (SELECT count(*) FROM children), (SELECT count(*) FROM users WHERE user_name = 'seed' AND is_active = 0), " +
                "(SELECT count(DISTINCT created_by_id) FROM children)";
            await using var r = await cmd.ExecuteReaderAsync();
            (await r.ReadAsync()).ShouldBeTrue();
            r.GetInt64(0).ShouldBe(1500);
            r.GetInt64(1).ShouldBe(1);
            r.GetInt64(2).ShouldBe(1);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm", file + "-journal" }) File.Delete(f);
        }
    }
}
