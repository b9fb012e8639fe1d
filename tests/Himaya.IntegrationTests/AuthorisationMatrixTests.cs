using System.Net.Http.Json;
using System.Net;
using System.Text;
using Himaya.Features.Demo;
using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Himaya.IntegrationTests;

public sealed class AuthorisationMatrixOnSqlite(SqliteApp app) : AuthorisationMatrixTests(app), IClassFixture<SqliteApp>;
public sealed class AuthorisationMatrixOnPostgres(PostgresApp app) : AuthorisationMatrixTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Every API endpoint, read from the app's own endpoint metadata, against every demo role, in and out of scope.
/// A new endpoint without a declared permission fails here; so does one that forgets scope.
/// </summary>
public abstract class AuthorisationMatrixTests(HimayaApp app)
{
    private IReadOnlyList<RouteEndpoint> ApiEndpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)];

    [Fact]
    public void Every_api_endpoint_declares_a_permission_or_is_explicitly_anonymous()
    {
        var endpoints = ApiEndpoints();
        endpoints.Count.ShouldBeGreaterThan(15);
        var undeclared = endpoints.Where(e => e.Metadata.GetMetadata<RequiresPermission>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => $"{string.Join(',', e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}").ToList();
        undeclared.ShouldBeEmpty();
        endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText)
            .ShouldBe(["/api/v1/auth/token", "/api/v1/auth/two-factor/enrol", "/api/v1/auth/two-factor/confirm", "/api/v1/public/vac-reports"], ignoreOrder: true);
    }

    [Fact]
    public async Task Every_api_endpoint_answers_every_role_as_its_permission_and_scope_say()
    {
        var failures = new List<string>();
        var worker = await app.ClientForAsync("worker.ganja");
        foreach (var endpoint in ApiEndpoints().Where(e => e.Metadata.GetMetadata<RequiresPermission>() is not null))
        {
            var permission = endpoint.Metadata.GetMetadata<RequiresPermission>()!.Permission;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                using var anon = app.CreateClient();
                var anonUrl = await UrlAsync(endpoint.RoutePattern.RawText!, worker);
                var anonStatus = (await anon.SendAsync(Request(method, anonUrl))).StatusCode;
                if (anonStatus != HttpStatusCode.Unauthorized) failures.Add($"anonymous {method} {anonUrl}: {(int)anonStatus}, expected 401");

                foreach (var demo in DemoSeeder.Users)
                {
                    var client = await app.ClientForAsync(demo.UserName);
                    var url = await UrlAsync(endpoint.RoutePattern.RawText!, worker); // fresh record each time: DELETE may archive it
                    var status = (int)(await client.SendAsync(Request(method, url))).StatusCode;
                    var allowed = Permissions.Allows(permission, demo.Roles);
                    // Records in a scope: children, cases, referrals… by guid; foster carers (by district) by number.
                    var recordRoute = endpoint.RoutePattern.RawText!.Contains("{id:guid}", StringComparison.Ordinal)
                        || endpoint.RoutePattern.RawText!.StartsWith("/api/v1/foster-carers/{id:int}", StringComparison.Ordinal);
                    // Referrals are answered by the staff of the receiving service's agency (the test's referral goes to ngo.ganja's NGO).
                    var inScope = Answering(endpoint.RoutePattern.RawText!) ? demo.Agency == "Ganja Children's NGO"
                        : endpoint.RoutePattern.RawText!.StartsWith("/api/v1/vac/reports/{id:guid}", StringComparison.Ordinal) ? NeedToKnow(demo)
                        : demo.Scope == ScopeKind.National || demo.Areas.Contains("C-GAN");
                    int[] expected = !allowed ? [403]
                        : recordRoute && !inScope ? [404]
                        : [200, 201, 204, 400, 409];
                    if (!expected.Contains(status)) failures.Add($"{demo.UserName} {method} {endpoint.RoutePattern.RawText}: {status}, expected {string.Join('/', expected)}");
                }
            }
        }
        failures.ShouldBeEmpty();
    }

    // A transfer is answered only by the supervisor it is addressed to (the test's goes to a supervisor who is no demo user).
    private static bool Answering(string pattern) =>
        (pattern.StartsWith("/api/v1/referrals/{id:guid}/", StringComparison.Ordinal) && !pattern.EndsWith("/cancel", StringComparison.Ordinal))
        || pattern.StartsWith("/api/v1/transfers/{id:guid}", StringComparison.Ordinal);

    // A new violence report in Ganja (by the hotline, not assigned): its coordinator, supervisor and the auditor see it,
    // and the hotline while it waits for triage; a social worker only once it is assigned to them.
    private static bool NeedToKnow(DemoSeeder.DemoUser demo) =>
        (demo.Scope == ScopeKind.National || demo.Areas.Contains("C-GAN"))
        && demo.Roles.Any(r => r is Roles.DistrictCoordinator or Roles.Supervisor or Roles.Auditor or Roles.HotlineOperator);

    private int? _receiver;

    /// <summary>A supervisor for Shirvan who is no demo user, to address test transfers to.</summary>
    private async Task<int> ReceiverAsync()
    {
        if (_receiver is { } id) return id;
        var admin = await app.ClientForAsync("admin");
        var res = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "supervisor.matrix", displayName = "Matrix receiver", roles = new[] { "Supervisor" }, scopeKind = "Areas", scopeAreas = new[] { "C-SIR" }, password = HimayaApp.Password });
        _receiver = (await res.JsonAsync()).GetProperty("id").GetInt32();
        return _receiver.Value;
    }

    private static HttpRequestMessage Request(string method, string url) => new(new HttpMethod(method), url)
    {
        Content = method is "POST" or "PUT" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
    };

    /// <summary>Fills route parameters with a real record in Ganja (created by worker.ganja) or a real user id.</summary>
    private async Task<string> UrlAsync(string pattern, HttpClient worker)
    {
        if (pattern.Contains("/vac/coordination/meetings/{id:guid}", StringComparison.Ordinal))
        {
            var coordinator = await app.ClientForAsync("coordinator.ganja");
            var res = await coordinator.PostAsJsonAsync("/api/v1/vac/coordination/meetings", new { districtCode = "C-GAN", heldOn = DateTime.UtcNow.ToString("yyyy-MM-dd") });
            return pattern.Replace("{id:guid}", (await res.JsonAsync()).GetProperty("id").GetString(), StringComparison.Ordinal);
        }
        if (pattern.Contains("/vac/reports/{id:guid}", StringComparison.Ordinal))
        {
            var hotline = await app.ClientForAsync("hotline");
            var res = await hotline.PostAsJsonAsync("/api/v1/vac/reports", new { type = "Neglect", description = "Matrix test report", districtCode = "C-GAN" });
            return pattern.Replace("{id:guid}", (await res.JsonAsync()).GetProperty("id").GetString(), StringComparison.Ordinal);
        }
        if (pattern.Contains("/children/{id:guid}", StringComparison.Ordinal))
        {
            var child = await TestData.CreateChildAsync(worker, TestData.Child(surname: "Matrisov"));
            return pattern.Replace("{id:guid}", child.GetProperty("id").GetString(), StringComparison.Ordinal);
        }
        if (pattern.Contains("/households/{id:guid}", StringComparison.Ordinal))
        {
            var res = await worker.PostAsync("/api/v1/households", new StringContent("{\"address\":\"Test 1\",\"districtCode\":\"C-GAN\"}", Encoding.UTF8, "application/json"));
            var household = await res.JsonAsync();
            return pattern.Replace("{id:guid}", household.GetProperty("id").GetString(), StringComparison.Ordinal);
        }
        if (pattern.Contains("/imports/{id:guid}", StringComparison.Ordinal))
        {
            var tag = Guid.NewGuid().ToString("N")[..6];
            var res = await worker.PostAsJsonAsync("/api/v1/imports", new
            {
                source = "Matrix source " + tag, fileName = "m.csv", mapping = ImportTests.Mapping,
                content = ImportTests.Csv($"1,Matrisov,Elvin,,M,{DateTime.UtcNow.AddYears(-8):dd.MM.yyyy},,C-GAN"),
            });
            var import = await res.JsonAsync();
            return pattern.Replace("{id:guid}", import.GetProperty("id").GetString(), StringComparison.Ordinal);
        }
        if (pattern.Contains("/outreach-tasks/{id:guid}", StringComparison.Ordinal))
        {
            var child = await TestData.CreateChildAsync(worker, TestData.Child(surname: "Matrisov"));
            var task = await (await worker.PostAsJsonAsync("/api/v1/outreach-tasks", new { childId = child.GetProperty("id").GetString() })).JsonAsync();
            return pattern.Replace("{id:guid}", task.GetProperty("id").GetString(), StringComparison.Ordinal);
        }
        if (pattern.Contains("/cases/{id:guid}", StringComparison.Ordinal) || pattern.Contains("/referrals/{id:guid}", StringComparison.Ordinal)
            || pattern.Contains("/transfers/{id:guid}", StringComparison.Ordinal))
        {
            var child = TestData.Child(surname: "Matrisov");
            child.Remove("functioning");
            var childId = (await TestData.CreateChildAsync(worker, child)).GetProperty("id").GetString();
            var opened = await worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Matrix", concerns = new[] { "neglect" }, risk = "Low" });
            var caseId = (await opened.JsonAsync()).GetProperty("id").GetString();
            if (pattern.StartsWith("/api/v1/transfers/{id:guid}", StringComparison.Ordinal))
            {
                var receiver = await ReceiverAsync();
                var current = await (await worker.GetAsync($"/api/v1/cases/{caseId}")).JsonAsync();
                await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/transfer", new { version = current.GetProperty("version").GetInt32(), toSupervisorId = receiver, toDistrictCode = "C-SIR", reason = "Matrix" });
                return pattern.Replace("{id:guid}", caseId, StringComparison.Ordinal);
            }
            if (pattern.Contains("{recordId:long}", StringComparison.Ordinal))
            {
                var contact = await (await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/justice", new { role = "Offender", matter = "Matrix", contactOn = DateTime.UtcNow.ToString("yyyy-MM-dd") })).JsonAsync();
                pattern = pattern.Replace("{recordId:long}", contact.GetProperty("justice")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{step}", "legal-aid", StringComparison.Ordinal);
            }
            if (pattern.Contains("{placementId:long}", StringComparison.Ordinal))
            {
                var placed = await (await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/placements", new { type = "Kinship", placeName = "Aunt", startOn = DateTime.UtcNow.ToString("yyyy-MM-dd") })).JsonAsync();
                pattern = pattern.Replace("{placementId:long}", placed.GetProperty("care").GetProperty("placements")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
            if (pattern.Contains("{visitId:long}", StringComparison.Ordinal))
            {
                var home = await (await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/reunification", new { reunifiedOn = DateTime.UtcNow.ToString("yyyy-MM-dd"), withWhom = "Mother", plan = "Support" })).JsonAsync();
                pattern = pattern.Replace("{visitId:long}", home.GetProperty("care").GetProperty("visits")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
            if (pattern.Contains("{attachmentId:guid}", StringComparison.Ordinal))
            {
                using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 matrix"u8.ToArray()), "file", "m.pdf" } };
                var added = await (await worker.PostAsync($"/api/v1/cases/{caseId}/attachments", form)).JsonAsync();
                pattern = pattern.Replace("{attachmentId:guid}", added.GetProperty("id").GetString(), StringComparison.Ordinal);
            }
            if (pattern.Contains("/cases/{id:guid}", StringComparison.Ordinal)) return pattern.Replace("{id:guid}", caseId, StringComparison.Ordinal);
            var services = await (await worker.GetAsync("/api/v1/services")).JsonAsync();
            var ngo = services.EnumerateArray().First(s => s.GetProperty("agency").GetString() == "Ganja Children's NGO" && s.GetProperty("minAge").GetInt32() > 0).GetProperty("id").GetInt32();
            var sent = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new
            {
                serviceId = ngo, reason = "Matrix", consentGiven = true, consentBy = "Mother", consentOn = DateTime.UtcNow.ToString("yyyy-MM-dd"),
            });
            return pattern.Replace("{id:guid}", (await sent.JsonAsync()).GetProperty("id").GetString(), StringComparison.Ordinal);
        }
        if (pattern.Contains("/deprivation/runs/{id:guid}", StringComparison.Ordinal))
        {
            var run = await (await worker.PostAsJsonAsync("/api/v1/deprivation/runs", new { ageGroup = "5-17" })).JsonAsync();
            return pattern.Replace("{id:guid}", run.GetProperty("id").GetString(), StringComparison.Ordinal);
        }
        if (pattern.Contains("/foster-carers/{id:int}", StringComparison.Ordinal))
        {
            var carer = await (await worker.PostAsJsonAsync("/api/v1/foster-carers", new { name = "Matrix family", districtCode = "C-GAN", appliedOn = DateTime.UtcNow.ToString("yyyy-MM-dd"), capacity = 1 })).JsonAsync();
            return pattern.Replace("{id:int}", carer.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        if (pattern.Contains("{id:int}", StringComparison.Ordinal))
        {
            using var db = app.NewDbContext();
            var id = db.Users.Where(u => u.UserName == "analyst").Select(u => u.Id).Single();
            return pattern.Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        pattern.ShouldNotContain("{", customMessage: "A route parameter this test does not know how to fill: teach it.");
        return pattern;
    }
}
