using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Himaya.Features.Community;
using Himaya.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(MonitoringOnSqliteCollection.Name)]
public sealed class CommunityCareOnSqlite(SqliteApp app) : CommunityCareTests(app);
[Collection(MonitoringOnPostgresCollection.Name)]
public sealed class CommunityCareOnPostgres(PostgresApp app) : CommunityCareTests(app);

/// <summary>
/// Home visiting (a schedule from the child's age, missed visits by the clock, what a visit checks), screenings with the
/// standard instruments (scores over time, the threshold proposing a case) and the proposals a worker opens or declines.
/// </summary>
public abstract class CommunityCareTests(HimayaApp app)
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private async Task<JsonElement> SendAsync(string user, string url, object? body, HttpStatusCode expected)
    {
        var client = await app.ClientForAsync(user);
        var res = body is null ? await client.GetAsync(url) : await client.PostAsJsonAsync(url, body);
        var text = await res.Content.ReadAsStringAsync();
        res.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<int> ProgrammeAsync(params string[] activities) =>
        (await SendAsync("analyst", "/api/v1/programmes", new
        {
            name = "Home visiting, Ganja " + Guid.NewGuid().ToString("N")[..6], activityTypes = activities, districts = new[] { "C-GAN" },
            targets = new[] { new { districtCode = "C-GAN", period = Today.Year.ToString(CultureInfo.InvariantCulture), uniqueChildren = 10 } },
        }, HttpStatusCode.Created)).GetProperty("id").GetInt32();

    private async Task<Guid> ChildBornAsync(DateOnly birth)
    {
        var child = TestData.Child("C-GAN", surname: "Evdəbaxılan");
        child["birthDate"] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        child["enrolment"] = "NotOfAge";
        return (await TestData.CreateChildAsync(await app.ClientForAsync("worker.ganja"), child)).GetProperty("id").GetGuid();
    }

    private static Dictionary<string, string> Answers(string[] codes, string answer, params (string Code, string Answer)[] except)
    {
        var d = codes.ToDictionary(c => c, _ => answer);
        foreach (var (code, a) in except) d[code] = a;
        return d;
    }

    private static readonly string[] Outreach = ["no-birth-certificate", "out-of-school", "no-adult-care", "signs-of-neglect", "violence-at-home", "child-works",
        "disability-no-services", "no-income", "caregiver-unwell"];

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_family_is_handed_to_another_worker_of_the_district_and_leaves_home_visiting_once_with_a_reason()
    {
        var programme = await ProgrammeAsync("HomeVisit");
        var child = await ChildBornAsync(Today.AddMonths(-4));
        var id = (await SendAsync("worker.ganja", $"/api/v1/programmes/{programme}/home-visiting", new { childId = child, enrolledOn = Day(Today.AddDays(-10)) }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        int supervisor, shirvan;
        await using (var db = app.NewDbContext())
        {
            supervisor = await db.Users.Where(u => u.UserName == "supervisor.ganja").Select(u => u.Id).SingleAsync();
            shirvan = await db.Users.Where(u => u.UserName == "worker.shirvan").Select(u => u.Id).SingleAsync();
        }
        // Another district's worker cannot take the family; the district's supervisor can, and the alerts follow.
        var refused = await SendAsync("worker.ganja", $"/api/v1/home-visiting/{id}/worker", new { workerId = shirvan }, HttpStatusCode.BadRequest);
        refused.GetProperty("codes").GetProperty("workerId")[0].GetString().ShouldBe("community.unknown-worker");
        (await SendAsync("worker.ganja", $"/api/v1/home-visiting/{id}/worker", new { workerId = supervisor }, HttpStatusCode.OK)).GetProperty("workerId").GetInt32().ShouldBe(supervisor);
        (await SendAsync("worker.ganja", "/api/v1/home-visiting/alerts", null, HttpStatusCode.OK)).EnumerateArray().ShouldNotContain(a => a.GetProperty("enrolmentId").GetGuid() == id);
        // Leaving: not before joining, not in the future, with a reason — each named; then once.
        var bad = await SendAsync("worker.ganja", $"/api/v1/home-visiting/{id}/end", new { endedOn = Day(Today.AddDays(-11)), reason = " " }, HttpStatusCode.BadRequest);
        bad.GetProperty("codes").EnumerateObject().Select(p => (p.Name, p.Value[0].GetString())).ShouldBe([("endedOn", "community.end-before-enrolment"), ("reason", "field.required")], ignoreOrder: true);
        (await SendAsync("worker.ganja", $"/api/v1/home-visiting/{id}/end", new { endedOn = Day(Today.AddDays(1)), reason = "Moved" }, HttpStatusCode.BadRequest))
            .GetProperty("codes").GetProperty("endedOn")[0].GetString().ShouldBe("field.future-date");
        var ended = await SendAsync("worker.ganja", $"/api/v1/home-visiting/{id}/end", new { reason = "Moved to Baku" }, HttpStatusCode.OK);
        ended.GetProperty("endedOn").GetString().ShouldBe(Day(Today));
        (await SendAsync("worker.ganja", $"/api/v1/home-visiting/{id}/end", new { reason = "Again" }, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("community.enrolment-ended");
        (await SendAsync("supervisor.ganja", "/api/v1/home-visiting/alerts", null, HttpStatusCode.OK)).EnumerateArray().ShouldNotContain(a => a.GetProperty("enrolmentId").GetGuid() == id);
        await SendAsync("worker.shirvan", $"/api/v1/home-visiting/{id}/end", new { reason = "x" }, HttpStatusCode.NotFound);
        await using (var db = app.NewDbContext())
        {
            var row = await db.Set<HomeVisitEnrolment>().SingleAsync(x => x.Id == id);
            (row.EndReason, row.WorkerId).ShouldBe(("Moved to Baku", supervisor));
        }
    }

    [Fact]
    public async Task A_familys_schedule_follows_the_childs_age_and_a_visit_late_by_the_clock_alerts_its_worker_until_made()
    {
        var programme = await ProgrammeAsync("HomeVisit");
        var child = await ChildBornAsync(Today.AddDays(-40));
        var enrolment = await SendAsync("worker.ganja", $"/api/v1/programmes/{programme}/home-visiting", new { childId = child }, HttpStatusCode.Created);
        var id = enrolment.GetProperty("id").GetGuid();
        // Forty days old: the first-week visit's window closed before the family joined, so the schedule starts at one month, due now.
        var schedule = enrolment.GetProperty("schedule").EnumerateArray().ToList();
        schedule.Select(p => p.GetProperty("months").GetInt32()).ShouldBe([1, 3, 6, 9, 12, 18, 24, 36, 48, 60]);
        schedule[0].GetProperty("status").GetString().ShouldBe("Due");
        schedule[1].GetProperty("status").GetString().ShouldBe("Upcoming");
        schedule[1].GetProperty("checks").EnumerateArray().Select(c => c.GetString()).ShouldContain("Immunisation");
        schedule[0].GetProperty("checks").EnumerateArray().Select(c => c.GetString()).ShouldNotContain("Immunisation");
        await SendAsync("worker.ganja", $"/api/v1/programmes/{programme}/home-visiting", new { childId = child }, HttpStatusCode.Conflict);
        async Task<string?> AlertAsync() => (await SendAsync("worker.ganja", "/api/v1/home-visiting/alerts", null, HttpStatusCode.OK)).EnumerateArray()
            .Where(a => a.GetProperty("enrolmentId").GetGuid() == id).Select(a => a.GetProperty("status").GetString()).SingleOrDefault();
        (await AlertAsync()).ShouldBe("Due");
        app.Clock.Advance(TimeSpan.FromDays(12));
        try
        {
            // Two weeks past its due date, the one-month visit is overdue: an alert in the worker's list.
            (await AlertAsync()).ShouldBe("Overdue");
            var refused = await SendAsync("worker.ganja", $"/api/v1/home-visiting/{id}/visits", new { date = Day(Today), homeSafety = "Safe" }, HttpStatusCode.BadRequest);
            refused.ErrorFields().ShouldBe(["caregiverWellbeing", "milestones.m0-follows-face", "milestones.m0-reacts-sound", "milestones.m0-lifts-head"], ignoreOrder: true);
            // Sent twice at once (a double tap): one visit is kept, the other refused — by the check, or by the unique index if they race.
            var client = await app.ClientForAsync("worker.ganja");
            var body = new
            {
                date = Day(Today), weightKg = 4.6m, lengthCm = 55m, caregiverWellbeing = "Good", homeSafety = "Safe",
                milestones = new Dictionary<string, string> { ["m0-follows-face"] = "yes", ["m0-reacts-sound"] = "yes", ["m0-lifts-head"] = "not-yet" },
            };
            var twice = await Task.WhenAll(client.PostAsJsonAsync($"/api/v1/home-visiting/{id}/visits", body), client.PostAsJsonAsync($"/api/v1/home-visiting/{id}/visits", body));
            twice.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.Created, HttpStatusCode.Conflict]);
            var visit = await twice.Single(r => r.StatusCode == HttpStatusCode.Created).JsonAsync();
            (visit.GetProperty("months").GetInt32(), visit.GetProperty("developmentalConcern").GetBoolean()).ShouldBe((1, false));
            (await AlertAsync()).ShouldBeNull();
            (await SendAsync("worker.ganja", $"/api/v1/home-visiting/{id}/visits", new
            {
                date = Day(Today), caregiverWellbeing = "Good", homeSafety = "Safe",
                milestones = new Dictionary<string, string> { ["m0-follows-face"] = "yes", ["m0-reacts-sound"] = "yes", ["m0-lifts-head"] = "yes" },
            }, HttpStatusCode.Conflict)).Code().ShouldBe("community.point-visited");
            var after = await SendAsync("worker.ganja", $"/api/v1/home-visiting/{id}", null, HttpStatusCode.OK);
            after.GetProperty("schedule")[0].GetProperty("status").GetString().ShouldBe("Done");
            // The visit is the programme's contact: the child is reached.
            (await SendAsync("analyst", $"/api/v1/programmes/{programme}/progress", null, HttpStatusCode.OK)).GetProperty("districts")[0].GetProperty("reached").GetInt32().ShouldBe(1);
            // Another district's worker does not see the family.
            await SendAsync("worker.shirvan", $"/api/v1/home-visiting/{id}", null, HttpStatusCode.NotFound);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-12));
        }
    }

    [Fact]
    public async Task A_home_visit_finding_a_delay_proposes_a_case_which_a_worker_opens_with_the_findings_as_its_reason()
    {
        var programme = await ProgrammeAsync("HomeVisit");
        var child = await ChildBornAsync(Today.AddDays(-100));
        var id = (await SendAsync("worker.ganja", $"/api/v1/programmes/{programme}/home-visiting", new { childId = child }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var milestones = new Dictionary<string, string> { ["m3-smiles"] = "not-yet", ["m3-holds-head"] = "not-yet", ["m3-reaches"] = "yes" };
        // At three months immunisation is checked: without its answer the visit is refused and nothing is kept.
        (await SendAsync("worker.ganja", $"/api/v1/home-visiting/{id}/visits", new { date = Day(Today), caregiverWellbeing = "Good", homeSafety = "Safe", milestones, weightKg = 90 },
            HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["immunisationUpToDate", "weightKg"], ignoreOrder: true);
        await using (var db = app.NewDbContext())
            (await db.Set<Himaya.Features.Community.ContactChild>().CountAsync(c => c.ChildId == child)).ShouldBe(0);
        var visit = await SendAsync("worker.ganja", $"/api/v1/home-visiting/{id}/visits", new
        {
            date = Day(Today), immunisationUpToDate = true, caregiverWellbeing = "Concern", homeSafety = "Safe", milestones, notes = "Mother tired, little support.",
        }, HttpStatusCode.Created);
        visit.GetProperty("developmentalConcern").GetBoolean().ShouldBeTrue();
        var proposalId = visit.GetProperty("proposalId").GetGuid();
        (await SendAsync("worker.ganja", "/api/v1/case-proposals?status=Open", null, HttpStatusCode.OK)).EnumerateArray()
            .Select(p => p.GetProperty("id").GetGuid()).ShouldContain(proposalId);
        await SendAsync("worker.shirvan", $"/api/v1/case-proposals/{proposalId}", null, HttpStatusCode.NotFound);
        await SendAsync("analyst", $"/api/v1/case-proposals/{proposalId}", null, HttpStatusCode.Forbidden);
        var proposal = await SendAsync("worker.ganja", $"/api/v1/case-proposals/{proposalId}", null, HttpStatusCode.OK);
        proposal.GetProperty("summary").GetString()!.ShouldContain("Mother tired, little support.");
        // Refused by the Cases opening (no concern, no risk): the proposal stays open.
        (await SendAsync("worker.ganja", $"/api/v1/case-proposals/{proposalId}/open-case", new { concerns = Array.Empty<string>() }, HttpStatusCode.BadRequest))
            .ErrorFields().ShouldBe(["concerns", "risk"], ignoreOrder: true);
        var opened = await SendAsync("worker.ganja", $"/api/v1/case-proposals/{proposalId}/open-case", new { concerns = new[] { "neglect" }, risk = "Medium" }, HttpStatusCode.OK);
        opened.GetProperty("status").GetString().ShouldBe("CaseOpened");
        var caseId = opened.GetProperty("caseId").GetGuid();
        var @case = await SendAsync("worker.ganja", $"/api/v1/cases/{caseId}", null, HttpStatusCode.OK);
        @case.GetProperty("reason").GetString().ShouldBe(proposal.GetProperty("summary").GetString());
        @case.GetProperty("openedFrom").GetString().ShouldBe("home-visit");
        (await SendAsync("worker.ganja", $"/api/v1/case-proposals/{proposalId}/decline", new { reason = "late" }, HttpStatusCode.Conflict)).Code().ShouldBe("community.proposal-decided");
    }

    [Fact]
    public async Task An_outreach_screening_at_its_threshold_proposes_a_case_and_a_childs_scores_are_kept_over_time()
    {
        var programme = await ProgrammeAsync("OutreachAssessment");
        var child = await ChildBornAsync(Today.AddYears(-8));
        var url = $"/api/v1/children/{child}/screenings";
        var low = await SendAsync("worker.ganja", url, new { instrument = "outreach-vulnerability", date = Day(Today.AddDays(-30)), answers = Answers(Outreach, "no", ("violence-at-home", "yes")) },
            HttpStatusCode.Created);
        (low.GetProperty("score").GetInt32(), low.GetProperty("concern").GetBoolean(), low.GetProperty("proposalId").ValueKind).ShouldBe((3, false, JsonValueKind.Null));
        // Each refusal names its item; nothing is kept.
        var bad = await SendAsync("worker.ganja", url, new
        {
            instrument = "outreach-vulnerability", date = Day(Today), programmeId = programme,
            answers = Answers(Outreach.Skip(1).ToArray(), "no", ("no-income", "maybe"), ("colour", "yes")),
        }, HttpStatusCode.BadRequest);
        bad.ErrorFields().ShouldBe(["answers.no-birth-certificate", "answers.no-income", "answers.colour"], ignoreOrder: true);
        bad.CodesOf("answers.colour").ShouldBe(["community.item-not-asked"]);
        (await SendAsync("worker.ganja", url, new { instrument = "wellbeing-x", date = Day(Today.AddDays(1)) }, HttpStatusCode.BadRequest)).ErrorFields()
            .ShouldBe(["instrument", "date"], ignoreOrder: true);
        var high = await SendAsync("worker.ganja", url, new
        {
            instrument = "outreach-vulnerability", date = Day(Today), programmeId = programme,
            answers = Answers(Outreach, "no", ("violence-at-home", "yes"), ("signs-of-neglect", "yes")),
        }, HttpStatusCode.Created);
        (high.GetProperty("score").GetInt32(), high.GetProperty("concern").GetBoolean(), high.GetProperty("version").GetInt32()).ShouldBe((6, true, 1));
        var proposalId = high.GetProperty("proposalId").GetGuid();
        var history = await SendAsync("worker.ganja", url + "?instrument=outreach-vulnerability", null, HttpStatusCode.OK);
        history.EnumerateArray().Select(s => s.GetProperty("score").GetInt32()).ShouldBe([6, 3]);
        // With a programme, the screening is its outreach contact: the child counts as reached.
        (await SendAsync("analyst", $"/api/v1/programmes/{programme}/progress", null, HttpStatusCode.OK)).GetProperty("reached").GetInt32().ShouldBe(1);
        // Out of the worker's area the child is not found; a reporter may not screen.
        await SendAsync("worker.shirvan", url, new { instrument = "outreach-vulnerability", date = Day(Today), answers = Answers(Outreach, "no") }, HttpStatusCode.NotFound);
        await SendAsync("teacher.ganja", url, new { instrument = "outreach-vulnerability", date = Day(Today), answers = Answers(Outreach, "no") }, HttpStatusCode.Forbidden);
        (await SendAsync("supervisor.ganja", $"/api/v1/case-proposals/{proposalId}/decline", new { reason = " " }, HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["reason"]);
        (await SendAsync("supervisor.ganja", $"/api/v1/case-proposals/{proposalId}/decline", new { reason = "Family already followed by the NGO." }, HttpStatusCode.OK))
            .GetProperty("status").GetString().ShouldBe("Declined");
        (await SendAsync("worker.ganja", url, null, HttpStatusCode.OK)).GetArrayLength().ShouldBe(2);
    }
}
