using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Himaya.Features.Cases;
using Himaya.Features.Registry;
using Himaya.Features.Violence;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

public sealed class VacResponseOnSqlite(VacSqliteApp app) : VacResponseTests(app), IClassFixture<VacSqliteApp>;
public sealed class VacResponseOnPostgres(VacPostgresApp app) : VacResponseTests(app), IClassFixture<VacPostgresApp>;

/// <summary>
/// What the response needed besides taking reports: coordination follow-ups, registering the reported child and opening
/// its case in one step, earlier reports during a call, and reports escalated to the person who must act.
/// </summary>
public abstract class VacResponseTests(HimayaApp app)
{
    private MovableClock Clock => ((IVacApp)app).Clock;
    private string Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

    private static string Unique(string stem) =>
        stem + new string([.. Guid.NewGuid().ToByteArray().Take(8).Select(b => "bdlmnrstvz"[b % 10])]);

    private static object Report(string district = "C-GAN", bool danger = false, object? child = null, string phone = "+994 50 123 45 67") => new
    {
        type = "Physical", description = "Bruises on his arms; says his uncle beats him.", districtCode = district, immediateDanger = danger,
        child = child ?? new { givenName = "Elvin", surname = Unique("Quliyev"), sex = "M", approximateAge = 9 },
        reporter = new { name = "Aysel Məmmədova", phone, relation = "neighbour" },
    };

    [Fact]
    public async Task A_follow_up_is_marked_done_by_its_owner_stays_on_later_agendas_until_then_and_a_member_who_left_is_history()
    {
        var coordinator = await app.ClientForAsync("coordinator.ganja");
        var member = await Created(coordinator.PostAsJsonAsync("/api/v1/vac/coordination/members", new { districtCode = "C-GAN", agency = "Ganja school 12", personName = Unique("Head") }));
        var memberId = member.GetProperty("id").GetInt32();
        var noDate = await coordinator.PostAsJsonAsync($"/api/v1/vac/coordination/members/{memberId}/leave", new { });
        noDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noDate.JsonAsync()).ErrorFields().ShouldBe(["leftOn"]);
        var future = await coordinator.PostAsJsonAsync($"/api/v1/vac/coordination/members/{memberId}/leave", new { leftOn = "2999-01-01" });
        (await future.JsonAsync()).CodesOf("leftOn").ShouldBe(["field.future-date"]);
        (await (await app.ClientForAsync("worker.shirvan")).PostAsJsonAsync($"/api/v1/vac/coordination/members/{memberId}/leave", new { leftOn = Today }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Ok(coordinator.PostAsJsonAsync($"/api/v1/vac/coordination/members/{memberId}/leave", new { leftOn = Today }))).GetProperty("leftOn").GetString().ShouldBe(Today);
        var again = await coordinator.PostAsJsonAsync($"/api/v1/vac/coordination/members/{memberId}/leave", new { leftOn = Today });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.JsonAsync()).Code().ShouldBe("vac.member-left");
        var mechanism = await Ok(coordinator.GetAsync("/api/v1/vac/coordination?district=C-GAN"));
        mechanism.GetProperty("members").EnumerateArray().ShouldNotContain(m => m.GetProperty("id").GetInt32() == memberId);
        mechanism.GetProperty("formerMembers").EnumerateArray().ShouldContain(m => m.GetProperty("id").GetInt32() == memberId);

        var workerId = await UserIdAsync("worker.ganja");
        var first = await Created(coordinator.PostAsJsonAsync("/api/v1/vac/coordination/meetings", new { districtCode = "C-GAN", heldOn = Today }));
        var firstId = first.GetProperty("id").GetString();
        var badOwner = await coordinator.PostAsJsonAsync($"/api/v1/vac/coordination/meetings/{firstId}/decisions", new { text = "Visit", ownerUserId = await UserIdAsync("worker.shirvan") });
        (await badOwner.JsonAsync()).CodesOf("ownerUserId").ShouldBe(["vac.no-such-owner"]);
        var tomorrow = DateOnly.Parse(Today).AddDays(1).ToString("yyyy-MM-dd");
        var decided = await Created(coordinator.PostAsJsonAsync($"/api/v1/vac/coordination/meetings/{firstId}/decisions", new { text = "Talk to the school", ownerUserId = workerId, dueOn = tomorrow }));
        await Created(coordinator.PostAsJsonAsync($"/api/v1/vac/coordination/meetings/{firstId}/decisions", new { text = "Ask the police", owner = "R. Əliyev", dueOn = tomorrow }));
        var decisions = decided.GetProperty("decisions").EnumerateArray().ToList();
        decisions[0].GetProperty("owner").GetString().ShouldBe("Ganja social worker");
        var mine = decisions[0].GetProperty("id").GetInt64();

