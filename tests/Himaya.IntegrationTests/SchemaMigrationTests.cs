using Himaya.Features.Identity;
using Himaya.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Himaya.IntegrationTests;

public sealed class SchemaMigrationOnSqlite() : SchemaMigrationTests(DatabaseProvider.Sqlite);
public sealed class SchemaMigrationOnPostgres() : SchemaMigrationTests(DatabaseProvider.Postgres);

/// <summary>
/// The SQL migration scripts are hand-maintained (no EF design-time tooling here), so these tests hold them to the
/// EF model: a migrated database must have exactly the tables, columns and indexes EnsureCreated would make,
/// and upgrading a database that already holds data must keep it.
/// </summary>
public abstract class SchemaMigrationTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Migrations_build_exactly_the_schema_the_model_expects()
    {
        var (migratedCs, dropMigrated) = await NewDatabaseAsync();
        var (createdCs, dropCreated) = await NewDatabaseAsync();
        try
        {
            await using (var db = Context(migratedCs)) await SchemaMigrator.MigrateAsync(db, provider);
            await using (var db = Context(createdCs)) await db.Database.EnsureCreatedAsync();
            var migrated = await DescribeAsync(migratedCs);
            var expected = await DescribeAsync(createdCs);
            migrated.Except(expected).ShouldBeEmpty("in the migrated database but not in the model");
            expected.Except(migrated).ShouldBeEmpty("in the model but not in the migrated database: add a migration script");
        }
        finally { await dropMigrated(); await dropCreated(); }
    }

    [Fact]
    public async Task Upgrading_a_database_that_holds_data_keeps_the_data_and_applies_each_script_once()
    {
        var (cs, drop) = await NewDatabaseAsync();
        try
        {
            var scripts = SchemaMigrator.AvailableScripts(provider);
            scripts.ShouldNotBeEmpty();
            await using (var db = Context(cs))
            {
                // The oldest schema, with data in it, as a deployment of the first release would have.
                (await SchemaMigrator.MigrateAsync(db, provider, target: scripts[0])).ShouldBe([scripts[0]]);
                await db.Database.ExecuteSqlRawAsync("INSERT INTO admin_units (code, name_az, name_en, kind, parent_code, is_leaf_district) VALUES ('T-1', 'Sınaq', 'Test', 'rayon', NULL, TRUE)");
                await db.Database.ExecuteSqlRawAsync("INSERT INTO users (user_name, display_name, password_hash, agency, scope_kind, is_active, access_failed_count, security_stamp, created_at, version) VALUES ('old.user', 'Old', 'x', '', 'National', TRUE, 0, 's', CURRENT_TIMESTAMP, 0)");
            }
            await using (var db = Context(cs))
            {
                (await SchemaMigrator.MigrateAsync(db, provider)).ShouldBe(scripts.Skip(1).ToList());
                (await SchemaMigrator.MigrateAsync(db, provider)).ShouldBeEmpty();
                (await db.AdminUnits.SingleAsync(u => u.Code == "T-1")).NameAz.ShouldBe("Sınaq");
                (await db.Users.SingleAsync(u => u.UserName == "old.user")).DisplayName.ShouldBe("Old");
            }
        }
        finally { await drop(); }
    }

    private AppDbContext Context(string cs) => new DatabaseOptions { Provider = provider, ConnectionString = cs }.CreateContext(HimayaModules.All);

    private async Task<(string Cs, Func<Task> Drop)> NewDatabaseAsync()
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var (name, cs) = await PostgresApp.CreateAsync();
            return (cs, () => PostgresApp.DropAsync(name));
        }
        var file = Path.Combine(Path.GetTempPath(), "himaya-schema-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        return ($"Data Source={file};Pooling=false", () => { File.Delete(file); return Task.CompletedTask; });
    }

    /// <summary>One line per column and per index, in a provider-neutral text form.</summary>
    private async Task<HashSet<string>> DescribeAsync(string cs)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        if (provider == DatabaseProvider.Postgres)
        {
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            await using (var cmd = new NpgsqlCommand("SELECT table_name, column_name, data_type, is_nullable, coalesce(character_maximum_length, 0) FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations'", conn))
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) lines.Add($"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)} null={r.GetString(3)} len={r.GetInt32(4)}");
            await using (var cmd = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migrations'", conn))
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) lines.Add($"index {r.GetString(0)} {r.GetString(1)}");
            return lines;
        }
        await using (var conn = new SqliteConnection(cs))
        {
            await conn.OpenAsync();
            var tables = new List<string>();
            await using (var cmd = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'", conn))
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) tables.Add(r.GetString(0));
            foreach (var t in tables)
            {
                await using (var cmd = new SqliteCommand($"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{t}')", conn))
                await using (var r = await cmd.ExecuteReaderAsync())
                    while (await r.ReadAsync()) lines.Add($"column {t}.{r.GetString(0)} {r.GetString(1)} notnull={r.GetInt64(2)} pk={r.GetInt64(3)}");
            }
            await using (var cmd = new SqliteCommand("SELECT name, tbl_name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index' AND tbl_name <> 'schema_migrations'", conn))
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) lines.Add($"index {r.GetString(0)} on {r.GetString(1)} {r.GetString(2)}");
        }
        return lines;
    }
}
