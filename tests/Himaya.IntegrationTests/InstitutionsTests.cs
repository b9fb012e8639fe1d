using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Himaya.Features.Demo;
using Himaya.Features.Institutions;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(MonitoringOnSqliteCollection.Name)]
public sealed class InstitutionsOnSqlite(SqliteApp app) : InstitutionsTests(app);
[Collection(MonitoringOnPostgresCollection.Name)]
public sealed class InstitutionsOnPostgres(PostgresApp app) : InstitutionsTests(app);

/// <summary>
/// Institution monitoring through the API: the register and the children it holds (counted from placements and
/// detentions), a visit from opening to report, interview notes kept to the monitor's mandate, the follow-up of a
/// recommendation between authority and monitor; each refusal named and nothing of it kept.
/// </summary>
public abstract class InstitutionsTests(HimayaApp app)
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");
    private static string NewName() => "Sınaq uşaq evi " + Guid.NewGuid().ToString("N")[..6];

    private async Task<JsonElement> SendAsync(string user, HttpMethod method, string url, object body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        var res = await (await app.ClientForAsync(user)).SendAsync(request);
        res.StatusCode.ShouldBe(expected, await res.Content.ReadAsStringAsync());
        var text = await res.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<JsonElement> PostAsync(string user, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) => SendAsync(user, HttpMethod.Post, url, body, expected);

    private async Task<JsonElement> GetAsync(string user, string url) => await (await app.ClientForAsync(user)).GetFromJsonAsync<JsonElement>(url);

    private async Task<int> RegisterAsync(string name, string kind = "ChildrensHome", int capacity = 2) =>
        (await PostAsync("coordinator.ganja", "/api/v1/institutions", new { name, kind, districtCode = "C-GAN", capacity, @operator = "Ministry of Education" }, HttpStatusCode.Created))
            .GetProperty("id").GetInt32();

    private async Task<string> OpenVisitAsync(int institution) =>
        (await PostAsync("monitor.ganja", $"/api/v1/institutions/{institution}/visits", new { visitedOn = Today, kind = "Unannounced", team = "Test team" }, HttpStatusCode.Created))
            .GetProperty("visit").GetProperty("id").GetString()!;

    private async Task<(int Visits, int Checks, int Interviews, int Findings, int Updates)> RowsAsync()
    {
        await using var db = app.NewDbContext();
        return (await db.Set<InstitutionVisit>().CountAsync(), await db.Set<VisitCheck>().CountAsync(), await db.Set<VisitInterview>().CountAsync(),
            await db.Set<VisitFinding>().CountAsync(), await db.Set<FindingUpdate>().CountAsync());
    }

    [Fact]
    public async Task Each_user_sees_the_register_of_their_area_and_a_monitor_only_their_mandate()
    {
        static string[] Names(JsonElement list) => [.. list.EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];
        var national = Names(await GetAsync("analyst", "/api/v1/institutions"));
        national.ShouldContain(DemoInstitutions.GanjaHome);
        national.ShouldContain(n => n.StartsWith("Bakı", StringComparison.Ordinal));
        var mandate = await GetAsync("monitor.ganja", "/api/v1/institutions");
        mandate.EnumerateArray().ShouldAllBe(i => i.GetProperty("districtCode").GetString() == "C-GAN");
        Names(mandate).ShouldContain(DemoInstitutions.GanjaHome);
        var baku = (await GetAsync("analyst", "/api/v1/institutions")).EnumerateArray().First(i => i.GetProperty("districtCode").GetString() == "C-BAK").GetProperty("id").GetInt32();
        (await (await app.ClientForAsync("monitor.ganja")).GetAsync($"/api/v1/institutions/{baku}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.ClientForAsync("coordinator.ganja")).GetAsync($"/api/v1/institutions/{baku}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The monitor's mandate is institutions: no registry figures, no children, no cases.
        (await (await app.ClientForAsync("monitor.ganja")).GetAsync("/api/v1/children")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.ClientForAsync("monitor.ganja")).GetAsync("/api/v1/indicators")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.ClientForAsync("worker.ganja")).GetAsync("/api/v1/institutions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_children_held_are_counted_from_current_placements_and_detentions_that_name_the_institution()
    {
        var name = NewName();
        var id = await RegisterAsync(name, capacity: 2);
        var worker = await app.ClientForAsync("worker.ganja");
        async Task<string> CaseAsync(string sex)
        {
            var child = TestData.Child(surname: "Müəssisəli");
            child["sex"] = sex;
            var childId = (await TestData.CreateChildAsync(worker, child)).GetProperty("id").GetString()!;
            return (await (await worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Care", concerns = new[] { "neglect" }, risk = "Low" })).JsonAsync()).GetProperty("id").GetString()!;
        }
        // Typed by a case worker: other case and doubled spaces still name the same institution.
        var placed = await CaseAsync("F");
        (await worker.PostAsJsonAsync($"/api/v1/cases/{placed}/placements", new { type = "SmallGroupHome", placeName = "  " + name.ToUpperInvariant().Replace(" ", "  ", StringComparison.Ordinal), startOn = Today }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var detained = await CaseAsync("M");
        var contact = await (await worker.PostAsJsonAsync($"/api/v1/cases/{detained}/justice", new { role = "Offender", matter = "Theft", contactOn = Today })).JsonAsync();
        var record = contact.GetProperty("justice")[0].GetProperty("id").GetInt64();
        (await worker.PostAsJsonAsync($"/api/v1/cases/{detained}/justice/{record}/detention", new { on = Today, text = name })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var elsewhere = await CaseAsync("F");
        (await worker.PostAsJsonAsync($"/api/v1/cases/{elsewhere}/placements", new { type = "SmallGroupHome", placeName = name + " 2", startOn = Today })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var held = (await GetAsync("monitor.ganja", $"/api/v1/institutions/{id}")).GetProperty("institution");
        var children = held.GetProperty("children");
        (children.GetProperty("total").GetInt32(), children.GetProperty("placed").GetInt32(), children.GetProperty("detained").GetInt32(),
            children.GetProperty("girls").GetInt32(), children.GetProperty("boys").GetInt32()).ShouldBe((2, 1, 1, 1, 1));
        held.GetProperty("occupancy").GetInt32().ShouldBe(100);
        // Counts only: nothing in the answer names or identifies a child.
        held.GetRawText().ShouldNotContain("Müəssisəli");
        held.GetRawText().ShouldNotContain(placed);

        // The placement form suggests the register's homes by name (detention centres are not homes).
        var form = await (await worker.GetAsync($"/cases/{elsewhere}")).Content.ReadAsStringAsync();
        form.ShouldContain("list=\"registered-places\"");
        form.ShouldContain($"<option value=\"{System.Net.WebUtility.HtmlEncode(name)}\">");
        form.ShouldNotContain("istintaq təcridxanası");
    }

    [Fact]
    public async Task A_bad_registration_is_named_field_by_field_and_registers_nothing()
    {
        var before = await CountAsync();
        var bad = await PostAsync("coordinator.ganja", "/api/v1/institutions", new { name = "", kind = "Orphanage", districtCode = "C-SIR", capacity = 0 }, HttpStatusCode.BadRequest);
        bad.CodesOf("name").ShouldBe(["field.required"]);
        bad.CodesOf("kind").ShouldBe(["field.one-of"]);
        bad.CodesOf("districtCode").ShouldBe(["institution.outside-scope"]);
        bad.CodesOf("capacity").ShouldBe(["institution.capacity"]);
        var name = NewName();
        await RegisterAsync(name);
        var twice = await PostAsync("coordinator.ganja", "/api/v1/institutions", new { name = " " + name.ToLowerInvariant() + " ", kind = "ChildrensHome", districtCode = "C-GAN", capacity = 5 }, HttpStatusCode.BadRequest);
        twice.CodesOf("name").ShouldBe(["institution.name-taken"]);
        await PostAsync("monitor.ganja", "/api/v1/institutions", new { name = NewName(), kind = "ChildrensHome", districtCode = "C-GAN", capacity = 5 }, HttpStatusCode.Forbidden);
        (await CountAsync()).ShouldBe(before + 1);
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.NewDbContext();
        return await db.Set<Institution>().CountAsync();
    }

    [Fact]
    public async Task An_edit_is_made_against_the_version_read_and_a_stale_one_is_refused()
    {
        var id = await RegisterAsync(NewName());
        var newName = NewName();
        var edited = await SendAsync("coordinator.ganja", HttpMethod.Put, $"/api/v1/institutions/{id}",
            new { name = newName, kind = "SmallGroupHome", districtCode = "C-GAN", capacity = 10, version = 0 }, HttpStatusCode.OK);
        (edited.GetProperty("name").GetString(), edited.GetProperty("kind").GetString(), edited.GetProperty("version").GetInt32()).ShouldBe((newName, "SmallGroupHome", 1));
        var stale = await SendAsync("coordinator.ganja", HttpMethod.Put, $"/api/v1/institutions/{id}",
            new { name = NewName(), kind = "SmallGroupHome", districtCode = "C-GAN", capacity = 10, version = 0 }, HttpStatusCode.Conflict);
        stale.Code().ShouldBe("institution.stale");
        (await GetAsync("analyst", $"/api/v1/institutions/{id}")).GetProperty("institution").GetProperty("name").GetString().ShouldBe(newName);
    }

    [Fact]
    public async Task A_visit_is_recorded_item_by_item_refused_whole_when_wrong_and_fixed_once_reported()
    {
        var id = await RegisterAsync(NewName());
        (await PostAsync("monitor.ganja", $"/api/v1/institutions/{id}/visits", new { visitedOn = "2999-01-01", kind = "Surprise" }, HttpStatusCode.BadRequest))
            .ErrorFields().ShouldBe(["kind", "team", "visitedOn"], ignoreOrder: true);
        var visit = await OpenVisitAsync(id);
        var url = $"/api/v1/institution-visits/{visit}";
        var before = await RowsAsync();

        // One good answer beside two bad ones: the whole list is refused, each bad one named by its place.
        var bad = await PostAsync("monitor.ganja", url + "/checklist", new
        {
            answers = new object[]
            {
                new { item = "care.plan", answer = "Met" },
                new { item = "det.separation", answer = "Met" },
                new { item = "care.complaints", answer = "NotMet" },
            },
        }, HttpStatusCode.BadRequest);
        bad.CodesOf("answers[1].item").ShouldBe(["institution.unknown-item"]);
        bad.CodesOf("answers[2].note").ShouldBe(["institution.note-needed"]);
        (await PostAsync("monitor.ganja", url + "/interviews", new { interviewee = "Child", notes = "Said nothing." }, HttpStatusCode.BadRequest))
            .ErrorFields().ShouldBe(["ageGroup", "consent"], ignoreOrder: true);
        (await PostAsync("monitor.ganja", url + "/findings", new { severity = "High", finding = "f", recommendation = "r", addressee = "Director", dueOn = "2000-01-01" }, HttpStatusCode.BadRequest))
            .CodesOf("dueOn").ShouldBe(["institution.due-before-visit"]);
        (await RowsAsync()).ShouldBe(before);

        var answered = await PostAsync("monitor.ganja", url + "/checklist", new
        {
            answers = Checklists.Care.Select(item => item == "care.complaints" ? new { item, answer = "NotMet", note = "No box." } : new { item, answer = "Met", note = (string)null! }).ToArray(),
        });
        answered.GetProperty("visit").GetProperty("answered").GetInt32().ShouldBe(Checklists.Care.Count);
        // Answering an item again replaces its answer.
        await PostAsync("monitor.ganja", url + "/checklist", new { answers = new[] { new { item = "care.complaints", answer = "PartlyMet", note = "A box, no key." } } });
        await PostAsync("monitor.ganja", url + "/interviews", new { interviewee = "Child", ageGroup = "15-17", consent = true, notes = "Private words about night staff." });
        var found = await PostAsync("monitor.ganja", url + "/findings", new { item = "care.complaints", severity = "High", finding = "No working route", recommendation = "Give every child a way", addressee = "Director", dueOn = Today });
        found.GetProperty("findings").GetArrayLength().ShouldBe(1);
        (await PostAsync("monitor.ganja", url + "/report", new { summary = "" }, HttpStatusCode.BadRequest)).CodesOf("summary").ShouldBe(["field.required"]);
        var reported = await PostAsync("monitor.ganja", url + "/report", new { summary = "Adequate care; complaints route missing." });
        reported.GetProperty("visit").GetProperty("status").GetString().ShouldBe("Reported");
        reported.GetProperty("checklist").EnumerateArray().Single(c => c.GetProperty("item").GetString() == "care.complaints").GetProperty("answer").GetString().ShouldBe("PartlyMet");

        var after = await RowsAsync();
        (await PostAsync("monitor.ganja", url + "/interviews", new { interviewee = "Staff", consent = true, notes = "Late." }, HttpStatusCode.Conflict)).Code().ShouldBe("institution.visit-reported");
        (await PostAsync("monitor.ganja", url + "/checklist", new { answers = new[] { new { item = "care.plan", answer = "NotSeen" } } }, HttpStatusCode.Conflict)).Code().ShouldBe("institution.visit-reported");
        (await RowsAsync()).ShouldBe(after);
    }

    [Fact]
    public async Task A_visit_is_not_reported_before_every_checklist_item_is_answered()
    {
        var visit = await OpenVisitAsync(await RegisterAsync(NewName(), kind: "PreTrialDetention"));
        var url = $"/api/v1/institution-visits/{visit}";
        // A detention centre has the detention checklist: a care item is not on it.
        (await PostAsync("monitor.ganja", url + "/checklist", new { answers = new[] { new { item = "care.plan", answer = "Met" } } }, HttpStatusCode.BadRequest))
            .CodesOf("answers[0].item").ShouldBe(["institution.unknown-item"]);
        await PostAsync("monitor.ganja", url + "/checklist", new { answers = new[] { new { item = "det.separation", answer = "Met" } } });
        var early = await PostAsync("monitor.ganja", url + "/report", new { summary = "Too soon" }, HttpStatusCode.BadRequest);
        early.CodesOf("checklist").ShouldBe(["institution.checklist-incomplete"]);
        early.ErrorsOf("checklist").Single().ShouldContain((Checklists.Detention.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await GetAsync("monitor.ganja", url)).GetProperty("visit").GetProperty("status").GetString().ShouldBe("Open");
    }

    [Fact]
    public async Task What_was_said_in_a_private_interview_stays_with_the_monitors_of_the_mandate()
    {
        var id = await RegisterAsync(NewName());
        var visit = await OpenVisitAsync(id);
        var url = $"/api/v1/institution-visits/{visit}";
        const string words = "Confidential: a staff member shouts at night.";
        await PostAsync("monitor.ganja", url + "/interviews", new { interviewee = "Child", ageGroup = "12-14", consent = true, notes = words });

        var monitor = await GetAsync("monitor.ganja", url);
        monitor.GetProperty("interviews")[0].GetProperty("notes").GetString().ShouldBe(words);
        foreach (var reader in new[] { "coordinator.ganja", "analyst", "admin", "auditor" })
        {
            var seen = await GetAsync(reader, url);
            seen.GetProperty("interviews")[0].GetProperty("notes").ValueKind.ShouldBe(JsonValueKind.Null, reader);
            seen.GetProperty("interviews")[0].GetProperty("ageGroup").GetString().ShouldBe("12-14");
            seen.GetRawText().ShouldNotContain("shouts");
        }
        // Neither the audit trail nor any list carries the words; the monitor's reading them is recorded.
        await using var db = app.NewDbContext();
        (await db.AuditEntries.AnyAsync(a => a.Detail != null && a.Detail.Contains("shouts"))).ShouldBeFalse();
        (await db.AuditEntries.AnyAsync(a => a.EntityType == "institution-visit" && a.EntityId == visit && a.Action == "read")).ShouldBeTrue();
        (await (await app.ClientForAsync("worker.ganja")).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_recommendation_is_answered_by_the_authority_and_verified_by_the_monitor()
    {
        var id = await RegisterAsync(NewName());
        var visit = await OpenVisitAsync(id);
        var found = await PostAsync("monitor.ganja", $"/api/v1/institution-visits/{visit}/findings",
            new { severity = "Medium", finding = "Plans late", recommendation = "Review plans", addressee = "Director", dueOn = Today });
        var finding = found.GetProperty("findings")[0].GetProperty("id").GetInt64();
        var url = $"/api/v1/institution-findings/{finding}";

        (await PostAsync("coordinator.ganja", url + "/response", new { status = "Verified", note = "" }, HttpStatusCode.BadRequest))
            .ErrorFields().ShouldBe(["note", "status"], ignoreOrder: true);
        await PostAsync("monitor.ganja", url + "/response", new { status = "Implemented", note = "x" }, HttpStatusCode.Forbidden);
        (await PostAsync("monitor.ganja", url + "/verification", new { confirmed = true, note = "Too early" }, HttpStatusCode.Conflict)).Code().ShouldBe("institution.nothing-to-verify");
        (await PostAsync("coordinator.ganja", url + "/response", new { status = "Implemented", note = "All plans reviewed." })).GetProperty("status").GetString().ShouldBe("Implemented");
        (await PostAsync("coordinator.ganja", url + "/response", new { status = "InProgress", note = "Again" }, HttpStatusCode.Conflict)).Code().ShouldBe("institution.awaits-verification");
        (await PostAsync("monitor.ganja", url + "/verification", new { confirmed = false, note = "Three plans still old." })).GetProperty("status").GetString().ShouldBe("Open");
        await PostAsync("coordinator.ganja", url + "/response", new { status = "Implemented", note = "The three are done." });
        var verified = await PostAsync("monitor.ganja", url + "/verification", new { confirmed = true, note = "Seen on the follow-up visit." });
        verified.GetProperty("status").GetString().ShouldBe("Verified");
        verified.GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("status").GetString()).ShouldBe(["Implemented", "Open", "Implemented", "Verified"]);
        (await PostAsync("coordinator.ganja", url + "/response", new { status = "InProgress", note = "More" }, HttpStatusCode.Conflict)).Code().ShouldBe("institution.follow-up-closed");

        var open = await GetAsync("coordinator.ganja", "/api/v1/institution-findings?open=true");
        open.EnumerateArray().ShouldNotContain(f => f.GetProperty("id").GetInt64() == finding);
        (await GetAsync("analyst", "/api/v1/institution-findings")).EnumerateArray().ShouldContain(f => f.GetProperty("id").GetInt64() == finding);
        await using var db = app.NewDbContext();
        (await db.AuditEntries.CountAsync(a => a.EntityType == "institution-finding" && a.EntityId == finding.ToString())).ShouldBe(4);
    }

    [Fact]
    public async Task The_share_of_institutions_visited_in_a_year_is_computed_as_the_register_and_visits_say()
    {
        await OpenVisitAsync(await RegisterAsync(NewName()));
        (await (await app.ClientForAsync("analyst")).PostAsync("/api/v1/indicators/compute", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        int all, visited;
        await using (var db = app.NewDbContext())
        {
            var since = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-1));
            var ids = await db.Set<InstitutionVisit>().Where(v => v.VisitedOn >= since).Select(v => v.InstitutionId).Distinct().ToListAsync();
            all = await db.Set<Institution>().CountAsync();
            visited = ids.Count;
        }
        var year = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var values = await GetAsync("analyst", $"/api/v1/indicators/{InstitutionIndicators.Visited}/values?place=AZE&from={year}&to={year}");
        values.GetProperty("values").EnumerateArray().Single().GetProperty("value").GetDecimal().ShouldBe(Math.Round(100m * visited / all, 1));
        visited.ShouldBeGreaterThan(0);
    }
}
