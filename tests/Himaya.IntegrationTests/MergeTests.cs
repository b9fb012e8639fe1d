using Himaya.Features.Linkage;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Himaya.IntegrationTests;

public sealed class MergesOnSqlite(SqliteApp app) : MergeTests(app), IClassFixture<SqliteApp>;
public sealed class MergesOnPostgres(PostgresApp app) : MergeTests(app), IClassFixture<PostgresApp>;

/// <summary>Two records of one child become one, keeping every source record and its provenance; an unmerge restores the state exactly.</summary>
public abstract class MergeTests(HimayaApp app)
{
    [Fact]
    public async Task Merging_keeps_the_source_records_under_one_child_and_unmerging_restores_both()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var tag = new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + (c % 20))).ToArray());
        var survivor = TestData.Child(district: "C-GAN", surname: "Birləşov" + tag, givenName: "Anar");
        var survivorId = (await TestData.CreateChildAsync(ganja, survivor)).GetProperty("id").GetString()!;
        // The duplicate arrived from a school list (so it has a source record), registered as a child of its own.
        var content = ImportTests.Csv($"S-9,Birlesli{tag},Anar,,M,{DateTime.UtcNow.AddYears(-3):02.MM.yyyy},,C-GAN");
        var import = await (await ganja.PostAsJsonAsync("/api/v1/imports", new { source = "Merge school " + tag, fileName = "m.csv", content, mapping = ImportTests.Mapping })).JsonAsync();
        import.GetProperty("created").GetInt32().ShouldBe(1);
        var duplicateId = (await (await ganja.GetAsync($"/api/v1/children?q=Birlesli{tag}")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString()!;
        var before = await (await ganja.GetAsync($"/api/v1/children/{duplicateId}")).Content.ReadAsStringAsync();

        (await ganja.PostAsJsonAsync($"/api/v1/children/{survivorId}/merge", new { duplicateId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var res = await supervisor.PostAsJsonAsync($"/api/v1/children/{survivorId}/merge", new { duplicateId });
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        var merge = await res.JsonAsync();
        merge.GetProperty("movedSourceRecords").GetInt32().ShouldBe(1);

        var sources = await (await ganja.GetAsync($"/api/v1/children/{survivorId}/sources")).JsonAsync();
        var source = sources.GetProperty("sources").EnumerateArray().Single();
        (source.GetProperty("source").GetString(), source.GetProperty("sourceRecordId").GetString(), source.GetProperty("row").GetInt32()).ShouldBe(("Merge school " + tag, "S-9", 1));
        (await ganja.GetAsync($"/api/v1/children/{duplicateId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await ganja.GetAsync($"/api/v1/children?q=Birlesli{tag}")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(0);

        // Unmerge: the duplicate is back exactly as it was (but for its version), with its source record.
        var unmerge = await supervisor.PostAsJsonAsync($"/api/v1/children/{survivorId}/unmerge", new { mergeId = merge.GetProperty("id").GetInt64() });
        unmerge.StatusCode.ShouldBe(HttpStatusCode.OK, await unmerge.Content.ReadAsStringAsync());
        var after = await (await ganja.GetAsync($"/api/v1/children/{duplicateId}")).Content.ReadAsStringAsync();
        Strip(after).ShouldBe(Strip(before));
        (await (await ganja.GetAsync($"/api/v1/children/{survivorId}/sources")).JsonAsync()).GetProperty("sources").GetArrayLength().ShouldBe(0);
        (await (await ganja.GetAsync($"/api/v1/children/{duplicateId}/sources")).JsonAsync()).GetProperty("sources").GetArrayLength().ShouldBe(1);
        var again = await supervisor.PostAsJsonAsync($"/api/v1/children/{survivorId}/unmerge", new { mergeId = merge.GetProperty("id").GetInt64() });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.JsonAsync()).Code().ShouldBe("merge.already-undone");

        await using var db = app.NewDbContext();
        db.AuditEntries.Count(a => a.Action == "merge" && a.EntityId == survivorId).ShouldBe(1);
        db.AuditEntries.Count(a => a.Action == "unmerge" && a.EntityId == survivorId).ShouldBe(1);
    }

    /// <summary>The child as read, without the version (which every change moves on).</summary>
    private static string Strip(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("version");
        node.Remove("updatedAt");
        return node.ToJsonString();
    }

    [Fact]
    public async Task Two_records_with_different_FINs_are_not_merged()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var a = TestData.Child(district: "C-GAN", surname: "Finliyev", givenName: "Tural");
        a["fin"] = "1A2B3C4";
        var b = TestData.Child(district: "C-GAN", surname: "Finliyev", givenName: "Tural");
        b["fin"] = "5D6E7F8";
        var idA = (await TestData.CreateChildAsync(ganja, a)).GetProperty("id").GetString();
        var idB = (await TestData.CreateChildAsync(ganja, b)).GetProperty("id").GetString();
        var res = await supervisor.PostAsJsonAsync($"/api/v1/children/{idA}/merge", new { duplicateId = idB });
        res.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await res.JsonAsync();
        problem.Code().ShouldBe("merge.different-fins");
        problem.GetProperty("title").GetString().ShouldBe("The two records have different FINs: they are two children.");
        (await ganja.GetAsync($"/api/v1/children/{idB}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrongly_linked_imported_record_is_split_off_into_a_child_of_its_own()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var tag = new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + (c % 20))).ToArray());
        var row = $"R-1,Ayrılova{tag},Səbinə,Kamal qızı,F,{DateTime.UtcNow.AddYears(-5):19.MM.yyyy},,C-GAN";
        (await (await ganja.PostAsJsonAsync("/api/v1/imports", new { source = "Split A " + tag, fileName = "a.csv", content = ImportTests.Csv(row), mapping = ImportTests.Mapping })).JsonAsync())
            .GetProperty("created").GetInt32().ShouldBe(1);
        (await (await ganja.PostAsJsonAsync("/api/v1/imports", new { source = "Split B " + tag, fileName = "b.csv", content = ImportTests.Csv(row), mapping = ImportTests.Mapping })).JsonAsync())
            .GetProperty("linked").GetInt32().ShouldBe(1);
        var childId = (await (await ganja.GetAsync($"/api/v1/children?q=Ayrilova{tag}")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString()!;
        var sources = (await (await ganja.GetAsync($"/api/v1/children/{childId}/sources")).JsonAsync()).GetProperty("sources").EnumerateArray().ToList();
        sources.Count.ShouldBe(2);
        var second = sources.Single(x => x.GetProperty("source").GetString() == "Split B " + tag).GetProperty("id").GetInt64();

        (await ganja.PostAsJsonAsync($"/api/v1/children/{childId}/split", new { sourceRecordId = second })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var res = await supervisor.PostAsJsonAsync($"/api/v1/children/{childId}/split", new { sourceRecordId = second });
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        var newId = (await res.JsonAsync()).GetProperty("id").GetString();
        newId.ShouldNotBe(childId);
        (await (await ganja.GetAsync($"/api/v1/children/{childId}/sources")).JsonAsync()).GetProperty("sources").GetArrayLength().ShouldBe(1);
        (await (await ganja.GetAsync($"/api/v1/children/{newId}/sources")).JsonAsync()).GetProperty("sources").GetArrayLength().ShouldBe(1);
        await using var db = app.NewDbContext();
        db.MatchDecisions.Single(d => d.SourceRecordId == second).Decision.ShouldBe(Himaya.Features.Linkage.ReviewDecision.NotMatch);
    }

    [Theory]
    [InlineData("merge", "{}", "duplicateId", "merge.duplicate-required")]
    [InlineData("unmerge", "{}", "mergeId", "merge.merge-required")]
    [InlineData("unmerge", """{"mergeId":999999}""", "mergeId", "merge.no-such-merge")]
    [InlineData("distinct", "{}", "otherId", "merge.other-required")]
    public async Task A_bad_request_names_the_field(string verb, string json, string field, string code)
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var id = (await TestData.CreateChildAsync(ganja, TestData.Child(surname: "Sahəliyev"))).GetProperty("id").GetString();
        var res = await supervisor.PostAsync($"/api/v1/children/{id}/{verb}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await res.JsonAsync();
        problem.ErrorFields().ShouldContain(field);
        problem.CodesOf(field).ShouldBe([code]);
    }
}
