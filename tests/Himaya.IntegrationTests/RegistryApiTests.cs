using Himaya.Features.Identity;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Himaya.IntegrationTests;

public sealed class RegistryApiOnSqlite(SqliteApp app) : RegistryApiTests(app), IClassFixture<SqliteApp>;
public sealed class RegistryApiOnPostgres(PostgresApp app) : RegistryApiTests(app), IClassFixture<PostgresApp>;

public abstract class RegistryApiTests(HimayaApp app)
{
    [Theory]
    [InlineData("/css/site.css?v=abc", "public, max-age=31536000, immutable")]
    [InlineData("/lib/leaflet/leaflet.js?v=abc", "public, max-age=31536000, immutable")]
    [InlineData("/css/site.css", "public, max-age=3600")]
    public async Task A_static_file_named_with_its_version_is_kept_for_a_year_and_others_for_an_hour(string url, string expected)
    {
        using var anon = app.CreateClient();
        var res = await anon.GetAsync(url);
        res.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        res.Headers.CacheControl!.ToString().ShouldBe(expected);
    }

    [Fact]
    public async Task A_registered_child_can_be_read_back_and_found_by_a_transliterated_name()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var created = await TestData.CreateChildAsync(worker, TestData.Child(surname: "Qəhrəmanlı", givenName: "Nərmin") is var c ? With(c, "sex", "F") : null!);
        var id = created.GetProperty("id").GetString();
        created.GetProperty("districtCode").GetString().ShouldBe("C-GAN");

        var read = await (await worker.GetAsync($"/api/v1/children/{id}")).JsonAsync();
        read.GetProperty("givenName").GetString().ShouldBe("Nərmin");
        read.GetProperty("surname").GetString().ShouldBe("Qəhrəmanlı");
        read.GetProperty("sex").GetString().ShouldBe("F");
        read.GetProperty("hasFunctionalDifficulty").GetBoolean().ShouldBeTrue();