        // Three days on: both overdue; the next meeting carries them as open decisions of an earlier meeting.
        Clock.Advance(TimeSpan.FromDays(3));
        var open = (await Ok(coordinator.GetAsync("/api/v1/vac/coordination?district=C-GAN"))).GetProperty("openDecisions").EnumerateArray().ToList();
        open.ShouldContain(d => d.GetProperty("id").GetInt64() == mine && d.GetProperty("overdue").GetBoolean() && d.GetProperty("mayMarkDone").GetBoolean());
        var second = await Created(coordinator.PostAsJsonAsync("/api/v1/vac/coordination/meetings", new { districtCode = "C-GAN", heldOn = Today }));
        second.GetProperty("earlierOpenDecisions").EnumerateArray().ShouldContain(d => d.GetProperty("id").GetInt64() == mine);

        // Only the owner or the coordinator: others find no such follow-up; a long note is refused and changes nothing.
        (await (await app.ClientForAsync("supervisor.ganja")).PostAsJsonAsync($"/api/v1/vac/coordination/decisions/{mine}/done", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.ClientForAsync("auditor")).PostAsJsonAsync($"/api/v1/vac/coordination/decisions/{mine}/done", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var worker = await app.ClientForAsync("worker.ganja");
        var tooLong = await worker.PostAsJsonAsync($"/api/v1/vac/coordination/decisions/{mine}/done", new { note = new string('x', 1001) });
        (await tooLong.JsonAsync()).ErrorFields().ShouldBe(["note"]);
        await using (var db = app.NewDbContext()) (await db.Set<CoordinationDecision>().SingleAsync(d => d.Id == mine)).DoneAt.ShouldBeNull();
        var done = await Ok(worker.PostAsJsonAsync($"/api/v1/vac/coordination/decisions/{mine}/done", new { note = "Met the head teacher" }));
        done.GetProperty("doneBy").GetString().ShouldBe("Ganja social worker");
        done.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        var twice = await coordinator.PostAsJsonAsync($"/api/v1/vac/coordination/decisions/{mine}/done", new { });
        (await twice.JsonAsync()).Code().ShouldBe("vac.follow-up-done");
        (await Ok(coordinator.GetAsync($"/api/v1/vac/coordination/meetings/{second.GetProperty("id").GetString()}")))
            .GetProperty("earlierOpenDecisions").EnumerateArray().ShouldNotContain(d => d.GetProperty("id").GetInt64() == mine);

        await using var check = app.NewDbContext();
        (await check.AuditEntries.AnyAsync(a => a.EntityType == "vac-meeting" && a.EntityId == firstId && a.Detail == $"decision {mine} done")).ShouldBeTrue();
        (await check.AuditEntries.AnyAsync(a => a.EntityType == "vac-mechanism-member" && a.EntityId == memberId.ToString())).ShouldBeTrue();
    }

    [Fact]
    public async Task A_late_report_is_listed_to_the_supervisor_and_then_the_coordinator_it_escalated_to()
    {
        var hotline = await app.ClientForAsync("hotline");
        var id = (await Created(hotline.PostAsJsonAsync("/api/v1/vac/reports", Report(danger: true)))).GetProperty("id").GetString();
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var coordinator = await app.ClientForAsync("coordinator.ganja");
        static bool Lists(JsonElement list, string? id) => list.GetProperty("items").EnumerateArray().Any(r => r.GetProperty("id").GetString() == id);

        Lists(await Ok(supervisor.GetAsync("/api/v1/vac/reports?escalated=me")), id).ShouldBeFalse();
        Clock.Advance(TimeSpan.FromHours(25));
        Lists(await Ok(supervisor.GetAsync("/api/v1/vac/reports?escalated=me")), id).ShouldBeTrue();
        Lists(await Ok(coordinator.GetAsync("/api/v1/vac/reports?escalated=me")), id).ShouldBeFalse();
        Clock.Advance(TimeSpan.FromHours(24));
        Lists(await Ok(coordinator.GetAsync("/api/v1/vac/reports?escalated=me")), id).ShouldBeTrue();
        Lists(await Ok(supervisor.GetAsync("/api/v1/vac/reports?escalated=me")), id).ShouldBeTrue();
        // Nothing escalates to the hotline; another district's worker does not see it at all.
        Lists(await Ok(hotline.GetAsync("/api/v1/vac/reports?escalated=me")), id).ShouldBeFalse();
        (await Ok((await app.ClientForAsync("worker.shirvan")).GetAsync("/api/v1/vac/reports?escalated=me"))).GetProperty("total").GetInt32().ShouldBe(0);

        var bad = await supervisor.GetAsync("/api/v1/vac/reports?escalated=you");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).CodesOf("escalated").ShouldBe(["vac.escalated-me-only"]);
        await using var db = app.NewDbContext();
        (await db.AuditEntries.AnyAsync(a => a.EntityType == "vac-report" && a.Detail!.Contains("escalated to me True"))).ShouldBeTrue();
    }

