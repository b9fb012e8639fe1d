using Himaya.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Himaya.Bench;
using Himaya.Features.Demo;
using Himaya.Platform;

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
        await using var seeded = await SeededPostgres.CreateAsync("himaya_guard_", children: 200, seed: 3);
        var options = seeded.Options;
        await using (var db = options.CreateContext(HimayaModules.All))
            (await SyntheticMark.IsMarkedAsync(db)).ShouldBeTrue();

        // The same children, but no mark: as a real registry would be. The bench must refuse it before creating anyone.
        await seeded.UnmarkAsync();
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
}
