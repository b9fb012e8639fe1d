using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Himaya.Features.Cases;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

public sealed class CasesOnSqlite(SqliteApp app) : CaseTests(app), IClassFixture<SqliteApp>;
public sealed class CasesOnPostgres(PostgresApp app) : CaseTests(app), IClassFixture<PostgresApp>;

/// <summary>Case management through the API: stages in order, approvals by the case's supervisor, closed-loop referrals, scope and conflicts.</summary>
public abstract class CaseTests(HimayaApp app)
{
    private static readonly Dictionary<string, int> AllWell = new() { ["health"] = 3, ["education"] = 4, ["emotional"] = 2, ["relationships"] = 3, ["safety"] = 2, ["identity"] = 4, ["selfCare"] = 4, ["living"] = 3 };

    [Fact]
    public async Task A_case_goes_from_opening_through_assessments_plan_approval_and_a_closed_loop_referral_to_closure_and_reopening()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var ngo = await app.ClientForAsync("ngo.ganja");
        var childId = await ChildAsync(worker, disability: false);

        var res = await worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Neighbours report the child is left alone for days", concerns = new[] { "neglect" }, risk = "High" });
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        var c = await res.JsonAsync();
        var id = c.GetProperty("id").GetString()!;
        c.GetProperty("number").GetString()!.ShouldMatch(@"^\d{4}-\d{6}$");
        c.GetProperty("stage").GetString().ShouldBe("InitialAssessment");
        c.GetProperty("owner").GetProperty("userName").GetString().ShouldBe("worker.ganja");
        c.GetProperty("supervisor").GetProperty("userName").GetString().ShouldBe("supervisor.ganja");
        // High risk: the initial assessment is due within 24 hours of opening.
        (c.GetProperty("dueAt").GetDateTime() - c.GetProperty("openedAt").GetDateTime()).ShouldBe(TimeSpan.FromHours(24), TimeSpan.FromSeconds(1));

        // Steps cannot be skipped.
        var skip = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/plan", new { version = V(c), actions = new[] { Action() } });
        skip.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var skipped = await skip.JsonAsync();
        skipped.GetProperty("title").GetString()!.ShouldContain("assessments");
        skipped.GetProperty("code").GetString().ShouldBe("case.assessments-first");
        (await worker.PostAsJsonAsync($"/api/v1/cases/{id}/comprehensive-assessment", Comprehensive(V(c)))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var bad = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/initial-assessment", new { version = V(c) });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["summary", "childSafe", "risk"], ignoreOrder: true);
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/initial-assessment", new { version = V(c), summary = "Child alone, food at home, mother abroad", childSafe = true, risk = "Medium" }));
        c.GetProperty("stage").GetString().ShouldBe("ComprehensiveAssessment");
        c.GetProperty("risk").GetString().ShouldBe("Medium");

        var missing = Comprehensive(V(c));
        ((Dictionary<string, int>)missing["wellbeing"]!).Remove("safety");
        var badDomain = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/comprehensive-assessment", missing);
        badDomain.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badDomain.JsonAsync()).ErrorFields().ShouldBe(["wellbeing.safety"]);
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/comprehensive-assessment", Comprehensive(V(c))));
        c.GetProperty("stage").GetString().ShouldBe("CasePlan");

        var past = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/plan", new { version = V(c), actions = new[] { Action(due: DateTime.UtcNow.AddDays(-3)) } });
        (await past.JsonAsync()).ErrorFields().ShouldBe(["actions[0].dueOn"]);
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/plan", new { version = V(c), actions = new[] { Action(), Action("Grandmother to stay with the child") } }));
        c.GetProperty("pending").GetString().ShouldBe("Plan");

