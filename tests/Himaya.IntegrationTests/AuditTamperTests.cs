using System.Net.Http.Json;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.IntegrationTests;

// Own databases: these tests damage the audit trail on purpose.
public sealed class TamperSqliteApp : SqliteApp { protected override int DemoChildren => 0; }
public sealed class TamperPostgresApp : PostgresApp { protected override int DemoChildren => 0; }
public sealed class AuditTamperOnSqlite(TamperSqliteApp app) : AuditTamperTests(app), IClassFixture<TamperSqliteApp>;
public sealed class AuditTamperOnPostgres(TamperPostgresApp app) : AuditTamperTests(app), IClassFixture<TamperPostgresApp>;

public abstract class AuditTamperTests(HimayaApp app)
{
    [Fact]
    public async Task Verification_finds_an_altered_entry_and_a_deleted_entry()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        for (var i = 0; i < 3; i++) await TestData.CreateChildAsync(worker, TestData.Child(surname: "Zəncirov" + new string('a', i + 1)));
        var auditor = await app.ClientForAsync("auditor");
        (await (await auditor.PostAsync("/api/v1/audit/verify", null)).JsonAsync()).GetProperty("intact").GetBoolean().ShouldBeTrue();

        await using var db = app.NewDbContext();
        // A malicious database administrator disables the guard first.
        await db.Database.ExecuteSqlRawAsync(app.Provider == DatabaseProvider.Postgres
            ? "ALTER TABLE audit_entries DISABLE TRIGGER USER"
            : "DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;");
        var victim = await db.AuditEntries.Where(a => a.Action == "create").OrderBy(a => a.Id).Select(a => new { a.Id, a.UserName }).FirstAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET user_name = 'someone.else' WHERE id = {0}", victim.Id);

        var altered = await (await auditor.PostAsync("/api/v1/audit/verify", null)).JsonAsync();
        altered.GetProperty("intact").GetBoolean().ShouldBeFalse();
        altered.GetProperty("firstBrokenId").GetInt64().ShouldBe(victim.Id);

        await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET user_name = {0} WHERE id = {1}", victim.UserName, victim.Id);
        (await (await auditor.PostAsync("/api/v1/audit/verify", null)).JsonAsync()).GetProperty("intact").GetBoolean().ShouldBeTrue();

        await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE id = {0}", victim.Id + 1);
        var deleted = await (await auditor.PostAsync("/api/v1/audit/verify", null)).JsonAsync();
        deleted.GetProperty("intact").GetBoolean().ShouldBeFalse();
        deleted.GetProperty("firstBrokenId").GetInt64().ShouldBe(victim.Id + 1);
    }
}
