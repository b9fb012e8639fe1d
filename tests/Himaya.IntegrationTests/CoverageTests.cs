using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(ServicesOnSqliteCollection.Name)]
public sealed class CoverageOnSqlite(SqliteApp app) : CoverageTests(app);
[Collection(ServicesOnPostgresCollection.Name)]
public sealed class CoverageOnPostgres(PostgresApp app) : CoverageTests(app);

/// <summary>
/// Need against supply, computed exactly: each test reads a district's row, adds known children, cases and services,
/// and checks the row moved by exactly what was added (the demo population around it is whatever it is).
/// </summary>
public abstract class CoverageTests(HimayaApp app)
{
    private static async Task<JsonElement> RowAsync(HttpClient client, string type, string district)
    {
        var res = await client.GetAsync($"/api/v1/services/coverage?type={type}");
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        return (await res.JsonAsync()).GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("districtCode").GetString() == district);
    }

    private static int Int(JsonElement row, string name) => row.GetProperty(name).GetInt32();

    [Fact]
    public async Task Children_with_a_difficulty_count_as_need_for_rehabilitation_and_a_shared_service_splits_its_places()
    {
        var admin = await app.ClientForAsync("admin");
        var before = await RowAsync(admin, "rehabilitation", "C-MIN");
        for (var i = 0; i < 3; i++) await TestData.CreateChildAsync(admin, TestData.Child("C-MIN", surname: "Əhatəli")); // a difficulty in seeing
        for (var i = 0; i < 2; i++)
        {
            var child = TestData.Child("C-MIN", surname: "Əhatəsiz");
            child.Remove("functioning");
            await TestData.CreateChildAsync(admin, child);
        }
        var provider = (await (await admin.PostAsJsonAsync("/api/v1/providers", new { name = "Coverage provider " + Guid.NewGuid().ToString("N")[..6], kind = "State" })).JsonAsync()).GetProperty("id").GetInt32();
        var made = await admin.PostAsJsonAsync("/api/v1/services", new
        {
            providerId = provider, name = "Mingachevir and Sumgait rehabilitation " + Guid.NewGuid().ToString("N")[..6], types = new[] { "rehabilitation" },
            districts = new[] { "C-MIN", "C-SUM" }, capacity = 10, freePlaces = 4,
        });
        made.StatusCode.ShouldBe(HttpStatusCode.Created, await made.Content.ReadAsStringAsync());

        var after = await RowAsync(admin, "rehabilitation", "C-MIN");
        Int(after, "need").ShouldBe(Int(before, "need") + 3);
        Int(after, "capacity").ShouldBe(Int(before, "capacity") + 5);
        Int(after, "freePlaces").ShouldBe(Int(before, "freePlaces") + 2);
        Int(after, "services").ShouldBe(Int(before, "services") + 1);
        Int(after, "gap").ShouldBe(Math.Max(0, Int(after, "need") - Int(after, "capacity")));
    }

    [Fact]
    public async Task A_case_plan_asking_for_a_service_counts_until_a_referral_to_one_is_accepted()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var before = await RowAsync(worker, "mhpss", "C-GAN");
        var child = TestData.Child(surname: "Planlı");
        child.Remove("functioning");
        child["birthDate"] = DateTime.UtcNow.AddYears(-9).ToString("yyyy-MM-dd");
        var childId = (await TestData.CreateChildAsync(worker, child)).GetProperty("id").GetString()!;
        var c = await (await worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Grief", concerns = new[] { "mental-health" }, risk = "Low" })).JsonAsync();
        var id = c.GetProperty("id").GetString()!;
        int V(JsonElement x) => x.GetProperty("version").GetInt32();
        c = await (await worker.PostAsJsonAsync($"/api/v1/cases/{id}/initial-assessment", new { version = V(c), summary = "Sad since the father's death", childSafe = true, risk = "Low" })).JsonAsync();
        var wellbeing = new Dictionary<string, int> { ["health"] = 3, ["education"] = 3, ["emotional"] = 2, ["relationships"] = 3, ["safety"] = 3, ["identity"] = 3, ["selfCare"] = 3, ["living"] = 3 };
        c = await (await worker.PostAsJsonAsync($"/api/v1/cases/{id}/comprehensive-assessment", new { version = V(c), familySituation = "Mother and two sisters", wellbeing, risks = "Withdrawn", strengths = "School" })).JsonAsync();
        var due = DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM-dd");
        var wrongType = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/plan", new { version = V(c), actions = new[] { new { goal = "Copes", action = "Sessions", responsible = "NGO", dueOn = due, serviceType = "no-such" } } });
        (await wrongType.JsonAsync()).GetProperty("codes").GetProperty("actions[0].serviceType")[0].GetString().ShouldBe("case.unknown-service-type");
        var planned = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/plan", new { version = V(c), actions = new[] { new { goal = "Copes with the loss", action = "Psychosocial sessions", responsible = "NGO", dueOn = due, serviceType = "mhpss" } } });
        planned.StatusCode.ShouldBe(HttpStatusCode.OK, await planned.Content.ReadAsStringAsync());
        c = await planned.JsonAsync();
        c.GetProperty("plan")[0].GetProperty("serviceType").GetString().ShouldBe("mhpss");

        var planning = await RowAsync(worker, "mhpss", "C-GAN");
        Int(planning, "need").ShouldBe(Int(before, "need") + 1);
        Int(planning, "fromCases").ShouldBe(Int(before, "fromCases") + 1);

        c = await (await supervisor.PostAsJsonAsync($"/api/v1/cases/{id}/plan/decision", new { version = V(c), approve = true })).JsonAsync();
        var services = await (await worker.GetAsync($"/api/v1/services?childId={childId}")).JsonAsync();
        var mhpss = services.EnumerateArray().First(s => s.GetProperty("agency").GetString() == "Ganja Children's NGO" && s.GetProperty("types").EnumerateArray().Any(t => t.GetString() == "mhpss")).GetProperty("id").GetInt32();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var sent = await worker.PostAsJsonAsync($"/api/v1/cases/{id}/referrals", new { serviceId = mhpss, reason = "Grief counselling", consentGiven = true, consentBy = "Mother", consentOn = today });
        sent.StatusCode.ShouldBe(HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var referral = await sent.JsonAsync();
        // Sent is not met: the child still needs it until the service takes the child.
        Int(await RowAsync(worker, "mhpss", "C-GAN"), "need").ShouldBe(Int(before, "need") + 1);
        var ngo = await app.ClientForAsync("ngo.ganja");
        var accepted = await ngo.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetString()}/accept", new { version = V(referral), text = "Sessions on Tuesdays" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var met = await RowAsync(worker, "mhpss", "C-GAN");
        Int(met, "need").ShouldBe(Int(before, "need"));
        Int(met, "referralsAccepted").ShouldBe(Int(before, "referralsAccepted") + 1);
    }

    [Fact]
    public async Task An_analyst_sees_small_counts_hidden_and_bad_input_is_named()
    {
        var analyst = await app.ClientForAsync("analyst");
        var res = await analyst.GetAsync("/api/v1/services/coverage?type=rehabilitation");
        res.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = (await res.JsonAsync()).GetProperty("districts").EnumerateArray().ToList();
        rows.ShouldNotBeEmpty();
        foreach (var row in rows)
        {
            var need = row.GetProperty("need");
            if (need.ValueKind == JsonValueKind.Number) need.GetInt32().ShouldNotBeInRange(1, 4);
            else row.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
        }
        var bad = await analyst.GetAsync("/api/v1/services/coverage?type=nothing");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).GetProperty("codes").GetProperty("type")[0].GetString().ShouldBe("services.unknown-type");
        (await (await analyst.GetAsync("/api/v1/services/coverage")).JsonAsync()).GetProperty("codes").GetProperty("type")[0].GetString().ShouldBe("field.required");
        var csv = await (await analyst.GetAsync("/api/v1/services/coverage.csv?type=rehabilitation")).Content.ReadAsStringAsync();
        csv.ShouldStartWith("district_code,need,capacity,free_places,gap,");
        // The workbook holds the same rows, a hidden count as an empty cell, headers in the reader's language.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/services/coverage.xlsx?type=rehabilitation");
        request.Headers.AcceptLanguage.ParseAdd("az");
        var xlsx = await analyst.SendAsync(request);
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sheet = Workbook.Read(await xlsx.Content.ReadAsByteArrayAsync())[0];
        sheet.Rows[0][0].ShouldBe("Rayon");
        sheet.Rows.Count.ShouldBe(rows.Count + 1);
        for (var i = 0; i < rows.Count; i++)
        {
            sheet.Rows[i + 1][0].ShouldBe(rows[i].GetProperty("districtCode").GetString());
            var need = rows[i].GetProperty("need");
            if (need.ValueKind == JsonValueKind.Null) sheet.Rows[i + 1][1].ShouldBeNull();
            else Convert.ToInt32(sheet.Rows[i + 1][1], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(need.GetInt32());
        }
        (await (await app.ClientForAsync("teacher.ganja")).GetAsync("/api/v1/services/coverage?type=rehabilitation")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_decline_for_lack_of_a_free_place_is_counted_as_such_and_the_service_shows_no_free_place()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var admin = await app.ClientForAsync("admin");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var ngoProvider = (await (await admin.GetAsync("/api/v1/providers")).JsonAsync()).EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Ganja Children's NGO").GetProperty("id").GetInt32();
        var made = await admin.PostAsJsonAsync("/api/v1/services", new { providerId = ngoProvider, name = "Legal clinic " + tag, types = new[] { "legal-aid" }, districts = new[] { "C-GAN" }, capacity = 5, freePlaces = 2 });
        var serviceId = (await made.JsonAsync()).GetProperty("id").GetInt32();
        var before = await RowAsync(worker, "legal-aid", "C-GAN");
        var child = TestData.Child(surname: "Dolu");
        child.Remove("functioning");
        var childId = (await TestData.CreateChildAsync(worker, child)).GetProperty("id").GetString()!;
        var c = await (await worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Documents", concerns = new[] { "neglect" }, risk = "Low" })).JsonAsync();
        var sent = await worker.PostAsJsonAsync($"/api/v1/cases/{c.GetProperty("id").GetString()}/referrals",
            new { serviceId, reason = "Birth certificate", consentGiven = true, consentBy = "Mother", consentOn = DateTime.UtcNow.ToString("yyyy-MM-dd") });
        sent.StatusCode.ShouldBe(HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var referral = await sent.JsonAsync();
        var ngo = await app.ClientForAsync("ngo.ganja");
        var url = $"/api/v1/referrals/{referral.GetProperty("id").GetString()}/decline";
        var noReason = await ngo.PostAsJsonAsync(url, new { version = referral.GetProperty("version").GetInt32(), noCapacity = true });
        (await noReason.JsonAsync()).GetProperty("codes").GetProperty("text")[0].GetString().ShouldBe("referral.decline-reason-required");
        var declined = await ngo.PostAsJsonAsync(url, new { version = referral.GetProperty("version").GetInt32(), text = "Full until March", noCapacity = true });
        declined.StatusCode.ShouldBe(HttpStatusCode.OK, await declined.Content.ReadAsStringAsync());
        (await declined.JsonAsync()).GetProperty("declinedForCapacity").GetBoolean().ShouldBeTrue();

        var after = await RowAsync(worker, "legal-aid", "C-GAN");
        Int(after, "referralsDeclinedForCapacity").ShouldBe(Int(before, "referralsDeclinedForCapacity") + 1);
        Int(after, "referralsDeclined").ShouldBe(Int(before, "referralsDeclined") + 1);
        Int(after, "freePlaces").ShouldBe(Int(before, "freePlaces") - 2);
        (await (await admin.GetAsync($"/api/v1/services/{serviceId}")).JsonAsync()).GetProperty("freePlaces").GetInt32().ShouldBe(0);
    }
}
