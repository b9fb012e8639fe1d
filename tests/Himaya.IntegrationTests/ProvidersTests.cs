using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Himaya.Features.Services;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Himaya.IntegrationTests;

[Collection(ServicesOnSqliteCollection.Name)]
public sealed class ProvidersOnSqlite(SqliteApp app) : ProvidersTests(app);
[Collection(ServicesOnPostgresCollection.Name)]
public sealed class ProvidersOnPostgres(PostgresApp app) : ProvidersTests(app);

/// <summary>
/// A provider's record: its facts (versioned), state contracts, contact people, the accreditation warning; who may
/// change what (the directory's keepers, the provider's own staff); and the administrator's side of the taxonomy.
/// </summary>
public abstract class ProvidersTests(HimayaApp app)
{
    private const string GanjaNgo = "Ganja Children's NGO";
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<int> ProviderAsync(string name, string kind = "Ngo", string accreditation = "None", DateOnly? expires = null)
    {
        var res = await (await app.ClientForAsync("admin")).PostAsJsonAsync("/api/v1/providers", new
        {
            name, kind, accreditation, accreditedOn = expires is null ? null : "2024-01-01", accreditationExpiresOn = expires is { } e ? Day(e) : null,
        });
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        return (await res.JsonAsync()).GetProperty("id").GetInt32();
    }

    private async Task<int> AuditCountAsync(string entityType, string? action = null)
    {
        await using var db = app.NewDbContext();
        return await db.AuditEntries.CountAsync(a => a.EntityType == entityType && (action == null || a.Action == action));
    }

    private static object Contract(string number, DateOnly from, DateOnly to, decimal amount = 250_000.75m, string[]? types = null) => new
    {
        funder = "Ministry of Labour and Social Protection", number, amount, from = Day(from), to = Day(to), types = types ?? ["mhpss", "family-support"],
    };

