using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Himaya.Features.Services;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(ServicesOnSqliteCollection.Name)]
public sealed class ServiceReviewOnSqlite(SqliteApp app) : ServiceReviewTests(app);
[Collection(ServicesOnPostgresCollection.Name)]
public sealed class ServiceReviewOnPostgres(PostgresApp app) : ServiceReviewTests(app);

/// <summary>
/// Keeping the directory: a coordinator's review of new services and of a provider's changes to public ones, edits with
/// versions, places at once, close and reopen, who may touch which service, and the audit line of every change.
/// </summary>
public abstract class ServiceReviewTests(HimayaApp app)
{
    private const string Ngo = "Ganja Children's NGO";
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private async Task<int> NgoProviderAsync()
    {
        await using var db = app.NewDbContext();
        return await db.Set<Provider>().Where(p => p.Name == Ngo).Select(p => p.Id).SingleAsync();
    }

    /// <summary>A public service of ngo.ganja's NGO in Ganja, added by the Ganja coordinator.</summary>
    private async Task<JsonElement> PublicServiceAsync(string name)
    {
        var res = await (await app.ClientForAsync("coordinator.ganja")).PostAsJsonAsync("/api/v1/services", new
        {
            providerId = await NgoProviderAsync(), name, types = new[] { "day-care" }, districts = new[] { "C-GAN" }, address = "Ganja, Atatürk pr. 5",
            latitude = 40.6828, longitude = 46.3606, ageMin = 3, ageMax = 12, phone = "+994 22 256 00 10", capacity = 20, freePlaces = 4,
        });
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        return await res.JsonAsync();
    }

    /// <summary>The service as a PUT body, with changes (camelCase names) over what it holds now.</summary>
    private static Dictionary<string, object?> Body(JsonElement s, params (string Field, object? Value)[] changes)
    {
        var body = new Dictionary<string, object?>
        {
            ["version"] = s.GetProperty("version").GetInt32(), ["name"] = s.GetProperty("name").GetString(),
            ["types"] = s.GetProperty("types").EnumerateArray().Select(x => x.GetString()).ToArray(),
            ["districts"] = s.GetProperty("districts").EnumerateArray().Select(x => x.GetString()).ToArray(),
            ["address"] = s.GetProperty("address").GetString(), ["latitude"] = s.GetProperty("latitude").GetDouble(), ["longitude"] = s.GetProperty("longitude").GetDouble(),
            ["ageMin"] = s.GetProperty("ageMin").GetInt32(), ["ageMax"] = s.GetProperty("ageMax").GetInt32(), ["phone"] = s.GetProperty("phone").GetString(),
            ["capacity"] = s.GetProperty("capacity").GetInt32(), ["freePlaces"] = s.GetProperty("freePlaces").GetInt32(),
        };
        foreach (var (field, value) in changes) body[field] = value;
        return body;
    }

