using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Himaya.Features.Facts;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(MonitoringOnSqliteCollection.Name)]
public sealed class FactsOnSqlite(SqliteApp app) : FactsTests(app);
[Collection(MonitoringOnPostgresCollection.Name)]
public sealed class FactsOnPostgres(PostgresApp app) : FactsTests(app);

/// <summary>
/// Registry facts with provenance through the import: each source's word kept beside the others, the current value by
/// the fact's rule, a rollback taking its words away; bad values named by row and column, bad mappings by field.
/// </summary>
public abstract class FactsTests(HimayaApp app)
{
    private const string Header = "Soyadı,Adı,Cinsi,Doğum tarixi,Rayon,Təhsil,Peyvənd,Köçkün,Tarix";

    private static object Mapping(string? observedOn = "Tarix") => new
    {
        columns = new Dictionary<string, string> { ["surname"] = "Soyadı", ["givenName"] = "Adı", ["sex"] = "Cinsi", ["birthDate"] = "Doğum tarixi", ["districtCode"] = "Rayon" },
        defaults = new Dictionary<string, string> { ["careArrangement"] = "Parents" },
        dateFormat = "dd.MM.yyyy",
        facts = new Dictionary<string, string> { ["enrolment"] = "Təhsil", ["immunisation"] = "Peyvənd", ["displaced"] = "Köçkün" },
        observedOn,
    };

