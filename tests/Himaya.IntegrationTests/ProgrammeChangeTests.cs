using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Himaya.Features.Community;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(MonitoringOnSqliteCollection.Name)]
public sealed class ProgrammeChangeOnSqlite(SqliteApp app) : ProgrammeChangeTests(app);
[Collection(MonitoringOnPostgresCollection.Name)]
public sealed class ProgrammeChangeOnPostgres(PostgresApp app) : ProgrammeChangeTests(app);

/// <summary>
/// A programme after it starts: caregivers who come for their children, the programme changed under its version, and
/// its children's screening scores over time — through the API, refusals named and nothing kept.
/// </summary>
public abstract class ProgrammeChangeTests(HimayaApp app)
{
    private async Task<JsonElement> SendAsync(string user, HttpMethod method, string url, object body, HttpStatusCode expected)
    {
        var res = await (await app.ClientForAsync(user)).SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });
        var text = await res.Content.ReadAsStringAsync();
        res.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<JsonElement> PostAsync(string user, string url, object body, HttpStatusCode expected) => SendAsync(user, HttpMethod.Post, url, body, expected);

    private static object Body(string name, string[] activities, string[] districts, object[] targets, int? version = null, int? providerId = null) =>
        new { name, activityTypes = activities, districts, targets, version, providerId };

    private async Task<int> ProgrammeAsync() =>
        (await PostAsync("analyst", "/api/v1/programmes", Body("ECD counselling " + Guid.NewGuid().ToString("N")[..4], ["CounsellingSession", "GroupSession"], ["C-GAN", "C-SIR"],
            [new { districtCode = "C-GAN", period = "2026", uniqueChildren = 50 }]), HttpStatusCode.Created)).GetProperty("id").GetInt32();

    private async Task<Guid> ChildAsync() =>
        (await TestData.CreateChildAsync(await app.ClientForAsync("worker.ganja"), TestData.Child("C-GAN", surname: "Baxıcılı"))).GetProperty("id").GetGuid();

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");

    private async Task<JsonElement> GanjaAsync(int id) =>
        (await (await app.ClientForAsync("analyst")).GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}/progress")).GetProperty("districts").EnumerateArray()
            .Single(d => d.GetProperty("districtCode").GetString() == "C-GAN");

    [Fact]
    public async Task A_caregiver_who_comes_reaches_their_child_and_counts_once_as_a_caregiver()
    {
        var id = await ProgrammeAsync();
        var (a, b) = (await ChildAsync(), await ChildAsync());
        var url = $"/api/v1/programmes/{id}/contacts";
        // A came with her mother; only B's mother came (counselling reaches the baby through her).
        var first = await PostAsync("worker.ganja", url, new
        {
            activityType = "CounsellingSession", date = Today, districtCode = "C-GAN", children = new[] { a },
            caregivers = new[] { new { childId = a, relationship = "Mother" }, new { childId = b, relationship = "Mother" }, new { childId = b, relationship = "Mother" } },
        }, HttpStatusCode.Created);
        (first.GetProperty("children").GetInt32(), first.GetProperty("caregivers").GetInt32()).ShouldBe((2, 2));
        await PostAsync("worker.ganja", url, new { activityType = "GroupSession", date = Today, districtCode = "C-GAN", caregivers = new[] { new { childId = a, relationship = "mother" } } },
            HttpStatusCode.Created);
        var ganja = await GanjaAsync(id);
        (ganja.GetProperty("reached").GetInt32(), ganja.GetProperty("caregivers").GetInt32()).ShouldBe((2, 2));
        await PostAsync("worker.ganja", url, new { activityType = "GroupSession", date = Today, districtCode = "C-GAN", caregivers = new[] { new { childId = a, relationship = "Father" } } },
            HttpStatusCode.Created);
        (await GanjaAsync(id)).GetProperty("caregivers").GetInt32().ShouldBe(3);
        await using (var db = app.NewDbContext())
        {
            var rows = await db.Set<ContactChild>().Where(x => x.ChildId == b).ToListAsync();
            rows.Single().ChildPresent.ShouldBeFalse();
            rows.Single().CaregiverList.ShouldBe([CaregiverRelation.Mother]);
            (await db.Set<Participant>().AnyAsync(x => x.ProgrammeId == id && x.ChildId == b)).ShouldBeTrue();
        }
        // Bad items named by place; nothing kept.
        int before;
        await using (var db = app.NewDbContext()) before = await db.Set<Contact>().CountAsync();
        var bad = await PostAsync("worker.ganja", url, new
        {
            activityType = "GroupSession", date = Today, districtCode = "C-GAN",
            caregivers = new object[] { new { childId = a, relationship = "Neighbour" }, new { relationship = "Mother" }, new { childId = Guid.NewGuid(), relationship = "Father" } },
        }, HttpStatusCode.BadRequest);
        bad.CodesOf("caregivers[0].relationship").ShouldBe(["field.one-of"]);
        bad.CodesOf("caregivers[1].childId").ShouldBe(["field.required"]);
        bad.CodesOf("caregivers[2].childId").ShouldBe(["community.unknown-child"]);
        (await PostAsync("worker.ganja", url, new { activityType = "GroupSession", date = Today, districtCode = "C-GAN", caregivers = Array.Empty<object>() }, HttpStatusCode.BadRequest))
            .CodesOf("children").ShouldBe(["community.children-required"]);
        await using (var db = app.NewDbContext()) (await db.Set<Contact>().CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_programme_is_changed_under_its_version_and_keeps_what_its_contacts_use()
    {
        var id = await ProgrammeAsync();
        var child = await ChildAsync();
        await PostAsync("worker.ganja", $"/api/v1/programmes/{id}/contacts", new { activityType = "GroupSession", date = Today, districtCode = "C-GAN", children = new[] { child } },
            HttpStatusCode.Created);
        int ngo;
        await using (var db = app.NewDbContext()) ngo = await db.Set<Himaya.Features.Services.Provider>().Where(p => p.Name == "Ganja Children's NGO").Select(p => p.Id).SingleAsync();
        var url = $"/api/v1/programmes/{id}";
        var year = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Taking away the activity and the district its contact used is refused, by item; so is a missing version.
        var bad = await SendAsync("analyst", HttpMethod.Put, url, Body("Renamed", ["CounsellingSession"], ["C-SIR"], []), HttpStatusCode.BadRequest);
        bad.CodesOf("version").ShouldBe(["field.required"]);
        bad = await SendAsync("analyst", HttpMethod.Put, url, Body("Renamed", ["CounsellingSession"], ["C-SIR"], [], version: 1), HttpStatusCode.BadRequest);
        bad.CodesOf("activityTypes").ShouldBe(["community.activity-in-use"]);
        bad.CodesOf("districts").ShouldBe(["community.district-in-use"]);
        await SendAsync("worker.ganja", HttpMethod.Put, url, Body("Renamed", ["GroupSession"], ["C-GAN"], [], version: 1), HttpStatusCode.Forbidden);
        // Ganja's coordinator plans in Ganja: not a programme that also works in Shirvan, nor a new one there.
        (await SendAsync("coordinator.ganja", HttpMethod.Put, url, Body("Renamed", ["GroupSession"], ["C-GAN", "C-SIR"], [], version: 1), HttpStatusCode.Forbidden))
            .GetProperty("code").GetString().ShouldBe("community.programme-outside-area");
        (await PostAsync("coordinator.ganja", "/api/v1/programmes", Body("Shirvan too", ["GroupSession"], ["C-GAN", "C-SIR"], []), HttpStatusCode.BadRequest))
            .CodesOf("districts[1]").ShouldBe(["community.outside-area"]);
        var unchanged = await (await app.ClientForAsync("analyst")).GetFromJsonAsync<JsonElement>(url);
        (unchanged.GetProperty("version").GetInt32(), unchanged.GetProperty("districts").GetArrayLength(), unchanged.GetProperty("targets").GetArrayLength()).ShouldBe((1, 2, 1));
        // Changed: renamed, the NGO delivers it, a district and activity added, targets replaced.
        var changed = await SendAsync("analyst", HttpMethod.Put, url, Body("ECD and youth, Ganja", ["GroupSession", "YouthSession"], ["C-GAN", "C-MIN"],
            [new { districtCode = "C-GAN", period = year + "Q4", uniqueChildren = 30 }, new { districtCode = "C-MIN", period = year, uniqueChildren = 80 }], version: 1, providerId: ngo), HttpStatusCode.OK);
        (changed.GetProperty("name").GetString(), changed.GetProperty("version").GetInt32(), changed.GetProperty("provider").GetString()).ShouldBe(("ECD and youth, Ganja", 2, "Ganja Children's NGO"));
        changed.GetProperty("targets").EnumerateArray().Select(t => (t.GetProperty("districtCode").GetString(), t.GetProperty("uniqueChildren").GetInt32())).ShouldBe([("C-GAN", 30), ("C-MIN", 80)]);
        (await GanjaAsync(id)).GetProperty("reached").GetInt32().ShouldBe(1);
        // Sent again on the version read before: refused with the programme as it is now.
        var stale = await SendAsync("analyst", HttpMethod.Put, url, Body("Stale", ["GroupSession"], ["C-GAN"], [], version: 1), HttpStatusCode.Conflict);
        stale.GetProperty("code").GetString().ShouldBe("community.changed-since");
        await using (var db = app.NewDbContext())
        {
            (await db.Set<Programme>().SingleAsync(p => p.Id == id)).Name.ShouldBe("ECD and youth, Ganja");
            (await db.AuditEntries.CountAsync(e => e.EntityType == "programme" && e.EntityId == id.ToString() && e.Action == "update")).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Outcomes_follow_each_childs_first_and_latest_screening_a_merged_duplicate_as_its_record()
    {
        var id = await ProgrammeAsync();
        var (a, b, dupOfA) = (await ChildAsync(), await ChildAsync(), await ChildAsync());
        var others = new List<Guid>();
        for (var n = 0; n < 4; n++) others.Add(await ChildAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var db = app.NewDbContext())
        {
            // Scores as recorded (the instrument's scoring is tested on its own): the outreach screening, threshold 6.
            Screening S(Guid child, int daysAgo, int score) => new()
            {
                Id = Guid.NewGuid(), ChildId = child, Instrument = "outreach-vulnerability", Version = 1, Date = today.AddDays(-daysAgo), AgeMonths = 60, Answers = "{}",
                Score = score, Concern = score >= 6, ProgrammeId = id, At = DateTime.UtcNow, ById = 1,
            };
            db.AddRange(S(dupOfA, 90, 8), S(a, 10, 3), S(b, 60, 4), S(b, 5, 6));
            db.AddRange(others.SelectMany(o => new[] { S(o, 40, 5), S(o, 4, 5) }));
            await db.SaveChangesAsync();
            (await db.Children.SingleAsync(x => x.Id == dupOfA)).MergedIntoId = a;
            await db.SaveChangesAsync();
        }
        var analyst = await app.ClientForAsync("analyst");
        var o = (await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}/outcomes")).GetProperty("instruments").EnumerateArray().Single();
        o.GetProperty("instrument").GetString().ShouldBe("outreach-vulnerability");
        // Six children screened twice (the merged duplicate's first screening is its record's): means over them; the
        // counts of one child (one improved, one worse, one at the threshold) are hidden as too few.
        (o.GetProperty("screened").GetInt32(), o.GetProperty("rescreened").GetInt32()).ShouldBe((6, 6));
        (o.GetProperty("firstMean").GetDecimal(), o.GetProperty("latestMean").GetDecimal()).ShouldBe((5.3m, 4.8m));
        foreach (var hidden in new[] { "improved", "worsened", "concernFirst", "concernLatest", "concernNow" }) o.GetProperty(hidden).ValueKind.ShouldBe(JsonValueKind.Null);
        var bad = await analyst.GetAsync($"/api/v1/programmes/{id}/outcomes?period=2026Q7");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await app.ClientForAsync("teacher.ganja")).GetAsync($"/api/v1/programmes/{id}/outcomes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await analyst.GetAsync("/api/v1/programmes/999999/outcomes")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_session_recorded_by_mistake_is_taken_back_by_its_recorder_and_the_children_no_longer_count_through_it()
    {
        var id = await ProgrammeAsync();
        var (a, b) = (await ChildAsync(), await ChildAsync());
        var made = await PostAsync("worker.ganja", $"/api/v1/programmes/{id}/contacts", new
        {
            activityType = "GroupSession", date = Today, districtCode = "C-GAN", children = new[] { a }, caregivers = new[] { new { childId = b, relationship = "Mother" } },
        }, HttpStatusCode.Created);
        var contact = made.GetProperty("id").GetGuid();
        var listed = (await (await app.ClientForAsync("worker.ganja")).GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}/contacts")).EnumerateArray().Single();
        (listed.GetProperty("children").GetInt32(), listed.GetProperty("caregivers").GetInt32(), listed.GetProperty("removable").GetBoolean()).ShouldBe((2, 1, true));
        (await GanjaAsync(id)).GetProperty("reached").GetInt32().ShouldBe(2);
        // Out of the Shirvan worker's area: not listed, not found; a colleague in Ganja may not take it back (409).
        (await (await app.ClientForAsync("worker.shirvan")).GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}/contacts")).GetArrayLength().ShouldBe(0);
        (await (await app.ClientForAsync("worker.shirvan")).DeleteAsync($"/api/v1/programmes/{id}/contacts/{contact}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var colleague = await (await app.ClientForAsync("supervisor.ganja")).DeleteAsync($"/api/v1/programmes/{id}/contacts/{contact}");
        colleague.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await colleague.JsonAsync()).GetProperty("code").GetString().ShouldBe("community.contact-not-yours");
        (await (await app.ClientForAsync("supervisor.ganja")).GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}/contacts"))[0].GetProperty("removable").GetBoolean().ShouldBeFalse();
        // The recorder takes it back: nobody is reached through it any more; the removal is audited with who it reached.
        (await (await app.ClientForAsync("worker.ganja")).DeleteAsync($"/api/v1/programmes/{id}/contacts/{contact}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var ganja = await GanjaAsync(id);
        (ganja.GetProperty("reached").GetInt32(), ganja.GetProperty("caregivers").GetInt32()).ShouldBe((0, 0));
        (await (await app.ClientForAsync("worker.ganja")).DeleteAsync($"/api/v1/programmes/{id}/contacts/{contact}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = app.NewDbContext();
        (await db.Set<ContactChild>().AnyAsync(x => x.ContactId == contact)).ShouldBeFalse();
        // They joined the programme by this contact alone: no longer its participants.
        (await db.Set<Participant>().CountAsync(x => x.ProgrammeId == id)).ShouldBe(0);
        var line = await db.AuditEntries.SingleAsync(e => e.EntityType == "contact" && e.EntityId == contact.ToString() && e.Action == "delete");
        line.Detail!.ShouldContain(b.ToString());
    }
}
