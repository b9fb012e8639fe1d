using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Himaya.IntegrationTests;

public sealed class IntakeMatchingOnSqlite(SqliteApp app) : IntakeMatchingTests(app), IClassFixture<SqliteApp>;
public sealed class IntakeMatchingOnPostgres(PostgresApp app) : IntakeMatchingTests(app), IClassFixture<PostgresApp>;

/// <summary>Before registering a child, the registry is searched for the same child, everywhere; outside the user's scope only its existence and a contact are shown.</summary>
public abstract class IntakeMatchingTests(HimayaApp app)
{
    private static Dictionary<string, object?> Query(string given, string surname, string patronymic, string sex, string dob, string district, string? fin = null) => new()
    {
        ["givenName"] = given, ["surname"] = surname, ["patronymic"] = patronymic, ["sex"] = sex, ["birthDate"] = dob,
        ["districtCode"] = district, ["fin"] = fin,
    };

    private static async Task<JsonElement> MatchesAsync(HttpClient client, Dictionary<string, object?> body)
    {
        var res = await client.PostAsJsonAsync("/api/v1/children/matches", body);
        var text = await res.Content.ReadAsStringAsync();
        res.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_child_already_registered_in_another_district_is_flagged_without_revealing_who_it_is()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var shirvan = await app.ClientForAsync("worker.shirvan");
        var dob = DateTime.UtcNow.AddYears(-6).ToString("yyyy-MM-03");
        var child = TestData.Child(district: "C-GAN", surname: "Qaraxanlı", givenName: "Nərmin");
        child["sex"] = "F";
        child["patronymic"] = "Rəşad qızı";
        child["birthDate"] = dob;
        var id = (await TestData.CreateChildAsync(ganja, child)).GetProperty("id").GetString();

        // In scope, typed in Cyrillic with day and month swapped: found, with the fields that agree.
        var swapped = DateTime.UtcNow.AddYears(-6).ToString("yyyy-03-MM");
        var own = await MatchesAsync(ganja, Query("Нармин", "Гарахanлы", "Рашадовна", "F", swapped, "C-GAN"));
        var hit = own.GetProperty("matches").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id);
        hit.GetProperty("inScope").GetBoolean().ShouldBeTrue();
        hit.GetProperty("surname").GetString().ShouldBe("Qaraxanlı");
        hit.GetProperty("agreeing").EnumerateArray().Select(a => a.GetString()).ShouldContain("givenName");
        hit.GetProperty("agreeing").EnumerateArray().Select(a => a.GetString()).ShouldContain("birthDate");

        // From Shirvan: the match is reported, with the district and whom to ask there, and nothing personal.
        var res = await shirvan.PostAsJsonAsync("/api/v1/children/matches", Query("Narmin", "Qaraxanli", "Rashad gizi", "F", dob, "C-SIR"));
        var text = await res.Content.ReadAsStringAsync();
        res.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var other = JsonDocument.Parse(text).RootElement.GetProperty("matches").EnumerateArray().Single();
        other.GetProperty("inScope").GetBoolean().ShouldBeFalse();
        other.GetProperty("districtCode").GetString().ShouldBe("C-GAN");
        other.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldNotBeEmpty();
        text.ShouldNotContain(id!);
        text.ShouldNotContain("Qaraxanlı");
        text.ShouldNotContain("Nərmin");

        await using var db = app.NewDbContext();
        var audit = await db.AuditEntries.Where(a => a.Action == "match-check").OrderByDescending(a => a.Id).FirstAsync();
        audit.Detail!.ShouldContain("elsewhere=" + Guid.Parse(id!).ToString("N"));
    }

    [Fact]
    public async Task A_new_child_with_no_record_gets_no_matches_and_a_sibling_is_not_offered_as_one()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var dob = DateTime.UtcNow.AddYears(-9).ToString("yyyy-MM-11");
        var brother = TestData.Child(district: "C-GAN", surname: "Dəmirçiyev", givenName: "Orxan");
        brother["birthDate"] = DateTime.UtcNow.AddYears(-12).ToString("yyyy-MM-20");
        await TestData.CreateChildAsync(ganja, brother);
        var none = await MatchesAsync(ganja, Query("Səbinə", "Dəmirçiyeva", "Rəşad qızı", "F", dob, "C-GAN"));
        none.GetProperty("matches").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("{}", "surname")]
    [InlineData("""{"fin":"12"}""", "fin")]
    [InlineData("""{"givenName":"A","surname":"B","birthDate":"2999-01-01"}""", "birthDate")]
    [InlineData("""{"birthDate":"not a date"}""", "birthDate")]
    public async Task Bad_input_is_refused_naming_the_field(string json, string field)
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var res = await ganja.PostAsync("/api/v1/children/matches", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await res.JsonAsync()).ErrorFields().ShouldContain(field);
    }
}
