using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Himaya.Features.Community;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(MonitoringOnSqliteCollection.Name)]
public sealed class CommunityOnSqlite(SqliteApp app) : CommunityTests(app);
[Collection(MonitoringOnPostgresCollection.Name)]
public sealed class CommunityOnPostgres(PostgresApp app) : CommunityTests(app);

/// <summary>
/// Community programmes through the API: defined with targets, contacts recorded for children of the registry, and
/// progress that counts each child once (however many contacts, and merged duplicates as one); refusals named, nothing kept.
/// </summary>
public abstract class CommunityTests(HimayaApp app)
{
    private async Task<JsonElement> PostAsync(string user, string url, object body, HttpStatusCode expected)
    {
        var res = await (await app.ClientForAsync(user)).PostAsJsonAsync(url, body);
        res.StatusCode.ShouldBe(expected, await res.Content.ReadAsStringAsync());
        var text = await res.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<int> ProgrammeAsync(params object[] targets) =>
        (await PostAsync("analyst", "/api/v1/programmes", new
        {
            name = "ECD counselling, Ganja " + Guid.NewGuid().ToString("N")[..4], activityTypes = new[] { "CounsellingSession", "GroupSession" },
            districts = new[] { "C-GAN", "C-SIR" }, targets,
        }, HttpStatusCode.Created)).GetProperty("id").GetInt32();

    private async Task<Guid> ChildAsync(string district = "C-GAN") =>
        (await TestData.CreateChildAsync(await app.ClientForAsync(district == "C-GAN" ? "worker.ganja" : "worker.shirvan"), TestData.Child(district, surname: "İcmalı")))
            .GetProperty("id").GetGuid();

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");

    private async Task<Dictionary<string, JsonElement>> ProgressAsync(int id, string? period = null) =>
        (await (await app.ClientForAsync("analyst")).GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}/progress{(period is null ? "" : "?period=" + period)}"))
            .GetProperty("districts").EnumerateArray().ToDictionary(d => d.GetProperty("districtCode").GetString()!);

    [Fact]
    public async Task Progress_counts_each_child_once_however_many_contacts_and_a_merged_duplicate_as_its_record()
    {
        var year = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = await ProgrammeAsync(new { districtCode = "C-GAN", period = year, uniqueChildren = 4 }, new { districtCode = "C-SIR", period = year + "Q1", uniqueChildren = 10 });
        var (a, b, duplicateOfA) = (await ChildAsync(), await ChildAsync(), await ChildAsync());
        await PostAsync("worker.ganja", $"/api/v1/programmes/{id}/contacts", new { activityType = "GroupSession", date = Today, districtCode = "C-GAN", children = new[] { a, b } }, HttpStatusCode.Created);
        await PostAsync("worker.ganja", $"/api/v1/programmes/{id}/contacts", new { activityType = "CounsellingSession", date = Today, districtCode = "C-GAN", children = new[] { a, a } }, HttpStatusCode.Created);
        await PostAsync("worker.ganja", $"/api/v1/programmes/{id}/contacts", new { activityType = "CounsellingSession", date = Today, districtCode = "C-GAN", children = new[] { duplicateOfA } }, HttpStatusCode.Created);
        (await ProgressAsync(id))["C-GAN"].GetProperty("reached").GetInt32().ShouldBe(3);
        // The third child turns out to be the first, registered twice: merged, the two count as one.
        await using (var db = app.NewDbContext())
        {
            var dup = await db.Children.SingleAsync(c => c.Id == duplicateOfA);
            dup.MergedIntoId = a;
            await db.SaveChangesAsync();
        }
        var ganja = (await ProgressAsync(id))["C-GAN"];
        (ganja.GetProperty("reached").GetInt32(), ganja.GetProperty("target").GetInt32(), ganja.GetProperty("share").GetDecimal()).ShouldBe((2, 4, 50.0m));
        var shirvan = (await ProgressAsync(id))["C-SIR"];
        (shirvan.GetProperty("reached").GetInt32(), shirvan.GetProperty("target").GetInt32()).ShouldBe((0, 10));
        // A period counts the contacts within it against its own target.
        (await ProgressAsync(id, (DateTime.UtcNow.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))["C-GAN"].GetProperty("reached").GetInt32().ShouldBe(0);
        (await ProgressAsync(id, year))["C-GAN"].GetProperty("target").GetInt32().ShouldBe(4);
        (await (await app.ClientForAsync("analyst")).GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}")).GetProperty("childrenReached").GetInt32().ShouldBe(2);
        // Broken down by sex (the test children are boys) and by age group: the same two children.
        var analyst = await app.ClientForAsync("analyst");
        var bySex = await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}/progress?by=sex");
        bySex.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("districtCode").GetString(), g.GetProperty("group").GetString(), g.GetProperty("reached").GetInt32()))
            .ShouldBe([("C-GAN", "M", 2)]);
        (await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}/progress?by=age")).GetProperty("groups").EnumerateArray()
            .Sum(g => g.GetProperty("reached").GetInt32()).ShouldBe(2);
        var bad = await analyst.GetAsync($"/api/v1/programmes/{id}/progress?by=colour&period=2026Q9");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["by", "period"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_bad_programme_is_named_field_by_field_and_nothing_is_created()
    {
        int before;
        await using (var db = app.NewDbContext()) before = await db.Set<Programme>().CountAsync();
        var bad = await PostAsync("analyst", "/api/v1/programmes", new
        {
            name = "", activityTypes = new[] { "CounsellingSession", "Knitting" }, districts = new[] { "C-GAN", "NOWHERE" },
            targets = new object[] { new { districtCode = "C-BAK", period = "2026", uniqueChildren = 5 }, new { districtCode = "C-GAN", period = "2026-13", uniqueChildren = 0 } },
        }, HttpStatusCode.BadRequest);
        bad.CodesOf("name").ShouldBe(["field.required"]);
        bad.CodesOf("activityTypes[1]").ShouldBe(["field.one-of"]);
        bad.CodesOf("districts[1]").ShouldBe(["field.unknown-district"]);
        bad.CodesOf("targets[0].districtCode").ShouldBe(["community.district-not-covered"]);
        bad.CodesOf("targets[1].period").ShouldBe(["community.period"]);
        bad.CodesOf("targets[1].uniqueChildren").ShouldBe(["field.whole-number"]);
        await PostAsync("worker.ganja", "/api/v1/programmes", new { name = "x", activityTypes = new[] { "HomeVisit" }, districts = new[] { "C-GAN" } }, HttpStatusCode.Forbidden);
        await using (var db = app.NewDbContext()) (await db.Set<Programme>().CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_contact_outside_the_programme_the_recorders_area_or_sight_is_refused_whole()
    {
        var id = await ProgrammeAsync();
        var ganjaChild = await ChildAsync();
        var shirvanChild = await ChildAsync("C-SIR");
        int before;
        await using (var db = app.NewDbContext()) before = await db.Set<Contact>().CountAsync();
        var bad = await PostAsync("worker.ganja", $"/api/v1/programmes/{id}/contacts",
            new { activityType = "HomeVisit", date = "2999-01-01", districtCode = "C-GAN", children = new[] { ganjaChild, shirvanChild, Guid.NewGuid() } }, HttpStatusCode.BadRequest);
        bad.CodesOf("activityType").ShouldBe(["community.activity-not-run"]);
        bad.CodesOf("date").ShouldBe(["field.future-date"]);
        // The Shirvan child is out of the Ganja worker's sight, the third is no child at all: each named by its place.
        bad.CodesOf("children[1]").ShouldBe(["community.unknown-child"]);
        bad.CodesOf("children[2]").ShouldBe(["community.unknown-child"]);
        (await PostAsync("worker.ganja", $"/api/v1/programmes/{id}/contacts",
            new { activityType = "GroupSession", date = Today, districtCode = "C-SIR", children = new[] { ganjaChild } }, HttpStatusCode.BadRequest))
            .CodesOf("districtCode").ShouldBe(["community.outside-area"]);
        (await PostAsync("worker.ganja", $"/api/v1/programmes/{id}/contacts",
            new { activityType = "GroupSession", date = Today, districtCode = "C-GAN", children = Array.Empty<Guid>() }, HttpStatusCode.BadRequest))
            .CodesOf("children").ShouldBe(["community.children-required"]);
        await PostAsync("monitor.ganja", $"/api/v1/programmes/{id}/contacts",
            new { activityType = "GroupSession", date = Today, districtCode = "C-GAN", children = new[] { ganjaChild } }, HttpStatusCode.Forbidden);
        await using (var db = app.NewDbContext()) (await db.Set<Contact>().CountAsync()).ShouldBe(before);
        var made = await PostAsync("worker.ganja", $"/api/v1/programmes/{id}/contacts",
            new { activityType = "GroupSession", date = Today, districtCode = "C-GAN", children = new[] { ganjaChild } }, HttpStatusCode.Created);
        await using (var db = app.NewDbContext())
            (await db.AuditEntries.AnyAsync(e => e.EntityType == "contact" && e.EntityId == made.GetProperty("id").GetString())).ShouldBeTrue();
    }
}
