using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Himaya.Features.Violence;
using Himaya.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Himaya.IntegrationTests;

public sealed class VacOnSqlite(VacSqliteApp app) : VacTests(app), IClassFixture<VacSqliteApp>;
public sealed class VacOnPostgres(VacPostgresApp app) : VacTests(app), IClassFixture<VacPostgresApp>;

/// <summary>The app's clock, moved forward by a test (escalation is by the clock); otherwise the real time.</summary>
public sealed class MovableClock : TimeProvider
{
    private TimeSpan _ahead;
    public void Advance(TimeSpan by) => _ahead += by;
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _ahead;

    /// <summary>The app's clock; sign-in tokens keep the real one, so a client signed in before a jump stays signed in.</summary>
    public void Install(IServiceCollection s)
    {
        s.AddSingleton<TimeProvider>(this);
        s.PostConfigureAll<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(o => o.TimeProvider = System);
        s.PostConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(o => o.TimeProvider = System);
    }
}

public interface IVacApp
{
    MovableClock Clock { get; }
}

public sealed class VacSqliteApp : SqliteApp, IVacApp;

public sealed class VacPostgresApp : PostgresApp, IVacApp;

/// <summary>Violence reports through the API: the three doors in, triage, need-to-know, the response, escalation by the clock, statistics.</summary>
public abstract class VacTests(HimayaApp app)
{
    private MovableClock Clock => ((IVacApp)app).Clock;

    private static object Report(string type = "Physical", string district = "C-GAN", bool danger = false, object? child = null, object? reporter = null) => new
    {
        type,
        description = "The neighbour's boy has bruises on his arms and says his uncle beats him.",
        districtCode = district,
        place = "Near school 12",
        occurredOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd"),
        immediateDanger = danger,
        child = child ?? new { givenName = "Elvin", surname = Unique("Quliyev"), sex = "M", approximateAge = 9, disability = false },
        perpetrator = new { relation = "uncle", description = "lives in the same house" },
        reporter = reporter ?? new { name = "Aysel Məmmədova", phone = "+994 50 123 45 67", relation = "neighbour" },
    };

    /// <summary>A surname no other test uses, in letters only: name folding drops digits and merges similar letters.</summary>
    private static string Unique(string stem) =>
        stem + new string([.. Guid.NewGuid().ToByteArray().Take(8).Select(b => "bdlmnrstvz"[b % 10])]);

    [Fact]
    public async Task The_public_form_takes_an_anonymous_report_and_answers_only_a_reference()
    {
        using var anon = app.CreateClient();
        var res = await anon.PostAsJsonAsync("/api/v1/public/vac-reports", Report(reporter: new { }));
        res.StatusCode.ShouldBe(HttpStatusCode.Accepted, await res.Content.ReadAsStringAsync());
        var body = await res.JsonAsync();
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["reference"]);
        var reference = body.GetProperty("reference").GetString()!;
        reference.ShouldMatch("^VAC-[2-9A-HJ-NP-Z]{8}$");

