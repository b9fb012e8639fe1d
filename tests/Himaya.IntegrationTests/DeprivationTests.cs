using Himaya.Features.Registry;
using Himaya.Features.Deprivation;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Himaya.IntegrationTests;

public sealed class DeprivationOnSqlite(SqliteApp app) : DeprivationTests(app), IClassFixture<SqliteApp>;
public sealed class DeprivationOnPostgres(PostgresApp app) : DeprivationTests(app), IClassFixture<PostgresApp>;

/// <summary>The deprivation analysis of the registry: scope, suppression, audit, and the same numbers as `himaya moda` on the same data.</summary>
public abstract class DeprivationTests(HimayaApp app)
{
    private static JsonElement Parse(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public async Task The_registry_analysis_equals_himaya_moda_run_on_the_registrys_own_microdata()
    {
        var admin = await app.ClientForAsync("admin");
        var analysis = await admin.GetAsync("/api/v1/deprivation/analysis?ageGroup=5-17&by=district&k=1,2,3,4,5");
        var text = await analysis.Content.ReadAsStringAsync();
        analysis.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var registry = Parse(text);
        registry.GetProperty("source").GetProperty("version").GetString().ShouldBe("1");
        registry.GetProperty("n").GetInt32().ShouldBeGreaterThan(100);
        // With three dimensions named, their overlap too: eight regions that cover everyone.
        var venn = await (await admin.GetAsync("/api/v1/deprivation/analysis?ageGroup=5-17&venn=water,sanitation,housing")).JsonAsync();
        var regions = venn.GetProperty("overlaps").GetProperty("regions").EnumerateObject().ToList();
        regions.Count.ShouldBe(8);
        regions.Sum(r => r.Value.GetDouble()).ShouldBe(1, 1e-9);

        // The same children as a file, and the framework as FRAMEWORK.json, through the command line.
        var dir = Directory.CreateTempSubdirectory("himaya-moda-it-").FullName;
        try
        {
            var micro = await admin.GetAsync("/api/v1/deprivation/microdata?ageGroup=5-17");
            micro.StatusCode.ShouldBe(HttpStatusCode.OK);
            await File.WriteAllBytesAsync(Path.Combine(dir, "children.csv"), await micro.Content.ReadAsByteArrayAsync());
            var fw = await admin.GetAsync("/api/v1/deprivation/framework?ageGroup=5-17&format=moda");
            fw.StatusCode.ShouldBe(HttpStatusCode.OK);
            await File.WriteAllTextAsync(Path.Combine(dir, "framework.json"), await fw.Content.ReadAsStringAsync());
            Himaya.Cli.ModaVerb.Run(["moda", "--input", Path.Combine(dir, "children.csv"), "--framework", Path.Combine(dir, "framework.json"),
                "--by", "district", "--k", "1,2,3,4,5", "--output", Path.Combine(dir, "out.json")]).ShouldBe(0);
            var cli = Parse(await File.ReadAllTextAsync(Path.Combine(dir, "out.json")));

            (cli.GetProperty("n").GetInt32(), cli.GetProperty("nDropped").GetInt32()).ShouldBe((registry.GetProperty("n").GetInt32(), registry.GetProperty("nDropped").GetInt32()));
            static void Same(JsonElement a, JsonElement b)
            {
                for (var k = 0; k < 5; k++)
                {
                    foreach (var m in new[] { "H", "A", "M0" }) a.GetProperty("byK")[k].GetProperty(m).GetDouble().ShouldBe(b.GetProperty("byK")[k].GetProperty(m).GetDouble(), 1e-12);
                    foreach (var d in a.GetProperty("byK")[k].GetProperty("censoredHeadcount").EnumerateObject())
                        d.Value.GetDouble().ShouldBe(b.GetProperty("byK")[k].GetProperty("censoredHeadcount").GetProperty(d.Name).GetDouble(), 1e-12);
                }
                foreach (var m in a.GetProperty("distribution").GetProperty("exactly").EnumerateObject())
                    m.Value.GetDouble().ShouldBe(b.GetProperty("distribution").GetProperty("exactly").GetProperty(m.Name).GetDouble(), 1e-12);
            }
            Same(registry, cli);
            var registryGroups = registry.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("by").GetProperty("district").GetString()!);
            var cliGroups = cli.GetProperty("groups").EnumerateArray().ToList();
            cliGroups.Count.ShouldBe(registryGroups.Count);
            foreach (var g in cliGroups)
            {
                var r = registryGroups[g.GetProperty("by").GetProperty("district").GetString()!];
                (r.GetProperty("n").GetInt32(), r.GetProperty("share").GetDouble()).ShouldBe((g.GetProperty("n").GetInt32(), g.GetProperty("share").GetDouble()));
                Same(r, g);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        await using var db = app.NewDbContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "export" && a.EntityType == "deprivation" && a.UserName == "admin")).ShouldBeGreaterThan(0);
        (await db.AuditEntries.CountAsync(a => a.Action == "analysis" && a.UserName == "admin")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_analyst_sees_no_figure_with_fewer_than_five_children_behind_it()
    {
        var analyst = await app.ClientForAsync("analyst");
        var res = await analyst.GetAsync("/api/v1/deprivation/analysis?ageGroup=0-4&by=district,age");
        var text = await res.Content.ReadAsStringAsync();
        res.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var r = Parse(text);
        r.GetProperty("source").GetProperty("minCell").GetInt32().ShouldBe(5);
        var groups = r.GetProperty("groups").EnumerateArray().ToList();
        static bool Suppressed(JsonElement g) => g.TryGetProperty("suppressed", out var s) && s.GetBoolean();
        groups.Any(Suppressed).ShouldBeTrue("a district and year of age with under 5 children is suppressed");
        foreach (var g in groups.Where(g => !Suppressed(g)).Prepend(r))
        {
            var n = g.GetProperty("n").GetInt32();
            n.ShouldBeGreaterThanOrEqualTo(5);
            // Every shown share stands for none or at least five children.
            var shares = g.GetProperty("byK").EnumerateArray().SelectMany(k => new[] { k.GetProperty("H") }.Concat(k.GetProperty("censoredHeadcount").EnumerateObject().Select(p => p.Value)))
                .Concat(g.GetProperty("distribution").GetProperty("exactly").EnumerateObject().Select(p => p.Value));
            foreach (var s in shares.Where(s => s.ValueKind == JsonValueKind.Number))
            {
                var count = Math.Round(s.GetDouble() * n);
                (count == 0 || count >= 5).ShouldBeTrue($"{count} children behind a figure");
            }
        }
        // The microdata are personal data: not for the analyst.
        (await analyst.GetAsync("/api/v1/deprivation/microdata?ageGroup=0-4")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_spreadsheet_download_holds_the_same_figures_as_the_csv()
    {
        var analyst = await app.ClientForAsync("analyst");
        var csv = (await analyst.GetStringAsync("/api/v1/deprivation/analysis?ageGroup=0-4&by=sex&format=csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split(',')).ToList();
        var xlsx = await analyst.GetAsync("/api/v1/deprivation/analysis?ageGroup=0-4&by=sex&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var book = doc.WorkbookPart!;
        var sheet = book.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "Figures");
        var rows = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Skip(1).ToList();
        rows.Count.ShouldBe(csv.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
            string Text(int c) => cells[c].InlineString?.InnerText ?? cells[c].CellValue?.Text ?? "";
            (Text(0), Text(2), Text(3)).ShouldBe((csv[i][0], csv[i][2], csv[i][3]));
            var value = cells[4].CellValue?.Text;
            if (csv[i][4].Length == 0) value.ShouldBeNull(); // suppressed: empty in both
            else double.Parse(value!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(double.Parse(csv[i][4], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_district_worker_analyses_only_their_district()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var r = Parse(await (await worker.GetAsync("/api/v1/deprivation/analysis?ageGroup=5-17&by=district")).Content.ReadAsStringAsync());
        r.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("by").GetProperty("district").GetString()).Distinct().ShouldBe(["C-GAN"]);
        await using var db = app.NewDbContext();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (earliest, latest) = (today.AddYears(-18), today.AddYears(-5));
        var inScope = await db.Children.CountAsync(c => c.DeletedAt == null && c.DistrictCode == "C-GAN" && c.BirthDate > earliest && c.BirthDate <= latest);
        (r.GetProperty("n").GetInt32() + r.GetProperty("nDropped").GetInt32()).ShouldBe(inScope);
    }

    [Theory]
    [InlineData("ageGroup=18-25", "ageGroup", "deprivation.unknown-age-group", "Unknown age group: one of 0-4, 5-17.")]
    [InlineData("by=shoe-size", "by", "deprivation.unknown-disaggregation", "Unknown disaggregation \"shoe-size\": one of district, region, sex, age, disability, residence, displacement.")]
    [InlineData("by=district,sex,age", "by", "deprivation.by-at-most-two", "At most two disaggregations.")]
    [InlineData("k=abc", "k", "deprivation.cut-off-not-a-number", "\"abc\" is not a number.")]
    [InlineData("ageGroup=5-17&k=6", "k", "deprivation.cut-off-out-of-range", "Each cut-off is above 0 and at most 5.")]
    [InlineData("format=xml", "format", "deprivation.analysis-format", "json, csv or xlsx.")]
    [InlineData("ageGroup=5-17&venn=water,water,housing", "venn", "deprivation.venn-three-names", "Three different dimension names.")]
    [InlineData("ageGroup=5-17&venn=water,sanitation,health", "venn", "deprivation.venn-not-dimensions", "Each must be a dimension of the framework's age group.")]
    [InlineData("version=7", "version", "framework.not-found", "No such framework or version.")]
    public async Task A_bad_question_is_named_by_its_field(string query, string field, string code, string message)
    {
        var analyst = await app.ClientForAsync("analyst");
        var res = await analyst.GetAsync("/api/v1/deprivation/analysis?" + query);
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await res.JsonAsync();
        problem.ErrorFields().ShouldContain(field);
        problem.CodesOf(field).ShouldBe([code]);
        problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe(message);
    }

    [Theory]
    [InlineData("/api/v1/deprivation/framework?format=xml", "format", "framework.format")]
    [InlineData("/api/v1/deprivation/framework?format=moda&ageGroup=old", "ageGroup", "deprivation.unknown-age-group")]
    [InlineData("/api/v1/deprivation/framework?name=none", "name", "framework.not-found")]
    [InlineData("/api/v1/deprivation/microdata?ageGroup=old", "ageGroup", "deprivation.unknown-age-group")]
    [InlineData("/api/v1/deprivation/runs/compare?a=x&b=y", "b", "run.second-id")]
    [InlineData("/api/v1/outreach-tasks?district=NOWHERE", "district", "field.unknown-district")]
    public async Task Other_bad_questions_are_refused_by_code(string url, string field, string code)
    {
        var res = await (await app.ClientForAsync("admin")).GetAsync(url);
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await res.JsonAsync()).CodesOf(field).ShouldBe([code]);
    }
}

public sealed class MostDeprivedOnSqlite(SqliteApp app) : MostDeprivedTests(app), IClassFixture<SqliteApp>;
public sealed class MostDeprivedOnPostgres(PostgresApp app) : MostDeprivedTests(app), IClassFixture<PostgresApp>;

/// <summary>The most deprived children: who is on the list, why, and who may see it.</summary>
public abstract class MostDeprivedTests(HimayaApp app)
{
    [Fact]
    public async Task A_child_deprived_in_many_dimensions_is_listed_with_the_gaps_in_services_its_record_shows()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var tag = new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + (c % 20))).ToArray());
        // A crowded household with an unprotected well, shared toilet and no social assistance.
        var household = await (await worker.PostAsJsonAsync("/api/v1/households", new
        {
            address = "Kənd yolu 3", districtCode = "C-GAN", residence = "Rural", waterSource = "UnprotectedWell", sanitation = "Shared",
            rooms = 1, people = 6, receivesTsa = false,
            members = new object[] { new { fullName = "Vüqar Yoxsulov", relationship = "father", sex = "M", birthYear = 1980, isHead = true } },
        })).JsonAsync();
        // Nine, out of school, birth not registered, a functional difficulty without an official status: five dimensions of five.
        var child = TestData.Child(surname: "Yoxsulov" + tag, givenName: "Nihad");
        child["householdId"] = household.GetProperty("id").GetString();
        child["birthDate"] = DateTime.UtcNow.AddYears(-9).AddDays(-20).ToString("yyyy-MM-dd");
        child["enrolment"] = "NotEnrolled";
        child["birthRegistered"] = false;
        child["officialDisabilityStatus"] = false;
        var id = (await TestData.CreateChildAsync(worker, child)).GetProperty("id").GetString();

        var res = await worker.GetAsync("/api/v1/deprivation/children?ageGroup=5-17&k=5&district=C-GAN&pageSize=200");
        var text = await res.Content.ReadAsStringAsync();
        res.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var list = JsonDocument.Parse(text).RootElement;
        var items = list.GetProperty("items").EnumerateArray().ToList();
        var mine = items.Single(i => i.GetProperty("id").GetString() == id);
        mine.GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()).ShouldBe(["education", "water", "sanitation", "housing", "protection"]);
        mine.GetProperty("reasons").EnumerateArray().Select(d => d.GetString())
            .ShouldBe(["no_birth_certificate", "out_of_school", "difficulty_without_status", "no_social_assistance"]);
        mine.GetProperty("score").GetDouble().ShouldBe(5, 1e-9);
        items.ShouldAllBe(i => i.GetProperty("districtCode").GetString() == "C-GAN");
        items.ShouldAllBe(i => i.GetProperty("score").GetDouble() >= 5 - 1e-9);

        // Less deprived children come after more deprived ones.
        var wider = (await (await worker.GetAsync("/api/v1/deprivation/children?ageGroup=5-17&k=2&pageSize=200")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("score").GetDouble()).ToList();
        wider.ShouldBe(wider.OrderByDescending(x => x).ToList());

        // Outside the worker's district, and for roles without personal data, nothing.
        var shirvan = await (await (await app.ClientForAsync("worker.shirvan")).GetAsync("/api/v1/deprivation/children?ageGroup=5-17&k=1&pageSize=200")).JsonAsync();
        shirvan.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetString() == id);
        (await (await app.ClientForAsync("analyst")).GetAsync("/api/v1/deprivation/children?ageGroup=5-17")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The export has the same child, and is audited as an export with the records it held.
        var csv = await (await worker.GetAsync("/api/v1/deprivation/children/export?ageGroup=5-17&k=5&district=C-GAN")).Content.ReadAsStringAsync();
        csv.ShouldStartWith("id,surname,given_name,patronymic,sex,birth_date,age,district,score,dimensions,reasons\n");
        csv.ShouldContain(id + ",Yoxsulov" + tag + ",Nihad,");
        await using var db = app.NewDbContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "export" && a.UserName == "worker.ganja" && a.Detail!.Contains(Guid.Parse(id!).ToString("N")))).ShouldBe(1);
    }

    [Theory]
    [InlineData("ageGroup=old", "ageGroup", "deprivation.unknown-age-group", "Unknown age group: one of 0-4, 5-17.")]
    [InlineData("ageGroup=5-17&k=9", "k", "deprivation.k-between", "Between 1 and 5.")]
    [InlineData("k=x", "k", "field.whole-number", "Must be a whole number.")]
    [InlineData("district=NOWHERE", "district", "field.unknown-district", "Unknown district code.")]
    [InlineData("pageSize=1000", "pageSize", "field.page-size", "Page size must be between 1 and 200.")]
    [InlineData("page=0", "page", "field.page-starts-at-one", "Page starts at 1.")]
    public async Task A_bad_filter_is_named(string query, string field, string code, string message)
    {
        var res = await (await app.ClientForAsync("worker.ganja")).GetAsync("/api/v1/deprivation/children?" + query);
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await res.JsonAsync();
        problem.ErrorFields().ShouldContain(field);
        problem.CodesOf(field).ShouldBe([code]);
        problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe(message);
    }
}

public sealed class DeprivationRunsOnSqlite(SqliteApp app) : DeprivationRunsTests(app), IClassFixture<SqliteApp>;
public sealed class DeprivationRunsOnPostgres(PostgresApp app) : DeprivationRunsTests(app), IClassFixture<PostgresApp>;

/// <summary>Stored runs, survey files with standard errors, and the change between two runs with its significance.</summary>
public abstract class DeprivationRunsTests(HimayaApp app)
{
    private const string Framework = """{"name":"MICS-like","version":"2","dimensions":[{"name":"water","indicators":["water"]},{"name":"school","indicators":["school"]}]}""";

    /// <summary>A survey of 400 children in 40 clusters of 2 strata; <paramref name="rate"/> of them deprived in water.</summary>
    private static string Survey(double rate, int seed)
    {
        var rng = new Random(seed);
        var sb = new System.Text.StringBuilder("id,water,school,region,cluster,wt\n");
        for (var i = 0; i < 400; i++)
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},{(rng.NextDouble() < rate ? 1 : 0)},{(rng.NextDouble() < 0.2 ? 1 : 0)},{(i < 200 ? "north" : "south")},{i / 10},{1 + (i % 3)}\n");
        return sb.ToString();
    }

    [Fact]
    public async Task Two_surveys_are_compared_with_the_significance_of_the_change()
    {
        var analyst = await app.ClientForAsync("analyst");
        async Task<(string Id, JsonElement Json)> Upload(string name, double rate, int seed)
        {
            var res = await analyst.PostAsJsonAsync("/api/v1/deprivation/survey", new
            {
                fileName = name, content = Survey(rate, seed), framework = Framework, weight = "wt", strata = "region", cluster = "cluster", by = new[] { "region" },
            });
            var text = await res.Content.ReadAsStringAsync();
            res.StatusCode.ShouldBe(HttpStatusCode.Created, text);
            return (res.Headers.Location!.ToString().Split('/')[^1], JsonDocument.Parse(text).RootElement.Clone());
        }
        var (first, json) = await Upload("survey-2022.csv", 0.5, 1);
        json.GetProperty("byK")[0].GetProperty("seH").GetDouble().ShouldBeGreaterThan(0);
        json.GetProperty("variance").GetProperty("method").GetString()!.ShouldContain("Taylor");
        var (second, _) = await Upload("survey-2025.csv", 0.2, 2);
        var (third, _) = await Upload("survey-2025-again.csv", 0.2, 3);

        var big = await (await analyst.GetAsync($"/api/v1/deprivation/runs/compare?a={first}&b={second}")).JsonAsync();
        var h1 = big.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("group").GetString() == "(all)" && c.GetProperty("k").GetDouble() == 1 && c.GetProperty("measure").GetString() == "H");
        h1.GetProperty("difference").GetDouble().ShouldBeLessThan(-0.15);
        h1.GetProperty("significant").GetBoolean().ShouldBeTrue();
        big.GetProperty("changes").EnumerateArray().ShouldContain(c => c.GetProperty("group").GetString() == "region=north");
        // Two samples of the same population: the difference is not significant.
        var same = await (await analyst.GetAsync($"/api/v1/deprivation/runs/compare?a={second}&b={third}")).JsonAsync();
        same.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("group").GetString() == "(all)" && c.GetProperty("k").GetDouble() == 1 && c.GetProperty("measure").GetString() == "H")
            .GetProperty("significant").GetBoolean().ShouldBeFalse();

