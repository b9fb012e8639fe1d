using Himaya.Features.Demo;
using Himaya.Platform;

namespace Himaya.Bench;

/// <summary>
/// What the verbs that write made-up data into a database check first: PostgreSQL, and a database `himaya seed` made
/// (its synthetic mark), so nothing of theirs ever lands in a real registry.
/// </summary>
internal static class BenchDatabaseGuard
{
    /// <returns>The exit code of a refusal (said on stderr), or null when the verb may go on.</returns>
    /// <param name="writes">What the verb would put in the database, for the refusal's reason.</param>
    public static async Task<int?> RefuseAsync(string verb, string writes, DatabaseOptions db)
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            Console.Error.WriteLine($"{verb}: needs PostgreSQL (--Database:Provider=Postgres --Database:ConnectionString=...).");
            return 2;
        }
        await using var check = db.CreateContext(HimayaModules.All);
        if (await SyntheticMark.IsMarkedAsync(check)) return null;
        Console.Error.WriteLine($"{verb}: refused. This database was not filled by `himaya seed` (its comment does not mark it as " +
            $"synthetic data), and the benchmark {writes}. Seed a database of its own first.");
        return 2;
    }
}
