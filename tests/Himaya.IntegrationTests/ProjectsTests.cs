using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Himaya.Features.Monitoring;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(MonitoringOnSqliteCollection.Name)]
public sealed class ProjectsOnSqlite(SqliteApp app) : ProjectsTests(app);
[Collection(MonitoringOnPostgresCollection.Name)]
public sealed class ProjectsOnPostgres(PostgresApp app) : ProjectsTests(app);

/// <summary>
/// Results frameworks: a project with its funder's share, outcomes and outputs, targets by place and period, progress
/// reports read against them; every bad request named field by field and nothing of it kept.
/// </summary>
public abstract class ProjectsTests(HimayaApp app)
{
    private static string NewCode() => "PRJ_" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private static object Body(string code, decimal budget = 2_896_681m, decimal share = 2_896_681m, string start = "2024-01-01", string end = "2026-12-31",
        string[]? districts = null) => new
    {
        code, name = new { az = "İcma xidmətləri", en = "Community services", ru = "Услуги в общинах" }, funder = "European Union", currency = "EUR",
        budget, funderShare = share, start, end, districts = districts ?? ["C-GAN", "R-BAR", "C-LAN", "C-SEK"],
    };

    private async Task<JsonElement> PostAsync(string url, object body, HttpStatusCode expected, string user = "analyst")
    {
        var res = await (await app.ClientForAsync(user)).PostAsJsonAsync(url, body);
        res.StatusCode.ShouldBe(expected, await res.Content.ReadAsStringAsync());
        return await res.JsonAsync();
    }

    private async Task<(int Projects, int Results, int Targets, int Reports, int Audit)> CountsAsync()
    {
        await using var db = app.NewDbContext();
        return (await db.Set<Project>().CountAsync(), await db.Set<ProjectResult>().CountAsync(), await db.Set<ResultTarget>().CountAsync(),
            await db.Set<ResultProgress>().CountAsync(), await db.AuditEntries.CountAsync(a => a.EntityType == "project"));
    }

    [Fact]
    public async Task The_demo_holds_both_eu_projects_with_the_money_and_targets_the_programme_states()
    {
        var list = await (await app.ClientForAsync("analyst")).GetFromJsonAsync<JsonElement>("/api/v1/projects");
        var protection = list.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "EU-CP-2023");
        (protection.GetProperty("funderShare").GetDecimal(), protection.GetProperty("budget").GetDecimal(), protection.GetProperty("coFunding").GetDecimal())
            .ShouldBe((1_100_000m, 1_245_808m, 145_808m));
        protection.GetProperty("districts").GetArrayLength().ShouldBe(6);
        (protection.GetProperty("start").GetString(), protection.GetProperty("end").GetString()).ShouldBe(("2023-01-01", "2025-12-31"));

