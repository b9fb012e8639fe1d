using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Himaya.Features.Community;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(MonitoringOnSqliteCollection.Name)]
public sealed class ParticipantsOnSqlite(SqliteApp app) : ParticipantTests(app);
[Collection(MonitoringOnPostgresCollection.Name)]
public sealed class ParticipantsOnPostgres(PostgresApp app) : ParticipantTests(app);

/// <summary>
/// A programme's provider and participants: the provider's staff record only for their provider's programmes and work
/// with its participants (not the rest of the registry); a child typed in is looked for in the registry before being
/// registered; refusals named by field, nothing kept.
/// </summary>
public abstract class ParticipantTests(HimayaApp app)
{
    private const string Ngo = "ngo.ganja";

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string user, string url, object body)
    {
        var res = await (await app.ClientForAsync(user)).PostAsJsonAsync(url, body);
        var text = await res.Content.ReadAsStringAsync();
        return (res.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<int> ProgrammeAsync(bool ngo)
    {
        int provider;
        await using (var db = app.NewDbContext())
            provider = await db.Set<Himaya.Features.Services.Provider>().Where(p => p.Name == "Ganja Children's NGO").Select(p => p.Id).SingleAsync();
        var (status, body) = await PostAsync("analyst", "/api/v1/programmes", new
        {
            name = "Parenting groups " + Guid.NewGuid().ToString("N")[..6], activityTypes = new[] { "GroupSession", "MhpssSession" },
            districts = new[] { "C-GAN" }, providerId = ngo ? provider : (int?)null,
        });
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("provider").GetString().ShouldBe(ngo ? "Ganja Children's NGO" : null);
        return body.GetProperty("id").GetInt32();
    }

    private async Task<Guid> ChildAsync(Dictionary<string, object?>? fields = null) =>
        (await TestData.CreateChildAsync(await app.ClientForAsync("worker.ganja"), fields ?? TestData.Child("C-GAN", surname: "İştirakçı"))).GetProperty("id").GetGuid();

    /// <summary>A name part no other test uses (names take letters only).</summary>
    private static string Letters() => new([.. Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + c % 16))]);

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");

    private async Task<List<Guid>> ParticipantsAsync(string user, int programme) =>
        [.. (await (await app.ClientForAsync(user)).GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/participants?district=C-GAN"))
            .EnumerateArray().Select(p => p.GetProperty("childId").GetGuid())];

    [Fact]
    public async Task A_providers_staff_record_only_for_their_programmes_and_only_its_participants()
    {
        var (theirs, other) = (await ProgrammeAsync(ngo: true), await ProgrammeAsync(ngo: false));
        var (a, b) = (await ChildAsync(), await ChildAsync());
        // The district's worker records a session with a: a is the programme's participant from then on.
        (await PostAsync("worker.ganja", $"/api/v1/programmes/{theirs}/contacts", new { activityType = "GroupSession", date = Today, districtCode = "C-GAN", children = new[] { a } }))
            .Status.ShouldBe(HttpStatusCode.Created);
        (await ParticipantsAsync(Ngo, theirs)).ShouldBe([a]);
        // The NGO's staff record the next session with a; b (not a participant, not theirs in the registry) is refused by item.
        (await PostAsync(Ngo, $"/api/v1/programmes/{theirs}/contacts", new { activityType = "GroupSession", date = Today, districtCode = "C-GAN", children = new[] { a } }))
            .Status.ShouldBe(HttpStatusCode.Created);
        var (status, body) = await PostAsync(Ngo, $"/api/v1/programmes/{theirs}/contacts", new { activityType = "GroupSession", date = Today, districtCode = "C-GAN", children = new[] { a, b } });
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("codes").GetProperty("children[1]")[0].GetString().ShouldBe("community.unknown-child");
        // Another programme is not theirs to record for, and participants do not open the registry to them.
        (status, body) = await PostAsync(Ngo, $"/api/v1/programmes/{other}/contacts", new { activityType = "GroupSession", date = Today, districtCode = "C-GAN", children = new[] { a } });
        status.ShouldBe(HttpStatusCode.Forbidden);
        body.GetProperty("code").GetString().ShouldBe("community.not-your-programme");
        (await (await app.ClientForAsync(Ngo)).GetAsync($"/api/v1/programmes/{other}/participants")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.ClientForAsync(Ngo)).GetAsync($"/api/v1/children/{a}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = app.NewDbContext();
        (await db.Set<Contact>().CountAsync(c => c.ProgrammeId == other)).ShouldBe(0);
        (await db.Set<Contact>().CountAsync(c => c.ProgrammeId == theirs)).ShouldBe(2);
        // Screening a participant is theirs too (the child reached through the programme).
        (await (await app.ClientForAsync(Ngo)).GetAsync($"/api/v1/children/{a}/screenings")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.ClientForAsync(Ngo)).GetAsync($"/api/v1/children/{b}/screenings")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_child_typed_in_is_looked_for_in_the_registry_before_being_registered()
    {
        var programme = await ProgrammeAsync(ngo: true);
        var given = "Nərmin" + Letters();
        var typed = new { surname = "Qasımova", givenName = given, birthDate = DateTime.UtcNow.AddYears(-4).ToString("yyyy-MM-dd"), sex = "F", districtCode = "C-GAN" };
        var (status, body) = await PostAsync(Ngo, $"/api/v1/programmes/{programme}/participants", typed);
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("outcome").GetString().ShouldBe("registered");
        var registered = body.GetProperty("childId").GetGuid();
        await using (var db = app.NewDbContext())
        {
            var child = await db.Children.SingleAsync(c => c.Id == registered);
            (child.GivenName, child.CareArrangement.ToString(), child.Agency).ShouldBe((given, "Parents", "Ganja Children's NGO"));
            (await db.Set<Participant>().SingleAsync(p => p.ProgrammeId == programme && p.ChildId == registered)).RegisteredHere.ShouldBeTrue();
            (await db.AuditEntries.AnyAsync(x => x.EntityType == "programme-participant" && x.EntityId == $"{programme}:{registered:D}")).ShouldBeTrue();
        }
        // Typed in again: the same record, not a second one.
        (status, body) = await PostAsync(Ngo, $"/api/v1/programmes/{programme}/participants", typed);
        (status, body.GetProperty("outcome").GetString(), body.GetProperty("childId").GetGuid()).ShouldBe((HttpStatusCode.OK, "already", registered));
        // A child the district registered earlier (not the NGO's to see) is found and added as that record.
        var known = TestData.Child("C-GAN", surname: "Əkbərova", givenName: "Leyla" + Letters());
        known["sex"] = "F";
        var existing = await ChildAsync(known);
        (status, body) = await PostAsync(Ngo, $"/api/v1/programmes/{programme}/participants",
            new { surname = known["surname"], givenName = known["givenName"], patronymic = known["patronymic"], birthDate = known["birthDate"], sex = "F", districtCode = "C-GAN" });
        (status, body.GetProperty("outcome").GetString(), body.GetProperty("childId").GetGuid()).ShouldBe((HttpStatusCode.Created, "matched", existing));
        await using (var db = app.NewDbContext())
            (await db.Children.CountAsync(c => c.GivenName == (string)known["givenName"]!)).ShouldBe(1);
        (await ParticipantsAsync(Ngo, programme)).ShouldBe([registered, existing], ignoreOrder: true);
    }

    [Fact]
    public async Task A_probable_record_is_shown_before_registering_and_bad_fields_are_named()
    {
        var programme = await ProgrammeAsync(ngo: false);
        var known = TestData.Child("C-GAN", surname: "Hüseynov", givenName: "Tural" + Letters());
        var existing = await ChildAsync(known);
        // Same names, born a year later: probably the same child, not for certain. The worker sees it by name and adds it.
        var birth = DateOnly.Parse((string)known["birthDate"]!, System.Globalization.CultureInfo.InvariantCulture).AddYears(1).ToString("yyyy-MM-dd");
        var typed = new { surname = known["surname"], givenName = known["givenName"], birthDate = birth, sex = "M", districtCode = "C-GAN" };
        var (status, body) = await PostAsync("worker.ganja", $"/api/v1/programmes/{programme}/participants", typed);
        status.ShouldBe(HttpStatusCode.Conflict, body.ToString());
        body.GetProperty("code").GetString().ShouldBe("community.probable-match");
        var match = body.GetProperty("current")[0];
        (match.GetProperty("childId").GetGuid(), match.GetProperty("districtCode").GetString()).ShouldBe((existing, "C-GAN"));
        (await PostAsync("worker.ganja", $"/api/v1/programmes/{programme}/participants", new { childId = existing })).Body.GetProperty("outcome").GetString().ShouldBe("added");
        // The NGO's staff, who may not see that record, learn only that one exists in the district; sure, they register anew.
        var theirs = await ProgrammeAsync(ngo: true);
        (status, body) = await PostAsync(Ngo, $"/api/v1/programmes/{theirs}/participants", typed);
        status.ShouldBe(HttpStatusCode.Conflict);
        match = body.GetProperty("current")[0];
        (match.GetProperty("childId").ValueKind, match.GetProperty("name").ValueKind, match.GetProperty("districtCode").GetString())
            .ShouldBe((JsonValueKind.Null, JsonValueKind.Null, "C-GAN"));
        (status, body) = await PostAsync(Ngo, $"/api/v1/programmes/{theirs}/participants", new { typed.surname, typed.givenName, typed.birthDate, typed.sex, typed.districtCode, confirmNew = true });
        (status, body.GetProperty("outcome").GetString()).ShouldBe((HttpStatusCode.Created, "registered"));
        body.GetProperty("childId").GetGuid().ShouldNotBe(existing);
        // Bad fields, each named; nothing registered.
        await using var before = app.NewDbContext();
        var count = await before.Children.CountAsync();
        (status, body) = await PostAsync("worker.ganja", $"/api/v1/programmes/{programme}/participants",
            new { surname = "", birthDate = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"), sex = "X", districtCode = "C-SIR", careArrangement = "Castle" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("codes").EnumerateObject().Select(p => p.Name).ShouldBe(["givenName", "surname", "birthDate", "sex", "districtCode", "careArrangement"], ignoreOrder: true);
        (await PostAsync("worker.ganja", $"/api/v1/programmes/{programme}/participants", new { childId = Guid.NewGuid() })).Body
            .GetProperty("codes").GetProperty("childId")[0].GetString().ShouldBe("community.unknown-child");
        await using var after = app.NewDbContext();
        (await after.Children.CountAsync()).ShouldBe(count);
    }
}