        foreach (var q in new[] { "Qahramanli Narmin", "Гахраманлы", "gahramanly nərmin", "Narmin" })
        {
            var page = await (await worker.GetAsync($"/api/v1/children?q={Uri.EscapeDataString(q)}&pageSize=100")).JsonAsync();
            page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldContain(id, $"query '{q}'");
        }
    }

    [Fact]
    public async Task Search_by_birth_date_and_filters_narrows_the_result()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var child = TestData.Child(surname: "Zülfüqarlı");
        var created = await TestData.CreateChildAsync(worker, child);
        var dob = (string)child["birthDate"]!;
        var hit = await (await worker.GetAsync($"/api/v1/children?q=Zulfugarli+{dob}&sex=M&disability=true")).JsonAsync();
        hit.GetProperty("items").GetArrayLength().ShouldBe(1);
        hit.GetProperty("items")[0].GetProperty("id").GetString().ShouldBe(created.GetProperty("id").GetString());
        var miss = await (await worker.GetAsync($"/api/v1/children?q=Zulfugarli&sex=F")).JsonAsync();
        miss.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_name_search_lists_surname_matches_then_given_name_then_patronymic_each_child_once_across_pages()
    {
        var worker = await app.ClientForAsync("worker.shirvan");
        async Task<string> Make(string surname, string given, string? patronymic = null)
        {
            var c = TestData.Child(district: "C-SIR", surname: surname, givenName: given);
            c["patronymic"] = patronymic;
            return (await TestData.CreateChildAsync(worker, c)).GetProperty("id").GetString()!;
        }
        var bySurname = await Make("Cümşüdov", "Tural");
        var both = await Make("Cümşüdlü", "Cümşüd");
        var byGiven = await Make("Quliyev", "Cümşüd");
        var byPatronymic = await Make("Əliyev", "Orxan", "Cümşüd oğlu");

        var all = await (await worker.GetAsync("/api/v1/children?q=Джумшуд&pageSize=10")).JsonAsync();
        all.GetProperty("total").GetInt32().ShouldBe(4);
        all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([both, bySurname, byGiven, byPatronymic]);

        var page2 = await (await worker.GetAsync("/api/v1/children?q=cumshud&pageSize=3&page=2")).JsonAsync();
        page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([byPatronymic]);

        var two = await (await worker.GetAsync("/api/v1/children?q=Tural+Cumshudov")).JsonAsync();
        two.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([bySurname]);
    }

    [Fact]
    public async Task A_two_word_search_over_hundreds_of_matches_pages_through_all_of_them_in_name_order_once_each()
    {
        // Enough rows that one part of the search is read in index order (over 200 matches, several surname keys under
        // one prefix) and another is small; the pages together must equal an independent in-memory answer.
        await using (var db = app.NewDbContext())
        {
            var worker = await db.Users.SingleAsync(u => u.UserName == "worker.shirvan");
            var now = DateTime.UtcNow;
            Child Make(string surname, string given, string? patronymic, int i)
            {
                var c = new Child
                {
                    Id = Guid.NewGuid(), Surname = surname, GivenName = given, Patronymic = patronymic, DistrictCode = "C-SIR",
                    Sex = given.EndsWith('a') ? Sex.F : Sex.M, BirthDate = DateOnly.FromDateTime(now).AddYears(-10).AddDays(-i),
                    CareArrangement = CareArrangement.Parents, CreatedById = worker.Id, AssignedWorkerId = worker.Id,
                    CreatedAt = now, UpdatedAt = now,
                };
                c.RefreshSearchKeys();
                return c;
            }
            for (var i = 0; i < 300; i++) db.Children.Add(Make(i % 2 == 0 ? "Ortaqov" : "Ortaqova", i % 3 == 0 ? "Nurlana" : "Nurlan", null, i));
            for (var i = 0; i < 3; i++) db.Children.Add(Make("Ortaqova", "Aysel", "Nurlan qızı", 400 + i));
            for (var i = 0; i < 40; i++) db.Children.Add(Make("Ortaqov", "Elvin", "Rəşad oğlu", 500 + i));
            await db.SaveChangesAsync();
        }
        List<(string Id, string Surname, string Given)> expected;
        var (surnameKey, givenKey) = (Himaya.Linkage.NameFolding.Fold("Ortaqov"), Himaya.Linkage.NameFolding.Fold("Nurlan"));
        await using (var db = app.NewDbContext())
        {
            var rows = await db.Children.Where(c => c.SurnameKey.StartsWith(surnameKey) && c.DeletedAt == null)
                .Select(c => new { c.Id, c.SurnameKey, c.GivenNameKey, c.PatronymicKey }).ToListAsync();
            expected = rows.Where(r => r.GivenNameKey.StartsWith(givenKey, StringComparison.Ordinal) || r.PatronymicKey.StartsWith(givenKey, StringComparison.Ordinal))
                .OrderBy(r => r.SurnameKey, StringComparer.Ordinal).ThenBy(r => r.GivenNameKey, StringComparer.Ordinal).ThenBy(r => r.Id.ToString(), StringComparer.Ordinal)
                .Select(r => (r.Id.ToString(), r.SurnameKey, r.GivenNameKey)).ToList();
        }
        expected.Count.ShouldBe(303);

        var client = await app.ClientForAsync("worker.shirvan");
        var seen = new List<string>();
        for (var page = 1; page <= 16; page++)
        {
            var res = await (await client.GetAsync($"/api/v1/children?q=Ortaqov+Nurlan&pageSize=20&page={page}")).JsonAsync();
            res.GetProperty("total").GetInt32().ShouldBe(303);
            seen.AddRange(res.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
        }
        seen.ShouldBe(expected.Select(e => e.Id).ToList());
    }

    [Theory]
    [InlineData("birthDate", "\"2999-01-01\"")]
    [InlineData("birthDate", "\"2001-01-01\"")]
    [InlineData("birthDate", "\"31.02.2020\"")]
    [InlineData("birthDate", "12345")]
    [InlineData("fin", "\"12OI\"")]
    [InlineData("birthCertificateNumber", "\"###\"")]
    [InlineData("districtCode", "\"XX-NOPE\"")]
    [InlineData("districtCode", "\"ER-GDA\"")]
    [InlineData("givenName", "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"")]
    [InlineData("givenName", "\"<script>\"")]
    [InlineData("sex", "\"X\"")]
    [InlineData("careArrangement", "\"Orphanage\"")]
    [InlineData("surnme", "\"typo field\"")]
    public async Task A_bad_field_is_refused_with_its_name_and_nothing_is_saved(string field, string json)
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var marker = "Yoxlamaov" + Guid.NewGuid().ToString("N")[..6].Replace("0", "a").Replace("1", "b").Replace("2", "c").Replace("3", "d").Replace("4", "e").Replace("5", "f").Replace("6", "g").Replace("7", "h").Replace("8", "k").Replace("9", "m");
        var body = JsonSerializer.Serialize(TestData.Child(surname: marker));
        body = body.Contains($"\"{field}\":", StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(body, $"\"{field}\":(\"[^\"]*\"|[^,}}]+)", $"\"{field}\":{json}")
            : body[..^1] + $",\"{field}\":{json}}}";
        var res = await worker.PostAsync("/api/v1/children", new StringContent(body, Encoding.UTF8, "application/json"));
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        var problem = await res.JsonAsync();
        problem.ErrorFields().ShouldContain(field);

        var search = await (await worker.GetAsync($"/api/v1/children?q={marker}")).JsonAsync();
        search.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Malformed_json_is_a_clear_error()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var res = await worker.PostAsync("/api/v1/children", new StringContent("{\"givenName\": \"Elvin\", ", Encoding.UTF8, "application/json"));
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await res.JsonAsync()).ErrorFields().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Sending_the_same_form_twice_registers_the_child_once()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var child = TestData.Child(surname: "Təkrarov");
        (await worker.PostAsJsonAsync("/api/v1/children", child)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var twice = await worker.PostAsJsonAsync("/api/v1/children", child);
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await twice.JsonAsync();
        problem.Code().ShouldBe("child.sent-twice");
        problem.GetProperty("title").GetString().ShouldBe("This child was just registered by you with the same name, date of birth and district; the form was probably sent twice.");
        var found = await (await worker.GetAsync("/api/v1/children?q=Tekrarov")).JsonAsync();
        found.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_refused_and_history_records_the_first()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var created = await TestData.CreateChildAsync(worker, TestData.Child(surname: "Növbəli"));
        var id = created.GetProperty("id").GetString();
        var original = JsonSerializer.Deserialize<Dictionary<string, object?>>(created.GetRawText())!;
        var edit = Editable(original);

        edit["settlement"] = "Kəpəz";
        var first = await worker.PutAsJsonAsync($"/api/v1/children/{id}", edit);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.JsonAsync()).GetProperty("version").GetInt32().ShouldBe(2);

        edit["settlement"] = "Nizami";
        var second = await supervisor.PutAsJsonAsync($"/api/v1/children/{id}", edit); // still says version 1
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var conflict = await second.JsonAsync();
        conflict.ErrorFields().ShouldContain("version");
        conflict.Code().ShouldBe("child.changed-since");
        conflict.ErrorsOf("version").ShouldBe(["Someone else changed this record since you opened it (your version 1, current 2). Reload and apply your changes again."]);

        var now = await (await worker.GetAsync($"/api/v1/children/{id}")).JsonAsync();
        now.GetProperty("settlement").GetString().ShouldBe("Kəpəz");
        var history = await (await worker.GetAsync($"/api/v1/children/{id}/history")).JsonAsync();
        var update = history.EnumerateArray().First(h => h.GetProperty("action").GetString() == "update");
        update.GetProperty("userName").GetString().ShouldBe("worker.ganja");
        update.GetProperty("changes").EnumerateArray().Single().GetProperty("field").GetString().ShouldBe("settlement");
    }

    [Fact]
    public async Task A_user_outside_the_records_scope_gets_404_and_the_attempt_is_audited()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var shirvan = await app.ClientForAsync("worker.shirvan");
        var created = await TestData.CreateChildAsync(ganja, TestData.Child(surname: "Sərhədov"));
        var id = created.GetProperty("id").GetString();

        (await shirvan.GetAsync($"/api/v1/children/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await shirvan.PutAsJsonAsync($"/api/v1/children/{id}", Editable(JsonSerializer.Deserialize<Dictionary<string, object?>>(created.GetRawText())!))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var search = await (await shirvan.GetAsync("/api/v1/children?q=Serhedov")).JsonAsync();
        search.GetProperty("total").GetInt32().ShouldBe(0);
        var outside = await shirvan.PostAsJsonAsync("/api/v1/children", TestData.Child(district: "C-GAN", surname: "Kənarov"));
        outside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refused = await outside.JsonAsync();
        refused.CodesOf("districtCode").ShouldBe(["registry.district-outside-scope"]);
        refused.ErrorsOf("districtCode").ShouldBe(["This district is outside your scope."]);

        var auditor = await app.ClientForAsync("auditor");
        var log = await (await auditor.GetAsync($"/api/v1/audit?entityType=child&entityId={id}")).JsonAsync();
        var entries = log.GetProperty("items").EnumerateArray().ToList();
        entries.ShouldContain(e => e.GetProperty("userName").GetString() == "worker.shirvan" && e.GetProperty("action").GetString() == "denied");
        entries.ShouldContain(e => e.GetProperty("userName").GetString() == "worker.ganja" && e.GetProperty("action").GetString() == "create");
    }

    [Fact]
    public async Task Roles_without_access_to_personal_data_cannot_read_children()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var created = await TestData.CreateChildAsync(worker, TestData.Child(surname: "Rollu"));
        var id = created.GetProperty("id").GetString();
        foreach (var user in new[] { "analyst", "auditor" })
        {
            var client = await app.ClientForAsync(user);
            (await client.GetAsync($"/api/v1/children/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
            (await client.GetAsync("/api/v1/children?q=Rollu")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }
        (await worker.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_household_links_its_children_and_reports_crowding()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var res = await worker.PostAsJsonAsync("/api/v1/households", new
        {
            address = "Atatürk pr. 12, mənzil 5", districtCode = "C-GAN", residence = "Urban", waterSource = "Piped", sanitation = "Improved",
            rooms = 2, people = 7, receivesTsa = true,
            members = new object[] { new { fullName = "Rəşad Məmmədov", relationship = "father", sex = "M", birthYear = 1985, isHead = true } },
        });
        res.StatusCode.ShouldBe(HttpStatusCode.Created);
        var household = await res.JsonAsync();
        var hid = household.GetProperty("id").GetString();
        household.GetProperty("headName").GetString().ShouldBe("Rəşad Məmmədov");
        household.GetProperty("peoplePerRoom").GetDouble().ShouldBe(3.5);

        var child = TestData.Child(surname: "Evli");
        child["householdId"] = hid;
        child["relationshipToHead"] = "son";
        await TestData.CreateChildAsync(worker, child);
        var read = await (await worker.GetAsync($"/api/v1/households/{hid}")).JsonAsync();
        read.GetProperty("children").GetArrayLength().ShouldBe(1);

        var shirvan = await app.ClientForAsync("worker.shirvan");
        (await shirvan.GetAsync($"/api/v1/households/{hid}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A household with children in it is not archived; once they are gone, it is, and then it is gone for everyone.
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var withChildren = await supervisor.DeleteAsync($"/api/v1/households/{hid}");
        withChildren.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await withChildren.JsonAsync()).Code().ShouldBe("household.has-children");
        var childId = read.GetProperty("children")[0].GetProperty("id").GetString();
        (await supervisor.DeleteAsync($"/api/v1/children/{childId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await supervisor.DeleteAsync($"/api/v1/households/{hid}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await worker.GetAsync($"/api/v1/households/{hid}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bad = await worker.PostAsJsonAsync("/api/v1/households", new { address = "", districtCode = "C-GAN", rooms = -1 });
        var badProblem = await bad.JsonAsync();
        badProblem.ErrorFields().ShouldBe(["address", "rooms"], ignoreOrder: true);
        badProblem.CodesOf("address").ShouldBe(["household.address-required"]);
        badProblem.CodesOf("rooms").ShouldBe(["household.rooms-range"]);
        badProblem.ErrorsOf("rooms").ShouldBe(["Rooms must be between 0 and 50."]);
    }

    [Fact]
    public async Task The_audit_trail_records_reads_and_verifies_intact()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var created = await TestData.CreateChildAsync(worker, TestData.Child(surname: "Baxılmış"));
        var id = created.GetProperty("id").GetString();
        await worker.GetAsync($"/api/v1/children/{id}");
        var auditor = await app.ClientForAsync("auditor");
        var log = await (await auditor.GetAsync($"/api/v1/audit?entityType=child&entityId={id}&action=read")).JsonAsync();
        log.GetProperty("items").GetArrayLength().ShouldBeGreaterThanOrEqualTo(1);
        var access = await (await worker.GetAsync($"/api/v1/children/{id}/access")).JsonAsync();
        access.EnumerateArray().Select(a => a.GetProperty("action").GetString()).ShouldContain("create");
        var verify = await (await auditor.PostAsync("/api/v1/audit/verify", null)).JsonAsync();
        verify.GetProperty("intact").GetBoolean().ShouldBeTrue();
        verify.GetProperty("entriesChecked").GetInt64().ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_audit_entries()
    {
        await app.ClientForAsync("auditor"); // a sign-in: at least one entry exists
        await using var db = app.NewDbContext();
        (await db.AuditEntries.CountAsync()).ShouldBeGreaterThan(0);
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET detail = 'x' WHERE id = 1"));
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE id = 1"));
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_and_are_audited()
    {
        var admin = await app.ClientForAsync("admin");
        var name = "locktest." + Guid.NewGuid().ToString("N")[..6];
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "Lock test", roles = new[] { "SocialWorker" }, scopeKind = "Caseload", password = "Correct-horse-1" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        using var anon = app.CreateClient();
        for (var i = 0; i < 4; i++)
            (await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = "wrong" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = "wrong" })).StatusCode.ShouldBe((HttpStatusCode)423);
        (await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = "Correct-horse-1" })).StatusCode.ShouldBe((HttpStatusCode)423);
        var auditor = await app.ClientForAsync("auditor");
        var log = await (await auditor.GetAsync($"/api/v1/audit?user={name}&action=sign-in-failed")).JsonAsync();
        log.GetProperty("items").GetArrayLength().ShouldBe(6);
    }

    [Fact]
    public async Task An_export_holds_only_records_in_scope_and_is_audited()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var shirvan = await app.ClientForAsync("worker.shirvan");
        await TestData.CreateChildAsync(ganja, TestData.Child(surname: "İxracova", givenName: "Aynur") is var c ? With(c, "sex", "F") : null!);
        var res = await ganja.GetAsync("/api/v1/children/export?q=Ixracova");
        res.StatusCode.ShouldBe(HttpStatusCode.OK);
        res.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = await res.Content.ReadAsStringAsync();
        csv.ShouldContain("İxracova,Aynur");
        (await (await shirvan.GetAsync("/api/v1/children/export?q=Ixracova")).Content.ReadAsStringAsync()).ShouldNotContain("İxracova");
        var auditor = await app.ClientForAsync("auditor");
        var log = await (await auditor.GetAsync("/api/v1/audit?user=worker.ganja&action=export")).JsonAsync();
        log.GetProperty("items").GetArrayLength().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Parallel_password_guesses_cannot_slip_past_the_lockout()
    {
        var admin = await app.ClientForAsync("admin");
        var name = "race." + Guid.NewGuid().ToString("N")[..6];
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "Race test", roles = new[] { "SocialWorker" }, scopeKind = "Caseload", password = "Correct-horse-1" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var guesses = Enumerable.Range(0, 20).Select(async i =>
        {
            using var anon = app.CreateClient();
            return (await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = "guess-" + i })).StatusCode;
        });
        var statuses = await Task.WhenAll(guesses);
        statuses.ShouldAllBe(s => s == HttpStatusCode.Unauthorized || s == (HttpStatusCode)423);
        using var client = app.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = "Correct-horse-1" })).StatusCode.ShouldBe((HttpStatusCode)423);
    }

    [Fact]
    public async Task Paging_past_the_listed_results_is_refused_not_crashed()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var res = await worker.GetAsync("/api/v1/children?q=aliyev&page=107374184");
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await res.JsonAsync();
        problem.ErrorFields().ShouldBe(["page"]);
        problem.CodesOf("page").ShouldBe(["search.beyond-cap"]);
        problem.ErrorsOf("page").ShouldBe(["Results are listed up to the first 1000: narrow the search instead of paging further."]);
    }

    [Fact]
    public async Task Health_and_openapi_are_served()
    {
        using var anon = app.CreateClient();
        (await anon.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anon.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await (await anon.GetAsync("/openapi/v1.json")).JsonAsync();
        doc.GetProperty("paths").TryGetProperty("/api/v1/children", out _).ShouldBeTrue();
        (await anon.GetAsync("/api/v1/children")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> d, string k, object? v) { d[k] = v; return d; }

    /// <summary>The editable fields of a read child (read-only fields such as id and ageYears are not accepted on PUT).</summary>
    internal static Dictionary<string, object?> Editable(Dictionary<string, object?> read)
    {
        string[] readOnly = ["id", "ageYears", "hasFunctionalDifficulty", "districtName", "createdAt", "updatedAt"];
        return read.Where(kv => !readOnly.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
    }
}