        var community = await (await app.ClientForAsync("coordinator.ganja")).GetFromJsonAsync<JsonElement>("/api/v1/projects/EU-CFBS-2024");
        community.GetProperty("project").GetProperty("funderShare").GetDecimal().ShouldBe(2_896_681m);
        var whole = community.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("level").GetString() == "Output")
            .ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("place").GetString() == "AZE"));
        whole.ToDictionary(kv => kv.Key, kv => kv.Value.GetProperty("target").GetDecimal())
            .ShouldBe(new Dictionary<string, decimal> { ["1.1"] = 60_000, ["1.2"] = 400, ["1.3"] = 4_000, ["1.4"] = 200, ["1.5"] = 3_000 });
        // The counselling target reads the latest cumulative report: 41,200 of 60,000.
        (whole["1.1"].GetProperty("achieved").GetDecimal(), whole["1.1"].GetProperty("percent").GetInt32()).ShouldBe((41_200m, 69));
        whole["1.2"].GetProperty("achieved").ValueKind.ShouldBe(JsonValueKind.Null);
        community.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "1.1").GetProperty("targets").GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public async Task A_framework_is_built_and_reported_on_and_each_write_is_audited_in_its_transaction()
    {
        var code = NewCode();
        var made = await PostAsync("/api/v1/projects", Body(code, budget: 1_245_808m, share: 1_100_000m), HttpStatusCode.Created);
        made.GetProperty("coFunding").GetDecimal().ShouldBe(145_808m);
        made.GetProperty("districts").EnumerateArray().Select(d => d.GetString()).ShouldBe(["C-GAN", "C-LAN", "C-SEK", "R-BAR"]);
        await PostAsync($"/api/v1/projects/{code}/results", new
        {
            level = "Outcome", code = "1", statement = new { az = "Uşaqlar xidmətlərdən istifadə edir", en = "Children use the services", ru = "Дети пользуются услугами" }, unit = "Number",
        }, HttpStatusCode.OK);
        var withOutput = await PostAsync($"/api/v1/projects/{code}/results", new
        {
            level = "Output", code = "1.1", parent = "1", statement = new { az = "Məsləhət alan uşaqlar", en = "Children counselled", ru = "Дети, получившие консультации" },
            unit = "Number", indicator = "ECD_CHLD_36-59M_EDU-PGM",
        }, HttpStatusCode.OK);
        var output = withOutput.GetProperty("results")[1];
        (output.GetProperty("parent").GetString(), output.GetProperty("indicator").GetString()).ShouldBe(("1", "ECD_CHLD_36-59M_EDU-PGM"));

        await PostAsync($"/api/v1/projects/{code}/targets", new { result = "1.1", place = "AZE", period = "2026", value = 60_000 }, HttpStatusCode.OK);
        await PostAsync($"/api/v1/projects/{code}/targets", new { result = "1.1", place = "C-GAN", period = "2026", value = 15_000 }, HttpStatusCode.OK);
        await PostAsync($"/api/v1/projects/{code}/progress", new { result = "1.1", place = "AZE", period = "2025-Q2", value = 20_000, note = "Half-year report" }, HttpStatusCode.OK);
        // The same place and period again replaces the report.
        var view = await PostAsync($"/api/v1/projects/{code}/progress", new { result = "1.1", place = "AZE", period = "2025-Q2", value = 21_000 }, HttpStatusCode.OK);
        var targets = view.GetProperty("results")[1].GetProperty("targets");
        (targets[0].GetProperty("place").GetString(), targets[0].GetProperty("achieved").GetDecimal(), targets[0].GetProperty("percent").GetInt32()).ShouldBe(("AZE", 21_000m, 35));
        (targets[1].GetProperty("place").GetString(), targets[1].GetProperty("achieved").ValueKind).ShouldBe(("C-GAN", JsonValueKind.Null));
        view.GetProperty("results")[1].GetProperty("progress").GetArrayLength().ShouldBe(1);
        view.GetProperty("project").GetProperty("progress").GetInt32().ShouldBe(35);

        await using var db = app.NewDbContext();
        var lines = await db.AuditEntries.Where(a => a.EntityType == "project" && a.EntityId == code).Select(a => a.Detail).ToListAsync();
        lines.Count.ShouldBe(7);
        lines.ShouldContain("progress 1.1 AZE 2025-Q2: 21000");
    }

    [Fact]
    public async Task A_bad_project_is_named_field_by_field_and_nothing_is_kept()
    {
        var before = await CountsAsync();
        var bad = await PostAsync("/api/v1/projects", new
        {
            code = "lower case", name = new { en = "X" }, funder = "", currency = "euro", budget = 1_000, funderShare = 2_000, start = "2025-01-01", end = "2024-01-01",
            districts = new[] { "C-GAN", "ER-GDA", "NOWHERE" },
        }, HttpStatusCode.BadRequest);
        bad.ErrorFields().ShouldBe(["code", "name.az", "name.ru", "funder", "currency", "funderShare", "end", "districts"], ignoreOrder: true);
        bad.CodesOf("funderShare").ShouldBe(["monitoring.share-above-budget"]);
        bad.CodesOf("end").ShouldBe(["monitoring.end-before-start"]);
        (await PostAsync("/api/v1/projects", new { code = NewCode() }, HttpStatusCode.BadRequest)).ErrorFields()
            .ShouldBe(["name.az", "name.en", "name.ru", "funder", "budget", "funderShare", "start", "end"], ignoreOrder: true);
        (await PostAsync("/api/v1/projects", Body("EU-CP-2023"), HttpStatusCode.BadRequest)).CodesOf("code").ShouldBe(["monitoring.code-taken"]);
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Results_targets_and_reports_that_do_not_fit_the_framework_are_refused_and_nothing_is_kept()
    {
        var code = NewCode();
        await PostAsync("/api/v1/projects", Body(code), HttpStatusCode.Created);
        var statement = new { az = "a", en = "b", ru = "c" };
        await PostAsync($"/api/v1/projects/{code}/results", new { level = "Outcome", code = "1", statement, unit = "Number" }, HttpStatusCode.OK);
        await PostAsync($"/api/v1/projects/{code}/results", new { level = "Output", code = "1.1", parent = "1", statement, unit = "Number" }, HttpStatusCode.OK);
        var before = await CountsAsync();

        // An output needs an outcome of this project above it; an outcome has none; codes are the project's own.
        (await PostAsync($"/api/v1/projects/{code}/results", new { level = "Output", code = "1.2", parent = "1.1", statement, unit = "Number" }, HttpStatusCode.BadRequest))
            .CodesOf("parent").ShouldBe(["monitoring.parent-outcome"]);
        (await PostAsync($"/api/v1/projects/{code}/results", new { level = "Outcome", code = "2", parent = "1", statement, unit = "Number" }, HttpStatusCode.BadRequest))
            .CodesOf("parent").ShouldBe(["monitoring.parent-outcome"]);
        (await PostAsync($"/api/v1/projects/{code}/results", new { level = "Output", code = "1.1", parent = "1", statement = new { en = "b" }, unit = "Number", indicator = "NO_SUCH" },
            HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["code", "statement.az", "statement.ru", "indicator"], ignoreOrder: true);
        (await PostAsync($"/api/v1/projects/{code}/results", new { level = "Output, Outcome", code = "9", statement, unit = "Number" }, HttpStatusCode.BadRequest))
            .ErrorFields().ShouldContain("level");

        // Targets and reports: a result of the project, one of its places, a period within its dates, a value not below zero.
        var wrong = await PostAsync($"/api/v1/projects/{code}/progress", new { result = "9.9", place = "C-SUM", period = "2023", value = -1 }, HttpStatusCode.BadRequest);
        wrong.ErrorFields().ShouldBe(["result", "place", "period", "value"], ignoreOrder: true);
        wrong.CodesOf("place").ShouldBe(["monitoring.place-outside-project"]);
        wrong.CodesOf("period").ShouldBe(["monitoring.outside-project"]);
        wrong.CodesOf("value").ShouldBe(["monitoring.positive"]);
        (await PostAsync($"/api/v1/projects/{code}/targets", new { result = "1.1", place = "AZE", period = "2026-13", value = 5 }, HttpStatusCode.BadRequest))
            .CodesOf("period").ShouldBe(["monitoring.period"]);
        (await PostAsync($"/api/v1/projects/{code}/targets", new { result = "1.1", place = "AZE", period = "2026" }, HttpStatusCode.BadRequest))
            .ErrorFields().ShouldBe(["value"]);
        (await PostAsync($"/api/v1/projects/{code}/targets", new { result = "1.1", place = "AZE", period = "2026", value = "many" }, HttpStatusCode.BadRequest))
            .ErrorFields().ShouldBe(["value"]);
        (await CountsAsync()).ShouldBe(before);
        (await (await app.ClientForAsync("analyst")).PostAsJsonAsync("/api/v1/projects/NO_SUCH_PROJECT/progress", new { result = "1.1", place = "AZE", period = "2025", value = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_keepers_of_monitoring_data_write_and_everyone_who_sees_aggregates_reads()
    {
        var before = await CountsAsync();
        await PostAsync("/api/v1/projects", Body(NewCode()), HttpStatusCode.Forbidden, user: "coordinator.ganja");
        await PostAsync("/api/v1/projects/EU-CFBS-2024/progress", new { result = "1.1", place = "AZE", period = "2025", value = 99_999 }, HttpStatusCode.Forbidden, user: "worker.ganja");
        (await CountsAsync()).ShouldBe(before);
        (await (await app.ClientForAsync("coordinator.ganja")).GetAsync("/api/v1/projects/EU-CFBS-2024")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.ClientForAsync("analyst")).GetAsync("/api/v1/projects/NO_SUCH_PROJECT")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CreateClient().GetAsync("/api/v1/projects")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