    private static async Task<IReadOnlyList<JsonElement>> PublicAsync(HimayaApp app, int id)
    {
        using var anon = app.CreateClient();
        return [.. (await (await anon.GetAsync("/api/v1/public/services?district=C-GAN")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("id").GetInt32() == id)];
    }

    private async Task<List<string>> AuditAsync(int id)
    {
        await using var db = app.NewDbContext();
        return await db.AuditEntries.Where(a => a.EntityType == "service" && a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action + " " + a.Detail).ToListAsync();
    }

    [Fact]
    public async Task A_providers_change_to_public_facts_waits_for_review_while_free_places_apply_at_once()
    {
        var tag = Tag();
        var created = await PublicServiceAsync("Day centre " + tag);
        var id = created.GetProperty("id").GetInt32();
        var ngo = await app.ClientForAsync("ngo.ganja");
        var res = await ngo.PutAsJsonAsync($"/api/v1/services/{id}", Body(created, ("phone", "+994 22 256 99 99"), ("ageMax", 14), ("freePlaces", 2)));
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        var edited = await res.JsonAsync();
        edited.GetProperty("version").GetInt32().ShouldBe(2);
        edited.GetProperty("phone").GetString().ShouldBe("+994 22 256 00 10", "the public facts stay until approved");
        edited.GetProperty("freePlaces").GetInt32().ShouldBe(2, "free places are operational: at once");
        var change = edited.GetProperty("pendingChange");
        change.GetProperty("changed").EnumerateArray().Select(x => x.GetString()).ShouldBe(["ageMax", "phone"]);
        change.GetProperty("proposed").GetProperty("phone").GetString().ShouldBe("+994 22 256 99 99");
        change.GetProperty("proposedBy").GetString().ShouldBe("ngo.ganja");
        var seen = (await PublicAsync(app, id)).Single();
        (seen.GetProperty("phone").GetString(), seen.GetProperty("ageMax").GetInt32()).ShouldBe(("+994 22 256 00 10", 12));

        // The coordinator's queue shows what changes; the approval applies it.
        var coordinator = await app.ClientForAsync("coordinator.ganja");
        var queue = await (await coordinator.GetAsync("/api/v1/services/review")).JsonAsync();
        var item = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        item.GetProperty("kind").GetString().ShouldBe("Change");
        item.GetProperty("changed").EnumerateArray().Select(x => x.GetString()).ShouldBe(["ageMax", "phone"]);
        var approved = await coordinator.PostAsJsonAsync($"/api/v1/services/{id}/review", new { approve = true, version = 2 });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var after = await approved.JsonAsync();
        (after.GetProperty("phone").GetString(), after.GetProperty("version").GetInt32()).ShouldBe(("+994 22 256 99 99", 3));
        after.GetProperty("pendingChange").ValueKind.ShouldBe(JsonValueKind.Null);
        seen = (await PublicAsync(app, id)).Single();
        (seen.GetProperty("phone").GetString(), seen.GetProperty("ageMax").GetInt32()).ShouldBe(("+994 22 256 99 99", 14));

        // Places alone, from the list: at once, with their own line.
        var places = await ngo.PostAsJsonAsync($"/api/v1/services/{id}/places", new { version = 3, freePlaces = 0 });
        places.StatusCode.ShouldBe(HttpStatusCode.OK, await places.Content.ReadAsStringAsync());
        (await places.JsonAsync()).GetProperty("freePlaces").GetInt32().ShouldBe(0);
        (await AuditAsync(id)).ShouldBe([
            $"create Day centre {tag}; Public", "update change proposed: ageMax, phone; places 20/2; v2", "update change approved: ageMax, phone; v3",
            "update places 20/0; v4"]);
    }

    [Fact]
    public async Task A_new_service_is_returned_with_a_reason_fixed_by_its_provider_and_approved()
    {
        var tag = Tag();
        var ngo = await app.ClientForAsync("ngo.ganja");
        var res = await ngo.PostAsJsonAsync("/api/v1/services", new
        {
            providerId = await NgoProviderAsync(), name = "Parents' club " + tag, types = new[] { "ecd-parenting" }, districts = new[] { "C-GAN" },
            address = "Ganja", latitude = 40.68, longitude = 46.36, ageMin = 0, ageMax = 6, phone = "+994 22 256 00 11", capacity = 10, freePlaces = 10,
        });
        var created = await res.JsonAsync();
        var id = created.GetProperty("id").GetInt32();
        created.GetProperty("status").GetString().ShouldBe("Pending");
        var coordinator = await app.ClientForAsync("coordinator.ganja");
        var item = (await (await coordinator.GetAsync("/api/v1/services/review")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetInt32() == id);
        item.GetProperty("kind").GetString().ShouldBe("NewService");

        // A return needs its reason (400, nothing changed); an answer must say which.
        var noReason = await coordinator.PostAsJsonAsync($"/api/v1/services/{id}/review", new { approve = false, version = 1 });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.JsonAsync()).GetProperty("codes").GetProperty("reason")[0].GetString().ShouldBe("services.reason-required");
        var noAnswer = await coordinator.PostAsJsonAsync($"/api/v1/services/{id}/review", new { reason = "?", version = 1 });
        (await noAnswer.JsonAsync()).GetProperty("codes").GetProperty("approve")[0].GetString().ShouldBe("services.approve-or-return");
        var returned = await coordinator.PostAsJsonAsync($"/api/v1/services/{id}/review", new { approve = false, reason = "Give the opening hours.", version = 1 });
        returned.StatusCode.ShouldBe(HttpStatusCode.OK, await returned.Content.ReadAsStringAsync());

        var seen = await (await ngo.GetAsync($"/api/v1/services/{id}")).JsonAsync();
        (seen.GetProperty("status").GetString(), seen.GetProperty("reviewNote").GetString()).ShouldBe(("Returned", "Give the opening hours."));
        var fixedIt = await ngo.PutAsJsonAsync($"/api/v1/services/{id}", Body(seen, ("openingHours", "Mon–Fri 9:00–17:00")));
        var resubmitted = await fixedIt.JsonAsync();
        (resubmitted.GetProperty("status").GetString(), resubmitted.GetProperty("openingHours").GetString()).ShouldBe(("Pending", "Mon–Fri 9:00–17:00"));
        resubmitted.GetProperty("reviewNote").ValueKind.ShouldBe(JsonValueKind.Null);
        (await PublicAsync(app, id)).ShouldBeEmpty();
        var approved = await coordinator.PostAsJsonAsync($"/api/v1/services/{id}/review", new { approve = true, version = 3 });
        (await approved.JsonAsync()).GetProperty("status").GetString().ShouldBe("Public");
        (await PublicAsync(app, id)).ShouldHaveSingleItem();
        (await AuditAsync(id)).ShouldBe([$"create Parents' club {tag}; Pending", "update returned; v2", "update resubmitted: openingHours; v3", "update approved: public; v4"]);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_with_the_service_as_it_is_now()
    {
        var created = await PublicServiceAsync("Stale centre " + Tag());
        var id = created.GetProperty("id").GetInt32();
        var admin = await app.ClientForAsync("admin");
        (await admin.PutAsJsonAsync($"/api/v1/services/{id}", Body(created, ("cost", "Free")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await (await app.ClientForAsync("coordinator.ganja")).PutAsJsonAsync($"/api/v1/services/{id}", Body(created, ("phone", "+994 22 000 00 01")));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var body = await stale.JsonAsync();
        body.GetProperty("code").GetString().ShouldBe("services.changed-since");
        body.GetProperty("current").GetProperty("version").GetInt32().ShouldBe(2);
        body.GetProperty("current").GetProperty("cost").GetString().ShouldBe("Free");
        var review = await admin.PostAsJsonAsync($"/api/v1/services/{id}/review", new { approve = true, version = 1 });
        review.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await using var db = app.NewDbContext();
        (await db.Set<Service>().Where(s => s.Id == id).Select(s => new { s.Version, s.Phone }).SingleAsync()).ShouldBe(new { Version = 2, Phone = (string?)"+994 22 256 00 10" });
    }

    [Fact]
    public async Task Outside_their_keeping_a_service_is_not_found_and_nothing_to_review_is_a_conflict()
    {
        var coordinator = await app.ClientForAsync("coordinator.ganja");
        int shirvan;
        await using (var db = app.NewDbContext()) shirvan = await db.Set<Service>().Where(s => s.Name == "Shirvan family support centre").Select(s => s.Id).SingleAsync();
        (await coordinator.PostAsJsonAsync($"/api/v1/services/{shirvan}/review", new { approve = true, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/api/v1/services/{shirvan}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.PostAsJsonAsync($"/api/v1/services/{shirvan}/close", new { version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await coordinator.GetAsync("/api/v1/services/catalogue")).JsonAsync()).GetProperty("items").EnumerateArray()
            .ShouldNotContain(i => i.GetProperty("id").GetInt32() == shirvan);
        var ngo = await app.ClientForAsync("ngo.ganja");
        (await ngo.PostAsJsonAsync($"/api/v1/services/{shirvan}/places", new { version = 1, freePlaces = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ngo.PostAsJsonAsync($"/api/v1/services/{shirvan}/review", new { approve = true, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var own = await (await ngo.GetAsync("/api/v1/services/catalogue")).JsonAsync();
        own.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("provider").GetString() == Ngo);
        own.GetProperty("waitingForReview").GetInt32().ShouldBe(0);

        var created = await PublicServiceAsync("Nothing waits " + Tag());
        var nothing = await coordinator.PostAsJsonAsync($"/api/v1/services/{created.GetProperty("id").GetInt32()}/review", new { approve = true, version = 1 });
        nothing.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await nothing.JsonAsync()).GetProperty("code").GetString().ShouldBe("services.nothing-to-review");
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_changes_nothing()
    {
        var created = await PublicServiceAsync("Checked centre " + Tag());
        var id = created.GetProperty("id").GetInt32();
        var coordinator = await app.ClientForAsync("coordinator.ganja");
        var res = await coordinator.PutAsJsonAsync($"/api/v1/services/{id}", Body(created, ("version", null), ("ageMin", 12), ("ageMax", 6), ("phone", "call me"),
            ("types", new[] { "day-care", "no-such-type" }), ("districts", new[] { "C-GAN", "C-SIR" }), ("latitude", 51.5), ("freePlaces", 99), ("name", "")));
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var codes = (await res.JsonAsync()).GetProperty("codes");
        codes.GetProperty("version")[0].GetString().ShouldBe("services.version-required");
        codes.GetProperty("ageMax")[0].GetString().ShouldBe("services.ages-reversed");
        codes.GetProperty("phone")[0].GetString().ShouldBe("services.phone");
        codes.GetProperty("types")[0].GetString().ShouldBe("services.unknown-type");
        codes.GetProperty("districts")[0].GetString().ShouldBe("services.district-outside-scope");
        codes.GetProperty("latitude")[0].GetString().ShouldBe("services.outside-azerbaijan");
        codes.GetProperty("freePlaces")[0].GetString().ShouldBe("services.free-places-over-capacity");
        codes.GetProperty("name")[0].GetString().ShouldBe("field.required");
        var places = await coordinator.PostAsJsonAsync($"/api/v1/services/{id}/places", new { version = 1, freePlaces = -1 });
        (await places.JsonAsync()).GetProperty("codes").GetProperty("freePlaces")[0].GetString().ShouldBe("services.capacity");
        var badEnum = await coordinator.PutAsJsonAsync($"/api/v1/services/{id}", Body(created, ("sex", "Girls, Boys")));
        badEnum.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await using var db = app.NewDbContext();
        var stored = await db.Set<Service>().Include(s => s.Types).Include(s => s.Districts).SingleAsync(s => s.Id == id);
        (stored.Version, stored.MinAge, stored.Phone, stored.FreePlaces).ShouldBe((1, 3, "+994 22 256 00 10", 4));
        stored.Types.Select(t => t.TypeCode).ShouldBe(["day-care"]);
        stored.Districts.Select(d => d.DistrictCode).ShouldBe(["C-GAN"]);
        (await db.Set<ServiceChange>().CountAsync(c => c.ServiceId == id)).ShouldBe(0);
        (await AuditAsync(id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_closed_service_leaves_the_directory_and_its_provider_reopens_it_for_review()
    {
        var created = await PublicServiceAsync("Closing centre " + Tag());
        var id = created.GetProperty("id").GetInt32();
        var ngo = await app.ClientForAsync("ngo.ganja");
        var closed = await ngo.PostAsJsonAsync($"/api/v1/services/{id}/close", new { version = 1 });
        (await closed.JsonAsync()).GetProperty("status").GetString().ShouldBe("Closed");
        (await PublicAsync(app, id)).ShouldBeEmpty();
        var edit = await ngo.PutAsJsonAsync($"/api/v1/services/{id}", Body(created, ("version", 2), ("cost", "Free")));
        edit.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await edit.JsonAsync()).GetProperty("code").GetString().ShouldBe("services.closed-reopen-first");
        var reopened = await ngo.PostAsJsonAsync($"/api/v1/services/{id}/reopen", new { version = 2 });
        (await reopened.JsonAsync()).GetProperty("status").GetString().ShouldBe("Pending");
        (await PublicAsync(app, id)).ShouldBeEmpty();
        (await (await app.ClientForAsync("coordinator.ganja")).PostAsJsonAsync($"/api/v1/services/{id}/review", new { approve = true, version = 3 }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PublicAsync(app, id)).ShouldHaveSingleItem();
        (await AuditAsync(id)).Skip(1).ShouldBe(["update closed; v2", "update reopened: waiting for review; v3", "update approved: public; v4"]);
    }

    [Fact]
    public async Task The_management_list_filters_and_counts_what_waits()
    {
        var tag = Tag();
        var created = await PublicServiceAsync("Listed centre " + tag);
        var id = created.GetProperty("id").GetInt32();
        await (await app.ClientForAsync("ngo.ganja")).PutAsJsonAsync($"/api/v1/services/{id}", Body(created, ("cost", "Free")));
        var coordinator = await app.ClientForAsync("coordinator.ganja");
        var list = await (await coordinator.GetAsync($"/api/v1/services/catalogue?district=C-GAN&type=day-care&status=Public&providerId={await NgoProviderAsync()}")).JsonAsync();
        var row = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        row.GetProperty("changeWaiting").GetBoolean().ShouldBeTrue();
        list.GetProperty("waitingForReview").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var bad = await coordinator.GetAsync("/api/v1/services/catalogue?district=nowhere&status=Open&page=0");
        var codes = (await bad.JsonAsync()).GetProperty("codes");
        codes.GetProperty("district")[0].GetString().ShouldBe("field.unknown-district");
        codes.GetProperty("status")[0].GetString().ShouldBe("field.one-of");
        codes.GetProperty("page")[0].GetString().ShouldBe("field.page-starts-at-one");
    }
}