        await using var db = app.NewDbContext();
        var stored = await db.VacReports.SingleAsync(r => r.Reference == reference);
        stored.Channel.ShouldBe(ReportChannel.Public);
        stored.ReportedById.ShouldBeNull();
        stored.ReporterName.ShouldBeNull();
        stored.Status.ShouldBe(ReportStatus.New);
        (await db.AuditEntries.AnyAsync(a => a.EntityId == stored.Id.ToString() && a.Action == AuditActions.Create)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_bad_report_is_refused_naming_each_field_and_nothing_is_stored()
    {
        using var anon = app.CreateClient();
        await using var db = app.NewDbContext();
        var before = await db.VacReports.CountAsync();
        var res = await anon.PostAsJsonAsync("/api/v1/public/vac-reports", new
        {
            description = " ", districtCode = "XX-NOWHERE", occurredOn = "2099-01-01",
            child = new { approximateAge = 30, birthDate = "2001-01-01" }, reporter = new { phone = "call me maybe" },
        });
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await res.JsonAsync();
        problem.ErrorFields().ShouldBe(["type", "description", "districtCode", "occurredOn", "child.birthDate", "child.approximateAge", "reporter.phone"], ignoreOrder: true);
        problem.GetProperty("codes").GetProperty("type")[0].GetString().ShouldBe("vac.type-required");
        problem.GetProperty("codes").GetProperty("districtCode")[0].GetString().ShouldBe("field.unknown-district");
        var enumBad = await anon.PostAsJsonAsync("/api/v1/public/vac-reports", new { type = "Physical, Sexual", description = "x", districtCode = "C-GAN" });
        (await enumBad.JsonAsync()).ErrorFields().ShouldBe(["type"]);
        (await db.VacReports.CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Triage_sets_the_risk_and_deadline_from_danger_type_age_and_earlier_reports()
    {
        var hotline = await app.ClientForAsync("hotline");
        var danger = await CreatedAsync(hotline, Report(danger: true));
        danger.GetProperty("riskLevel").GetString().ShouldBe("Immediate");
        var due = danger.GetProperty("responseDueAt").GetDateTime().ToUniversalTime();
        (due - Clock.GetUtcNow().UtcDateTime).ShouldBe(TimeSpan.FromHours(24), TimeSpan.FromMinutes(1));

        (await CreatedAsync(hotline, Report(type: "Bullying"))).GetProperty("riskLevel").GetString().ShouldBe("Low");
        (await CreatedAsync(hotline, Report(type: "Sexual"))).GetProperty("riskLevel").GetString().ShouldBe("High");
        var toddler = new { givenName = "Nigar", surname = Unique("Əliyeva"), sex = "F", approximateAge = 3 };
        (await CreatedAsync(hotline, Report(type: "Bullying", child: toddler))).GetProperty("riskLevel").GetString().ShouldBe("Medium");

        // The same child reported again (another spelling, another script) is a repeat: one step higher.
        var surname = Unique("Həsənov");
        (await CreatedAsync(hotline, Report(type: "Emotional", child: new { givenName = "Rəşad", surname }))).GetProperty("riskLevel").GetString().ShouldBe("Low");
        var again = await CreatedAsync(hotline, Report(type: "Emotional", child: new { givenName = "Rashad", surname = surname.Replace("ə", "a") }));
        again.GetProperty("riskLevel").GetString().ShouldBe("Medium");
    }

    [Fact]
    public async Task Only_triage_roles_see_the_reporter_and_only_need_to_know_roles_see_the_details()
    {
        var teacher = await app.ClientForAsync("teacher.ganja");
        var created = await CreatedAsync(teacher, Report());
        created.GetProperty("riskLevel").GetString().ShouldBe("Medium");
        var id = created.GetProperty("id").GetString();

        // The reporter follows the status of their report, not the response.
        var mine = await (await teacher.GetAsync("/api/v1/vac/reports/mine")).JsonAsync();
        var own = mine.EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
        own.GetProperty("status").GetString().ShouldBe("New");
        own.TryGetProperty("description", out _).ShouldBeFalse();
        (await teacher.GetAsync($"/api/v1/vac/reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await teacher.GetAsync("/api/v1/vac/statistics?by=type")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var coordinator = await (await (await app.ClientForAsync("coordinator.ganja")).GetAsync($"/api/v1/vac/reports/{id}")).JsonAsync();
        coordinator.GetProperty("reporter").GetProperty("name").GetString().ShouldBe("Aysel Məmmədova");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var seen = await (await supervisor.GetAsync($"/api/v1/vac/reports/{id}")).JsonAsync();
        seen.GetProperty("description").GetString()!.ShouldContain("bruises");
        seen.TryGetProperty("reporter", out _).ShouldBeFalse();

        // Not assigned: the worker does not see it; out of the district it does not exist.
        (await (await app.ClientForAsync("worker.ganja")).GetAsync($"/api/v1/vac/reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.ClientForAsync("worker.shirvan")).GetAsync($"/api/v1/vac/reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.ClientForAsync("analyst")).GetAsync($"/api/v1/vac/reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var db = app.NewDbContext();
        (await db.AuditEntries.CountAsync(a => a.EntityType == "vac-report" && a.EntityId == id && a.Action == AuditActions.Read)).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task A_report_is_assigned_answered_escalated_by_the_clock_and_closed()
    {
        var hotline = await app.ClientForAsync("hotline");
        var created = await CreatedAsync(hotline, Report(danger: true));
        var id = created.GetProperty("id").GetString();
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var workerId = await UserIdAsync("worker.ganja");

        (await supervisor.PostAsJsonAsync($"/api/v1/vac/reports/{id}/assign", new { workerId = await UserIdAsync("worker.shirvan") }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var assigned = await OkAsync(supervisor.PostAsJsonAsync($"/api/v1/vac/reports/{id}/assign", new { workerId }));
        assigned.GetProperty("status").GetString().ShouldBe("Assigned");
        assigned.GetProperty("escalation").GetString().ShouldBe("None");

        // 25 hours on, nothing done: the supervisor is on; a day later the coordinator.
        Clock.Advance(TimeSpan.FromHours(25));
        var worker = await app.ClientForAsync("worker.ganja");
        var late = await OkAsync(worker.GetAsync($"/api/v1/vac/reports/{id}"));
        late.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        late.GetProperty("escalation").GetString().ShouldBe("Supervisor");
        var overdue = await OkAsync(supervisor.GetAsync("/api/v1/vac/reports?overdue=true"));
        overdue.GetProperty("items").EnumerateArray().ShouldContain(r => r.GetProperty("id").GetString() == id);
        Clock.Advance(TimeSpan.FromHours(24));
        (await OkAsync(worker.GetAsync($"/api/v1/vac/reports/{id}"))).GetProperty("escalation").GetString().ShouldBe("Coordinator");

        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        var noCase = await worker.PostAsJsonAsync($"/api/v1/vac/reports/{id}/actions", new { kind = "RemovalToSafety", on = today, note = "Taken to the grandmother" });
        noCase.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noCase.JsonAsync()).GetProperty("codes").GetProperty("kind")[0].GetString().ShouldBe("vac.removal-needs-case");
        var closeEarly = await worker.PostAsJsonAsync($"/api/v1/vac/reports/{id}/close", new { reason = "Resolved", version = 1 });
        closeEarly.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var acted = await Created(worker.PostAsJsonAsync($"/api/v1/vac/reports/{id}/actions", new { kind = "HomeVisit", on = today, note = "Visited; mother present; safety plan agreed" }));
        acted.GetProperty("status").GetString().ShouldBe("Responding");
        acted.GetProperty("escalation").GetString().ShouldBe("None");
        acted.GetProperty("actions").GetArrayLength().ShouldBe(1);
        var version = acted.GetProperty("version").GetInt32();

        var stale = await worker.PostAsJsonAsync($"/api/v1/vac/reports/{id}/close", new { reason = "Resolved", version = version - 1 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var conflict = await stale.JsonAsync();
        conflict.GetProperty("code").GetString().ShouldBe("vac.changed-since");
        conflict.GetProperty("current").GetProperty("version").GetInt32().ShouldBe(version);
        var closed = await OkAsync(worker.PostAsJsonAsync($"/api/v1/vac/reports/{id}/close", new { reason = "Resolved", note = "Uncle moved out", version }));
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        var again = await worker.PostAsJsonAsync($"/api/v1/vac/reports/{id}/actions", new { kind = "HomeVisit", on = today, note = "x" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.JsonAsync()).GetProperty("code").GetString().ShouldBe("vac.closed");
    }

    [Fact]
    public async Task Statistics_suppress_small_cells_and_their_complements()
    {
        var hotline = await app.ClientForAsync("hotline");
        // Shirvan: six reports of one type and two of another, so the small cell and one more must be hidden.
        for (var i = 0; i < 6; i++) await CreatedAsync(hotline, Report(type: "Neglect", district: "C-SIR"));
        for (var i = 0; i < 2; i++) await CreatedAsync(hotline, Report(type: "ChildLabour", district: "C-SIR"));
        var analyst = await app.ClientForAsync("analyst");
        var stats = await OkAsync(analyst.GetAsync("/api/v1/vac/statistics?by=district,type"));
        var cells = stats.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("by").GetProperty("district").GetString() == "C-SIR").ToList();
        var labour = cells.Single(c => c.GetProperty("by").GetProperty("type").GetString() == "ChildLabour");
        labour.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
        labour.GetProperty("count").ValueKind.ShouldBe(JsonValueKind.Null);
        // Shirvan's total is published in the by=district table: one shown cell less than it would give the hidden one away.
        cells.Count(c => c.GetProperty("suppressed").GetBoolean()).ShouldBeGreaterThanOrEqualTo(2);
        var byDistrict = await OkAsync(analyst.GetAsync("/api/v1/vac/statistics?by=district"));
        byDistrict.GetProperty("cells").EnumerateArray().ShouldContain(c => c.GetProperty("by").GetProperty("district").GetString() == "C-SIR");
        stats.TryGetProperty("respondedInTime", out _).ShouldBeTrue();

        var bad = await analyst.GetAsync("/api/v1/vac/statistics?by=type,shoeSize");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).GetProperty("codes").GetProperty("by")[0].GetString().ShouldBe("vac.unknown-dimension");
    }

    [Fact]
    public async Task The_statistics_workbook_holds_the_same_cells_with_suppressed_ones_empty_in_the_readers_language()
    {
        var hotline = await app.ClientForAsync("hotline");
        // Lankaran, in types no other test uses: one shown cell, one hidden for being small, one hidden beside it.
        for (var i = 0; i < 7; i++) await CreatedAsync(hotline, Report(type: "OnlineAbuse", district: "C-LAN"));
        for (var i = 0; i < 6; i++) await CreatedAsync(hotline, Report(type: "ChildMarriage", district: "C-LAN"));
        await CreatedAsync(hotline, Report(type: "Trafficking", district: "C-LAN"));
        var analyst = await app.ClientForAsync("analyst");
        var json = await OkAsync(analyst.GetAsync("/api/v1/vac/statistics?by=district,type"));
        var expected = json.GetProperty("cells").EnumerateArray().Select(c => new object?[]
        {
            c.GetProperty("by").GetProperty("district").GetString(), c.GetProperty("by").GetProperty("type").GetString(),
            c.GetProperty("count").ValueKind == JsonValueKind.Null ? null : c.GetProperty("count").GetDouble(), c.GetProperty("suppressed").GetBoolean(),
        }).ToList();
        expected.ShouldContain(c => (bool)c[3]!);
        expected.ShouldContain(c => !(bool)c[3]!);

        await using var db = app.NewDbContext();
        var audited = await db.AuditEntries.CountAsync(a => a.EntityType == "vac-statistics");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/vac/statistics.xlsx?by=district,type");
        request.Headers.AcceptLanguage.ParseAdd("ru");
        var res = await analyst.SendAsync(request);
        res.StatusCode.ShouldBe(HttpStatusCode.OK);
        res.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var sheets = Workbook.Read(await res.Content.ReadAsByteArrayAsync());
        sheets.Select(s => s.Name).ShouldBe(["Статистика", "О данных"]);
        var rows = sheets[0].Rows;
        rows[0].ShouldBe(["Район", "Вид", "Сообщения", "Скрыто"]);
        // Row for row the JSON's cells: a suppressed cell's count is an empty cell, never a number.
        static string Line(IEnumerable<object?> cells) => string.Join(" | ", cells.Select(v => v is null ? "(empty)" : Convert.ToString(v, CultureInfo.InvariantCulture)));
        rows.Skip(1).Select(Line).ShouldBe(expected.Select(Line));
        (await db.AuditEntries.CountAsync(a => a.EntityType == "vac-statistics")).ShouldBe(audited + 1);

        var bad = await analyst.GetAsync("/api/v1/vac/statistics.xlsx?by=district,shoeSize");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).GetProperty("codes").GetProperty("by")[0].GetString().ShouldBe("vac.unknown-dimension");
        var teacher = await app.ClientForAsync("teacher.ganja");
        (await teacher.GetAsync("/api/v1/vac/statistics.xlsx?by=type")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_reported_child_is_matched_to_the_registry_by_a_person_and_the_report_joins_the_childs_case()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var surname = Unique("Rzayev");
        var registered = await TestData.CreateChildAsync(worker, TestData.Child(surname: surname, givenName: "Tural"));
        var childId = registered.GetProperty("id").GetString()!;
        var hotline = await app.ClientForAsync("hotline");
        var report = await CreatedAsync(hotline, Report(child: new { givenName = "Tural", surname, sex = registered.GetProperty("sex").GetString(),
            birthDate = registered.GetProperty("birthDate").GetString() }));
        var id = report.GetProperty("id").GetString();

        var coordinator = await app.ClientForAsync("coordinator.ganja");
        var matches = await OkAsync(coordinator.GetAsync($"/api/v1/vac/reports/{id}/matches"));
        matches.GetProperty("matches").EnumerateArray().ShouldContain(m => m.GetProperty("id").GetString() == childId);
        (await worker.GetAsync($"/api/v1/vac/reports/{id}/matches")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var view = await OkAsync(coordinator.GetAsync($"/api/v1/vac/reports/{id}"));
        var wrong = await coordinator.PostAsJsonAsync($"/api/v1/vac/reports/{id}/child", new { childId = Guid.NewGuid(), version = view.GetProperty("version").GetInt32() });
        (await wrong.JsonAsync()).GetProperty("codes").GetProperty("childId")[0].GetString().ShouldBe("vac.no-such-child");
        view = await OkAsync(coordinator.PostAsJsonAsync($"/api/v1/vac/reports/{id}/child", new { childId, version = view.GetProperty("version").GetInt32() }));
        view.GetProperty("child").GetProperty("registryId").GetString().ShouldBe(childId);

        var opened = await worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Violence report " + report.GetProperty("reference").GetString(), concerns = new[] { "physical-abuse" }, risk = "High" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var caseId = (await opened.JsonAsync()).GetProperty("id").GetString();
        view = await OkAsync(coordinator.PostAsJsonAsync($"/api/v1/vac/reports/{id}/case", new { caseId, version = view.GetProperty("version").GetInt32() }));
        view.GetProperty("caseId").GetString().ShouldBe(caseId);

        // Linked to the case, a removal to safety can be recorded (the placement itself is the case's, under gatekeeping).
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        await Created(coordinator.PostAsJsonAsync($"/api/v1/vac/reports/{id}/actions", new { kind = "RemovalToSafety", on = today, note = "With the grandmother tonight" }));
    }

    [Fact]
    public async Task The_districts_mechanism_meets_over_its_open_reports_overdue_first_and_records_who_follows_up()
    {
        var hotline = await app.ClientForAsync("hotline");
        var late = await CreatedAsync(hotline, Report(danger: true, district: "C-GAN"));
        var coordinator = await app.ClientForAsync("coordinator.ganja");
        await Created(coordinator.PostAsJsonAsync("/api/v1/vac/coordination/members", new { districtCode = "C-GAN", agency = "Ganja City Police", personName = "R. Əliyev", role = "juvenile inspector" }));
        var badMember = await coordinator.PostAsJsonAsync("/api/v1/vac/coordination/members", new { districtCode = "C-GAN", agency = " " });
        (await badMember.JsonAsync()).ErrorFields().ShouldBe(["agency", "personName"], ignoreOrder: true);
        (await (await app.ClientForAsync("worker.shirvan")).GetAsync("/api/v1/vac/coordination?district=C-GAN")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        Clock.Advance(TimeSpan.FromHours(30));
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var meeting = await Created(coordinator.PostAsJsonAsync("/api/v1/vac/coordination/meetings", new { districtCode = "C-GAN", heldOn = today.ToString("yyyy-MM-dd") }));
        var agenda = meeting.GetProperty("agenda").EnumerateArray().ToList();
        agenda.ShouldContain(a => a.GetProperty("reportId").GetString() == late.GetProperty("id").GetString() && a.GetProperty("overdue").GetBoolean());
        agenda.TakeWhile(a => a.GetProperty("overdue").GetBoolean()).Count().ShouldBe(agenda.Count(a => a.GetProperty("overdue").GetBoolean()));

        var id = meeting.GetProperty("id").GetString();
        var early = await coordinator.PostAsJsonAsync($"/api/v1/vac/coordination/meetings/{id}/decisions", new { text = "Visit", owner = "R. Əliyev", dueOn = today.AddDays(-1).ToString("yyyy-MM-dd") });
        (await early.JsonAsync()).GetProperty("codes").GetProperty("dueOn")[0].GetString().ShouldBe("vac.due-before-meeting");
        var decided = await Created(coordinator.PostAsJsonAsync($"/api/v1/vac/coordination/meetings/{id}/decisions", new
        {
            reportId = late.GetProperty("id").GetString(), text = "Joint visit with the police tomorrow", owner = "R. Əliyev", dueOn = today.AddDays(1).ToString("yyyy-MM-dd"),
        }));
        decided.GetProperty("decisions")[0].GetProperty("reference").GetString().ShouldBe(late.GetProperty("reference").GetString());
        var mechanism = await OkAsync(coordinator.GetAsync("/api/v1/vac/coordination?district=C-GAN"));
        mechanism.GetProperty("members").EnumerateArray().ShouldContain(m => m.GetProperty("agency").GetString() == "Ganja City Police");
        mechanism.GetProperty("meetings").EnumerateArray().ShouldContain(m => m.GetProperty("id").GetString() == id && m.GetProperty("decisions").GetInt32() == 1);
    }

    private async Task<int> UserIdAsync(string userName)
    {
        await using var db = app.NewDbContext();
        return await db.Set<Himaya.Features.Identity.AppUser>().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<JsonElement> CreatedAsync(HttpClient client, object report) =>
        await Created(client.PostAsJsonAsync("/api/v1/vac/reports", report));

    private static async Task<JsonElement> Created(Task<HttpResponseMessage> request)
    {
        var res = await request;
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        return await res.JsonAsync();
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> request)
    {
        var res = await request;
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        return await res.JsonAsync();
    }
}
