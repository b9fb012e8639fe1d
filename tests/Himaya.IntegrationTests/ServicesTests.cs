using System.Net;
using System.Net.Http.Json;
using Himaya.Features.Services;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(ServicesOnSqliteCollection.Name)]
public sealed class ServicesOnSqlite(SqliteApp app) : ServicesTests(app);
[Collection(ServicesOnPostgresCollection.Name)]
public sealed class ServicesOnPostgres(PostgresApp app) : ServicesTests(app);

/// <summary>The service directory: the README's contract (public search, taxonomy, providers, services), its validation, who may add what.</summary>
public abstract class ServicesTests(HimayaApp app)
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private async Task<int> ProviderAsync(string name)
    {
        var res = await (await app.ClientForAsync("admin")).PostAsJsonAsync("/api/v1/providers", new { name, kind = "Ngo", taxId = "1700123456" });
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        return (await res.JsonAsync()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task The_taxonomy_is_public_and_in_the_requests_language()
    {
        using var anon = app.CreateClient();
        anon.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var types = await (await anon.GetAsync("/api/v1/service-types")).JsonAsync();
        var hiv = types.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "hiv-testing-youth");
        hiv.GetProperty("name").GetString().ShouldBe("Тестирование на ВИЧ и консультирование для молодёжи");
        types.GetArrayLength().ShouldBeGreaterThanOrEqualTo(15);
    }

    [Fact]
    public async Task An_administrators_service_is_public_at_once_and_found_by_district_type_and_age()
    {
        var tag = Tag();
        var provider = await ProviderAsync("Provider " + tag);
        var admin = await app.ClientForAsync("admin");
        var res = await admin.PostAsJsonAsync("/api/v1/services", new
        {
            providerId = provider, name = "Youth counselling " + tag, types = new[] { "hiv-testing-youth", "youth-friendly" }, districts = new[] { "C-SIR" },
            address = "Şirvan, Heydər Əliyev pr. 1", latitude = 39.9381, longitude = 48.9206, ageMin = 14, ageMax = 17, phone = "+994 21 000 00 00", capacity = 20,
        });
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        var created = await res.JsonAsync();
        created.GetProperty("status").GetString().ShouldBe("Public");
        var id = created.GetProperty("id").GetInt32();

        using var anon = app.CreateClient();
        var found = await (await anon.GetAsync("/api/v1/public/services?district=C-SIR&type=hiv-testing-youth&age=15")).JsonAsync();
        var item = found.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        item.GetProperty("name").GetString().ShouldBe("Youth counselling " + tag);
        item.GetProperty("provider").GetString().ShouldBe("Provider " + tag);
        item.GetProperty("types").EnumerateArray().Select(t => t.GetString()).ShouldBe(["hiv-testing-youth", "youth-friendly"]);
        item.GetProperty("districts").EnumerateArray().Select(t => t.GetString()).ShouldBe(["C-SIR"]);
        item.GetProperty("latitude").GetDouble().ShouldBe(39.9381);
        item.GetProperty("longitude").GetDouble().ShouldBe(48.9206);
        (item.GetProperty("ageMin").GetInt32(), item.GetProperty("ageMax").GetInt32()).ShouldBe((14, 17));
        item.GetProperty("phone").GetString().ShouldBe("+994 21 000 00 00");
        // Not for a younger child, not in another district, not of another type.
        foreach (var query in new[] { "district=C-SIR&age=10", "district=C-GAN", "type=legal-aid" })
            (await (await anon.GetAsync("/api/v1/public/services?" + query)).JsonAsync()).GetProperty("items").EnumerateArray()
                .ShouldNotContain(i => i.GetProperty("id").GetInt32() == id, query);
        // A nationwide service is found in every district.
        (await (await anon.GetAsync("/api/v1/public/services?district=C-SIR&type=legal-aid")).JsonAsync()).GetProperty("items").EnumerateArray()
            .ShouldContain(i => i.GetProperty("nationwide").GetBoolean());

        await using var db = app.NewDbContext();
        (await db.AuditEntries.CountAsync(a => a.EntityType == "service" && a.EntityId == id.ToString() && a.Action == AuditActions.Create)).ShouldBe(1);
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_keeps_nothing()
    {
        var tag = Tag();
        var provider = await ProviderAsync("Checked provider " + tag);
        var admin = await app.ClientForAsync("admin");
        await using var before = app.NewDbContext();
        var count = await before.Set<Service>().CountAsync();
        var res = await admin.PostAsJsonAsync("/api/v1/services", new
        {
            providerId = provider, name = "Bad " + tag, types = new[] { "mhpss", "no-such-type" }, districts = new[] { "C-GAN", "XX-NOPE" },
            latitude = 51.5072, longitude = -0.1276, ageMin = 12, ageMax = 6, phone = "call me", capacity = 5, freePlaces = 9,
        });
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var codes = (await res.JsonAsync()).GetProperty("codes");
        codes.GetProperty("types")[0].GetString().ShouldBe("services.unknown-type");
        codes.GetProperty("districts")[0].GetString().ShouldBe("field.unknown-district");
        codes.GetProperty("latitude")[0].GetString().ShouldBe("services.outside-azerbaijan");
        codes.GetProperty("ageMax")[0].GetString().ShouldBe("services.ages-reversed");
        codes.GetProperty("phone")[0].GetString().ShouldBe("services.phone");
        codes.GetProperty("freePlaces")[0].GetString().ShouldBe("services.free-places-over-capacity");
        // Inside Azerbaijan's bounding box but in Iran (south of Astara): still outside.
        var iran = await admin.PostAsJsonAsync("/api/v1/services", new { providerId = provider, name = "Iran " + tag, types = new[] { "mhpss" }, districts = new[] { "C-GAN" }, latitude = 38.30, longitude = 48.50 });
        (await iran.JsonAsync()).GetProperty("codes").GetProperty("latitude")[0].GetString().ShouldBe("services.outside-azerbaijan");
        var kindless = await admin.PostAsJsonAsync("/api/v1/providers", new { name = "Kindless " + tag, taxId = "12" });
        var pcodes = (await kindless.JsonAsync()).GetProperty("codes");
        pcodes.GetProperty("kind")[0].GetString().ShouldBe("services.kind-required");
        pcodes.GetProperty("taxId")[0].GetString().ShouldBe("services.tax-id");
        var badKind = await admin.PostAsJsonAsync("/api/v1/providers", new { name = "Odd " + tag, kind = "Ngo, Private" });
        badKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badKind.JsonAsync()).GetProperty("errors").TryGetProperty("kind", out _).ShouldBeTrue();
        var taken = await admin.PostAsJsonAsync("/api/v1/providers", new { name = "Checked provider " + tag, kind = "State" });
        (await taken.JsonAsync()).GetProperty("codes").GetProperty("name")[0].GetString().ShouldBe("services.provider-name-taken");
        using var anon = app.CreateClient();
        var search = await (await anon.GetAsync("/api/v1/public/services?district=nowhere&type=nothing&age=old")).JsonAsync();
        search.GetProperty("codes").GetProperty("district")[0].GetString().ShouldBe("field.unknown-district");
        search.GetProperty("codes").GetProperty("type")[0].GetString().ShouldBe("services.unknown-type");
        search.GetProperty("codes").GetProperty("age")[0].GetString().ShouldBe("field.whole-number");

        await using var after = app.NewDbContext();
        (await after.Set<Service>().CountAsync()).ShouldBe(count);
        (await after.Set<Provider>().AnyAsync(p => p.Name.EndsWith(tag) && p.Name != "Checked provider " + tag)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_providers_staff_add_their_own_services_which_wait_for_review_and_a_coordinator_keeps_to_their_districts()
    {
        var tag = Tag();
        var ngo = await app.ClientForAsync("ngo.ganja");
        await using (var db = app.NewDbContext())
        {
            var own = await db.Set<Provider>().Where(p => p.Name == "Ganja Children's NGO").Select(p => p.Id).SingleAsync();
            var res = await ngo.PostAsJsonAsync("/api/v1/services", new { providerId = own, name = "Parenting circle " + tag, types = new[] { "ecd-parenting" }, districts = new[] { "C-GAN" } });
            res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
            var id = (await res.JsonAsync()).GetProperty("id").GetInt32();
            (await res.JsonAsync()).GetProperty("status").GetString().ShouldBe("Pending");
            using var anon = app.CreateClient();
            (await (await anon.GetAsync("/api/v1/public/services?district=C-GAN")).JsonAsync()).GetProperty("items").EnumerateArray()
                .ShouldNotContain(i => i.GetProperty("id").GetInt32() == id, "a service waiting for review is not public");
        }
        var other = await ProviderAsync("Someone else " + tag);
        var notTheirs = await ngo.PostAsJsonAsync("/api/v1/services", new { providerId = other, name = "Not theirs " + tag, types = new[] { "mhpss" }, districts = new[] { "C-GAN" } });
        (await notTheirs.JsonAsync()).GetProperty("codes").GetProperty("providerId")[0].GetString().ShouldBe("services.not-your-provider");
        (await ngo.PostAsJsonAsync("/api/v1/providers", new { name = "Own " + tag, kind = "Ngo" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var coordinator = await app.ClientForAsync("coordinator.ganja");
        var outside = await coordinator.PostAsJsonAsync("/api/v1/services", new { providerId = other, name = "Outside " + tag, types = new[] { "mhpss" }, districts = new[] { "C-SIR" } });
        (await outside.JsonAsync()).GetProperty("codes").GetProperty("districts")[0].GetString().ShouldBe("services.district-outside-scope");
        var inside = await coordinator.PostAsJsonAsync("/api/v1/services", new { providerId = other, name = "Inside " + tag, types = new[] { "mhpss" }, districts = new[] { "C-GAN" } });
        inside.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await inside.JsonAsync()).GetProperty("status").GetString().ShouldBe("Public");
        // The NGO's staff read their own services only.
        var insideId = (await inside.JsonAsync()).GetProperty("id").GetInt32();
        (await ngo.GetAsync($"/api/v1/services/{insideId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_referral_is_refused_for_a_service_that_does_not_take_the_childs_sex_and_the_form_says_why()
    {
        var tag = Tag();
        var provider = await ProviderAsync("Girls provider " + tag);
        var admin = await app.ClientForAsync("admin");
        var girls = await admin.PostAsJsonAsync("/api/v1/services", new { providerId = provider, name = "Girls only " + tag, types = new[] { "mhpss" }, districts = new[] { "C-GAN" }, sex = "Girls" });
        var serviceId = (await girls.JsonAsync()).GetProperty("id").GetInt32();
        var worker = await app.ClientForAsync("worker.ganja");
        var child = TestData.Child(surname: "Xidmətov");
        child["sex"] = "M";
        var childId = (await TestData.CreateChildAsync(worker, child)).GetProperty("id").GetString()!;
        var choices = await (await worker.GetAsync($"/api/v1/services?childId={childId}")).JsonAsync();
        var choice = choices.EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == serviceId);
        choice.GetProperty("servesChild").GetBoolean().ShouldBeFalse();
        choice.GetProperty("whyNot").GetString()!.ShouldContain("does not serve children of this sex");
    }
}
