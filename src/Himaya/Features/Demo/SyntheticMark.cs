using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Demo;

/// <summary>
/// A PostgreSQL database filled by `himaya seed` holds generated people: the seed says so in the database's comment, and
/// `himaya-bench cases` (which creates case-reading staff with known passwords and derivable second-factor secrets)
/// refuses any database that does not.
/// </summary>
public static class SyntheticMark
{
    public const string Comment = "himaya: synthetic data loaded by himaya seed; benchmark accounts allowed";

    public static async Task MarkAsync(AppDbContext db, CancellationToken ct = default) =>
        await db.Database.ExecuteSqlRawAsync(
            $"DO $$ BEGIN EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), '{Comment}'); END $$;", ct);

    public static async Task<bool> IsMarkedAsync(AppDbContext db, CancellationToken ct = default) =>
        await db.Database.SqlQueryRaw<string>(
            "SELECT coalesce(shobj_description(oid, 'pg_database'), '') AS \"Value\" FROM pg_database WHERE datname = current_database()")
            .FirstAsync(ct) == Comment;
}