        // Only the case's supervisor decides; a return needs a reason; the worker then resubmits.
        (await worker.PostAsJsonAsync($"/api/v1/cases/{id}/plan/decision", new { version = V(c), approve = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noReason = await supervisor.PostAsJsonAsync($"/api/v1/cases/{id}/plan/decision", new { version = V(c), approve = false });
        (await noReason.JsonAsync()).ErrorFields().ShouldBe(["comment"]);
        c = await OkAsync(supervisor.PostAsJsonAsync($"/api/v1/cases/{id}/plan/decision", new { version = V(c), approve = false, comment = "Add school attendance as a goal" }));
        c.GetProperty("pending").GetString().ShouldBe("None");
        c.GetProperty("history").EnumerateArray().ShouldContain(e => e.GetProperty("kind").GetString() == "plan-returned" && e.GetProperty("comment").GetString() == "Add school attendance as a goal");
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/plan", new { version = V(c), actions = new[] { Action(), Action("Attend school every day") } }));
        c = await OkAsync(supervisor.PostAsJsonAsync($"/api/v1/cases/{id}/plan/decision", new { version = V(c), approve = true, comment = "Good" }));
        c.GetProperty("stage").GetString().ShouldBe("Implementation");
        c.GetProperty("plan").GetArrayLength().ShouldBe(2);
        DateOnly.Parse(c.GetProperty("nextReviewOn").GetString()!).ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3));

        // Referral: the service must serve the child's age and district, and consent is required.
        var services = await (await worker.GetAsync($"/api/v1/services?childId={childId}")).JsonAsync();
        var mhpss = services.EnumerateArray().First(s => s.GetProperty("types").EnumerateArray().Any(t => t.GetString() == "mhpss") && s.GetProperty("agency").GetString() == "Ganja Children's NGO");
        mhpss.GetProperty("servesChild").GetBoolean().ShouldBeTrue();
        var early = services.EnumerateArray().First(s => s.GetProperty("name").GetString()!.StartsWith("Early childhood", StringComparison.Ordinal));
        early.GetProperty("servesChild").GetBoolean().ShouldBeFalse();
        var shirvanOnly = services.EnumerateArray().First(s => s.GetProperty("name").GetString()!.StartsWith("Shirvan", StringComparison.Ordinal));
        var tooYoung = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/referrals", Refer(early.GetProperty("id").GetInt32()));
        (await tooYoung.JsonAsync()).GetProperty("errors").GetProperty("serviceId")[0].GetString()!.ShouldContain("aged 0–5");
        var elsewhere = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/referrals", Refer(shirvanOnly.GetProperty("id").GetInt32()));
        (await elsewhere.JsonAsync()).GetProperty("errors").GetProperty("serviceId")[0].GetString()!.ShouldContain("does not serve");
        var noConsent = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/referrals", Refer(mhpss.GetProperty("id").GetInt32(), consent: false));
        (await noConsent.JsonAsync()).ErrorFields().ShouldBe(["consentGiven"]);
        var sent = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/referrals", Refer(mhpss.GetProperty("id").GetInt32()));
        sent.StatusCode.ShouldBe(HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var referral = await sent.JsonAsync();
        var rid = referral.GetProperty("id").GetString();
        referral.GetProperty("status").GetString().ShouldBe("Sent");

        // A case with an open referral cannot close.
        c = await GetAsync(worker, id);
        var early2 = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/closure", new { version = V(c), reason = "goals-achieved", outcome = "x" });
        early2.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early2.JsonAsync()).GetProperty("title").GetString()!.ShouldContain("open referrals");

        // The receiving service sees it (the other district's worker does not), accepts, delivers and completes it.
        (await (await ngo.GetAsync("/api/v1/referrals/incoming")).JsonAsync()).EnumerateArray().ShouldContain(r => r.GetProperty("id").GetString() == rid);
        (await (await (await app.ClientForAsync("worker.shirvan")).GetAsync("/api/v1/referrals/incoming")).JsonAsync()).EnumerateArray().ShouldNotContain(r => r.GetProperty("id").GetString() == rid);
        (await worker.PostAsJsonAsync($"/api/v1/referrals/{rid}/accept", new { version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ngo.PostAsJsonAsync($"/api/v1/referrals/{rid}/complete", new { version = 1, text = "done" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        referral = await OkAsync(ngo.PostAsJsonAsync($"/api/v1/referrals/{rid}/accept", new { version = 1 }));
        referral.GetProperty("status").GetString().ShouldBe("Accepted");
        var noText = await ngo.PostAsJsonAsync($"/api/v1/referrals/{rid}/deliver", new { version = 2 });
        (await noText.JsonAsync()).ErrorFields().ShouldBe(["text"]);
        referral = await OkAsync(ngo.PostAsJsonAsync($"/api/v1/referrals/{rid}/deliver", new { version = 2, text = "Four group sessions" }));
        referral = await OkAsync(ngo.PostAsJsonAsync($"/api/v1/referrals/{rid}/complete", new { version = 3, text = "Sleeps better, attends school" }));
        referral.GetProperty("status").GetString().ShouldBe("Completed");
        c = await GetAsync(worker, id);
        c.GetProperty("referrals")[0].GetProperty("outcome").GetString().ShouldBe("Sleeps better, attends school");
        c.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString())
            .ShouldBe(["opened", "initial-assessment", "comprehensive-assessment", "plan-submitted", "plan-returned", "plan-submitted", "plan-approved",
                "referral-sent", "referral-accepted", "referral-delivered", "referral-completed"]);

        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/reviews", new { version = V(c), progress = "Attending school", nextReviewOn = DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM-dd") }));
        c.GetProperty("stage").GetString().ShouldBe("FollowUp");
        var badReason = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/closure", new { version = V(c), reason = "bored", outcome = "" });
        (await badReason.JsonAsync()).ErrorFields().ShouldBe(["reason", "outcome"], ignoreOrder: true);
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/closure", new { version = V(c), reason = "goals-achieved", outcome = "Child safe with grandmother, in school" }));
        c.GetProperty("pending").GetString().ShouldBe("Closure");
        c = await OkAsync(supervisor.PostAsJsonAsync($"/api/v1/cases/{id}/closure/decision", new { version = V(c), approve = true }));
        c.GetProperty("stage").GetString().ShouldBe("Closed");
        (await worker.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { kind = "Note", on = Today(), text = "late" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/reopen", new { version = V(c), reason = "Mother returned and the child is alone again" }));
        c.GetProperty("stage").GetString().ShouldBe("InitialAssessment");
        c.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).TakeLast(4).ShouldBe(["review", "closure-requested", "closed", "reopened"]);
        c.GetProperty("closedAt").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Cases_are_seen_by_location_and_caseload_and_decided_only_by_their_supervisor()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var childId = await ChildAsync(worker, disability: false);
        var c = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "School reports bruises", concerns = new[] { "physical-abuse" }, risk = "High" }), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetString();

