using Himaya.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Himaya.Bench;
using Himaya.Cli;
using Himaya.Features.Demo;
using Himaya.Platform;
using Npgsql;

namespace Himaya.Tests.Bench;

/// <summary>
/// `himaya-bench cases` creates case-reading staff with known passwords: it must refuse every database but one that
/// `himaya seed` filled with generated people. On the PostgreSQL server scripts/test.sh starts (bench cases is PostgreSQL only).
/// </summary>
[Collection(ConsoleErrorCollection.Name)]
public sealed class BenchCasesGuardTests
{
    [Fact]
    public async Task Bench_cases_refuses_a_database_that_himaya_seed_did_not_fill_and_seed_marks_its_own()
    {
        var server = Environment.GetEnvironmentVariable("HIMAYA_TEST_POSTGRES")
            ?? throw new InvalidOperationException("HIMAYA_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");
        var name = "himaya_guard_" + Guid.NewGuid().ToString("N")[..10];
        await Sql(server + ";Database=postgres", $"CREATE DATABASE {name}");
        try
        {
            var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = server + ";Database=" + name };
            (await SeedVerb.RunAsync(["seed", "--children", "200", "--seed", "3"], options)).ShouldBe(0);
            await using (var db = options.CreateContext(HimayaModules.All))
                (await SyntheticMark.IsMarkedAsync(db)).ShouldBeTrue();

            // The same children, but no mark: as a real registry would be. The bench must refuse it before creating anyone.
            await Sql(options.ConnectionString, $"COMMENT ON DATABASE {name} IS NULL");
            var error = new StringWriter();
            var original = Console.Error;
            Console.SetError(error);
            int refused;
            try { refused = await BenchCases.RunAsync(["bench", "cases", "--cases", "10", "--no-in-process", "--keys", Path.GetTempPath()], options); }
            finally { Console.SetError(original); }
            refused.ShouldBe(2);
            error.ToString().ShouldContain("refused");
            await using (var db = options.CreateContext(HimayaModules.All))
                (await db.Users.CountAsync(u => u.UserName.StartsWith("bench"))).ShouldBe(0);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Sql(server + ";Database=postgres", $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task Sql(string connection, string sql)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
