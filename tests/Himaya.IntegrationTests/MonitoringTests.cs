using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Himaya.Features.Monitoring;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(MonitoringOnSqliteCollection.Name)]
public sealed class MonitoringOnSqlite(SqliteApp app) : MonitoringTests(app);
[Collection(MonitoringOnPostgresCollection.Name)]
public sealed class MonitoringOnPostgres(PostgresApp app) : MonitoringTests(app);

/// <summary>
/// Indicators and their exchange: defining one, importing SDMX-CSV and DHIS2 dataValueSets (line by line, a bad file
/// not at all), reading the values back, exporting the same observations, and the public's view of published ones.
/// </summary>
public abstract class MonitoringTests(HimayaApp app)
{
    private static string NewCode(string stem) => stem + "_" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private async Task CreateAsync(string code, string unit = "Percent", string direction = "HigherIsBetter", string? status = null)
    {
        var res = await (await app.ClientForAsync("analyst")).PostAsJsonAsync("/api/v1/indicators", new
        {
            code, name = new { az = "Məktəbəqədər təhsilə cəlb", en = "Preschool enrolment", ru = "Охват дошкольным образованием" }, unit, direction, status,
        });
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> ImportAsync(string body, string type, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var res = await (await app.ClientForAsync("analyst")).PostAsync("/api/v1/indicators/import", new StringContent(body, Encoding.UTF8, type));
        res.StatusCode.ShouldBe(expected, await res.Content.ReadAsStringAsync());
        return await res.JsonAsync();
    }

    private async Task<int> ValueCountAsync()
    {
        await using var db = app.NewDbContext();
        return await db.Set<IndicatorValue>().CountAsync();
    }

    private static HashSet<string> Observations(ParsedFile f) =>
        [.. f.Rows.Select(r => $"{r.Indicator}|{r.Place}|{r.Period}|{Disaggregations.Key(r.Disaggregation)}|{r.Value:0.######}")];

    [Fact]
    public async Task An_indicator_is_defined_with_its_names_and_a_bad_one_is_named_field_by_field()
    {
        var analyst = await app.ClientForAsync("analyst");
        var bad = await analyst.PostAsJsonAsync("/api/v1/indicators", new { code = "lower case", name = new { en = "X" }, direction = "Sideways" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).ErrorFields().ShouldContain("direction");
        var fields = await analyst.PostAsJsonAsync("/api/v1/indicators", new { code = "lower case", name = new { en = "X" }, direction = "LowerIsBetter" });
        (await fields.JsonAsync()).ErrorFields().ShouldBe(["code", "name.az", "name.ru", "unit"], ignoreOrder: true);
        var code = NewCode("CME_MRY0T4");
        await CreateAsync(code, "RatePer1000", "LowerIsBetter");
        var again = await analyst.PostAsJsonAsync("/api/v1/indicators", new { code, name = new { az = "a", en = "b", ru = "c" }, unit = "Number", direction = "LowerIsBetter" });
        (await again.JsonAsync()).CodesOf("code").ShouldBe(["monitoring.code-taken"]);
        (await (await app.ClientForAsync("worker.ganja")).PostAsJsonAsync("/api/v1/indicators", new { code = NewCode("X"), name = new { az = "a", en = "b", ru = "c" }, unit = "Number", direction = "LowerIsBetter" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var list = await (await analyst.GetAsync("/api/v1/indicators")).JsonAsync();
        var made = list.EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
        made.GetProperty("unit").GetString().ShouldBe("RatePer1000");
        made.GetProperty("name").GetProperty("ru").GetString().ShouldBe("Охват дошкольным образованием");
        made.GetProperty("status").GetString().ShouldBe("Draft");
        await using var db = app.NewDbContext();
        (await db.AuditEntries.CountAsync(a => a.EntityType == "indicator" && a.EntityId == code && a.UserName == "analyst")).ShouldBe(1);
    }

    [Fact]
    public async Task Sdmx_csv_is_imported_line_by_line_read_back_and_exported_as_the_same_observations()
    {
        var code = NewCode("ECD_CHLD_36-59M_EDU-PGM");
        await CreateAsync(code);
        // As the UNICEF data warehouse writes it, with labels; a line for an unknown indicator, a bad value and an unknown place are left out.
        var csv = "\uFEFFDATAFLOW,REF_AREA:Geographic area,INDICATOR:Indicator,SEX:Sex,TIME_PERIOD:Time period,OBS_VALUE:Observation Value,UNIT_MEASURE:Unit of measure,OBS_STATUS:Observation Status\r\n"
            + $"UNICEF:GLOBAL_DATAFLOW(1.0),AZE: Azerbaijan,{code}: Preschool,_T: Total,2015,14,PCNT: %,A: Normal\r\n"
            + $"UNICEF:GLOBAL_DATAFLOW(1.0),AZE: Azerbaijan,{code}: Preschool,_T: Total,2024,35.0,PCNT: %,A: Normal\r\n"
            + $"UNICEF:GLOBAL_DATAFLOW(1.0),AZE,{code},F,2024,36.2,PCNT,P\r\n"
            + $"UNICEF:GLOBAL_DATAFLOW(1.0),C-GAN,{code},_T,2024-Q1,41.5,PCNT,\r\n"
            + "UNICEF:GLOBAL_DATAFLOW(1.0),AZE,NOT_DEFINED_HERE,_T,2024,1,PCNT,A\r\n"
            + $"UNICEF:GLOBAL_DATAFLOW(1.0),AZE,{code},M,2024,about 34,PCNT,A\r\n"
            + $"UNICEF:GLOBAL_DATAFLOW(1.0),ATLANTIS,{code},_T,2024,50,PCNT,A\r\n";
        var result = await ImportAsync(csv, "text/csv");
        result.GetProperty("imported").GetInt32().ShouldBe(4);
        result.GetProperty("updated").GetInt32().ShouldBe(0);
        result.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()).ShouldBe([6, 7, 8]);
        result.GetProperty("rejected")[0].GetProperty("problem").GetString()!.ShouldContain("NOT_DEFINED_HERE");

        var analyst = await app.ClientForAsync("analyst");
        var values = (await (await analyst.GetAsync($"/api/v1/indicators/{code}/values?place=AZE&from=2020&to=2026")).JsonAsync()).GetProperty("values");
        values.GetArrayLength().ShouldBe(2);
        var female = values.EnumerateArray().Single(v => v.GetProperty("disaggregation").TryGetProperty("SEX", out var s) && s.GetString() == "F");
        female.GetProperty("period").GetString().ShouldBe("2024");
        female.GetProperty("place").GetString().ShouldBe("AZE");
        female.GetProperty("value").GetDecimal().ShouldBe(36.2m);

        // Out again: the same observations as the good lines that went in, and in again: nothing new, every one replaced.
        var exported = await (await analyst.GetAsync($"/api/v1/exchange/sdmx?indicator={code}")).Content.ReadAsStringAsync();
        Observations(SdmxCsv.Read(exported)).ShouldBe(Observations(SdmxCsv.Read(csv)).Where(o => o.StartsWith(code + "|AZE|", StringComparison.Ordinal) || o.StartsWith(code + "|C-GAN|", StringComparison.Ordinal)), ignoreOrder: true);
        var again = await ImportAsync(exported, "text/csv");
        again.GetProperty("imported").GetInt32().ShouldBe(0);
        again.GetProperty("updated").GetInt32().ShouldBe(4);
        (await analyst.GetAsync($"/api/v1/indicators/{code}/values?from=2025&to=2020")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await analyst.GetAsync($"/api/v1/indicators/{code}/values?place=NOWHERE")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Dhis2_data_value_sets_go_in_and_come_out_as_the_same_observations()
    {
        var code = NewCode("ECD_COUNSELLING");
        await CreateAsync(code, "Number");
        var json = "{\"period\":\"2024\",\"dataValues\":["
            + $"{{\"dataElement\":\"{code}\",\"orgUnit\":\"C-GAN\",\"value\":\"15000\"}},"
            + $"{{\"dataElement\":\"{code}\",\"orgUnit\":\"C-GAN\",\"period\":\"2024Q2\",\"categoryOptionCombo\":\"SEX=F;AGE=Y0T4\",\"value\":\"7200\"}},"
            + $"{{\"dataElement\":\"{code}\",\"orgUnit\":\"AZE\",\"period\":\"202403\",\"categoryOptionCombo\":\"{Dhis2DataValueSets.DefaultCombo}\",\"value\":\"60000\"}},"
            + $"{{\"dataElement\":\"{code}\",\"orgUnit\":\"AZE\",\"categoryOptionCombo\":\"xYz123AbC\",\"value\":\"1\"}},"
            + $"{{\"dataElement\":\"{code}\",\"orgUnit\":\"AZE\",\"period\":\"2024W3\",\"value\":\"1\"}}]}}";
        var result = await ImportAsync(json, "application/json");
        result.GetProperty("imported").GetInt32().ShouldBe(3);
        result.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()).ShouldBe([4, 5]);
        var analyst = await app.ClientForAsync("analyst");
        var values = (await (await analyst.GetAsync($"/api/v1/indicators/{code}/values")).JsonAsync()).GetProperty("values").EnumerateArray().ToList();
        values.Select(v => v.GetProperty("period").GetString()).ShouldBe(["2024-03", "2024", "2024-Q2"], ignoreOrder: true);
        var exported = await (await analyst.GetAsync($"/api/v1/exchange/dhis2/dataValueSets?indicator={code}")).Content.ReadAsStringAsync();
        var parsed = Dhis2DataValueSets.Read(exported);
        parsed.Rejected.ShouldBeEmpty();
        Observations(parsed).ShouldBe(Observations(Dhis2DataValueSets.Read(json)), ignoreOrder: true);
    }

    [Fact]
    public async Task A_malformed_file_or_an_unknown_format_imports_nothing()
    {
        var before = await ValueCountAsync();
        (await ImportAsync("REF_AREA,INDICATOR,OBS_VALUE\r\nAZE,X,1\r\n", "text/csv", HttpStatusCode.BadRequest)).CodesOf("file").ShouldBe(["monitoring.file-unreadable"]);
        (await ImportAsync("{\"dataValues\": [", "application/json", HttpStatusCode.BadRequest)).CodesOf("file").ShouldBe(["monitoring.file-unreadable"]);
        (await ImportAsync("<adx><group", "application/adx+xml", HttpStatusCode.BadRequest)).CodesOf("file").ShouldBe(["monitoring.file-unreadable"]);
        (await ImportAsync("AZE 2024 35", "text/plain", HttpStatusCode.BadRequest)).CodesOf("file").ShouldBe(["monitoring.content-type"]);
        (await ValueCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_public_read_published_values_only_without_signing_in()
    {
        var draft = NewCode("DRAFT");
        var published = NewCode("PUB");
        await CreateAsync(draft);
        await CreateAsync(published, status: "Published");
        await ImportAsync($"REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE\r\nAZE,{draft},2024,10\r\nAZE,{published},2024,35\r\n", "text/csv");
        using var anon = app.CreateClient();
        (await anon.GetAsync($"/api/v1/public/indicators/{draft}/values")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var open = await (await anon.GetAsync($"/api/v1/public/indicators/{published}/values?place=AZE")).JsonAsync();
        var value = open.GetProperty("values").EnumerateArray().Single().GetProperty("value");
        value.GetDecimal().ShouldBe(35m);
        value.GetRawText().ShouldBe("35", "a number as it was given, without the column's trailing zeros");
        (await anon.GetAsync($"/api/v1/indicators/{published}/values")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await app.ClientForAsync("teacher.ganja")).GetAsync($"/api/v1/indicators/{published}/values")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_baseline_and_a_target_are_set_checked_replaced_and_read_with_the_values()
    {
        var code = NewCode("PRESCHOOL");
        await CreateAsync(code);
        var analyst = await app.ClientForAsync("analyst");
        var bad = await analyst.PostAsJsonAsync($"/api/v1/indicators/{code}/targets", new { place = "ATLANTIS", period = "2026-13", value = 50 });
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["kind", "place", "period"], ignoreOrder: true);
        (await analyst.PostAsJsonAsync($"/api/v1/indicators/NO_SUCH_{code}/targets", new { kind = "Target", place = "AZE", period = "2026", value = 50 }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.ClientForAsync("coordinator.ganja")).PostAsJsonAsync($"/api/v1/indicators/{code}/targets", new { kind = "Target", place = "AZE", period = "2026", value = 50 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await analyst.PostAsJsonAsync($"/api/v1/indicators/{code}/targets", new { kind = "Baseline", place = "AZE", period = "2015", value = 14 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await analyst.PostAsJsonAsync($"/api/v1/indicators/{code}/targets", new { kind = "Target", place = "AZE", period = "2026", value = 45 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var marks = await (await analyst.PostAsJsonAsync($"/api/v1/indicators/{code}/targets", new { kind = "Target", place = "AZE", period = "2026", value = 50.0 })).JsonAsync();
        marks.EnumerateArray().Select(m => $"{m.GetProperty("kind").GetString()} {m.GetProperty("period").GetString()} {m.GetProperty("value").GetRawText()}")
            .ShouldBe(["Baseline 2015 14", "Target 2026 50"]);
        var read = await (await analyst.GetAsync($"/api/v1/indicators/{code}/values?place=AZE")).JsonAsync();
        read.GetProperty("targets").GetArrayLength().ShouldBe(2);
        (await (await analyst.GetAsync($"/api/v1/indicators/{code}/values?place=C-GAN")).JsonAsync()).GetProperty("targets").GetArrayLength().ShouldBe(0);
        await using var db = app.NewDbContext();
        (await db.AuditEntries.CountAsync(a => a.EntityType == "indicator" && a.EntityId == code && a.Detail!.StartsWith("Target AZE 2026"))).ShouldBe(2);
    }

    [Fact]
    public async Task Adx_goes_in_and_comes_out_as_the_same_observations()
    {
        var code = NewCode("ADOLESCENTS_REACHED");
        await CreateAsync(code, "Number");
        var xml = $"<adx xmlns=\"urn:ihe:qrph:adx:2015\"><group orgUnit=\"C-GAN\" period=\"2025-01-01/P1Y\">"
            + $"<dataValue dataElement=\"{code}\" value=\"3000\"/><dataValue dataElement=\"{code}\" SEX=\"F\" value=\"1600\"/></group>"
            + $"<group orgUnit=\"AZE\" period=\"2025-07-01/P3M\"><dataValue dataElement=\"{code}\" value=\"4100\"/></group></adx>";
        var result = await ImportAsync(xml, "application/adx+xml");
        result.GetProperty("imported").GetInt32().ShouldBe(3);
        var exported = await (await (await app.ClientForAsync("analyst")).GetAsync($"/api/v1/exchange/adx?indicator={code}")).Content.ReadAsStringAsync();
        var back = Adx.Read(exported);
        back.Rejected.ShouldBeEmpty();
        Observations(back).ShouldBe(Observations(Adx.Read(xml)), ignoreOrder: true);
    }

    [Fact]
    public async Task Computed_indicators_count_what_the_registry_holds_and_leave_out_small_districts()
    {
        var analyst = await app.ClientForAsync("analyst");
        // Three reports of violence this year, their answers due by now: one answered in time, one late, one not at all.
        var anon = app.CreateClient();
        var refs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var made = await anon.PostAsJsonAsync("/api/v1/public/vac-reports", new
            {
                type = "Physical", description = "A boy in the neighbourhood has bruises on his arms.", districtCode = "C-SUM", immediateDanger = false,
                child = new { givenName = "Elvin", surname = "Monitorov", sex = "M", approximateAge = 9 },
            });
            made.StatusCode.ShouldBe(HttpStatusCode.Accepted, await made.Content.ReadAsStringAsync());
            refs.Add((await made.JsonAsync()).GetProperty("reference").GetString()!);
        }
        await using (var db = app.NewDbContext())
        {
            var reports = await db.Set<Himaya.Features.Violence.VacReport>().Where(r => refs.Contains(r.Reference)).ToListAsync();
            reports.Count.ShouldBe(3);
            var dueAt = DateTime.UtcNow.AddHours(-1);
            foreach (var (r, answered) in reports.Zip(new DateTime?[] { dueAt.AddMinutes(-30), dueAt.AddMinutes(20), null }))
                (r.ResponseDueAt, r.FirstRespondedAt) = (dueAt, answered);
            await db.SaveChangesAsync();
        }
        var res = await analyst.PostAsync("/api/v1/indicators/compute", null);
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        (await analyst.PostAsync("/api/v1/indicators/compute", null)).StatusCode.ShouldBe(HttpStatusCode.OK); // again: the same values, not twice

        List<(string District, Himaya.Features.Registry.CareArrangement Care)> children;
        await using (var db = app.NewDbContext())
            children = [.. (await db.Set<Himaya.Features.Registry.Child>().Where(c => c.DeletedAt == null && c.MergedIntoId == null)
                .Select(c => new { c.DistrictCode, c.CareArrangement }).ToListAsync()).Select(c => (c.DistrictCode, c.CareArrangement))];
        int Residential(string? d) => children.Count(c => (d == null || c.District == d) && c.Care == Himaya.Features.Registry.CareArrangement.ResidentialInstitution);
        int Family(string? d) => children.Count(c => (d == null || c.District == d) && c.Care is Himaya.Features.Registry.CareArrangement.Kinship or Himaya.Features.Registry.CareArrangement.Foster);
        var year = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var residential = (await (await analyst.GetAsync($"/api/v1/indicators/{ComputedIndicators.Residential}/values?from={year}")).JsonAsync()).GetProperty("values").EnumerateArray().ToList();
        residential.Single(v => v.GetProperty("place").GetString() == "AZE").GetProperty("value").GetDecimal().ShouldBe(Residential(null));
        residential.Count(v => v.GetProperty("place").GetString() == "AZE").ShouldBe(1);
        foreach (var v in residential.Where(v => v.GetProperty("place").GetString() != "AZE"))
        {
            var n = Residential(v.GetProperty("place").GetString());
            v.GetProperty("value").GetDecimal().ShouldBe(n);
            (n == 0 || n >= 5).ShouldBeTrue("a count of 1–4 is never stored");
        }
        var share = (await (await analyst.GetAsync($"/api/v1/indicators/{ComputedIndicators.FamilyBasedShare}/values?place=AZE&from={year}")).JsonAsync()).GetProperty("values").EnumerateArray().Single();
        var outside = Residential(null) + Family(null);
        outside.ShouldBeGreaterThan(0, "the demo registry has children outside their parents' care");
        share.GetProperty("value").GetDecimal().ShouldBe(Math.Round(100m * Family(null) / outside, 1));
        var list = await (await analyst.GetAsync("/api/v1/indicators")).JsonAsync();
        list.EnumerateArray().Single(i => i.GetProperty("code").GetString() == ComputedIndicators.FamilyBasedShare).GetProperty("definition").GetString()!.ShouldContain("kinship or foster care");

        // The violence reports' indicator, against a direct count of the same definition.
        int due, inTime;
        await using (var db = app.NewDbContext())
        {
            var now = DateTime.UtcNow;
            var start = new DateTime(now.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var year1 = await db.Set<Himaya.Features.Violence.VacReport>().Where(r => r.ReportedAt >= start && (r.FirstRespondedAt != null || r.ResponseDueAt < now))
                .Select(r => new { r.FirstRespondedAt, r.ResponseDueAt }).ToListAsync();
            (due, inTime) = (year1.Count, year1.Count(r => r.FirstRespondedAt != null && r.FirstRespondedAt <= r.ResponseDueAt));
        }
        due.ShouldBeGreaterThanOrEqualTo(3);
        var vac = (await (await analyst.GetAsync($"/api/v1/indicators/{Himaya.Features.Violence.VacIndicators.AnsweredInTime}/values?place=AZE&from={year}")).JsonAsync())
            .GetProperty("values").EnumerateArray().Single();
        vac.GetProperty("value").GetDecimal().ShouldBe(Math.Round(100m * inTime / due, 1));
    }

    [Fact]
    public async Task The_daily_run_stores_the_same_figures_as_an_analyst_would_and_the_trail_says_it_was_the_schedule()
    {
        // The test app turns the schedule off (an empty setting), so this run is the only scheduled one.
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MonitoringOptions>>().Value.ComputeAtHour.ShouldBeNull();
        using (var scope = app.Services.CreateScope())
        {
            var done = await scope.ServiceProvider.GetRequiredService<ComputedIndicators>().ComputeOnScheduleAsync(default);
            done.Select(d => d.Code).ShouldContain(ComputedIndicators.Residential);
            done.Select(d => d.Code).ShouldContain(Himaya.Features.Violence.VacIndicators.AnsweredInTime);
        }
        await using var db = app.NewDbContext();
        var line = await db.AuditEntries.Where(a => a.EntityType == "indicator-values" && a.EntityId == "compute").OrderByDescending(a => a.Id).FirstAsync();
        (line.UserId, line.Detail!.StartsWith("scheduled; ", StringComparison.Ordinal)).ShouldBe((null, true));
        var year = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var national = await db.Set<IndicatorValue>().SingleAsync(v => v.Period == year && v.Place == "AZE"
            && db.Set<Indicator>().Any(i => i.Id == v.IndicatorId && i.Code == ComputedIndicators.Residential));
        national.Value.ShouldBe(await db.Set<Himaya.Features.Registry.Child>().CountAsync(c => c.DeletedAt == null && c.MergedIntoId == null
            && c.CareArrangement == Himaya.Features.Registry.CareArrangement.ResidentialInstitution));
    }

    [Fact]
    public async Task Two_instances_on_one_database_run_the_days_computation_once()
    {
        // Two schedules, as two app instances would have, each with its own scopes and connections to the same database.
        IndicatorSchedule Instance() => new(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MonitoringOptions>>(),
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<IndicatorSchedule>.Instance);
        var day = new DateTimeOffset(2031, 1, 1, 3, 0, 0, TimeSpan.FromHours(4)).AddDays(Random.Shared.Next(0, 3000));
        int LinesBefore() { using var db = app.NewDbContext(); return db.AuditEntries.Count(a => a.EntityType == "indicator-values" && a.Detail!.StartsWith("scheduled; ")); }
        var before = LinesBefore();
        var ran = await Task.WhenAll(Instance().RunOnceAsync(day, default), Instance().RunOnceAsync(day, default));
        ran.Count(r => r).ShouldBe(1);
        LinesBefore().ShouldBe(before + 1);
        // The next day is another slot: it runs again (once).
        (await Instance().RunOnceAsync(day.AddDays(1), default)).ShouldBeTrue();
        (await Instance().RunOnceAsync(day.AddDays(1), default)).ShouldBeFalse();
        await using var check = app.NewDbContext();
        (await check.Set<JobRun>().CountAsync(r => r.Job == IndicatorSchedule.Job && (r.Slot == day.ToString("yyyy-MM-dd") || r.Slot == day.AddDays(1).ToString("yyyy-MM-dd")))).ShouldBe(2);
    }
}

[Collection(MonitoringOnSqliteCollection.Name)]
public sealed class IndicatorEditingOnSqlite(SqliteApp app) : IndicatorEditingTests(app);
[Collection(MonitoringOnPostgresCollection.Name)]
public sealed class IndicatorEditingOnPostgres(PostgresApp app) : IndicatorEditingTests(app);

/// <summary>An indicator's metadata, its status moved a step at a time against the version read, and values entered by hand.</summary>
public abstract class IndicatorEditingTests(HimayaApp app)
{
    private static string NewCode() => "EDIT_" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private static object Definition(string code, string status = "Draft", int? version = null, object? sdg = null, int[]? crc = null, string[]? dims = null) => new
    {
        code, name = new { az = "Uşaqlar", en = "Children", ru = "Дети" }, unit = "Percent", direction = "HigherIsBetter", status,
        numerator = "Children enrolled", denominator = "Children of that age", disaggregations = dims ?? ["SEX", "RESIDENCE"], sdgTarget = sdg ?? "4.2.2",
        crcArticles = crc ?? [29, 28], version,
    };

    [Fact]
    public async Task Metadata_is_kept_and_a_status_moves_a_step_at_a_time_against_the_version_read()
    {
        var analyst = await app.ClientForAsync("analyst");
        var code = NewCode();
        var made = await (await analyst.PostAsJsonAsync("/api/v1/indicators", Definition(code))).JsonAsync();
        (made.GetProperty("sdgTarget").GetString(), made.GetProperty("numerator").GetString(), made.GetProperty("version").GetInt32()).ShouldBe(("4.2.2", "Children enrolled", 1));
        made.GetProperty("crcArticles").EnumerateArray().Select(a => a.GetInt32()).ShouldBe([28, 29]);
        made.GetProperty("disaggregations").EnumerateArray().Select(a => a.GetString()).ShouldBe(["SEX", "RESIDENCE"]);

        var skip = await analyst.PutAsJsonAsync($"/api/v1/indicators/{code}", Definition(code, "Published", version: 1));
        skip.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await skip.JsonAsync()).CodesOf("status").ShouldBe(["monitoring.status-step"]);
        var approved = await analyst.PutAsJsonAsync($"/api/v1/indicators/{code}", Definition(code, "Approved", version: 1));
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var stale = await analyst.PutAsJsonAsync($"/api/v1/indicators/{code}", Definition(code, "Published", version: 1));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict, await stale.Content.ReadAsStringAsync());
        var published = await analyst.PutAsJsonAsync($"/api/v1/indicators/{code}", Definition(code, "Published", version: 2));
        (await published.JsonAsync()).GetProperty("status").GetString().ShouldBe("Published");
        (await app.CreateClient().GetAsync($"/api/v1/public/indicators/{code}/values")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Withdrawn, its values leave the public API.
        await analyst.PutAsJsonAsync($"/api/v1/indicators/{code}", Definition(code, "Approved", version: 3));
        (await app.CreateClient().GetAsync($"/api/v1/public/indicators/{code}/values")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var bad = await analyst.PutAsJsonAsync($"/api/v1/indicators/{code}", Definition("OTHER_CODE", "Approved", version: 4, sdg: "SDG 4", crc: [60], dims: ["COLOUR"]));
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["code", "sdgTarget", "crcArticles", "disaggregations"], ignoreOrder: true);
        await using var db = app.NewDbContext();
        var kept = await db.Set<Indicator>().SingleAsync(i => i.Code == code);
        (kept.Version, kept.Status, kept.SdgTarget, kept.CrcArticles, kept.Dimensions).ShouldBe((4, IndicatorStatus.Approved, "4.2.2", "28;29", "SEX;RESIDENCE"));
        (await db.AuditEntries.CountAsync(a => a.EntityType == "indicator" && a.EntityId == code)).ShouldBe(4);
    }

    [Fact]
    public async Task A_definition_is_kept_in_each_language_given_and_definition_alone_is_the_english_one()
    {
        var analyst = await app.ClientForAsync("analyst");
        var code = NewCode();
        var made = await (await analyst.PostAsJsonAsync("/api/v1/indicators", new
        {
            code, name = new { az = "Uşaqlar", en = "Children", ru = "Дети" }, unit = "Number", direction = "HigherIsBetter",
            definitions = new { az = "Uşaqların sayı.", en = "The number of children.", ru = "Число детей." },
        })).JsonAsync();
        made.GetProperty("definition").GetString().ShouldBe("The number of children.");
        (made.GetProperty("definitions").GetProperty("az").GetString(), made.GetProperty("definitions").GetProperty("ru").GetString()).ShouldBe(("Uşaqların sayı.", "Число детей."));

        var plain = await (await analyst.PostAsJsonAsync("/api/v1/indicators", new
        {
            code = NewCode(), name = new { az = "Uşaqlar", en = "Children", ru = "Дети" }, unit = "Number", direction = "HigherIsBetter", definition = "English only.",
        })).JsonAsync();
        (plain.GetProperty("definitions").GetProperty("en").GetString(), plain.GetProperty("definitions").GetProperty("az").ValueKind).ShouldBe(("English only.", JsonValueKind.Null));

        var before = await CountAsync();
        var tooLong = await analyst.PostAsJsonAsync("/api/v1/indicators", new
        {
            code = NewCode(), name = new { az = "Uşaqlar", en = "Children", ru = "Дети" }, unit = "Number", direction = "HigherIsBetter",
            definitions = new { ru = new string('д', 4001) },
        });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.JsonAsync()).CodesOf("definitions.ru").ShouldBe(["field.too-long"]);
        (await CountAsync()).ShouldBe(before);

        // The computed indicators bring their definitions in all three languages.
        (await analyst.PostAsync("/api/v1/indicators/compute", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await (await analyst.GetAsync("/api/v1/indicators")).JsonAsync();
        foreach (var computed in list.EnumerateArray().Where(i => i.GetProperty("code").GetString()!.StartsWith("HIMAYA_", StringComparison.Ordinal)))
            foreach (var language in new[] { "az", "en", "ru" })
                computed.GetProperty("definitions").GetProperty(language).GetString().ShouldNotBeNullOrWhiteSpace($"{computed.GetProperty("code")} in {language}");
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.NewDbContext();
        return await db.Set<Indicator>().CountAsync();
    }

    [Fact]
    public async Task A_value_entered_by_hand_is_read_back_and_a_bad_one_is_named_and_not_kept()
    {
        var analyst = await app.ClientForAsync("analyst");
        var code = NewCode();
        (await analyst.PostAsJsonAsync("/api/v1/indicators", Definition(code))).EnsureSuccessStatusCode();
        var res = await analyst.PostAsJsonAsync($"/api/v1/indicators/{code}/values", new { period = "2025", place = "C-GAN", disaggregation = new { SEX = "F" }, value = 41.5, obsStatus = "P" });
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        var again = await (await analyst.PostAsJsonAsync($"/api/v1/indicators/{code}/values", new { period = "2025", place = "C-GAN", disaggregation = new { SEX = "F" }, value = 42 })).JsonAsync();
        var values = again.GetProperty("values").EnumerateArray().ToList();
        values.Count.ShouldBe(1);
        (values[0].GetProperty("value").GetDecimal(), values[0].GetProperty("disaggregation").GetProperty("SEX").GetString()).ShouldBe((42m, "F"));

        var wrong = await analyst.PostAsJsonAsync($"/api/v1/indicators/{code}/values", new { period = "2025-Q5", place = "NOWHERE", disaggregation = new { COLOUR = "red" }, obsStatus = "maybe" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.JsonAsync()).ErrorFields().ShouldBe(["period", "place", "disaggregation", "value", "obsStatus"], ignoreOrder: true);
        (await (await app.ClientForAsync("coordinator.ganja")).PostAsJsonAsync($"/api/v1/indicators/{code}/values", new { period = "2025", place = "C-GAN", value = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = app.NewDbContext();
        (await db.Set<IndicatorValue>().CountAsync(v => db.Set<Indicator>().Any(i => i.Id == v.IndicatorId && i.Code == code))).ShouldBe(1);
    }
}