    private async Task<JsonElement> ImportAsync(string source, string row, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var res = await (await app.ClientForAsync("worker.ganja")).PostAsJsonAsync("/api/v1/imports",
            new { source, fileName = "facts.csv", content = Header + "\n" + row + "\n", mapping = Mapping() });
        var text = await res.Content.ReadAsStringAsync();
        res.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<List<JsonElement>> FactsAsync(Guid child, string user = "worker.ganja") =>
        [.. (await (await app.ClientForAsync(user)).GetFromJsonAsync<JsonElement>($"/api/v1/children/{child}/facts")).GetProperty("facts").EnumerateArray()];

    private static JsonElement Current(List<JsonElement> facts, string fact) => facts.Single(f => f.GetProperty("fact").GetString() == fact && f.GetProperty("current").GetBoolean());

    [Fact]
    public async Task Each_sources_word_is_kept_the_rule_picks_the_current_one_and_a_rollback_takes_its_words_back()
    {
        var surname = "Faktov" + new string([.. Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + c % 16))]);
        var dob = DateTime.UtcNow.AddYears(-9).ToString("dd.MM.yyyy");
        var year = DateTime.UtcNow.Year - 1;
        var education = await ImportAsync(FactCatalogue.Education, $"{surname},Tural,M,{dob},C-GAN,Enrolled,,,01.09.{year}");
        var child = (await (await app.ClientForAsync("worker.ganja")).GetFromJsonAsync<JsonElement>($"/api/v1/imports/{education.GetProperty("id").GetString()}")).GetProperty("created").GetInt32();
        child.ShouldBe(1);
        Guid id;
        await using (var db = app.NewDbContext()) id = await db.Children.Where(c => c.Surname == surname).Select(c => c.Id).SingleAsync();
        // A district survey says, later, that he is not enrolled and that the family is displaced: it links to the same child.
        var survey = await ImportAsync("District survey " + surname, $"{surname},Tural,M,{dob},C-GAN,notenrolled,Partial,bəli,15.10.{year}");
        survey.GetProperty("linked").GetInt32().ShouldBe(1);
        var facts = await FactsAsync(id);
        var enrolment = Current(facts, "enrolment");
        // The education ministry wins for enrolment (the rule), though the survey is newer: both kept, the conflict shown.
        (enrolment.GetProperty("value").GetString(), enrolment.GetProperty("source").GetString(), enrolment.GetProperty("observedOn").GetString(), enrolment.GetProperty("conflicting").GetBoolean())
            .ShouldBe(("Enrolled", FactCatalogue.Education, $"{year}-09-01", true));
        facts.Single(f => f.GetProperty("fact").GetString() == "enrolment" && !f.GetProperty("current").GetBoolean()).GetProperty("value").GetString().ShouldBe("NotEnrolled");
        Current(facts, "displaced").GetProperty("value").GetString().ShouldBe("yes");
        Current(facts, "immunisation").GetProperty("value").GetString().ShouldBe("Partial");
        // The administrator lets the newest word win for enrolment.
        var admin = await app.ClientForAsync("admin");
        var rule = await admin.PutAsJsonAsync("/api/v1/facts/rules/enrolment", new { preferredSource = "" });
        rule.StatusCode.ShouldBe(HttpStatusCode.OK, await rule.Content.ReadAsStringAsync());
        try
        {
            Current(await FactsAsync(id), "enrolment").GetProperty("value").GetString().ShouldBe("NotEnrolled");
            (await (await app.ClientForAsync("worker.ganja")).PutAsJsonAsync("/api/v1/facts/rules/enrolment", new { preferredSource = "" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            // The survey's import rolled back: its words go, the education ministry's is current again.
            var rollback = await (await app.ClientForAsync("supervisor.ganja")).DeleteAsync($"/api/v1/imports/{survey.GetProperty("id").GetString()}");
            rollback.StatusCode.ShouldBe(HttpStatusCode.OK, await rollback.Content.ReadAsStringAsync());
            facts = await FactsAsync(id);
            Current(facts, "enrolment").GetProperty("value").GetString().ShouldBe("Enrolled");
            facts.Select(f => f.GetProperty("fact").GetString()).ShouldBe(["enrolment"]);
        }
        finally { await admin.PutAsJsonAsync("/api/v1/facts/rules/enrolment", new { preferredSource = FactCatalogue.Education }); }
        // Scope as the registry's: another district's worker does not find him, a reporter may not ask.
        (await (await app.ClientForAsync("worker.shirvan")).GetAsync($"/api/v1/children/{id}/facts")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.ClientForAsync("teacher.ganja")).GetAsync($"/api/v1/children/{id}/facts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using (var db = app.NewDbContext())
            (await db.AuditEntries.AnyAsync(e => e.EntityType == "fact-rule" && e.EntityId == "enrolment")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_value_a_fact_cannot_take_is_named_by_row_and_column_and_a_bad_mapping_by_field()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var dob = DateTime.UtcNow.AddYears(-7).ToString("dd.MM.yyyy");
        var content = Header + "\n" + $"Yoxlamov,Elvin,M,{dob},C-GAN,Maybe,,,01.02.2025\n" + $"Yoxlamova,Aysel,F,{dob},C-GAN,Enrolled,None,xeyr,31.31.2025\n";
        var res = await ganja.PostAsJsonAsync("/api/v1/imports/preview", new { source = "Facts preview", fileName = "f.csv", content, mapping = Mapping() });
        var text = await res.Content.ReadAsStringAsync();
        res.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var problems = JsonDocument.Parse(text).RootElement.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("problem").GetString()!)).ToList();
        problems.ShouldContain(p => p.Item1 == 1 && p.Item2.StartsWith("Təhsil:") && p.Item2.Contains("Enrolled, NotEnrolled, DroppedOut"));
        problems.ShouldContain(p => p.Item1 == 2 && p.Item2.StartsWith("Tarix:"));
        var bad = await ganja.PostAsJsonAsync("/api/v1/imports/preview", new
        {
            source = "Facts preview", fileName = "f.csv", content,
            mapping = new
            {
                columns = new Dictionary<string, string> { ["surname"] = "Soyadı", ["givenName"] = "Adı", ["birthDate"] = "Doğum tarixi" },
                facts = new Dictionary<string, string> { ["colour"] = "Təhsil", ["immunisation"] = "Vaccines" }, observedOn = "yesterday",
            },
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await bad.JsonAsync();
        body.CodesOf("mapping.facts.colour").ShouldBe(["facts.unknown-fact"]);
        body.CodesOf("mapping.facts.immunisation").ShouldBe(["import.no-such-column"]);
        body.CodesOf("mapping.observedOn").ShouldBe(["facts.observed-on"]);
        await using var db = app.NewDbContext();
        (await db.Children.AnyAsync(c => c.Surname == "Yoxlamov")).ShouldBeFalse();
    }
}