        (await (await app.ClientForAsync("worker.shirvan")).GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.ClientForAsync("analyst")).GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.ClientForAsync("hotline")).GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var coordinator = await app.ClientForAsync("coordinator.ganja");
        (await coordinator.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { kind = "Note", on = Today(), text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A colleague in the same district works their own caseload only; a second supervisor sees the case but does not decide on it.
        var colleague = await UserAsync("SocialWorker");
        (await colleague.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await colleague.GetAsync("/api/v1/cases")).JsonAsync()).GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetString() == id);
        var otherSupervisor = await UserAsync("Supervisor");
        (await otherSupervisor.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/closure", new { version = V(c), reason = "no-longer-at-risk", outcome = "Bruises from sport, confirmed by doctor" }));
        var notHis = await otherSupervisor.PostAsJsonAsync($"/api/v1/cases/{id}/closure/decision", new { version = V(c), approve = true });
        notHis.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await notHis.JsonAsync()).GetProperty("title").GetString()!.ShouldContain("case's supervisor");
        (await otherSupervisor.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { kind = "Note", on = Today(), text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Reads are audited.
        using var db = app.NewDbContext();
        db.AuditEntries.Count(a => a.EntityType == "case" && a.EntityId == id && a.Action == "read").ShouldBeGreaterThanOrEqualTo(2);
        db.AuditEntries.Count(a => a.EntityType == "case" && a.EntityId == id && a.Action == "create").ShouldBe(1);
    }

    [Fact]
    public async Task Two_people_changing_the_same_case_the_second_is_shown_the_other_change_and_nothing_is_lost()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var childId = await ChildAsync(worker, disability: false);
        var c = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Begging at the bazaar", concerns = new[] { "street", "child-labour" }, risk = "Low" }), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetString();
        var v = V(c);
        // Low risk: seven days for the initial assessment.
        (c.GetProperty("dueAt").GetDateTime() - c.GetProperty("openedAt").GetDateTime()).ShouldBe(TimeSpan.FromDays(7), TimeSpan.FromSeconds(1));
        // A note does not change the version: it conflicts with nobody.
        await OkAsync(supervisor.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { kind = "PhoneCall", on = Today(), text = "Called the school" }));
        await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/initial-assessment", new { version = v, summary = "Works after school", childSafe = true, risk = "Low" }));
        var second = await supervisor.PostAsJsonAsync($"/api/v1/cases/{id}/initial-assessment", new { version = v, summary = "Other view", childSafe = false, risk = "High" });
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await second.JsonAsync();
        problem.ErrorFields().ShouldBe(["version"]);
        problem.GetProperty("code").GetString().ShouldBe("case.changed-since");
        problem.GetProperty("current").GetProperty("stage").GetString().ShouldBe("ComprehensiveAssessment");
        problem.GetProperty("current").GetProperty("assessments")[0].GetProperty("content").GetProperty("summary").GetString().ShouldBe("Works after school");
        c = await GetAsync(worker, id!);
        c.GetProperty("risk").GetString().ShouldBe("Low");
        c.GetProperty("notes").GetArrayLength().ShouldBe(1);

        // Two openings for one child at the same moment: one case.
        var other = await ChildAsync(worker, disability: false);
        var both = await Task.WhenAll(
            worker.PostAsJsonAsync("/api/v1/cases", new { childId = other, reason = "r", concerns = new[] { "neglect" }, risk = "Low" }),
            worker.PostAsJsonAsync("/api/v1/cases", new { childId = other, reason = "r", concerns = new[] { "neglect" }, risk = "Low" }));
        both.Select(r => (int)r.StatusCode).Order().ToArray().ShouldBe([201, 409]);
        var bad = await worker.PostAsJsonAsync("/api/v1/cases", new { childId = other, reason = "r", concerns = new[] { "neglect" }, risk = "Extreme" });
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["risk"]);
    }

    [Fact]
    public async Task Sensitive_notes_are_read_by_the_owner_the_supervisor_and_granted_roles_only()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var childId = await ChildAsync(worker, disability: false);
        var c = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Disclosure at school", concerns = new[] { "sexual-abuse" }, risk = "High" }), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetString();
        await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { kind = "HomeVisit", on = Today(), text = "Visited, mother present" }));
        await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { kind = "MhpssSession", on = Today(), text = "Child named the person", sensitive = true }));
        var future = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { kind = "Note", on = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd"), text = "x" });
        (await future.JsonAsync()).ErrorFields().ShouldBe(["on"]);

        (await GetAsync(worker, id!)).GetProperty("notes").GetArrayLength().ShouldBe(2);
        (await GetAsync(await app.ClientForAsync("supervisor.ganja"), id!)).GetProperty("notes").GetArrayLength().ShouldBe(2);
        (await GetAsync(await app.ClientForAsync("coordinator.ganja"), id!)).GetProperty("notes").GetArrayLength().ShouldBe(2);
        var admin = await GetAsync(await app.ClientForAsync("admin"), id!);
        admin.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()).ShouldBe(["Visited, mother present"]);
        admin.GetProperty("hiddenSensitiveNotes").GetInt32().ShouldBe(1);

        // The printable summary: a PDF for those who may read the case, not found for others, and its export audited.
        var pdf = await (await app.ClientForAsync("supervisor.ganja")).GetAsync($"/api/v1/cases/{id}/summary.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        using (var read = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import)) read.PageCount.ShouldBeGreaterThanOrEqualTo(1);
        (await (await app.ClientForAsync("worker.shirvan")).GetAsync($"/api/v1/cases/{id}/summary.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var db = app.NewDbContext();
        db.AuditEntries.Count(a => a.EntityType == "case" && a.EntityId == id && a.Action == "export").ShouldBe(1);
    }

    [Fact]
    public async Task Documents_are_checked_by_content_size_and_type_kept_outside_the_database_and_read_in_the_cases_scope()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var childId = await ChildAsync(worker, disability: false);
        var c = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "r", concerns = new[] { "neglect" }, risk = "Low" }), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetString();
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% school report\n%%EOF\n");
        async Task<HttpResponseMessage> Upload(HttpClient client, byte[] bytes, string name, bool sensitive = false)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name }, { new StringContent("School report"), "description" } };
            if (sensitive) form.Add(new StringContent("true"), "sensitive");
            return await client.PostAsync($"/api/v1/cases/{id}/attachments", form);
        }
        var res = await Upload(worker, pdf, "report.pdf");
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        var attachmentId = (await res.JsonAsync()).GetProperty("id").GetString();
        // Renamed executables, unknown types, oversize files and no file are refused, naming the field.
        (await (await Upload(worker, [0x4D, 0x5A, 0x90, 0x00, 0x03], "report.pdf")).JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("not a .pdf");
        (await (await Upload(worker, [0x4D, 0x5A, 0x90, 0x00], "tool.exe")).JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("Only these file types");
        (await (await Upload(worker, [.. pdf, .. new byte[70_000]], "big.pdf")).JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("larger");
        (await worker.PostAsJsonAsync($"/api/v1/cases/{id}/attachments", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Upload(await app.ClientForAsync("worker.shirvan"), pdf, "x.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await Upload(worker, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], "photo.jpg", sensitive: true)).JsonAsync()).GetProperty("sensitive").GetBoolean().ShouldBeTrue();

        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var download = await supervisor.GetAsync($"/api/v1/cases/{id}/attachments/{attachmentId}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        (await (await app.ClientForAsync("worker.shirvan")).GetAsync($"/api/v1/cases/{id}/attachments/{attachmentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var view = await GetAsync(await app.ClientForAsync("admin"), id!);
        view.GetProperty("attachments").GetArrayLength().ShouldBe(1);
        view.GetProperty("hiddenAttachments").GetInt32().ShouldBe(1);
        (await GetAsync(worker, id!)).GetProperty("attachments").GetArrayLength().ShouldBe(2);
        using var db = app.NewDbContext();
        db.CaseAttachments.Count(a => a.CaseId == Guid.Parse(id!)).ShouldBe(2);
        db.AuditEntries.Count(a => a.EntityType == "case-attachment" && a.EntityId == attachmentId && a.Action == "export").ShouldBe(1);
    }

    [Fact]
    public async Task A_child_with_a_functional_difficulty_gets_an_individual_care_plan_with_domains_and_review_cycle()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var childId = await ChildAsync(worker, disability: true);
        var c = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Not attending school since losing sight", concerns = new[] { "disability-exclusion", "out-of-school" }, risk = "Medium" }), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetString();
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/initial-assessment", new { version = V(c), summary = "s", childSafe = true, risk = "Medium" }));
        var noFunctioning = Comprehensive(V(c));
        noFunctioning.Remove("functioning");
        var functioningProblem = await (await worker.PostAsJsonAsync($"/api/v1/cases/{id}/comprehensive-assessment", noFunctioning)).JsonAsync();
        functioningProblem.ErrorFields().ShouldBe(["functioning"]);
        functioningProblem.GetProperty("codes").GetProperty("functioning")[0].GetString().ShouldBe("case.functioning-required");
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/comprehensive-assessment", Comprehensive(V(c))));
        var plain = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/plan", new { version = V(c), actions = new[] { Action() } });
        (await plain.JsonAsync()).ErrorFields().ShouldBe(["individualCarePlan"]);
        var noCycle = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/plan", new { version = V(c), actions = new[] { Action() }, individualCarePlan = true, carePlanDomains = new[] { "rehabilitation", "nowhere" } });
        (await noCycle.JsonAsync()).ErrorFields().ShouldBe(["carePlanDomains", "reviewCycleMonths"], ignoreOrder: true);
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/plan", new { version = V(c), actions = new[] { Action("Braille lessons") }, individualCarePlan = true, carePlanDomains = new[] { "rehabilitation", "education", "assistive-devices" }, reviewCycleMonths = 6 }));
        c = await OkAsync(supervisor.PostAsJsonAsync($"/api/v1/cases/{id}/plan/decision", new { version = V(c), approve = true }));
        c.GetProperty("individualCarePlan").GetBoolean().ShouldBeTrue();
        c.GetProperty("carePlanDomains").GetArrayLength().ShouldBe(3);
        DateOnly.Parse(c.GetProperty("nextReviewOn").GetString()!).ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6));
    }

    [Fact]
    public async Task Each_user_sees_their_due_work_and_supervisors_and_coordinators_see_the_team()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var childId = await ChildAsync(worker, disability: false);
        var c = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "r", concerns = new[] { "neglect" }, risk = "High" }), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetString();
        var mine = await (await worker.GetAsync("/api/v1/my-work")).JsonAsync();
        mine.EnumerateArray().ShouldContain(i => i.GetProperty("caseId").GetString() == id && i.GetProperty("kind").GetString() == "initial-assessment");

        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/initial-assessment", new { version = V(c), summary = "s", childSafe = true, risk = "High" }));
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/comprehensive-assessment", Comprehensive(V(c))));
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/plan", new { version = V(c), actions = new[] { Action() } }));
        (await (await supervisor.GetAsync("/api/v1/my-work")).JsonAsync()).EnumerateArray()
            .ShouldContain(i => i.GetProperty("caseId").GetString() == id && i.GetProperty("kind").GetString() == "approve-plan");
        c = await OkAsync(supervisor.PostAsJsonAsync($"/api/v1/cases/{id}/plan/decision", new { version = V(c), approve = true }));
        var services = await (await worker.GetAsync($"/api/v1/services?childId={childId}")).JsonAsync();
        var mhpss = services.EnumerateArray().First(s => s.GetProperty("types").EnumerateArray().Any(t => t.GetString() == "mhpss") && s.GetProperty("agency").GetString() == "Ganja Children's NGO").GetProperty("id").GetInt32();
        var rid = (await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/referrals", Refer(mhpss)), HttpStatusCode.Created)).GetProperty("id").GetString();
        (await (await (await app.ClientForAsync("ngo.ganja")).GetAsync("/api/v1/my-work")).JsonAsync()).EnumerateArray()
            .ShouldContain(i => i.GetProperty("referralId").GetString() == rid && i.GetProperty("kind").GetString() == "referral-to-answer");

        var team = await (await supervisor.GetAsync("/api/v1/cases/dashboard")).JsonAsync();
        team.GetProperty("workers").EnumerateArray().ShouldContain(w => w.GetProperty("userName").GetString() == "worker.ganja" && w.GetProperty("open").GetInt32() >= 1);
        var district = await (await (await app.ClientForAsync("coordinator.ganja")).GetAsync("/api/v1/cases/dashboard")).JsonAsync();
        district.GetProperty("byStage").GetProperty("Implementation").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        district.GetProperty("districts").EnumerateArray().Select(d => d.GetProperty("districtCode").GetString()).ShouldBe(["C-GAN"]);
        (await (await app.ClientForAsync("analyst")).GetAsync("/api/v1/my-work")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_team_dashboard_counts_open_overdue_waiting_and_late_referrals_per_worker_and_district()
    {
        // A district no other test uses, so the counts are exact.
        const string district = "R-ORD";
        var (supervisor, _) = await UserAsync(Roles.Supervisor, district);
        var (coordinator, _) = await UserAsync(Roles.DistrictCoordinator, district);
        var (first, firstId) = await UserAsync(Roles.SocialWorker, district);
        var (second, secondId) = await UserAsync(Roles.SocialWorker, district);
        async Task<Guid> OpenAsync(HttpClient worker)
        {
            var child = (await TestData.CreateChildAsync(worker, TestData.Child(district))).GetProperty("id").GetString();
            var c = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId = child, reason = "r", concerns = new[] { "neglect" }, risk = "Low" }), HttpStatusCode.Created);
            return Guid.Parse(c.GetProperty("id").GetString()!);
        }
        var late = await OpenAsync(first);        // initial assessment overdue, and a referral left unanswered too long
        var waiting = await OpenAsync(first);     // plan waiting for approval: its deadline is the supervisor's, not overdue
        var closed = await OpenAsync(first);      // closed: counted nowhere, nor its late referral
        var review = await OpenAsync(second);     // follow-up review date passed
        var onTime = await OpenAsync(second);
        await using (var db = app.NewDbContext())
        {
            var now = DateTime.UtcNow;
            var cases = await db.Cases.Where(c => c.DistrictCode == district).ToDictionaryAsync(c => c.Id);
            cases[late].DueAt = now.AddHours(-1);
            cases[waiting].Stage = CaseStage.CasePlan;
            cases[waiting].Pending = PendingApproval.Plan;
            cases[waiting].DueAt = now.AddDays(-3);
            cases[closed].Stage = CaseStage.Closed;
            cases[closed].DueAt = now.AddDays(-3);
            cases[review].Stage = CaseStage.FollowUp;
            cases[review].DueAt = null;
            cases[review].NextReviewOn = DateOnly.FromDateTime(now).AddDays(-1);
            cases[onTime].DueAt = now.AddDays(5);
            var service = await db.Set<Himaya.Features.Services.Service>().Select(s => s.Id).FirstAsync();
            Referral Referral(Guid caseId, ReferralStatus status, DateTime respondBy, DateOnly? dueOn) => new()
            {
                Id = Guid.NewGuid(), CaseId = caseId, ServiceId = service, Reason = "r", ConsentGiven = true, ConsentBy = "Mother",
                ConsentOn = DateOnly.FromDateTime(now), Status = status, SentAt = now.AddDays(-10), SentById = firstId, RespondBy = respondBy, DueOn = dueOn,
            };
            db.Referrals.AddRange(
                Referral(late, ReferralStatus.Sent, now.AddDays(-1), null),                                         // late answer
                Referral(late, ReferralStatus.Accepted, now.AddDays(-9), DateOnly.FromDateTime(now).AddDays(-2)),  // late delivery
                Referral(late, ReferralStatus.Completed, now.AddDays(-9), DateOnly.FromDateTime(now).AddDays(-2)), // finished: not late
                Referral(onTime, ReferralStatus.Sent, now.AddDays(1), null),                                       // still in time
                Referral(closed, ReferralStatus.Sent, now.AddDays(-1), null));                                     // closed case: not counted
            await db.SaveChangesAsync();
        }

        foreach (var client in new[] { supervisor, coordinator })
        {
            var d = await OkAsync(client.GetAsync("/api/v1/cases/dashboard"));
            d.GetProperty("open").GetInt32().ShouldBe(4);
            d.GetProperty("overdue").GetInt32().ShouldBe(2);
            d.GetProperty("awaitingApproval").GetInt32().ShouldBe(1);
            d.GetProperty("overdueReferrals").GetInt32().ShouldBe(2);
            d.GetProperty("byStage").GetProperty("InitialAssessment").GetInt32().ShouldBe(2);
            d.GetProperty("byStage").GetProperty("CasePlan").GetInt32().ShouldBe(1);
            d.GetProperty("byStage").GetProperty("FollowUp").GetInt32().ShouldBe(1);
            d.GetProperty("byStage").TryGetProperty("Closed", out _).ShouldBeFalse();
            var workers = d.GetProperty("workers").EnumerateArray().ToDictionary(w => w.GetProperty("userId").GetInt32());
            workers.Keys.Order().ShouldBe(new[] { firstId, secondId }.Order());
            (workers[firstId].GetProperty("open").GetInt32(), workers[firstId].GetProperty("overdue").GetInt32(), workers[firstId].GetProperty("awaitingApproval").GetInt32()).ShouldBe((2, 1, 1));
            (workers[secondId].GetProperty("open").GetInt32(), workers[secondId].GetProperty("overdue").GetInt32(), workers[secondId].GetProperty("awaitingApproval").GetInt32()).ShouldBe((2, 1, 0));
            workers[secondId].GetProperty("byStage").GetProperty("FollowUp").GetInt32().ShouldBe(1);
            var districts = d.GetProperty("districts").EnumerateArray().ToList();
            districts.Select(x => x.GetProperty("districtCode").GetString()).ShouldBe([district]);
            districts[0].GetProperty("overdue").GetInt32().ShouldBe(2);
            districts[0].GetProperty("byStage").GetProperty("InitialAssessment").GetInt32().ShouldBe(2);
        }
    }

    [Fact]
    public async Task A_transfer_changes_ownership_only_when_the_receiving_supervisor_accepts_and_the_child_moves_with_it()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var shirvanWorker = await app.ClientForAsync("worker.shirvan");
        var (receiver, receiverId) = await UserAsync("Supervisor", "C-SIR");
        var childId = await ChildAsync(worker, disability: false);
        var c = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Family moving to Shirvan", concerns = new[] { "neglect" }, risk = "Medium" }), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetString();
        var bad = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/transfer", new { version = V(c), toSupervisorId = receiverId, toDistrictCode = "C-GAN", reason = "x" });
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["toSupervisorId"]);
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/transfer", new { version = V(c), toSupervisorId = receiverId, toDistrictCode = "C-SIR", reason = "Family moved to Shirvan" }));
        c.GetProperty("transfer").GetProperty("toDistrictCode").GetString().ShouldBe("C-SIR");
        c.GetProperty("owner").GetProperty("userName").GetString().ShouldBe("worker.ganja");
        (await worker.PostAsJsonAsync($"/api/v1/cases/{id}/transfer", new { version = V(c), toSupervisorId = receiverId, reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await shirvanWorker.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var incoming = await (await receiver.GetAsync("/api/v1/transfers")).JsonAsync();
        var item = incoming.EnumerateArray().Single(t => t.GetProperty("caseId").GetString() == id);
        item.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("userName").GetString()).ShouldContain("worker.shirvan");
        var shirvanId = item.GetProperty("workers").EnumerateArray().First(w => w.GetProperty("userName").GetString() == "worker.shirvan").GetProperty("id").GetInt32();
        (await (await app.ClientForAsync("supervisor.ganja")).PostAsJsonAsync($"/api/v1/transfers/{id}/decision", new { version = V(c), accept = true, newOwnerId = shirvanId })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await receiver.PostAsJsonAsync($"/api/v1/transfers/{id}/decision", new { version = V(c), accept = true })).JsonAsync()).ErrorFields().ShouldBe(["newOwnerId"]);
        var ganjaWorkerId = c.GetProperty("owner").GetProperty("id").GetInt32();
        (await (await receiver.PostAsJsonAsync($"/api/v1/transfers/{id}/decision", new { version = V(c), accept = true, newOwnerId = ganjaWorkerId })).JsonAsync()).ErrorFields().ShouldBe(["newOwnerId"]);
        var decided = await OkAsync(receiver.PostAsJsonAsync($"/api/v1/transfers/{id}/decision", new { version = V(c), accept = true, newOwnerId = shirvanId }));
        decided.GetProperty("accepted").GetBoolean().ShouldBeTrue();
        var moved = decided.GetProperty("case");
        moved.GetProperty("districtCode").GetString().ShouldBe("C-SIR");
        moved.GetProperty("owner").GetProperty("userName").GetString().ShouldBe("worker.shirvan");
        moved.GetProperty("supervisor").GetProperty("id").GetInt32().ShouldBe(receiverId);
        moved.GetProperty("transfer").ValueKind.ShouldBe(JsonValueKind.Null);
        (await worker.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await shirvanWorker.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await shirvanWorker.GetAsync($"/api/v1/children/{childId}")).JsonAsync()).GetProperty("districtCode").GetString().ShouldBe("C-SIR");

        // Declined: nothing moves, the reason is in the history.
        var other = await ChildAsync(worker, disability: false);
        var d = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId = other, reason = "r", concerns = new[] { "neglect" }, risk = "Low" }), HttpStatusCode.Created);
        var did = d.GetProperty("id").GetString();
        d = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{did}/transfer", new { version = V(d), toSupervisorId = receiverId, toDistrictCode = "C-SIR", reason = "Moving" }));
        (await (await receiver.PostAsJsonAsync($"/api/v1/transfers/{did}/decision", new { version = V(d), accept = false })).JsonAsync()).ErrorFields().ShouldBe(["comment"]);
        (await OkAsync(receiver.PostAsJsonAsync($"/api/v1/transfers/{did}/decision", new { version = V(d), accept = false, comment = "The family has not registered in Shirvan" })))
            .GetProperty("accepted").GetBoolean().ShouldBeFalse();
        d = await GetAsync(worker, did!);
        d.GetProperty("districtCode").GetString().ShouldBe("C-GAN");
        d.GetProperty("history").EnumerateArray().Last().GetProperty("comment").GetString().ShouldBe("The family has not registered in Shirvan");

        // Withdrawn by the sender before an answer: the receiver no longer sees it, and cannot answer it any more.
        d = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{did}/transfer", new { version = V(d), toSupervisorId = receiverId, toDistrictCode = "C-SIR", reason = "Moving after all" }));
        (await worker.PostAsJsonAsync($"/api/v1/cases/{did}/transfer/withdraw", new { version = V(d) - 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await worker.PostAsJsonAsync($"/api/v1/cases/{did}/transfer/withdraw", new { version = V(d), reason = new string('x', 2001) })).JsonAsync()).ErrorFields().ShouldBe(["reason"]);
        (await shirvanWorker.PostAsJsonAsync($"/api/v1/cases/{did}/transfer/withdraw", new { version = V(d) })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        d = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{did}/transfer/withdraw", new { version = V(d), reason = "The family stays in Ganja" }));
        d.GetProperty("transfer").ValueKind.ShouldBe(JsonValueKind.Null);
        var last = d.GetProperty("history").EnumerateArray().Last();
        (last.GetProperty("kind").GetString(), last.GetProperty("comment").GetString()).ShouldBe(("transfer-withdrawn", "The family stays in Ganja"));
        (await (await receiver.GetAsync("/api/v1/transfers")).JsonAsync()).EnumerateArray().ShouldNotContain(t => t.GetProperty("caseId").GetString() == did);
        (await receiver.PostAsJsonAsync($"/api/v1/transfers/{did}/decision", new { version = V(d), accept = false, comment = "late" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await worker.PostAsJsonAsync($"/api/v1/cases/{did}/transfer/withdraw", new { version = V(d) })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Residential_care_needs_a_gatekeeping_decision_first_and_placements_keep_the_childs_care_arrangement_and_history()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var childId = await ChildAsync(worker, disability: false);
        var c = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Grandmother hospitalised", concerns = new[] { "separated" }, risk = "High" }), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetString();
        var today = DateTime.UtcNow.Date;
        var early = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/placements", new { type = "ResidentialInstitution", placeName = "Ganja children's home", startOn = Day(today) });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.JsonAsync()).GetProperty("title").GetString()!.ShouldContain("gatekeeping");
        var wrong = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/gatekeeping", new { panelOn = Day(today), panelMembers = "Head of centre; psychologist", optionsConsidered = new[] { "kinship", "foster" }, decision = "residential", reasons = "r" });
        (await wrong.JsonAsync()).ErrorFields().ShouldBe(["decision"]);
        await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/gatekeeping", new { panelOn = Day(today.AddDays(-2)), panelMembers = "Head of centre; psychologist; education officer", optionsConsidered = new[] { "kinship", "foster", "residential" }, decision = "residential", reasons = "No relative or approved foster family can take a child of this age now; short stay while a family is found" }));
        var beforePanel = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/placements", new { type = "ResidentialInstitution", placeName = "Ganja children's home", startOn = Day(today.AddDays(-5)) });
        beforePanel.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/placements", new { type = "ResidentialInstitution", placeName = "Ganja children's home", startOn = Day(today.AddDays(-1)) }));
        c.GetProperty("care").GetProperty("placements")[0].GetProperty("gatekeepingDecisionId").ValueKind.ShouldBe(JsonValueKind.Number);
        (await (await worker.GetAsync($"/api/v1/children/{childId}")).JsonAsync()).GetProperty("careArrangement").GetString().ShouldBe("ResidentialInstitution");

        // A move to kinship care ends the residential placement; dates out of order are refused.
        (await (await worker.PostAsJsonAsync($"/api/v1/cases/{id}/placements", new { type = "Kinship", placeName = "Aunt, Lalə Quliyeva", startOn = Day(today.AddDays(-3)) })).JsonAsync()).ErrorFields().ShouldBe(["startOn"]);
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/placements", new { type = "Kinship", placeName = "Aunt, Lalə Quliyeva", startOn = Day(today) }));
        var placements = c.GetProperty("care").GetProperty("placements").EnumerateArray().ToList();
        placements.Count.ShouldBe(2);
        placements[0].GetProperty("endOn").GetString().ShouldBe(Day(today));
        placements[1].GetProperty("endOn").ValueKind.ShouldBe(JsonValueKind.Null);
        var pid = placements[1].GetProperty("id").GetInt64();
        (await (await worker.PostAsJsonAsync($"/api/v1/cases/{id}/placements/{pid}/end", new { endOn = Day(today.AddDays(-1)), reason = "x" })).JsonAsync()).ErrorFields().ShouldBe(["endOn"]);
        var history = await (await worker.GetAsync($"/api/v1/children/{childId}/history")).Content.ReadAsStringAsync();
        history.ShouldContain("ResidentialInstitution");
        history.ShouldContain("Kinship");

        // Reunification schedules visits at 1, 3, 6 and 12 months; an overdue one shows in the worker's work.
        var home = today.AddMonths(-1).AddDays(-2);
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/reunification", new { reunifiedOn = Day(today), withWhom = "Grandmother", plan = "Home help twice a week" }));
        c.GetProperty("care").GetProperty("visits").EnumerateArray().Select(v => v.GetProperty("monthsAfter").GetInt32()).ShouldBe([1, 3, 6, 12]);
        (await worker.PostAsJsonAsync($"/api/v1/cases/{id}/reunification", new { reunifiedOn = Day(today), withWhom = "Grandmother", plan = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await worker.GetAsync($"/api/v1/children/{childId}")).JsonAsync()).GetProperty("careArrangement").GetString().ShouldBe("Parents");
        var other = await ChildAsync(worker, disability: false);
        var o = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId = other, reason = "r", concerns = new[] { "separated" }, risk = "Low" }), HttpStatusCode.Created);
        o = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{o.GetProperty("id").GetString()}/reunification", new { reunifiedOn = Day(home), withWhom = "Mother", plan = "Parenting support" }));
        var work = await (await worker.GetAsync("/api/v1/my-work")).JsonAsync();
        work.EnumerateArray().ShouldContain(i => i.GetProperty("kind").GetString() == "monitoring-visit" && i.GetProperty("caseId").GetString() == o.GetProperty("id").GetString() && i.GetProperty("overdue").GetBoolean());
        var visit = o.GetProperty("care").GetProperty("visits")[0].GetProperty("id").GetInt64();
        (await (await worker.PostAsJsonAsync($"/api/v1/cases/{o.GetProperty("id").GetString()}/visits/{visit}", new { doneOn = Day(today) })).JsonAsync()).ErrorFields().ShouldBe(["findings"]);
        o = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{o.GetProperty("id").GetString()}/visits/{visit}", new { doneOn = Day(today), findings = "Child settled, attends school" }));
        o.GetProperty("care").GetProperty("visits")[0].GetProperty("doneOn").GetString().ShouldBe(Day(today));
    }

    [Fact]
    public async Task A_foster_carer_is_approved_only_after_assessment_and_training_and_is_matched_within_capacity_age_and_disability()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var today = DateTime.UtcNow.Date;
        var bad = await worker.PostAsJsonAsync("/api/v1/foster-carers", new { name = "", districtCode = "C-SIR", appliedOn = Day(today), capacity = 0, minAge = 10, maxAge = 5 });
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["name", "districtCode", "capacity", "maxAge"], ignoreOrder: true);
        var carer = await OkAsync(worker.PostAsJsonAsync("/api/v1/foster-carers", new { name = "Həsənov family " + Guid.NewGuid().ToString("N")[..4], districtCode = "C-GAN", appliedOn = Day(today.AddDays(-60)), capacity = 1, minAge = 3, maxAge = 12, acceptsDisability = false }), HttpStatusCode.Created);
        var cid = carer.GetProperty("id").GetInt32();
        int v() => carer.GetProperty("version").GetInt32();
        (await worker.PostAsJsonAsync($"/api/v1/foster-carers/{cid}/training", new { version = v(), on = Day(today) })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        carer = await OkAsync(worker.PostAsJsonAsync($"/api/v1/foster-carers/{cid}/assessment", new { version = v(), on = Day(today.AddDays(-30)), summary = "Stable home, two rooms, experienced parents" }));
        carer = await OkAsync(worker.PostAsJsonAsync($"/api/v1/foster-carers/{cid}/training", new { version = v(), on = Day(today.AddDays(-10)) }));
        (await worker.PostAsJsonAsync($"/api/v1/foster-carers/{cid}/approval", new { version = v(), on = Day(today) })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        carer = await OkAsync(supervisor.PostAsJsonAsync($"/api/v1/foster-carers/{cid}/approval", new { version = v(), on = Day(today) }));
        carer.GetProperty("status").GetString().ShouldBe("Approved");
        carer.GetProperty("nextReviewOn").GetString().ShouldBe(Day(today.AddYears(1)));
        (await (await (await app.ClientForAsync("worker.shirvan")).GetAsync("/api/v1/foster-carers")).JsonAsync()).EnumerateArray().ShouldNotContain(f => f.GetProperty("id").GetInt32() == cid);
        (await (await app.ClientForAsync("worker.shirvan")).PostAsJsonAsync($"/api/v1/foster-carers/{cid}/review", new { version = v(), on = Day(today), outcome = "continue" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Matching: a 7-year-old without a functional difficulty fits; with one, this carer does not take them.
        var childId = await ChildAsync(worker, disability: false);
        var c = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "r", concerns = new[] { "neglect" }, risk = "High" }), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetString();
        (await (await worker.GetAsync($"/api/v1/cases/{id}/carer-matches")).JsonAsync()).EnumerateArray().ShouldContain(m => m.GetProperty("carer").GetProperty("id").GetInt32() == cid);
        var disabled = await ChildAsync(worker, disability: true);
        var d = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId = disabled, reason = "r", concerns = new[] { "neglect" }, risk = "High" }), HttpStatusCode.Created);
        (await (await worker.GetAsync($"/api/v1/cases/{d.GetProperty("id").GetString()}/carer-matches")).JsonAsync()).EnumerateArray().ShouldNotContain(m => m.GetProperty("carer").GetProperty("id").GetInt32() == cid);
        (await (await worker.PostAsJsonAsync($"/api/v1/cases/{d.GetProperty("id").GetString()}/placements", new { type = "Foster", fosterCarerId = cid, startOn = Day(today) })).JsonAsync())
            .GetProperty("errors").GetProperty("fosterCarerId")[0].GetString()!.ShouldContain("disabilities");

        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/placements", new { type = "Foster", fosterCarerId = cid, startOn = Day(today) }));
        (await (await worker.GetAsync($"/api/v1/children/{childId}")).JsonAsync()).GetProperty("careArrangement").GetString().ShouldBe("Foster");
        (await (await worker.GetAsync("/api/v1/foster-carers")).JsonAsync()).EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == cid).GetProperty("placed").GetInt32().ShouldBe(1);
        // Full: the next child is refused and no longer matched.
        var third = await ChildAsync(worker, disability: false);
        var t = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId = third, reason = "r", concerns = new[] { "neglect" }, risk = "High" }), HttpStatusCode.Created);
        (await (await worker.PostAsJsonAsync($"/api/v1/cases/{t.GetProperty("id").GetString()}/placements", new { type = "Foster", fosterCarerId = cid, startOn = Day(today) })).JsonAsync())
            .GetProperty("errors").GetProperty("fosterCarerId")[0].GetString()!.ShouldContain("no free place");
    }

    [Fact]
    public async Task Justice_records_diversion_hearings_and_deprivation_of_liberty_which_raises_a_review_alert_until_release()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var childId = await ChildAsync(worker, disability: false);
        var c = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Arrested for theft", concerns = new[] { "in-conflict-with-law" }, risk = "High" }), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetString();
        var today = DateTime.UtcNow.Date;
        (await (await worker.PostAsJsonAsync($"/api/v1/cases/{id}/justice", new { role = "Suspect", matter = "x", contactOn = Day(today) })).JsonAsync()).ErrorFields().ShouldBe(["role"]);
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/justice", new { role = "Offender", matter = "Theft of a phone (first offence)", contactOn = Day(today.AddDays(-10)) }));
        var rid = c.GetProperty("justice")[0].GetProperty("id").GetInt64();
        c = await OkAsync(worker.PostAsJsonAsync($"/api/v1/cases/{id}/justice", new { role = "Victim", matter = "Beaten by older boys", contactOn = Day(today.AddDays(-10)) }));
        var victim = c.GetProperty("justice")[1].GetProperty("id").GetInt64();
        string Step(long record, string step) => $"/api/v1/cases/{id}/justice/{record}/{step}";

        (await worker.PostAsJsonAsync(Step(victim, "diversion"), new { on = Day(today), text = "Mediation" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await worker.PostAsJsonAsync(Step(rid, "sentencing"), new { on = Day(today), text = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await app.ClientForAsync("worker.shirvan")).PostAsJsonAsync(Step(rid, "legal-aid"), new { on = Day(today), text = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await OkAsync(worker.PostAsJsonAsync(Step(rid, "legal-aid"), new { on = Day(today.AddDays(-9)), text = "Bar Association, lawyer R. Əliyev" }));
        (await worker.PostAsJsonAsync(Step(rid, "diversion-complete"), new { on = Day(today), text = "done" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await OkAsync(worker.PostAsJsonAsync(Step(rid, "diversion"), new { on = Day(today.AddDays(-8)), text = "Mediation with the victim and 20 hours of community work" }));
        (await worker.PostAsJsonAsync(Step(rid, "diversion-complete"), new { on = Day(today.AddDays(-9)), text = "done" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        c = await OkAsync(worker.PostAsJsonAsync(Step(rid, "diversion-complete"), new { on = Day(today), text = "Completed; apology accepted" }));
        c.GetProperty("justice")[0].GetProperty("diversionOutcome").GetString().ShouldBe("Completed; apology accepted");

        // Hearings: one in the future has no outcome yet, and shows in the coming week's work.
        (await (await worker.PostAsJsonAsync(Step(rid, "hearing"), new { on = Day(today.AddDays(3)), text = "Ganja city court", outcome = "Acquitted" })).JsonAsync()).ErrorFields().ShouldBe(["outcome"]);
        c = await OkAsync(worker.PostAsJsonAsync(Step(rid, "hearing"), new { on = Day(today.AddDays(3)), text = "Ganja city court" }));
        var hearing = c.GetProperty("justice")[0].GetProperty("hearings")[0].GetProperty("id").GetInt64();
        (await worker.PostAsJsonAsync(Step(rid, "hearing-outcome"), new { outcome = "Acquitted", hearingId = hearing })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await worker.GetAsync("/api/v1/my-work")).JsonAsync()).EnumerateArray().ShouldContain(i => i.GetProperty("kind").GetString() == "court-hearing" && i.GetProperty("caseId").GetString() == id);

        // Deprivation of liberty: the child's record says so, and a review is due within 48 hours (overdue here), then every 30 days.
        (await worker.PostAsJsonAsync(Step(victim, "detention"), new { on = Day(today), text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        c = await OkAsync(worker.PostAsJsonAsync(Step(rid, "detention"), new { on = Day(today.AddDays(-5)), text = "Ganja temporary detention facility" }));
        (await (await worker.GetAsync($"/api/v1/children/{childId}")).JsonAsync()).GetProperty("careArrangement").GetString().ShouldBe("Detention");
        foreach (var who in new[] { worker, supervisor })
            (await (await who.GetAsync("/api/v1/my-work")).JsonAsync()).EnumerateArray()
                .ShouldContain(i => i.GetProperty("kind").GetString() == "detention-review" && i.GetProperty("caseId").GetString() == id && i.GetProperty("overdue").GetBoolean());
        c = await OkAsync(worker.PostAsJsonAsync(Step(rid, "detention-review"), new { on = Day(today), text = "Prosecutor asked to consider release to the family" }));
        c.GetProperty("justice")[0].GetProperty("detentionReviewDue").GetString().ShouldBe(Day(today.AddDays(30)));
        c.GetProperty("justice")[0].GetProperty("detentionReviewOverdue").GetBoolean().ShouldBeFalse();
        c = await OkAsync(worker.PostAsJsonAsync(Step(rid, "release"), new { on = Day(today) }));
        (await (await worker.GetAsync($"/api/v1/children/{childId}")).JsonAsync()).GetProperty("careArrangement").GetString().ShouldBe("Other");
        (await (await worker.GetAsync("/api/v1/my-work")).JsonAsync()).EnumerateArray()
            .ShouldNotContain(i => i.GetProperty("kind").GetString() == "detention-review" && i.GetProperty("caseId").GetString() == id);
        (await worker.PostAsJsonAsync(Step(rid, "release"), new { on = Day(today) })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_case_opened_from_an_outreach_task_closes_the_task()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var childId = await ChildAsync(worker, disability: false);
        var task = await OkAsync(worker.PostAsJsonAsync("/api/v1/outreach-tasks", new { childId }), HttpStatusCode.Created);
        var c = await OkAsync(worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Found on outreach", concerns = new[] { "out-of-school" }, risk = "Medium", outreachTaskId = task.GetProperty("id").GetString() }), HttpStatusCode.Created);
        c.GetProperty("openedFrom").GetString().ShouldBe("outreach");
        var tasks = await (await worker.GetAsync("/api/v1/outreach-tasks?status=Done")).JsonAsync();
        tasks.EnumerateArray().First(t => t.GetProperty("id").GetString() == task.GetProperty("id").GetString()).GetProperty("outcome").GetString()!
            .ShouldContain(c.GetProperty("number").GetString()!);
    }

    private async Task<HttpClient> UserAsync(string role) => (await UserAsync(role, "C-GAN")).Client;

    private async Task<(HttpClient Client, int Id)> UserAsync(string role, string area)
    {
        var admin = await app.ClientForAsync("admin");
        var name = $"{role.ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..6]}";
        var res = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "Colleague", agency = "Social Services Centre", roles = new[] { role }, scopeKind = "Areas", scopeAreas = new[] { area }, password = HimayaApp.Password });
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        return (await app.ClientForEnrolledAsync(name, HimayaApp.Password), (await res.JsonAsync()).GetProperty("id").GetInt32());
    }

    private static async Task<string> ChildAsync(HttpClient worker, bool disability)
    {
        var child = TestData.Child(surname: "Qayğıyev");
        if (!disability) child.Remove("functioning");
        return (await TestData.CreateChildAsync(worker, child)).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string id) => await OkAsync(client.GetAsync($"/api/v1/cases/{id}"));

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> request, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var res = await request;
        res.StatusCode.ShouldBe(expected, await res.Content.ReadAsStringAsync());
        return await res.JsonAsync();
    }

    private static int V(JsonElement c) => c.GetProperty("version").GetInt32();
    private static string Day(DateTime d) => d.ToString("yyyy-MM-dd");
    private static string Today() => DateTime.UtcNow.ToString("yyyy-MM-dd");

    private static object Action(string action = "Weekly home visit", DateTime? due = null) =>
        new { goal = "The child is safe and cared for at home", action, responsible = "worker.ganja", dueOn = (due ?? DateTime.UtcNow.AddMonths(1)).ToString("yyyy-MM-dd") };

    private static Dictionary<string, object?> Comprehensive(int version) => new()
    {
        ["version"] = version, ["familySituation"] = "Lives with grandmother; mother works abroad", ["wellbeing"] = new Dictionary<string, int>(AllWell),
        ["functioning"] = "Needs support with reading", ["risks"] = "Left alone at night", ["strengths"] = "Close to grandmother, likes school",
    };

    private static object Refer(int serviceId, bool consent = true) =>
        new { serviceId, reason = "Anxiety after separation", consentGiven = consent, consentBy = "Grandmother, Səkinə Əliyeva", consentOn = Today(), dueOn = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-dd") };
}
