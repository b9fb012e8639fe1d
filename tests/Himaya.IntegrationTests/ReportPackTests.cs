using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(MonitoringOnSqliteCollection.Name)]
public sealed class ReportPackOnSqlite(SqliteApp app) : ReportPackTests(app);
[Collection(MonitoringOnPostgresCollection.Name)]
public sealed class ReportPackOnPostgres(PostgresApp app) : ReportPackTests(app);

/// <summary>The CRC / SDG report pack: each indicator once under its cluster and once under its goal, with where it stands; files audited.</summary>
public abstract class ReportPackTests(HimayaApp app)
{
    private static JsonElement Line(JsonElement sections, string key, string code) =>
        sections.EnumerateArray().Single(s => s.GetProperty("key").GetString() == key).GetProperty("lines").EnumerateArray()
            .Single(l => l.GetProperty("code").GetString() == code);

    [Fact]
    public async Task The_pack_puts_each_indicator_under_its_crc_cluster_and_its_goal_with_the_latest_value_and_target()
    {
        var pack = await (await (await app.ClientForAsync("coordinator.ganja")).GetAsync("/api/v1/report-pack")).JsonAsync();
        pack.GetProperty("place").GetString().ShouldBe("AZE");
        var preschool = Line(pack.GetProperty("crc"), "education", "ECD_CHLD_36-59M_EDU-PGM");
        preschool.GetProperty("latest").GetProperty("value").GetDecimal().ShouldBe(35m);
        preschool.GetProperty("latest").GetProperty("period").GetString().ShouldBe("2024");
        preschool.GetProperty("nextTarget").GetProperty("value").GetDecimal().ShouldBe(50m);
        preschool.GetProperty("track").GetString().ShouldBe("OffTrack");
        Line(pack.GetProperty("sdg"), "4", "ECD_CHLD_36-59M_EDU-PGM").GetProperty("sdgTarget").GetString().ShouldBe("4.2");
        Line(pack.GetProperty("crc"), "health", "CME_MRY0T4").GetProperty("latest").GetProperty("value").GetDecimal().ShouldBe(18m);
        // Every indicator is in each framework once.
        int Count(string framework) => pack.GetProperty(framework).EnumerateArray().Sum(s => s.GetProperty("lines").GetArrayLength());
        Count("crc").ShouldBe(Count("sdg"));
        await using var db = app.NewDbContext();
        Count("crc").ShouldBe(await db.Set<Himaya.Features.Monitoring.Indicator>().CountAsync(i => i.Status != Himaya.Features.Monitoring.IndicatorStatus.Draft));
    }

    [Fact]
    public async Task A_district_has_its_own_pack_and_an_unknown_place_is_named()
    {
        var client = await app.ClientForAsync("analyst");
        var ganja = await (await client.GetAsync("/api/v1/report-pack?place=C-GAN")).JsonAsync();
        ganja.GetProperty("place").GetString().ShouldBe("C-GAN");
        Line(ganja.GetProperty("crc"), "health", "CME_MRY0T4").GetProperty("latest").ValueKind.ShouldBe(JsonValueKind.Null, "the demo has national mortality only");
        Line(ganja.GetProperty("crc"), "health", "CME_MRY0T4").GetProperty("national").GetProperty("value").GetDecimal().ShouldBe(18m);
        var bad = await client.GetAsync("/api/v1/report-pack?place=XX-1");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).CodesOf("place").ShouldBe(["monitoring.unknown-place"]);
        (await (await app.ClientForAsync("monitor.ganja")).GetAsync("/api/v1/report-pack")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_pack_downloads_as_pdf_csv_and_xlsx_in_the_readers_language_and_each_download_is_audited()
    {
        var client = await app.ClientForAsync("analyst");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        int before;
        await using (var db = app.NewDbContext()) before = await db.AuditEntries.CountAsync(a => a.EntityType == "report-pack");
        var pdf = await client.GetAsync("/monitoring/report?handler=pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]).ShouldBe("%PDF-");
        var csv = await client.GetAsync("/monitoring/report?handler=csv&place=AZE");
        var text = await csv.Content.ReadAsStringAsync();
        text.ShouldContain("ECD_CHLD_36-59M_EDU-PGM");
        text.ShouldContain("Образование, досуг и культурная деятельность");
        var xlsx = await client.GetAsync("/monitoring/report?handler=xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using (var db = app.NewDbContext())
            (await db.AuditEntries.Where(a => a.EntityType == "report-pack").OrderBy(a => a.Id).Skip(before).Select(a => a.Detail).ToListAsync()).ShouldBe(["pdf", "csv", "xlsx"]);
    }
}
