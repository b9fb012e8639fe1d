using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Himaya.IntegrationTests;

public sealed class AuditUnitsOnSqlite(SqliteApp app) : AuditUnitTests(app), IClassFixture<SqliteApp>;
public sealed class AuditUnitsOnPostgres(PostgresApp app) : AuditUnitTests(app), IClassFixture<PostgresApp>;

/// <summary>An audit line says which unit it belongs to; it never saves what the caller left unsaved.</summary>
public abstract class AuditUnitTests(HimayaApp app)
{
    [Fact]
    public async Task A_line_of_its_own_refuses_to_save_a_callers_unsaved_change_and_a_transaction_line_needs_a_transaction()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var id = (await TestData.CreateChildAsync(worker, TestData.Child(surname: "Auditov"))).GetProperty("id").GetGuid();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var before = await db.AuditEntries.CountAsync();

        // A refused edit left in the context: recording the refusal must not save it.
        var child = await db.Children.SingleAsync(c => c.Id == id);
        child.Settlement = "Refused edit";
        var refusal = new AuditEvent(AuditActions.Denied, "child", id.ToString("D"), "test", false);
        await Should.ThrowAsync<InvalidOperationException>(() => audit.RecordAsync(null, refusal));
        db.ChangeTracker.Clear();
        (await db.Children.AsNoTracking().SingleAsync(c => c.Id == id)).Settlement.ShouldNotBe("Refused edit");

        await Should.ThrowAsync<InvalidOperationException>(() => audit.RecordInTransactionAsync(null, refusal));
        (await db.AuditEntries.CountAsync()).ShouldBe(before);

        // Inside a transaction that rolls back, the line goes with the change; alone, it stays.
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await Should.ThrowAsync<InvalidOperationException>(() => audit.RecordAsync(null, refusal));
            await audit.RecordInTransactionAsync(null, refusal);
            await tx.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        (await db.AuditEntries.CountAsync()).ShouldBe(before);
        await audit.RecordAsync(null, refusal);
        (await db.AuditEntries.CountAsync()).ShouldBe(before + 1);
    }
}