    [Fact]
    public async Task A_keeper_reads_and_updates_a_provider_and_a_stale_version_is_a_conflict_that_changes_nothing()
    {
        var tag = Tag();
        var id = await ProviderAsync("Versioned " + tag);
        var admin = await app.ClientForAsync("admin");
        var coordinator = await app.ClientForAsync("coordinator.ganja");
        var read = await (await admin.GetAsync($"/api/v1/providers/{id}")).JsonAsync();
        read.GetProperty("version").GetInt32().ShouldBe(1);
        read.GetProperty("contracts").GetArrayLength().ShouldBe(0);

        var update = new
        {
            version = 1, name = "Versioned " + tag, kind = "Ngo", taxId = "1700123456", accreditation = "Accredited",
            accreditedOn = Day(Today.AddYears(-1)), accreditationExpiresOn = Day(Today.AddDays(20)), phone = "+994 12 555 00 00", email = "office@example.az",
        };
        var first = await coordinator.PutAsJsonAsync($"/api/v1/providers/{id}", update);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var updated = await first.JsonAsync();
        updated.GetProperty("version").GetInt32().ShouldBe(2);
        updated.GetProperty("accreditationWarning").GetString().ShouldBe("ExpiresSoon");

        var stale = await admin.PutAsJsonAsync($"/api/v1/providers/{id}", update with { phone = "+994 12 000 00 00" });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var conflict = await stale.JsonAsync();
        conflict.GetProperty("code").GetString().ShouldBe("providers.changed-since");
        conflict.GetProperty("current").GetProperty("phone").GetString().ShouldBe("+994 12 555 00 00");

        // Field errors are named and change nothing.
        var bad = await admin.PutAsJsonAsync($"/api/v1/providers/{id}", new { name = "", taxId = "12", accreditedOn = "2026-05-01", accreditationExpiresOn = "2026-04-01", email = "nope" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["name", "kind", "taxId", "accreditationExpiresOn", "email", "version"], ignoreOrder: true);
        var after = await (await admin.GetAsync($"/api/v1/providers/{id}")).JsonAsync();
        (after.GetProperty("version").GetInt32(), after.GetProperty("phone").GetString()).ShouldBe((2, "+994 12 555 00 00"));
        (await admin.GetAsync("/api/v1/providers/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var db = app.NewDbContext();
        (await db.AuditEntries.CountAsync(a => a.EntityType == "provider" && a.EntityId == id.ToString(CultureInfo.InvariantCulture) && a.Action == AuditActions.Update)).ShouldBe(1);
    }

    [Fact]
    public async Task A_renamed_provider_keeps_its_services_and_staff()
    {
        var tag = Tag();
        var id = await ProviderAsync("Old name " + tag);
        var admin = await app.ClientForAsync("admin");
        var service = await admin.PostAsJsonAsync("/api/v1/services", new { providerId = id, name = "Renamed service " + tag, types = new[] { "mhpss" }, districts = new[] { "C-GAN" } });
        service.StatusCode.ShouldBe(HttpStatusCode.Created);
        var staff = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "staff." + tag, displayName = "Staff " + tag, agency = "Old name " + tag, roles = new[] { "ServiceProvider" }, scopeKind = "Caseload", password = HimayaApp.Password,
        });
        staff.StatusCode.ShouldBe(HttpStatusCode.Created, await staff.Content.ReadAsStringAsync());
        var renamed = await admin.PutAsJsonAsync($"/api/v1/providers/{id}", new { version = 1, name = "New name " + tag, kind = "Ngo" });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
        (await (await admin.GetAsync($"/api/v1/services/{(await service.JsonAsync()).GetProperty("id").GetInt32()}")).JsonAsync())
            .GetProperty("provider").GetString().ShouldBe("New name " + tag);
        var own = await app.ClientForAsync("staff." + tag);
        (await (await own.GetAsync($"/api/v1/providers/{id}")).JsonAsync()).GetProperty("name").GetString().ShouldBe("New name " + tag);
        // A name another provider has is refused.
        var taken = await admin.PutAsJsonAsync($"/api/v1/providers/{id}", new { version = 2, name = GanjaNgo, kind = "Ngo" });
        (await taken.JsonAsync()).GetProperty("codes").GetProperty("name")[0].GetString().ShouldBe("services.provider-name-taken");
    }

    [Fact]
    public async Task A_contract_is_checked_field_by_field_and_a_refused_one_keeps_nothing()
    {
        var tag = Tag();
        var id = await ProviderAsync("Contracted " + tag);
        var admin = await app.ClientForAsync("admin");
        var contractsBefore = await AuditCountAsync("provider-contract");
        var bad = await admin.PostAsJsonAsync($"/api/v1/providers/{id}/contracts", new
        {
            funder = "", number = "C-" + tag, amount = 0, from = Day(Today), to = Day(Today.AddDays(-1)), types = new[] { "mhpss", "no-such-type" },
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var codes = (await bad.JsonAsync()).GetProperty("codes");
        codes.GetProperty("funder")[0].GetString().ShouldBe("field.required");
        codes.GetProperty("amount")[0].GetString().ShouldBe("providers.amount");
        codes.GetProperty("to")[0].GetString().ShouldBe("providers.period-reversed");
        codes.GetProperty("types")[0].GetString().ShouldBe("services.unknown-type");
        var negative = await admin.PostAsJsonAsync($"/api/v1/providers/{id}/contracts", Contract("C-" + tag, Today, Today, amount: -10m));
        (await negative.JsonAsync()).ErrorFields().ShouldBe(["amount"]);
        var noTypes = await admin.PostAsJsonAsync($"/api/v1/providers/{id}/contracts", Contract("C-" + tag, Today, Today, types: []));
        (await noTypes.JsonAsync()).ErrorFields().ShouldBe(["types"]);
        (await admin.PostAsJsonAsync("/api/v1/providers/999999/contracts", Contract("C-" + tag, Today, Today))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using (var db = app.NewDbContext())
            (await db.ProviderContracts.CountAsync(c => c.ProviderId == id)).ShouldBe(0);
        (await AuditCountAsync("provider-contract")).ShouldBe(contractsBefore);

        var added = await admin.PostAsJsonAsync($"/api/v1/providers/{id}/contracts", Contract("C-" + tag, Today.AddMonths(-2), Today.AddMonths(10)));
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var provider = await added.JsonAsync();
        var contract = provider.GetProperty("contracts")[0];
        contract.GetProperty("status").GetString().ShouldBe("Active");
        contract.GetProperty("amount").GetDecimal().ShouldBe(250_000.75m);
        contract.GetProperty("types").EnumerateArray().Select(t => t.GetString()).ShouldBe(["family-support", "mhpss"]);
        provider.GetProperty("activeFunding").GetDecimal().ShouldBe(250_000.75m);
        var later = await (await admin.PostAsJsonAsync($"/api/v1/providers/{id}/contracts", Contract("D-" + tag, Today.AddMonths(1), Today.AddMonths(13), amount: 10m))).JsonAsync();
        later.GetProperty("contracts").EnumerateArray().Single(c => c.GetProperty("number").GetString() == "D-" + tag).GetProperty("status").GetString().ShouldBe("Upcoming");
        later.GetProperty("activeFunding").GetDecimal().ShouldBe(250_000.75m, "a contract not yet begun funds nothing yet");
        var twice = await admin.PostAsJsonAsync($"/api/v1/providers/{id}/contracts", Contract("C-" + tag, Today, Today));
        (await twice.JsonAsync()).GetProperty("codes").GetProperty("number")[0].GetString().ShouldBe("providers.contract-number-taken");

        var contractId = contract.GetProperty("id").GetInt32();
        var future = await admin.PostAsJsonAsync($"/api/v1/providers/{id}/contracts/{contractId}/end", new { endedOn = Day(Today.AddDays(3)) });
        (await future.JsonAsync()).ErrorFields().ShouldBe(["endedOn"]);
        var ended = await admin.PostAsJsonAsync($"/api/v1/providers/{id}/contracts/{contractId}/end", new { });
        ended.StatusCode.ShouldBe(HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());
        var endedContract = (await ended.JsonAsync()).GetProperty("contracts").EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == contractId);
        (endedContract.GetProperty("status").GetString(), endedContract.GetProperty("endedOn").GetString()).ShouldBe(("Ended", Day(Today)));
        var again = await admin.PostAsJsonAsync($"/api/v1/providers/{id}/contracts/{contractId}/end", new { });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.JsonAsync()).GetProperty("code").GetString().ShouldBe("providers.contract-already-ended");
        (await AuditCountAsync("provider-contract")).ShouldBe(contractsBefore + 3, "two created, one ended");
    }

    [Fact]
    public async Task A_providers_staff_keep_its_contacts_but_not_its_contracts_or_facts_and_see_no_other_provider()
    {
        var tag = Tag();
        int own;
        await using (var db = app.NewDbContext()) own = await db.Providers.Where(p => p.Name == GanjaNgo).Select(p => p.Id).SingleAsync();
        var other = await ProviderAsync("Not theirs " + tag);
        var ngo = await app.ClientForAsync("ngo.ganja");

        var read = await ngo.GetAsync($"/api/v1/providers/{own}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ngo.GetAsync($"/api/v1/providers/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await ngo.GetAsync("/api/v1/providers")).JsonAsync()).EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe([GanjaNgo]);

        var contactsBefore = await AuditCountAsync("provider-contact");
        var empty = await ngo.PostAsJsonAsync($"/api/v1/providers/{own}/contacts", new { role = "Director" });
        (await empty.JsonAsync()).ErrorFields().ShouldBe(["name", "phone"], ignoreOrder: true);
        (await AuditCountAsync("provider-contact")).ShouldBe(contactsBefore);
        var added = await ngo.PostAsJsonAsync($"/api/v1/providers/{own}/contacts", new { name = "Contact " + tag, role = "Case manager", phone = "+994 50 000 00 00", email = "cm@example.az" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var contact = (await added.JsonAsync()).GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Contact " + tag);
        contact.GetProperty("role").GetString().ShouldBe("Case manager");
        var contactId = contact.GetProperty("id").GetInt32();
        (await ngo.PostAsJsonAsync($"/api/v1/providers/{other}/contacts", new { name = "X", phone = "1" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await ngo.PostAsJsonAsync($"/api/v1/providers/{own}/contracts", Contract("NGO-" + tag, Today, Today.AddYears(1)))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ngo.PutAsJsonAsync($"/api/v1/providers/{own}", new { version = 1, name = GanjaNgo, kind = "Ngo", accreditation = "Accredited" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var removed = await ngo.DeleteAsync($"/api/v1/providers/{own}/contacts/{contactId}");
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await removed.JsonAsync()).GetProperty("contacts").EnumerateArray().ShouldNotContain(c => c.GetProperty("id").GetInt32() == contactId);
        (await ngo.DeleteAsync($"/api/v1/providers/{own}/contacts/{contactId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using (var db = app.NewDbContext())
        {
            var lines = await db.AuditEntries.Where(a => a.EntityType == "provider-contact" && a.EntityId == contactId.ToString(CultureInfo.InvariantCulture))
                .Select(a => new { a.Action, a.UserName, a.Detail }).ToListAsync();
            lines.Select(l => l.Action).ShouldBe([AuditActions.Create, AuditActions.Delete], ignoreOrder: true);
            lines.ShouldAllBe(l => l.UserName == "ngo.ganja" && !l.Detail!.Contains("Contact"));
        }
    }

    [Fact]
    public async Task A_providers_staff_propose_new_contact_facts_which_change_only_when_a_keeper_approves()
    {
        int own;
        await using (var db = app.NewDbContext()) own = await db.Providers.Where(p => p.Name == GanjaNgo).Select(p => p.Id).SingleAsync();
        var other = await ProviderAsync("Not theirs either " + Tag());
        var ngo = await app.ClientForAsync("ngo.ganja");
        var coordinator = await app.ClientForAsync("coordinator.ganja");
        var before = await (await ngo.GetAsync($"/api/v1/providers/{own}")).JsonAsync();
        var phone = "+994 22 2" + Random.Shared.Next(10, 99) + " 12 34";
        var audits = await AuditCountAsync("provider");

        // Refused, and nothing kept: a bad email, the facts as they are, another provider, a keeper's decision.
        var bad = await ngo.PostAsJsonAsync($"/api/v1/providers/{own}/proposal", new { phone, email = "not-an-email" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["email"]);
        var same = await ngo.PostAsJsonAsync($"/api/v1/providers/{own}/proposal", new
        {
            phone = before.GetProperty("phone").GetString(), email = before.GetProperty("email").GetString(),
            address = before.GetProperty("address").GetString(), website = before.GetProperty("website").GetString(),
        });
        (await same.JsonAsync()).CodesOf("phone").ShouldBe(["providers.proposal-changes-nothing"]);
        (await ngo.PostAsJsonAsync($"/api/v1/providers/{other}/proposal", new { phone })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ngo.PostAsJsonAsync($"/api/v1/providers/{own}/proposal/decision", new { version = 1, approve = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AuditCountAsync("provider")).ShouldBe(audits);

        var proposed = await ngo.PostAsJsonAsync($"/api/v1/providers/{own}/proposal", new { phone, email = "office@ganja-ngo.az", website = "https://ganja-ngo.az" });
        proposed.StatusCode.ShouldBe(HttpStatusCode.OK, await proposed.Content.ReadAsStringAsync());
        var waiting = await proposed.JsonAsync();
        waiting.GetProperty("phone").GetString().ShouldBe(before.GetProperty("phone").GetString(), "the facts wait for a keeper");
        waiting.GetProperty("proposal").GetProperty("phone").GetString().ShouldBe(phone);
        waiting.GetProperty("proposal").GetProperty("proposedBy").GetString().ShouldBe("ngo.ganja");
        var version = waiting.GetProperty("version").GetInt32();
        (await (await coordinator.GetAsync("/api/v1/providers")).JsonAsync()).EnumerateArray()
            .Single(p => p.GetProperty("id").GetInt32() == own).GetProperty("proposalWaits").GetBoolean().ShouldBeTrue();

        // A return needs its reason; a decision on an older version is a conflict; neither changes anything.
        var noReason = await coordinator.PostAsJsonAsync($"/api/v1/providers/{own}/proposal/decision", new { version, approve = false });
        (await noReason.JsonAsync()).ErrorFields().ShouldBe(["reason"]);
        (await coordinator.PostAsJsonAsync($"/api/v1/providers/{own}/proposal/decision", new { version = version - 1, approve = true })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await ngo.GetAsync($"/api/v1/providers/{own}")).JsonAsync()).GetProperty("proposal").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Object);

        var approved = await coordinator.PostAsJsonAsync($"/api/v1/providers/{own}/proposal/decision", new { version, approve = true });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var after = await approved.JsonAsync();
        after.GetProperty("phone").GetString().ShouldBe(phone);
        after.GetProperty("website").GetString().ShouldBe("https://ganja-ngo.az");
        after.GetProperty("address").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, "an empty proposed fact clears it");
        after.GetProperty("proposal").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await coordinator.PostAsJsonAsync($"/api/v1/providers/{own}/proposal/decision", new { version = version + 1, approve = true }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "nothing waits any more");

        // The next one is returned with a reason the staff see.
        var next = await (await ngo.PostAsJsonAsync($"/api/v1/providers/{own}/proposal", new { phone = "+994 22 200 00 00" })).JsonAsync();
        var returned = await coordinator.PostAsJsonAsync($"/api/v1/providers/{own}/proposal/decision", new { version = next.GetProperty("version").GetInt32(), approve = false, reason = "Nobody answers that number." });
        returned.StatusCode.ShouldBe(HttpStatusCode.OK);
        var seen = await (await ngo.GetAsync($"/api/v1/providers/{own}")).JsonAsync();
        seen.GetProperty("returnedReason").GetString().ShouldBe("Nobody answers that number.");
        seen.GetProperty("phone").GetString().ShouldBe(phone);
        await using (var db = app.NewDbContext())
        {
            var lines = await db.AuditEntries.Where(a => a.EntityType == "provider" && a.EntityId == own.ToString(CultureInfo.InvariantCulture))
                .OrderBy(a => a.Id).Select(a => new { a.UserName, a.Detail }).ToListAsync();
            lines.TakeLast(4).Select(l => $"{l.UserName}: {l.Detail}").ShouldBe([
                "ngo.ganja: contact facts proposed", "coordinator.ganja: proposal approved", "ngo.ganja: contact facts proposed", "coordinator.ganja: proposal returned"]);
        }
    }

    [Fact]
    public async Task The_keepers_list_flags_accreditations_expiring_within_sixty_days_and_filters_them()
    {
        var tag = Tag();
        var soon = await ProviderAsync("Soon " + tag, accreditation: "Accredited", expires: Today.AddDays(30));
        var gone = await ProviderAsync("Gone " + tag, accreditation: "Accredited", expires: Today.AddDays(-1));
        var fine = await ProviderAsync("Fine " + tag, kind: "Private", accreditation: "Accredited", expires: Today.AddDays(200));
        var coordinator = await app.ClientForAsync("coordinator.ganja");
        var all = (await (await coordinator.GetAsync("/api/v1/providers")).JsonAsync()).EnumerateArray().ToList();
        string? Warning(int id) => all.Single(p => p.GetProperty("id").GetInt32() == id).GetProperty("accreditationWarning") is { ValueKind: System.Text.Json.JsonValueKind.String } w ? w.GetString() : null;
        (Warning(soon), Warning(gone), Warning(fine)).ShouldBe(("ExpiresSoon", "Expired", null));
        all.Single(p => p.GetProperty("id").GetInt32() == gone).GetProperty("accredited").GetBoolean().ShouldBeFalse();

        var expiring = (await (await coordinator.GetAsync("/api/v1/providers?expiring=true")).JsonAsync()).EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();
        expiring.ShouldContain(soon);
        expiring.ShouldContain(gone);
        expiring.ShouldNotContain(fine);
        var privates = (await (await coordinator.GetAsync("/api/v1/providers?kind=Private")).JsonAsync()).EnumerateArray().ToList();
        privates.ShouldContain(p => p.GetProperty("id").GetInt32() == fine);
        privates.ShouldAllBe(p => p.GetProperty("kind").GetString() == "Private");
        var bad = await coordinator.GetAsync("/api/v1/providers?kind=Ngo,State&expiring=soon");
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["kind", "expiring"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_administrator_adds_and_retires_a_type_which_new_services_can_no_longer_use_but_old_ones_keep()
    {
        var tag = Tag();
        var code = "street-outreach-" + tag;
        var admin = await app.ClientForAsync("admin");
        var bad = await admin.PostAsJsonAsync("/api/v1/service-types", new { code = "Street Outreach", nameAz = "", nameEn = "Street outreach" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var codes = (await bad.JsonAsync()).GetProperty("codes");
        codes.GetProperty("code")[0].GetString().ShouldBe("providers.type-code");
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["code", "nameAz", "nameRu"], ignoreOrder: true);
        (await (await admin.PostAsJsonAsync("/api/v1/service-types", new { code = new string('a', 41), nameAz = "a", nameEn = "a", nameRu = "a" })).JsonAsync())
            .GetProperty("codes").GetProperty("code")[0].GetString().ShouldBe("providers.type-code");
        var input = new { code, nameAz = "Küçə işi " + tag, nameEn = "Street outreach " + tag, nameRu = "Уличная работа " + tag };
        (await (await app.ClientForAsync("coordinator.ganja")).PostAsJsonAsync("/api/v1/service-types", input)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var added = await admin.PostAsJsonAsync("/api/v1/service-types", input);
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        (await (await admin.PostAsJsonAsync("/api/v1/service-types", input)).JsonAsync()).GetProperty("codes").GetProperty("code")[0].GetString().ShouldBe("providers.type-code-taken");

        using var anon = app.CreateClient();
        anon.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var listed = (await (await anon.GetAsync("/api/v1/service-types")).JsonAsync()).EnumerateArray().Single(t => t.GetProperty("code").GetString() == code);
        listed.GetProperty("name").GetString().ShouldBe("Уличная работа " + tag);
        listed.EnumerateObject().Select(p => p.Name).ShouldBe(["code", "name"], "the README's contract");

        var provider = await ProviderAsync("Outreach provider " + tag);
        var old = await admin.PostAsJsonAsync("/api/v1/services", new { providerId = provider, name = "Outreach " + tag, types = new[] { code }, districts = new[] { "C-GAN" } });
        old.StatusCode.ShouldBe(HttpStatusCode.Created, await old.Content.ReadAsStringAsync());
        var oldId = (await old.JsonAsync()).GetProperty("id").GetInt32();

        var retired = await admin.PostAsync($"/api/v1/service-types/{code}/retire", null);
        retired.StatusCode.ShouldBe(HttpStatusCode.OK, await retired.Content.ReadAsStringAsync());
        (await retired.JsonAsync()).GetProperty("services").GetInt32().ShouldBe(1);
        var again = await admin.PostAsync($"/api/v1/service-types/{code}/retire", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.JsonAsync()).GetProperty("code").GetString().ShouldBe("providers.type-already-retired");
        (await admin.PostAsync("/api/v1/service-types/no-such-type/retire", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await (await anon.GetAsync("/api/v1/service-types")).JsonAsync()).EnumerateArray().ShouldNotContain(t => t.GetProperty("code").GetString() == code);
        var refused = await admin.PostAsJsonAsync("/api/v1/services", new { providerId = provider, name = "Outreach two " + tag, types = new[] { code }, districts = new[] { "C-GAN" } });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.JsonAsync()).GetProperty("codes").GetProperty("types")[0].GetString().ShouldBe("services.unknown-type");
        var contract = await admin.PostAsJsonAsync($"/api/v1/providers/{provider}/contracts", Contract("R-" + tag, Today, Today.AddYears(1), types: [code]));
        (await contract.JsonAsync()).GetProperty("codes").GetProperty("types")[0].GetString().ShouldBe("services.unknown-type");
        (await (await admin.GetAsync($"/api/v1/services/{oldId}")).JsonAsync()).GetProperty("types").EnumerateArray().Select(t => t.GetString()).ShouldBe([code]);

        await using var db = app.NewDbContext();
        (await db.AuditEntries.Where(a => a.EntityType == "service-type" && a.EntityId == code).Select(a => a.Action).ToListAsync())
            .ShouldBe([AuditActions.Create, AuditActions.Update], ignoreOrder: true);
    }
}