    [Fact]
    public async Task The_reported_child_is_registered_from_the_report_and_its_case_opened_and_linked_in_one_step()
    {
        var surname = Unique("Rzayev");
        var birth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-9).ToString("yyyy-MM-dd");
        var hotline = await app.ClientForAsync("hotline");
        var report = await Created(hotline.PostAsJsonAsync("/api/v1/vac/reports", Report(child: new { givenName = "Tural", surname, sex = "M", birthDate = birth })));
        var id = report.GetProperty("id").GetString();
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var coordinator = await app.ClientForAsync("coordinator.ganja");
        async Task<int> VersionAsync() => (await Ok(supervisor.GetAsync($"/api/v1/vac/reports/{id}"))).GetProperty("version").GetInt32();
        async Task<int> ChildrenAsync() { await using var db = app.NewDbContext(); return await db.Children.CountAsync(c => c.Surname == surname); }

        // The registry's own rules: a care arrangement is needed; nothing is stored when refused.
        var bad = await supervisor.PostAsJsonAsync($"/api/v1/vac/reports/{id}/register-child", new { version = await VersionAsync(), birthDate = "2999-01-01" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["birthDate", "careArrangement"], ignoreOrder: true);
        (await ChildrenAsync()).ShouldBe(0);
        (await (await app.ClientForAsync("worker.ganja")).PostAsJsonAsync($"/api/v1/vac/reports/{id}/register-child", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var shirvan = await Created(hotline.PostAsJsonAsync("/api/v1/vac/reports", Report(district: "C-SIR")));
        (await coordinator.PostAsJsonAsync($"/api/v1/vac/reports/{shirvan.GetProperty("id").GetString()}/register-child", new { careArrangement = "Parents" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var registered = await Created(supervisor.PostAsJsonAsync($"/api/v1/vac/reports/{id}/register-child", new { version = await VersionAsync(), careArrangement = "Parents" }));
        var childId = registered.GetProperty("child").GetProperty("registryId").GetString();
        childId.ShouldNotBeNull();
        await using (var db = app.NewDbContext())
        {
            var child = await db.Children.SingleAsync(c => c.Surname == surname);
            (child.Id.ToString(), child.GivenName, child.DistrictCode, child.BirthDate.ToString("yyyy-MM-dd")).ShouldBe((childId, "Tural", "C-GAN", birth));
            (await db.AuditEntries.AnyAsync(a => a.EntityType == "child" && a.Action == AuditActions.Create && a.EntityId == childId)).ShouldBeTrue();
            (await db.AuditEntries.AnyAsync(a => a.EntityType == "vac-report" && a.EntityId == id && a.Detail!.Contains("registered from the report"))).ShouldBeTrue();
        }
        var twice = await supervisor.PostAsJsonAsync($"/api/v1/vac/reports/{id}/register-child", new { version = await VersionAsync(), careArrangement = "Parents" });
        (await twice.JsonAsync()).Code().ShouldBe("vac.child-already-confirmed");

        // The same child reported again: the registry's duplicate check stops a second registration unless told it is new.
        var repeat = await Created(hotline.PostAsJsonAsync("/api/v1/vac/reports", Report(child: new { givenName = "Tural", surname, sex = "M", birthDate = birth })));
        var repeatId = repeat.GetProperty("id").GetString();
        var repeatVersion = (await Ok(supervisor.GetAsync($"/api/v1/vac/reports/{repeatId}"))).GetProperty("version").GetInt32();
        var dup = await supervisor.PostAsJsonAsync($"/api/v1/vac/reports/{repeatId}/register-child", new { version = repeatVersion, careArrangement = "Parents" });
        dup.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await dup.JsonAsync()).Code().ShouldBe("vac.possible-duplicates");
        (await ChildrenAsync()).ShouldBe(1);

        // Opening the case: the Cases path's permission (the coordinator does no case work) and rules; refused, nothing opens.
        (await coordinator.PostAsJsonAsync($"/api/v1/vac/reports/{id}/open-case", new { version = await VersionAsync(), reason = "x", concerns = new[] { "neglect" }, risk = "High" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var badCase = await supervisor.PostAsJsonAsync($"/api/v1/vac/reports/{id}/open-case", new { version = await VersionAsync(), concerns = new[] { "not-a-concern" } });
        badCase.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badCase.JsonAsync()).ErrorFields().ShouldBe(["reason", "concerns", "risk", "ownerId"], ignoreOrder: true);
        var noOwner = await supervisor.PostAsJsonAsync($"/api/v1/vac/reports/{id}/open-case", new { version = await VersionAsync(), reason = "x", concerns = new[] { "physical-abuse" }, risk = "High" });
        (await noOwner.JsonAsync()).ErrorFields().ShouldBe(["ownerId"]);
        var stale = await supervisor.PostAsJsonAsync($"/api/v1/vac/reports/{id}/open-case", new { version = await VersionAsync() - 1, reason = "x", concerns = new[] { "physical-abuse" }, risk = "High", ownerId = await UserIdAsync("worker.ganja") });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await using (var db = app.NewDbContext()) (await db.Cases.CountAsync(c => c.ChildId == Guid.Parse(childId!))).ShouldBe(0);

        var linked = await Created(supervisor.PostAsJsonAsync($"/api/v1/vac/reports/{id}/open-case", new
        {
            version = await VersionAsync(), reason = "Violence report " + report.GetProperty("reference").GetString(), concerns = new[] { "physical-abuse" },
            risk = "High", ownerId = await UserIdAsync("worker.ganja"),
        }));
        var caseId = linked.GetProperty("caseId").GetString();
        await using (var db = app.NewDbContext())
        {
            var opened = await db.Cases.SingleAsync(c => c.ChildId == Guid.Parse(childId!));
            (opened.Id.ToString(), opened.OpenedFrom, opened.Stage).ShouldBe((caseId, "violence-report", CaseStage.InitialAssessment));
            (await db.AuditEntries.AnyAsync(a => a.EntityType == "case" && a.Action == AuditActions.Create && a.EntityId == caseId)).ShouldBeTrue();
        }
        var second = await supervisor.PostAsJsonAsync($"/api/v1/vac/reports/{id}/open-case", new { version = await VersionAsync(), reason = "x", concerns = new[] { "neglect" }, risk = "Low", ownerId = await UserIdAsync("worker.ganja") });
        (await second.JsonAsync()).Code().ShouldBe("vac.case-already-linked");
    }

    [Fact]
    public async Task Earlier_reports_about_the_child_or_from_the_caller_are_found_during_a_call_within_what_the_user_may_see()
    {
        var surname = Unique("Həsənov");
        var phone = "+994 55 " + Random.Shared.Next(100, 999) + " " + Random.Shared.Next(10, 99) + " " + Random.Shared.Next(10, 99);
        var hotline = await app.ClientForAsync("hotline");
        var a = await Created(hotline.PostAsJsonAsync("/api/v1/vac/reports", Report(child: new { givenName = "Rəşad", surname, birthDate = "2016-04-02" })));
        var b = await Created(hotline.PostAsJsonAsync("/api/v1/vac/reports", Report(district: "C-SIR", child: new { givenName = "Rashad", surname = surname.Replace("ə", "a"), birthDate = "2016-09-09" })));
        var c = await Created(hotline.PostAsJsonAsync("/api/v1/vac/reports", Report(phone: phone)));
        string? Id(JsonElement x) => x.GetProperty("id").GetString();
        static List<string?> Ids(JsonElement found) => [.. found.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetString())];

        // Same name in the district; same name and birth year anywhere; same phone (another spelling of it).
        var byDistrict = await Ok(hotline.GetAsync($"/api/v1/vac/reports/earlier?givenName=Rashad&surname={Uri.EscapeDataString(surname)}&districtCode=C-GAN"));
        Ids(byDistrict).ShouldBe([Id(a)]);
        byDistrict.GetProperty("items")[0].GetProperty("reporter").GetProperty("name").GetString().ShouldBe("Aysel Məmmədova");
        Ids(await Ok(hotline.GetAsync($"/api/v1/vac/reports/earlier?givenName=Rəşad&surname={Uri.EscapeDataString(surname)}&birthDate=2016-12-31"))).ShouldBe([Id(b), Id(a)], ignoreOrder: true);
        var byPhone = await Ok(hotline.GetAsync($"/api/v1/vac/reports/earlier?phone={Uri.EscapeDataString("0" + phone.Replace("+994 ", "").Replace(" ", ""))}"));
        Ids(byPhone).ShouldBe([Id(c)]);
        byPhone.GetProperty("items")[0].GetProperty("sameCaller").GetBoolean().ShouldBeTrue();

        // A supervisor sees no reporter and may not look up by phone; another district's worker sees none of Ganja's.
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var seen = await Ok(supervisor.GetAsync($"/api/v1/vac/reports/earlier?givenName=Rashad&surname={Uri.EscapeDataString(surname)}&birthDate=2016-01-01"));
        Ids(seen).ShouldBe([Id(a)]);
        seen.GetProperty("items")[0].TryGetProperty("reporter", out _).ShouldBeFalse();
        var phoneRefused = await supervisor.GetAsync($"/api/v1/vac/reports/earlier?phone={Uri.EscapeDataString(phone)}");
        phoneRefused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await phoneRefused.JsonAsync()).CodesOf("phone").ShouldBe(["vac.phone-lookup-not-allowed"]);
        var shirvan = await Ok((await app.ClientForAsync("worker.shirvan")).GetAsync($"/api/v1/vac/reports/earlier?givenName=Rashad&surname={Uri.EscapeDataString(surname)}&birthDate=2016-01-01"));
        Ids(shirvan).ShouldBeEmpty();
        shirvan.GetProperty("notShown").GetInt32().ShouldBe(1);

        var empty = await hotline.GetAsync("/api/v1/vac/reports/earlier?givenName=Rashad&districtCode=NOWHERE&birthDate=not-a-date");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.JsonAsync()).ErrorFields().ShouldBe(["birthDate"]);
        var nothing = await hotline.GetAsync("/api/v1/vac/reports/earlier?givenName=Rashad&districtCode=NOWHERE");
        (await nothing.JsonAsync()).ErrorFields().ShouldBe(["districtCode"]);
        (await (await hotline.GetAsync("/api/v1/vac/reports/earlier?givenName=Rashad")).JsonAsync()).CodesOf("givenName").ShouldBe(["vac.lookup-needs-name-or-phone"]);
        (await (await app.ClientForAsync("teacher.ganja")).GetAsync("/api/v1/vac/reports/earlier?phone=0501234567")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var shown = Id(c)!;
        await using var db = app.NewDbContext();
        (await db.AuditEntries.AnyAsync(x => x.EntityType == "vac-report" && x.Action == AuditActions.Search && x.Detail!.Contains(shown))).ShouldBeTrue();
    }

    private async Task<int> UserIdAsync(string userName)
    {
        await using var db = app.NewDbContext();
        return await db.Set<Himaya.Features.Identity.AppUser>().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<JsonElement> Created(Task<HttpResponseMessage> request)
    {
        var res = await request;
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        return await res.JsonAsync();
    }

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> request)
    {
        var res = await request;
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        return await res.JsonAsync();
    }
}
