using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Platform;

/// <summary>
/// Applies the numbered SQL scripts in Infrastructure/Migrations (one per provider) that the database has not
/// seen yet, each in its own transaction, recording them in schema_migrations. We use plain SQL because EF's
/// design-time tooling is not available here (docs/decisions/ADR-002); a test checks that the scripts produce
/// exactly the schema the EF model expects.
/// </summary>
public static class SchemaMigrator
{
    private const string ResourcePrefix = "Himaya.Migrations.";

    public static IReadOnlyList<string> AvailableScripts(DatabaseProvider provider)
    {
        var suffix = provider == DatabaseProvider.Postgres ? ".postgres.sql" : ".sqlite.sql";
        return [.. typeof(SchemaMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^suffix.Length])
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Brings the schema up to <paramref name="target"/> (default: the newest script). Returns the scripts applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(AppDbContext db, DatabaseProvider provider, string? target = null, CancellationToken ct = default)
    {
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened) await conn.OpenAsync(ct);
        try
        {
            await ExecAsync(conn, null, "CREATE TABLE IF NOT EXISTS schema_migrations (id varchar(100) PRIMARY KEY, applied_at varchar(40) NOT NULL)", ct);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "SELECT id FROM schema_migrations";
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) applied.Add(r.GetString(0));
            }

            var done = new List<string>();
            foreach (var id in AvailableScripts(provider))
            {
                if (target is not null && string.CompareOrdinal(id, target) > 0) break;
                if (applied.Contains(id)) continue;
                var sql = ReadScript(id, provider);
                await using var tx = await conn.BeginTransactionAsync(ct);
                await ExecAsync(conn, tx, sql, ct);
                await using (var cmd = conn.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = "INSERT INTO schema_migrations (id, applied_at) VALUES (@id, @at)";
                    AddParam(cmd, "@id", id);
                    AddParam(cmd, "@at", DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                done.Add(id);
            }
            return done;
        }
        finally
        {
            if (opened) await conn.CloseAsync();
        }
    }

    public static string ReadScript(string id, DatabaseProvider provider)
    {
        var suffix = provider == DatabaseProvider.Postgres ? ".postgres.sql" : ".sqlite.sql";
        using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream(ResourcePrefix + id + suffix)
            ?? throw new InvalidOperationException($"Migration script {id} for {provider} not found.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecAsync(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void AddParam(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