        var list = await (await analyst.GetAsync("/api/v1/deprivation/runs")).JsonAsync();
        list.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldContain(first);
        // A district worker does not see national runs.
        (await (await app.ClientForAsync("worker.ganja")).GetAsync($"/api/v1/deprivation/runs/{first}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_registry_run_is_stored_as_it_was_and_a_bad_survey_file_is_refused_naming_the_line()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var res = await worker.PostAsJsonAsync("/api/v1/deprivation/runs", new { ageGroup = "5-17", by = new[] { "sex" }, label = "Ganja, before the programme" });
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        var run = await res.JsonAsync();
        run.GetProperty("source").GetString().ShouldBe("registry");
        var stored = await (await worker.GetAsync($"/api/v1/deprivation/runs/{run.GetProperty("id").GetString()}")).JsonAsync();
        stored.GetProperty("source").GetProperty("version").GetString().ShouldBe("1");
        // Stored for everyone of the scope, so kept with small cells suppressed even though this worker may read personal data.
        stored.GetProperty("source").GetProperty("minCell").GetInt32().ShouldBe(5);
        stored.GetProperty("groups").GetArrayLength().ShouldBe(2);

        var bad = await worker.PostAsJsonAsync("/api/v1/deprivation/survey", new { fileName = "s.csv", content = "id,water,school\n1,1,0\n2,maybe,0\n", framework = Framework });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.JsonAsync();
        problem.GetProperty("errors").GetProperty("content")[0].GetString().ShouldBe("line 3, column \"water\": \"maybe\" is not 1 (deprived), 0 (not deprived) or empty (missing)");
        problem.CodesOf("content").ShouldBe(["survey.file-problem"]);
        var badFramework = await (await worker.PostAsJsonAsync("/api/v1/deprivation/survey", new { fileName = "s.csv", content = "id,water\n1,1\n", framework = "{\"dimensions\":[]}" })).JsonAsync();
        badFramework.ErrorFields().ShouldContain("framework");
        badFramework.CodesOf("framework").ShouldAllBe(c => c == "framework.invalid-definition");
        var empty = await (await worker.PostAsJsonAsync("/api/v1/deprivation/survey", new { fileName = "", content = "", framework = Framework, by = new[] { "a", "b", "c" } })).JsonAsync();
        empty.CodesOf("fileName").ShouldBe(["survey.file-name-required"]);
        empty.CodesOf("content").ShouldBe(["survey.file-empty"]);
        empty.CodesOf("by").ShouldBe(["survey.grouping-at-most-two"]);
        empty.GetProperty("errors").GetProperty("by")[0].GetString().ShouldBe("At most two grouping columns.");
        var longLabel = await (await worker.PostAsJsonAsync("/api/v1/deprivation/runs", new { ageGroup = "5-17", label = new string('x', 201) })).JsonAsync();
        longLabel.CodesOf("label").ShouldBe(["field.too-long"]);
        longLabel.GetProperty("errors").GetProperty("label")[0].GetString().ShouldBe("At most 200 characters.");
    }
}

public sealed class DeprivationFrameworksOnSqlite(SqliteApp app) : DeprivationFrameworksTests(app), IClassFixture<SqliteApp>;
public sealed class DeprivationFrameworksOnPostgres(PostgresApp app) : DeprivationFrameworksTests(app), IClassFixture<PostgresApp>;

/// <summary>Frameworks are defined by analysts and administrators as new, immutable versions; results name the version they came from.</summary>
public abstract class DeprivationFrameworksTests(HimayaApp app)
{
    private const string WithoutHousing = """
        {"name":"az-moda","ageGroups":[
          {"id":"0-4","minAge":0,"maxAge":4,"missing":"drop","dimensions":[{"name":"health","indicators":["not_fully_immunised"]},{"name":"water","indicators":["unimproved_water"]}]},
          {"id":"5-17","minAge":5,"maxAge":17,"missing":"observed","dimensions":[{"name":"education","weight":2,"indicators":["not_enrolled"]},
            {"name":"water","indicators":["unimproved_water"]},{"name":"sanitation","indicators":["unimproved_sanitation"]},
            {"name":"protection","aggregation":"intersection","indicators":["not_birth_registered","outside_family_care"]}]}]}
        """;

