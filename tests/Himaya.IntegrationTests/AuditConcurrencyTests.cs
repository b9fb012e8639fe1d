using System.Net;
using System.Net.Http.Json;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.IntegrationTests;

// Own databases: the counts below are exact.
public sealed class AuditLoadSqliteApp : SqliteApp { protected override int DemoChildren => 0; }
public sealed class AuditLoadPostgresApp : PostgresApp { protected override int DemoChildren => 0; }
public sealed class AuditConcurrencyOnSqlite(AuditLoadSqliteApp app) : AuditConcurrencyTests(app), IClassFixture<AuditLoadSqliteApp>;
public sealed class AuditConcurrencyOnPostgres(AuditLoadPostgresApp app) : AuditConcurrencyTests(app), IClassFixture<AuditLoadPostgresApp>;

/// <summary>
/// Many requests at once, reads (batched by the audit writer on PostgreSQL) and writes (appended in their own
/// transaction) mixed: every one has its line when its answer arrives, and the chain stays whole.
/// </summary>
public abstract class AuditConcurrencyTests(HimayaApp app)
{
    [Fact]
    public async Task Concurrent_reads_and_writes_each_get_their_line_before_the_answer_and_the_chain_stays_intact()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var coordinator = await app.ClientForAsync("coordinator.ganja");
        var id = (await TestData.CreateChildAsync(worker, TestData.Child(surname: "Növbəyev"))).GetProperty("id").GetString()!;
        const int reads = 24, writes = 4; // within the connections a test server has beside the other test classes
        var requests = Enumerable.Range(0, reads).Select(i => (i % 2 == 0 ? worker : coordinator).GetAsync($"/api/v1/children/{id}"))
            .Concat(Enumerable.Range(0, writes).Select(i => worker.PostAsJsonAsync("/api/v1/children", TestData.Child(surname: "Növbəyev" + new string('a', i + 1)))));
        var answers = await Task.WhenAll(requests);
        var odd = string.Join(" | ", await Task.WhenAll(answers.Where(r => r.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
            .Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")));
        odd.ShouldBeEmpty();
        answers.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(reads);
        answers.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(writes);

        // Read at once, after the answers: a line acknowledged is a line committed.
        await using (var db = app.NewDbContext())
        {
            (await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Read && a.EntityType == "child" && a.EntityId == id)).ShouldBe(reads);
            (await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Create && a.EntityType == "child")).ShouldBe(writes + 1);
        }
        var auditor = await app.ClientForAsync("auditor");
        var verify = await (await auditor.PostAsync("/api/v1/audit/verify", null)).JsonAsync();
        verify.GetProperty("intact").GetBoolean().ShouldBeTrue(verify.ToString());
    }
}
