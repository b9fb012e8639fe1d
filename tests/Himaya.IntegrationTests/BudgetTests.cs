using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Himaya.Features.Monitoring;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(MonitoringOnSqliteCollection.Name)]
public sealed class BudgetOnSqlite(SqliteApp app) : BudgetTests(app);
[Collection(MonitoringOnPostgresCollection.Name)]
public sealed class BudgetOnPostgres(PostgresApp app) : BudgetTests(app);

/// <summary>
/// The child-focused budget: lines one by one and as a file (each bad value named by line and column, nothing of a bad
/// file kept), and the summary by year with the children's share and spending per child.
/// </summary>
public abstract class BudgetTests(HimayaApp app)
{
    private async Task<int> LinesAsync()
    {
        await using var db = app.NewDbContext();
        return await db.Set<BudgetLine>().CountAsync();
    }

    private async Task<HttpResponseMessage> ImportAsync(string csv, string user = "analyst") =>
        await (await app.ClientForAsync(user)).PostAsync("/api/v1/budget/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task A_bad_file_names_each_problem_by_line_and_column_and_keeps_nothing()
    {
        var before = await LinesAsync();
        var res = await ImportAsync(BudgetStore.Header + "\n2031,Education,Preschools,Direct,1000,,\n203x,Schools,,Sideways,-5,12.5.1,\n2031,Health,\"Clinics, primary\",Indirect,400\n");
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await res.JsonAsync();
        problem.ErrorFields().ShouldBe(["line3.year", "line3.sector", "line3.programme", "line3.relevance", "line3.planned", "line3.executed", "line4"], ignoreOrder: true);
        problem.CodesOf("line3.planned").ShouldBe(["monitoring.positive"]);
        problem.CodesOf("line3.executed").ShouldBe(["field.number"]);
        problem.CodesOf("line4").ShouldBe(["monitoring.budget-columns"]);
        (await (await ImportAsync("year;sector\n2031;Education\n")).JsonAsync()).CodesOf("file").ShouldBe(["monitoring.budget-header"]);
        (await (await ImportAsync(BudgetStore.Header + "\n")).JsonAsync()).CodesOf("file").ShouldBe(["monitoring.budget-empty"]);
        (await LinesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_summary_gives_the_childrens_share_and_spending_per_child_by_year()
    {
        var analyst = await app.ClientForAsync("analyst");
        var year = 2040 + Random.Shared.Next(50);
        var res = await ImportAsync(BudgetStore.Header + $"\n{year},Education,Preschool education,Direct,600,580,State budget law\n" +
            $"{year},SocialProtection,\"Family benefits, targeted\",Indirect,200,220,\n{year},Other,Roads,None,1200,1200,\n");
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        (await res.JsonAsync()).GetProperty("imported").GetInt32().ShouldBe(3);
        var added = await analyst.PostAsJsonAsync("/api/v1/budget/lines", new { year = year + 1, sector = "ChildProtection", programme = "Child-protection services", relevance = "Direct", planned = 50 });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());

        // The child population of the year, as an indicator value: spending per child divides by it.
        var population = await analyst.PostAsJsonAsync("/api/v1/indicators", new { code = "DM_POP_U18", name = new { az = "Uşaq əhalisi", en = "Child population", ru = "Детское население" }, unit = "Number", direction = "HigherIsBetter" });
        population.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.BadRequest);
        (await analyst.PostAsJsonAsync("/api/v1/indicators/DM_POP_U18/values", new { period = year.ToString(System.Globalization.CultureInfo.InvariantCulture), place = "AZE", value = 400 })).EnsureSuccessStatusCode();

        var summary = await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/budget/summary?from={year}&to={year + 1}");
        summary.GetProperty("currency").GetString().ShouldBe("AZN");
        var y = summary.GetProperty("years")[0];
        (y.GetProperty("year").GetInt32(), y.GetProperty("executed").GetBoolean(), y.GetProperty("total").GetDecimal(), y.GetProperty("direct").GetDecimal(),
            y.GetProperty("indirect").GetDecimal(), y.GetProperty("childShare").GetDecimal(), y.GetProperty("perChild").GetDecimal()).ShouldBe((year, true, 2000m, 580m, 220m, 40.0m, 2.00m));
        var next = summary.GetProperty("years")[1];
        (next.GetProperty("executed").GetBoolean(), next.GetProperty("childShare").GetDecimal(), next.GetProperty("perChild").ValueKind).ShouldBe((false, 100.0m, JsonValueKind.Null));
        (await analyst.GetAsync("/api/v1/budget/summary?from=2030&to=2020")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await analyst.GetAsync("/api/v1/budget/lines?year=soon")).JsonAsync()).CodesOf("year").ShouldBe(["field.whole-number"]);
        (await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/budget/lines?year={year}")).GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task A_bad_line_is_named_field_by_field_and_only_the_keepers_of_monitoring_data_write()
    {
        var before = await LinesAsync();
        var bad = await (await app.ClientForAsync("analyst")).PostAsJsonAsync("/api/v1/budget/lines", new { year = 1990, programme = "", planned = -1, executed = -2 });
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["year", "programme", "planned", "executed", "sector", "relevance"], ignoreOrder: true);
        var list = await (await app.ClientForAsync("analyst")).PostAsJsonAsync("/api/v1/budget/lines", new { year = 2030, sector = "Education, Health", programme = "x", relevance = "Direct", planned = 1 });
        (await list.JsonAsync()).ErrorFields().ShouldContain("sector");
        (await (await app.ClientForAsync("coordinator.ganja")).PostAsJsonAsync("/api/v1/budget/lines", new { year = 2030, sector = "Education", programme = "x", relevance = "Direct", planned = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ImportAsync(BudgetStore.Header + "\n2030,Education,x,Direct,1,,\n", user: "worker.ganja")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await LinesAsync()).ShouldBe(before);
        (await (await app.ClientForAsync("coordinator.ganja")).GetAsync("/api/v1/budget/summary")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