    [Fact]
    public async Task An_analyst_saves_a_new_version_which_analyses_then_use_while_the_old_one_stays_available()
    {
        var analyst = await app.ClientForAsync("analyst");
        var saved = await analyst.PostAsync("/api/v1/deprivation/frameworks", new StringContent(WithoutHousing, System.Text.Encoding.UTF8, "application/json"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var v = (await saved.JsonAsync()).GetProperty("version").GetString();
        v.ShouldBe("2");
        var list = await (await analyst.GetAsync("/api/v1/deprivation/frameworks")).JsonAsync();
        list.EnumerateArray().Select(f => f.GetProperty("name").GetString() + "/" + f.GetProperty("version").GetString()).ShouldBe(["az-moda/2", "az-moda/1"]);

        var latest = await (await analyst.GetAsync("/api/v1/deprivation/analysis?ageGroup=5-17")).JsonAsync();
        latest.GetProperty("source").GetProperty("version").GetString().ShouldBe("2");
        latest.GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()).ShouldBe(["education", "water", "sanitation", "protection"]);
        latest.GetProperty("framework").GetProperty("missing").GetString().ShouldBe("observed");
        latest.GetProperty("nDropped").GetInt32().ShouldBe(0);
        latest.GetProperty("framework").GetProperty("weights").GetProperty("education").GetDouble().ShouldBe(0.4, 1e-12);

        var first = await (await analyst.GetAsync("/api/v1/deprivation/analysis?ageGroup=5-17&framework=az-moda&version=1")).JsonAsync();
        first.GetProperty("source").GetProperty("version").GetString().ShouldBe("1");
        first.GetProperty("dimensions").GetArrayLength().ShouldBe(5);
        var noVersion = await analyst.GetAsync("/api/v1/deprivation/analysis?version=7");
        noVersion.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noVersion.JsonAsync()).CodesOf("framework").ShouldBe(["framework.not-found"]);

        // The framework as saved can be read back, and a district worker may not save one.
        var back = await analyst.GetStringAsync("/api/v1/deprivation/framework?name=az-moda&version=2&format=json");
        back.ShouldContain("\"intersection\"");
        (await (await app.ClientForAsync("worker.ganja")).PostAsync("/api/v1/deprivation/frameworks", new StringContent(WithoutHousing, System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_bad_framework_is_refused_with_each_problem_by_its_path_and_nothing_is_saved()
    {
        var analyst = await app.ClientForAsync("analyst");
        const string bad = """
            {"name":"bad one","ageGroups":[{"id":"a","minAge":0,"maxAge":9,"dimensions":[{"name":"x","indicators":["no_such_indicator"]}]},
            {"id":"b","minAge":5,"maxAge":25,"dimensions":[]}]}
            """;
        var res = await analyst.PostAsync("/api/v1/deprivation/frameworks", new StringContent(bad, System.Text.Encoding.UTF8, "application/json"));
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await res.JsonAsync();
        var messages = problem.GetProperty("errors").GetProperty("definition").EnumerateArray().Select(m => m.GetString()!).ToList();
        // Each problem by its path, as the parser wrote it, under one code.
        problem.CodesOf("definition").Length.ShouldBe(messages.Count);
        problem.CodesOf("definition").ShouldAllBe(c => c == "framework.invalid-definition");
        messages.ShouldContain(m => m.StartsWith("$.name:", StringComparison.Ordinal));
        messages.ShouldContain(m => m.StartsWith("$.ageGroups[0].dimensions[0].indicators[0]: \"no_such_indicator\" is not a registry indicator", StringComparison.Ordinal));
        messages.ShouldContain(m => m.StartsWith("$.ageGroups[1].maxAge:", StringComparison.Ordinal));
        messages.ShouldContain(m => m.StartsWith("$.ageGroups[1].dimensions:", StringComparison.Ordinal));
        await using var db = app.NewDbContext();
        (await db.DeprivationFrameworks.CountAsync(f => f.Name == "bad one")).ShouldBe(0);
        var empty = await (await analyst.PostAsync("/api/v1/deprivation/frameworks", new StringContent(" ", System.Text.Encoding.UTF8, "application/json"))).JsonAsync();
        empty.CodesOf("definition").ShouldBe(["framework.definition-required"]);
        empty.GetProperty("errors").GetProperty("definition")[0].GetString().ShouldBe("The framework is required.");
    }
}

public sealed class OutreachOnSqlite(SqliteApp app) : OutreachTests(app), IClassFixture<SqliteApp>;
public sealed class OutreachOnPostgres(PostgresApp app) : OutreachTests(app), IClassFixture<PostgresApp>;

/// <summary>An outreach task started from the most-deprived list: kept with the child's gaps as they were, seen and closed in the child's scope.</summary>
public abstract class OutreachTests(HimayaApp app)
{
    [Fact]
    public async Task A_worker_starts_outreach_for_a_child_and_a_colleague_in_the_district_closes_it()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var child = TestData.Child(surname: "Uzaqov");
        child["enrolment"] = "NotEnrolled";
        child["birthRegistered"] = false;
        var id = (await TestData.CreateChildAsync(worker, child)).GetProperty("id").GetString();

        var res = await worker.PostAsJsonAsync("/api/v1/outreach-tasks", new { childId = id, note = "Visit with the school's social pedagogue" });
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        var task = await res.JsonAsync();
        task.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldContain("out_of_school");
        task.GetProperty("dimensions").EnumerateArray().Select(r => r.GetString()).ShouldContain("education");
        task.GetProperty("status").GetString().ShouldBe("Open");
        // One open task per child, also when two colleagues click at the same moment.
        var again = await worker.PostAsJsonAsync("/api/v1/outreach-tasks", new { childId = id });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var conflict = await again.JsonAsync();
        conflict.GetProperty("code").GetString().ShouldBe("outreach.already-open");
        conflict.GetProperty("title").GetString().ShouldBe("An outreach task for this child is already open.");
        var noChild = await (await worker.PostAsJsonAsync("/api/v1/outreach-tasks", new { note = new string('n', 1001) })).JsonAsync();
        noChild.CodesOf("childId").ShouldBe(["outreach.child-required"]);
        noChild.CodesOf("note").ShouldBe(["field.too-long"]);
        var other = (await TestData.CreateChildAsync(worker, TestData.Child(surname: "Eynivaxtov"))).GetProperty("id").GetString();
        var both = await Task.WhenAll(worker.PostAsJsonAsync("/api/v1/outreach-tasks", new { childId = other }), worker.PostAsJsonAsync("/api/v1/outreach-tasks", new { childId = other }));
        both.Select(r => (int)r.StatusCode).Order().ToArray().ShouldBe([201, 409]);
        // Another district's worker neither sees nor closes it, nor starts one for the child.
        var shirvan = await app.ClientForAsync("worker.shirvan");
        (await (await shirvan.GetAsync("/api/v1/outreach-tasks?status=Open")).JsonAsync()).EnumerateArray().ShouldNotContain(t => t.GetProperty("childId").GetString() == id);
        (await shirvan.PostAsJsonAsync($"/api/v1/outreach-tasks/{task.GetProperty("id").GetString()}/close", new { status = "Done", outcome = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await shirvan.PostAsJsonAsync("/api/v1/outreach-tasks", new { childId = id })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var open = await (await supervisor.GetAsync("/api/v1/outreach-tasks?status=Open&district=C-GAN")).JsonAsync();
        open.EnumerateArray().ShouldContain(t => t.GetProperty("childId").GetString() == id);
        var bad = await supervisor.PostAsJsonAsync($"/api/v1/outreach-tasks/{task.GetProperty("id").GetString()}/close", new { status = "Open" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var badProblem = await bad.JsonAsync();
        badProblem.ErrorFields().ShouldBe(["status", "outcome"], ignoreOrder: true);
        badProblem.CodesOf("status").ShouldBe(["outreach.closing-status"]);
        badProblem.GetProperty("errors").GetProperty("status")[0].GetString().ShouldBe("Done or Cancelled.");
        badProblem.CodesOf("outcome").ShouldBe(["outreach.outcome-required"]);
        var badFilter = await (await supervisor.GetAsync("/api/v1/outreach-tasks?status=Later")).JsonAsync();
        badFilter.CodesOf("status").ShouldBe(["outreach.status-filter"]);
        badFilter.GetProperty("errors").GetProperty("status")[0].GetString().ShouldBe("Open, Done or Cancelled.");
        var closed = await supervisor.PostAsJsonAsync($"/api/v1/outreach-tasks/{task.GetProperty("id").GetString()}/close", new { status = "Done", outcome = "Enrolled in school no. 12" });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await closed.JsonAsync()).GetProperty("status").GetString().ShouldBe("Done");
        var closedAgain = await supervisor.PostAsJsonAsync($"/api/v1/outreach-tasks/{task.GetProperty("id").GetString()}/close", new { status = "Done", outcome = "again" });
        closedAgain.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await closedAgain.JsonAsync()).GetProperty("code").GetString().ShouldBe("outreach.already-closed");
        // Closed, a new one may be started.
        (await worker.PostAsJsonAsync("/api/v1/outreach-tasks", new { childId = id })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}

public sealed class IndicatorRulesOnSqlite(SqliteApp app) : IndicatorRulesTests(app), IClassFixture<SqliteApp>;
public sealed class IndicatorRulesOnPostgres(PostgresApp app) : IndicatorRulesTests(app), IClassFixture<PostgresApp>;

/// <summary>A framework's own indicators, written as conditions over registry fields, give what the registry says.</summary>
public abstract class IndicatorRulesTests(HimayaApp app)
{
    [Fact]
    public async Task An_indicator_defined_by_a_rule_counts_the_children_the_registry_shows()
    {
        var analyst = await app.ClientForAsync("analyst");
        const string framework = """
            {"name":"rules-test","indicators":[{"id":"crowded_without_assistance","minAge":5,"maxAge":17,
              "when":{"all":[{"field":"receivesTsa","equals":false},{"field":"peoplePerRoom","above":2}]}}],
             "ageGroups":[{"id":"5-17","minAge":5,"maxAge":17,"missing":"observed","dimensions":[
               {"name":"social_protection","indicators":["crowded_without_assistance"]},{"name":"water","indicators":["unimproved_water"]}]}]}
            """;
        var saved = await analyst.PostAsync("/api/v1/deprivation/frameworks", new StringContent(framework, System.Text.Encoding.UTF8, "application/json"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var admin = await app.ClientForAsync("admin");
        var r = await (await admin.GetAsync("/api/v1/deprivation/analysis?framework=rules-test&ageGroup=5-17")).JsonAsync();
        var rate = r.GetProperty("headcount").GetProperty("indicators").GetProperty("crowded_without_assistance").GetDouble();

        // The same rule, computed here straight from the records.
        await using var db = app.NewDbContext();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (earliest, latest) = (today.AddYears(-18), today.AddYears(-5));
        var rows = await db.Children.Where(c => c.DeletedAt == null && c.BirthDate > earliest && c.BirthDate <= latest)
            .Select(c => new { c.ReceivesTsa, HouseholdTsa = c.Household == null ? null : c.Household.ReceivesTsa, Rooms = c.Household == null ? null : c.Household.Rooms,
                People = c.Household == null ? null : c.Household.People }).ToListAsync();
        var values = rows.Select(c =>
        {
            var tsa = c.ReceivesTsa ?? c.HouseholdTsa;
            double? ppr = c.Rooms is > 0 && c.People is { } p ? (double)p / c.Rooms.Value : null;
            bool? notAssisted = tsa is null ? null : !tsa.Value;
            bool? crowded = ppr is null ? null : ppr > 2;
            return notAssisted == false || crowded == false ? false : notAssisted is null || crowded is null ? (bool?)null : true;
        }).ToList();
        var expected = (double)values.Count(v => v == true) / values.Count(v => v is not null);
        rate.ShouldBe(expected, 1e-12);
        rate.ShouldBeGreaterThan(0);

        // Read back, the definition keeps the rule.
        (await analyst.GetStringAsync("/api/v1/deprivation/framework?name=rules-test&format=json")).ShouldContain("\"peoplePerRoom\"");
    }

    [Theory]
    [InlineData("""{"field":"shoeSize","equals":40}""", "$.indicators[0].when.field: \"shoeSize\" is not one of")]
    [InlineData("""{"field":"waterSource","in":["Lake"]}""", "$.indicators[0].when: \"Lake\" is not a value of waterSource")]
    [InlineData("""{"field":"sex","above":1}""", "$.indicators[0].when: \"above\" and \"below\" take a number and a numeric field")]
    [InlineData("""{"all":[]}""", "$.indicators[0].when.all: a non-empty list of conditions")]
    [InlineData("""{"any":[{"field":"age","below":5},{"field":"receivesTsa","equals":"no"}]}""", "$.indicators[0].when.any[1]: \"no\" is not a value of receivesTsa (true or false)")]
    public async Task A_bad_rule_is_named_by_its_path(string when, string expected)
    {
        var analyst = await app.ClientForAsync("analyst");
        var json = "{\"name\":\"bad-rules\",\"indicators\":[{\"id\":\"x\",\"when\":" + when + "}],\"ageGroups\":[{\"id\":\"a\",\"minAge\":0,\"maxAge\":17,\"dimensions\":[{\"name\":\"d\",\"indicators\":[\"x\"]}]}]}";
        var res = await analyst.PostAsync("/api/v1/deprivation/frameworks", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await res.JsonAsync()).GetProperty("errors").GetProperty("definition").EnumerateArray().Select(m => m.GetString()!)
            .ShouldContain(m => m.StartsWith(expected, StringComparison.Ordinal));
    }
}

