using System.Net.Http.Json;
using System.Text;
using Himaya.Features.Demo;
using Himaya.Features.Identity;
using Himaya.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Himaya.IntegrationTests;

public sealed class MatrixSqliteApp : SqliteApp { public MatrixSqliteApp() => Records = new(this); public MatrixRecords Records { get; } }
public sealed class MatrixPostgresApp : PostgresApp { public MatrixPostgresApp() => Records = new(this); public MatrixRecords Records { get; } }
public sealed class AuthorisationMatrixOnSqlite(MatrixSqliteApp app) : AuthorisationMatrixTests(app, app.Records), IClassFixture<MatrixSqliteApp>;
public sealed class AuthorisationMatrixOnPostgres(MatrixPostgresApp app) : AuthorisationMatrixTests(app, app.Records), IClassFixture<MatrixPostgresApp>;

/// <summary>
/// Every API endpoint with the permission it must declare, one case each, against anonymous and every demo role, in
/// and out of scope. The table is the specification: an endpoint missing from it, or declaring another permission,
/// fails here, and each case checks what callers get against the table's permission, not the declared one.
/// </summary>
public abstract class AuthorisationMatrixTests(HimayaApp app, MatrixRecords records)
{
    public static TheoryData<string, Permission> Endpoints => new()
    {
        { "GET /api/v1/auth/me", Permission.ViewAggregates },
        { "POST /api/v1/auth/sign-out", Permission.ViewAggregates },
        { "GET /api/v1/districts", Permission.ViewAggregates },
        { "GET /api/v1/linkage/quality", Permission.ViewAggregates },
        { "GET /api/v1/my-work", Permission.ViewAggregates },
        { "GET /api/v1/services", Permission.ReadCases },
        { "POST /api/v1/providers", Permission.ManageServices },
        { "GET /api/v1/providers", Permission.EditServices },
        { "POST /api/v1/services", Permission.EditServices },
        { "GET /api/v1/services/{id:int}", Permission.EditServices },
        { "GET /api/v1/services/catalogue", Permission.EditServices },
        { "GET /api/v1/services/review", Permission.ManageServices },
        { "PUT /api/v1/services/{id:int}", Permission.EditServices },
        { "POST /api/v1/services/{id:int}/places", Permission.EditServices },
        { "POST /api/v1/services/{id:int}/close", Permission.EditServices },
        { "POST /api/v1/services/{id:int}/reopen", Permission.EditServices },
        { "POST /api/v1/services/{id:int}/review", Permission.ManageServices },
        { "GET /api/v1/providers/{id:int}", Permission.EditServices },
        { "PUT /api/v1/providers/{id:int}", Permission.ManageServices },
        { "POST /api/v1/providers/{id:int}/contracts", Permission.ManageServices },
        { "POST /api/v1/providers/{id:int}/contracts/{contractId:int}/end", Permission.ManageServices },
        { "POST /api/v1/providers/{id:int}/proposal", Permission.EditServices },
        { "POST /api/v1/providers/{id:int}/proposal/decision", Permission.ManageServices },
        { "POST /api/v1/providers/{id:int}/contacts", Permission.EditServices },
        { "DELETE /api/v1/providers/{id:int}/contacts/{contactId:int}", Permission.EditServices },
        { "POST /api/v1/service-types", Permission.ManageServiceTypes },
        { "POST /api/v1/service-types/{code}/retire", Permission.ManageServiceTypes },
        { "POST /api/v1/indicators", Permission.ManageIndicators },
        { "GET /api/v1/indicators", Permission.ViewAggregates },
        { "POST /api/v1/indicators/import", Permission.ManageIndicators },
        { "POST /api/v1/indicators/compute", Permission.ManageIndicators },
        { "GET /api/v1/indicators/{code}/values", Permission.ViewAggregates },
        { "POST /api/v1/indicators/{code}/targets", Permission.ManageIndicators },
        { "PUT /api/v1/indicators/{code}", Permission.ManageIndicators },
        { "POST /api/v1/indicators/{code}/values", Permission.ManageIndicators },
        { "GET /api/v1/report-pack", Permission.ViewAggregates },
        { "POST /api/v1/budget/lines", Permission.ManageIndicators },
        { "GET /api/v1/budget/lines", Permission.ViewAggregates },
        { "POST /api/v1/budget/import", Permission.ManageIndicators },
        { "GET /api/v1/budget/summary", Permission.ViewAggregates },
        { "POST /api/v1/projects", Permission.ManageIndicators },
        { "GET /api/v1/projects", Permission.ViewAggregates },
        { "GET /api/v1/projects/{code}", Permission.ViewAggregates },
        { "POST /api/v1/projects/{code}/results", Permission.ManageIndicators },
        { "POST /api/v1/projects/{code}/targets", Permission.ManageIndicators },
        { "POST /api/v1/projects/{code}/progress", Permission.ManageIndicators },
        { "GET /api/v1/exchange/sdmx", Permission.ViewAggregates },
        { "GET /api/v1/exchange/dhis2/dataValueSets", Permission.ViewAggregates },
        { "GET /api/v1/exchange/adx", Permission.ViewAggregates },
        { "GET /api/v1/services/coverage", Permission.ViewAggregates },
        { "GET /api/v1/services/coverage.csv", Permission.ViewAggregates },
        { "GET /api/v1/services/coverage.xlsx", Permission.ViewAggregates },
        { "POST /api/v1/programmes", Permission.ManageProgrammes },
        { "GET /api/v1/programmes", Permission.ViewAggregates },
        { "GET /api/v1/programmes/{id:int}", Permission.ViewAggregates },
        { "PUT /api/v1/programmes/{id:int}", Permission.ManageProgrammes },
        { "GET /api/v1/programmes/{id:int}/outcomes", Permission.ViewAggregates },
        { "POST /api/v1/programmes/{id:int}/contacts", Permission.RecordContacts },
        { "POST /api/v1/programmes/{id:int}/participants", Permission.RecordContacts },
        { "GET /api/v1/programmes/{id:int}/participants", Permission.RecordContacts },
        { "GET /api/v1/programmes/{id:int}/progress", Permission.ViewAggregates },
        { "GET /api/v1/programmes/{id:int}/contacts", Permission.RecordContacts },
        { "DELETE /api/v1/programmes/{id:int}/contacts/{contactId:guid}", Permission.RecordContacts },
        { "GET /api/v1/screening-instruments", Permission.RecordContacts },
        { "POST /api/v1/children/{id:guid}/screenings", Permission.RecordContacts },
        { "GET /api/v1/children/{id:guid}/screenings", Permission.RecordContacts },
        { "GET /api/v1/case-proposals", Permission.WorkCases },
        { "GET /api/v1/case-proposals/{id:guid}", Permission.WorkCases },
        { "POST /api/v1/case-proposals/{id:guid}/open-case", Permission.WorkCases },
        { "POST /api/v1/case-proposals/{id:guid}/decline", Permission.WorkCases },
        { "POST /api/v1/programmes/{id:int}/home-visiting", Permission.RecordContacts },
        { "GET /api/v1/programmes/{id:int}/home-visiting", Permission.RecordContacts },
        { "GET /api/v1/home-visiting/alerts", Permission.RecordContacts },
        { "GET /api/v1/home-visiting/{id:guid}", Permission.RecordContacts },
        { "POST /api/v1/home-visiting/{id:guid}/visits", Permission.RecordContacts },
        { "POST /api/v1/home-visiting/{id:guid}/end", Permission.RecordContacts },
        { "POST /api/v1/home-visiting/{id:guid}/worker", Permission.RecordContacts },
        { "POST /api/v1/institutions", Permission.ManageInstitutions },
        { "GET /api/v1/institutions", Permission.ViewInstitutions },
        { "GET /api/v1/institutions/checklists", Permission.ViewInstitutions },
        { "GET /api/v1/institutions/{id:int}", Permission.ViewInstitutions },
        { "PUT /api/v1/institutions/{id:int}", Permission.ManageInstitutions },
        { "POST /api/v1/institutions/{id:int}/visits", Permission.MonitorInstitutions },
        { "GET /api/v1/institution-visits/{id:guid}", Permission.ViewInstitutions },
        { "POST /api/v1/institution-visits/{id:guid}/checklist", Permission.MonitorInstitutions },
        { "POST /api/v1/institution-visits/{id:guid}/interviews", Permission.MonitorInstitutions },
        { "POST /api/v1/institution-visits/{id:guid}/findings", Permission.MonitorInstitutions },
        { "POST /api/v1/institution-visits/{id:guid}/report", Permission.MonitorInstitutions },
        { "GET /api/v1/institution-findings", Permission.ViewInstitutions },
        { "POST /api/v1/institution-findings/{id:long}/response", Permission.ManageInstitutions },
        { "POST /api/v1/institution-findings/{id:long}/verification", Permission.MonitorInstitutions },
        { "GET /api/v1/users/", Permission.ManageUsers },
        { "POST /api/v1/users/", Permission.ManageUsers },
        { "PUT /api/v1/users/{id:int}", Permission.ManageUsers },
        { "POST /api/v1/users/{id:int}/two-factor/reset", Permission.ManageUsers },
        { "GET /api/v1/audit/", Permission.ReadAudit },
        { "POST /api/v1/audit/verify", Permission.ReadAudit },
        { "GET /api/v1/children/", Permission.ReadPersonalData },
        { "GET /api/v1/children/export", Permission.ReadPersonalData },
        { "POST /api/v1/children/", Permission.WriteRegistry },
        { "POST /api/v1/vac/reports", Permission.ReportViolence },
        { "GET /api/v1/vac/reports", Permission.ReadVacReports },
        { "GET /api/v1/vac/reports/earlier", Permission.ReadVacReports },
        { "GET /api/v1/vac/reports/mine", Permission.ReportViolence },
        { "GET /api/v1/vac/reports/{id:guid}", Permission.ReadVacReports },
        { "POST /api/v1/vac/reports/{id:guid}/assign", Permission.TriageVacReports },
        { "POST /api/v1/vac/reports/{id:guid}/actions", Permission.RespondVacReports },
        { "POST /api/v1/vac/reports/{id:guid}/close", Permission.RespondVacReports },
        { "GET /api/v1/vac/reports/{id:guid}/matches", Permission.TriageVacReports },
        { "POST /api/v1/vac/reports/{id:guid}/child", Permission.TriageVacReports },
        { "POST /api/v1/vac/reports/{id:guid}/case", Permission.TriageVacReports },
        { "POST /api/v1/vac/reports/{id:guid}/open-case", Permission.TriageVacReports },
        { "POST /api/v1/vac/reports/{id:guid}/register-child", Permission.TriageVacReports },
        { "GET /api/v1/vac/coordination", Permission.TriageVacReports },
        { "POST /api/v1/vac/coordination/members", Permission.TriageVacReports },
        { "POST /api/v1/vac/coordination/members/{memberId:int}/leave", Permission.TriageVacReports },
        { "POST /api/v1/vac/coordination/decisions/{decisionId:long}/done", Permission.ReadVacReports },
        { "POST /api/v1/vac/coordination/meetings", Permission.TriageVacReports },
        { "GET /api/v1/vac/coordination/meetings/{id:guid}", Permission.TriageVacReports },
        { "POST /api/v1/vac/coordination/meetings/{id:guid}/decisions", Permission.TriageVacReports },
        { "GET /api/v1/vac/statistics", Permission.ViewAggregates },
        { "GET /api/v1/vac/statistics.xlsx", Permission.ViewAggregates },
        { "POST /api/v1/children/matches", Permission.WriteRegistry },
        { "GET /api/v1/children/{id:guid}", Permission.ReadPersonalData },
        { "PUT /api/v1/children/{id:guid}", Permission.WriteRegistry },
        { "DELETE /api/v1/children/{id:guid}", Permission.DeleteRegistry },
        { "GET /api/v1/children/{id:guid}/history", Permission.ReadPersonalData },
        { "GET /api/v1/children/{id:guid}/access", Permission.ReadPersonalData },
        { "GET /api/v1/children/{id:guid}/sources", Permission.ReadPersonalData },
        { "GET /api/v1/children/{id:guid}/facts", Permission.ReadPersonalData },
        { "GET /api/v1/facts/rules", Permission.ReadPersonalData },
        { "PUT /api/v1/facts/rules/{fact}", Permission.ManageFeeds },
        { "POST /api/v1/children/{id:guid}/merge", Permission.DeleteRegistry },
        { "POST /api/v1/children/{id:guid}/unmerge", Permission.DeleteRegistry },
        { "POST /api/v1/children/{id:guid}/split", Permission.DeleteRegistry },
        { "POST /api/v1/children/{id:guid}/distinct", Permission.DeleteRegistry },
        { "GET /api/v1/households/", Permission.ReadPersonalData },
        { "POST /api/v1/households/", Permission.WriteRegistry },
        { "GET /api/v1/households/{id:guid}", Permission.ReadPersonalData },
        { "PUT /api/v1/households/{id:guid}", Permission.WriteRegistry },
        { "DELETE /api/v1/households/{id:guid}", Permission.DeleteRegistry },
        { "POST /api/v1/imports/preview", Permission.WriteRegistry },
        { "POST /api/v1/imports/", Permission.WriteRegistry },
        { "GET /api/v1/imports/{id:guid}", Permission.WriteRegistry },
        { "DELETE /api/v1/imports/{id:guid}", Permission.DeleteRegistry },
        { "GET /api/v1/reviews/", Permission.WriteRegistry },
        { "POST /api/v1/reviews/decision", Permission.WriteRegistry },
        { "GET /api/v1/deprivation/framework", Permission.ViewAggregates },
        { "GET /api/v1/deprivation/frameworks", Permission.ViewAggregates },
        { "POST /api/v1/deprivation/frameworks", Permission.ManageFrameworks },
        { "GET /api/v1/deprivation/microdata", Permission.ReadPersonalData },
        { "GET /api/v1/deprivation/analysis", Permission.ViewAggregates },
        { "POST /api/v1/deprivation/runs", Permission.ViewAggregates },
        { "POST /api/v1/deprivation/survey", Permission.ViewAggregates },
        { "GET /api/v1/deprivation/runs", Permission.ViewAggregates },
        { "GET /api/v1/deprivation/runs/{id:guid}", Permission.ViewAggregates },
        { "GET /api/v1/deprivation/runs/compare", Permission.ViewAggregates },
        { "GET /api/v1/deprivation/children", Permission.ReadPersonalData },
        { "GET /api/v1/deprivation/children/export", Permission.ReadPersonalData },
        { "POST /api/v1/outreach-tasks/", Permission.WriteRegistry },
        { "GET /api/v1/outreach-tasks/", Permission.ReadPersonalData },
        { "POST /api/v1/outreach-tasks/{id:guid}/close", Permission.WriteRegistry },
        { "POST /api/v1/cases/", Permission.WorkCases },
        { "GET /api/v1/cases/", Permission.ReadCases },
        { "GET /api/v1/cases/dashboard", Permission.ReadCases },
        { "GET /api/v1/cases/{id:guid}", Permission.ReadCases },
        { "GET /api/v1/cases/{id:guid}/summary.pdf", Permission.ReadCases },
        { "POST /api/v1/cases/{id:guid}/attachments", Permission.WorkCases },
        { "GET /api/v1/cases/{id:guid}/attachments/{attachmentId:guid}", Permission.ReadCases },
        { "POST /api/v1/cases/{id:guid}/initial-assessment", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/comprehensive-assessment", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/plan", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/plan/decision", Permission.ApproveCases },
        { "POST /api/v1/cases/{id:guid}/reviews", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/closure", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/closure/decision", Permission.ApproveCases },
        { "POST /api/v1/cases/{id:guid}/reopen", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/transfer", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/transfer/withdraw", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/gatekeeping", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/placements", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/placements/{placementId:long}/end", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/reunification", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/visits/{visitId:long}", Permission.WorkCases },
        { "GET /api/v1/cases/{id:guid}/carer-matches", Permission.ReadCases },
        { "POST /api/v1/cases/{id:guid}/justice", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/justice/{recordId:long}/{step}", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/notes", Permission.WorkCases },
        { "POST /api/v1/cases/{id:guid}/referrals", Permission.WorkCases },
        { "GET /api/v1/foster-carers/", Permission.ReadCases },
        { "POST /api/v1/foster-carers/", Permission.WorkCases },
        { "POST /api/v1/foster-carers/{id:int}/assessment", Permission.WorkCases },
        { "POST /api/v1/foster-carers/{id:int}/training", Permission.WorkCases },
        { "POST /api/v1/foster-carers/{id:int}/approval", Permission.ApproveCases },
        { "POST /api/v1/foster-carers/{id:int}/review", Permission.WorkCases },
        { "GET /api/v1/transfers/", Permission.ApproveCases },
        { "POST /api/v1/transfers/{id:guid}/decision", Permission.ApproveCases },
        { "GET /api/v1/referrals/incoming", Permission.RespondReferrals },
        { "GET /api/v1/referrals/sent", Permission.ReadCases },
        { "POST /api/v1/referrals/{id:guid}/accept", Permission.RespondReferrals },
        { "POST /api/v1/referrals/{id:guid}/decline", Permission.RespondReferrals },
        { "POST /api/v1/referrals/{id:guid}/deliver", Permission.RespondReferrals },
        { "POST /api/v1/referrals/{id:guid}/complete", Permission.RespondReferrals },
        { "POST /api/v1/referrals/{id:guid}/cancel", Permission.WorkCases },
    };

    private IReadOnlyList<RouteEndpoint> ApiEndpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)];

    private static IEnumerable<string> Names(RouteEndpoint e) =>
        (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}");

    [Fact]
    public void Every_api_endpoint_declares_a_permission_or_is_explicitly_anonymous()
    {
        var endpoints = ApiEndpoints();
        endpoints.Count.ShouldBeGreaterThan(15);
        var undeclared = endpoints.Where(e => e.Metadata.GetMetadata<RequiresPermission>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => $"{string.Join(',', e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}").ToList();
        undeclared.ShouldBeEmpty();
        endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText)
            .ShouldBe(["/api/v1/auth/token", "/api/v1/auth/two-factor/enrol", "/api/v1/auth/two-factor/confirm", "/api/v1/public/vac-reports",
                "/api/v1/public/services", "/api/v1/service-types", "/api/v1/public/districts.geojson", "/api/v1/public/indicators/{code}/values"], ignoreOrder: true);
    }

    [Fact]
    public void The_matrix_lists_every_api_endpoint_with_the_permission_it_declares()
    {
        // Written as the table's lines, so that a failure says what to add or correct.
        static string Line(string endpoint, Permission p) => $"{{ \"{endpoint}\", Permission.{p} }},";
        var declared = ApiEndpoints().Where(e => e.Metadata.GetMetadata<RequiresPermission>() is not null)
            .SelectMany(e => Names(e).Select(n => Line(n, e.Metadata.GetMetadata<RequiresPermission>()!.Permission))).ToList();
        var table = Endpoints.Select(row => Line((string)row[0], (Permission)row[1])).ToList();
        table.Count.ShouldBe(table.Distinct(StringComparer.Ordinal).Count(), "an endpoint is in the table twice");
        declared.Except(table, StringComparer.Ordinal).ShouldBeEmpty("declared by the app, not in the table (a new endpoint, or another permission)");
        table.Except(declared, StringComparer.Ordinal).ShouldBeEmpty("in the table, not declared by the app");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_caller_gets_what_the_permission_and_scope_say(string endpoint, Permission permission)
    {
        var method = endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)];
        var pattern = endpoint[(method.Length + 1)..];
        var failures = new List<string>();
        var route = ApiEndpoints().SingleOrDefault(e => Names(e).Contains(endpoint, StringComparer.Ordinal));
        route.ShouldNotBeNull($"{endpoint} is not an endpoint of the app");
        if (route.Metadata.GetMetadata<RequiresPermission>()?.Permission is var declared && declared != permission)
            failures.Add($"declares {declared?.ToString() ?? "no permission"}, the matrix says {permission}");

        using (var anon = app.CreateClient())
        {
            var anonStatus = await SendAsync(anon, method, pattern);
            if (anonStatus != 401) failures.Add($"anonymous: {anonStatus}, expected 401");
        }
        // Records in a scope: children, cases, referrals… by guid; foster carers (by district) by number.
        var recordRoute = pattern.Contains("{id:guid}", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/foster-carers/{id:int}", StringComparison.Ordinal)
            || pattern.Contains("{memberId:int}", StringComparison.Ordinal) || pattern.Contains("{decisionId:long}", StringComparison.Ordinal)
            || pattern.Contains("{contactId:guid}", StringComparison.Ordinal)
            || pattern.StartsWith("/api/v1/institution", StringComparison.Ordinal) && pattern.Contains("{id:", StringComparison.Ordinal);
        foreach (var demo in DemoSeeder.Users)
        {
            var status = await SendAsync(await app.ClientForAsync(demo.UserName), method, pattern);
            var allowed = Permissions.Allows(permission, demo.Roles) && AlsoNeeded(pattern).All(p => Permissions.Allows(p, demo.Roles));
            // Referrals are answered by the staff of the receiving service's agency (the test's referral goes to ngo.ganja's NGO).
            var inScope = Answering(pattern) ? demo.Agency == "Ganja Children's NGO"
                : pattern.StartsWith("/api/v1/vac/reports/{id:guid}", StringComparison.Ordinal) ? NeedToKnow(demo)
                // A follow-up is marked done by its owner (the test's is worker.ganja's) or the district's coordinator.
                : pattern.Contains("{decisionId:long}", StringComparison.Ordinal) ? demo.UserName is "worker.ganja" or "coordinator.ganja"
                // A programme's sessions: in the caller's area, or any of theirs for the staff of the NGO delivering it.
                : pattern.Contains("{contactId:guid}", StringComparison.Ordinal) ? demo.Scope == ScopeKind.National || demo.Areas.Contains("C-GAN") || demo.Agency == "Ganja Children's NGO"
                : demo.Scope == ScopeKind.National || demo.Areas.Contains("C-GAN");
            int[] expected = !allowed ? [403]
                : recordRoute && !inScope ? [404]
                : [200, 201, 204, 400, 409];
            if (!expected.Contains(status)) failures.Add($"{demo.UserName} ({string.Join(',', demo.Roles)}): {status}, expected {string.Join('/', expected)}");
        }
        failures.ShouldBeEmpty();
    }

    // A new violence report in Ganja (by the hotline, not assigned): its coordinator, supervisor and the auditor see it,
    // and the hotline while it waits for triage; a social worker only once it is assigned to them.
    private static bool NeedToKnow(DemoSeeder.DemoUser demo) =>
        (demo.Scope == ScopeKind.National || demo.Areas.Contains("C-GAN"))
        && demo.Roles.Any(r => r is Roles.DistrictCoordinator or Roles.Supervisor or Roles.Auditor or Roles.HotlineOperator);

    // Opening a case for a report is triage and case work both (the Cases opening path keeps its own permission).
    private static Permission[] AlsoNeeded(string pattern) =>
        pattern.EndsWith("/vac/reports/{id:guid}/open-case", StringComparison.Ordinal) ? [Permission.WorkCases] : [];

    // A transfer is answered only by the supervisor it is addressed to (the test's goes to a supervisor who is no demo user).
    private static bool Answering(string pattern) =>
        (pattern.StartsWith("/api/v1/referrals/{id:guid}/", StringComparison.Ordinal) && !pattern.EndsWith("/cancel", StringComparison.Ordinal))
        || pattern.StartsWith("/api/v1/transfers/{id:guid}", StringComparison.Ordinal);

    /// <summary>
    /// Sends an empty body (writes are refused as invalid or answered; either shows the caller got past the checks).
    /// A write that succeeded may have changed or archived its record, so the next caller gets a fresh one.
    /// </summary>
    private async Task<int> SendAsync(HttpClient client, string method, string pattern)
    {
        var url = await records.UrlAsync(pattern);
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method is "POST" or "PUT" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
        };
        var status = (int)(await client.SendAsync(request)).StatusCode;
        if (method != "GET" && status is >= 200 and < 300) records.Changed(pattern);
        return status;
    }
}

/// <summary>
/// The records the matrix's calls go to: made in Ganja by worker.ganja when first needed and shared by the callers and
/// endpoints of one class (one provider), until a write succeeds on one; that record is then replaced. Sharing also
/// means a refused call that nonetheless changed a record shows in what later callers get.
/// </summary>
public sealed class MatrixRecords(HimayaApp app)
{
    private readonly Dictionary<string, Dictionary<string, string>> _made = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private int? _receiver;

    /// <summary>The pattern with its route parameters filled with a real record in Ganja (or a real user id).</summary>
    public async Task<string> UrlAsync(string pattern)
    {
        if (Kind(pattern) is not { } kind)
        {
            pattern.ShouldNotContain("{", customMessage: "A route parameter this test does not know how to fill: teach it.");
            return pattern;
        }
        await _lock.WaitAsync();
        try
        {
            if (!_made.TryGetValue(kind, out var values)) _made[kind] = values = await MakeAsync(kind);
            foreach (var (name, value) in values) pattern = pattern.Replace(name, value, StringComparison.Ordinal);
        }
        finally { _lock.Release(); }
        pattern.ShouldNotContain("{", customMessage: "A route parameter this test does not know how to fill: teach it.");
        return pattern;
    }

    /// <summary>A write succeeded on the pattern's record: the next call gets a fresh one.</summary>
    public void Changed(string pattern)
    {
        if (Kind(pattern) is not { } kind) return;
        _lock.Wait();
        try { _made.Remove(kind); } finally { _lock.Release(); }
    }

    private static string? Kind(string pattern) =>
        pattern.Contains("/vac/reports/{id:guid}", StringComparison.Ordinal) ? "violence report"
        : pattern.Contains("/vac/coordination/meetings/{id:guid}", StringComparison.Ordinal) ? "coordination meeting"
        : pattern.Contains("{memberId:int}", StringComparison.Ordinal) ? "mechanism member"
        : pattern.Contains("{decisionId:long}", StringComparison.Ordinal) ? "coordination decision"
        :         pattern.Contains("/children/{id:guid}", StringComparison.Ordinal) ? "child"
        : pattern.Contains("/households/{id:guid}", StringComparison.Ordinal) ? "household"
        : pattern.Contains("/imports/{id:guid}", StringComparison.Ordinal) ? "import"
        : pattern.Contains("/outreach-tasks/{id:guid}", StringComparison.Ordinal) ? "outreach"
        : pattern.Contains("{recordId:long}", StringComparison.Ordinal) ? "case with justice contact"
        : pattern.Contains("{placementId:long}", StringComparison.Ordinal) ? "case with placement"
        : pattern.Contains("{visitId:long}", StringComparison.Ordinal) ? "case with visit"
        : pattern.Contains("{attachmentId:guid}", StringComparison.Ordinal) ? "case with attachment"
        : pattern.Contains("/cases/{id:guid}", StringComparison.Ordinal) ? "case"
        : pattern.Contains("/referrals/{id:guid}", StringComparison.Ordinal) ? "referral"
        : pattern.Contains("/transfers/{id:guid}", StringComparison.Ordinal) ? "transfer"
        : pattern.Contains("/deprivation/runs/{id:guid}", StringComparison.Ordinal) ? "run"
        : pattern.Contains("/foster-carers/{id:int}", StringComparison.Ordinal) ? "carer"
        : pattern.Contains("{contractId:int}", StringComparison.Ordinal) ? "provider with contract"
        : pattern.Contains("{contactId:int}", StringComparison.Ordinal) ? "provider with contact"
        : pattern.Contains("/providers/{id:int}", StringComparison.Ordinal) ? "provider"
        : pattern.Contains("/facts/rules/{fact}", StringComparison.Ordinal) ? "fact"
        : pattern.Contains("/service-types/{code}", StringComparison.Ordinal) ? "service type"
        : pattern.Contains("/indicators/{code}", StringComparison.Ordinal) ? "indicator"
        : pattern.Contains("/projects/{code}", StringComparison.Ordinal) ? "project"
        : pattern.Contains("/services/{id:int}", StringComparison.Ordinal) ? "service"
        : pattern.Contains("/institutions/{id:int}", StringComparison.Ordinal) ? "institution"
        : pattern.Contains("{contactId:guid}", StringComparison.Ordinal) ? "programme with contact"
        : pattern.Contains("/programmes/{id:int}", StringComparison.Ordinal) ? "programme"
        : pattern.Contains("/institution-visits/{id:guid}", StringComparison.Ordinal) ? "institution visit"
        : pattern.Contains("/case-proposals/{id:guid}", StringComparison.Ordinal) ? "case proposal"
        : pattern.Contains("/home-visiting/{id:guid}", StringComparison.Ordinal) ? "home visiting"
        : pattern.Contains("/institution-findings/{id:long}", StringComparison.Ordinal) ? "institution finding"
        : pattern.Contains("{id:int}", StringComparison.Ordinal) ? "user"
        : null;

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");
    private static string Text(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int> InstitutionAsync()
    {
        var made = await (await app.ClientForAsync("coordinator.ganja")).PostAsJsonAsync("/api/v1/institutions",
            new { name = "Matrix home " + Guid.NewGuid().ToString("N")[..8], kind = "ChildrensHome", districtCode = "C-GAN", capacity = 10 });
        return (await made.JsonAsync()).GetProperty("id").GetInt32();
    }

    private async Task<string> InstitutionVisitAsync(int institution)
    {
        var opened = await (await app.ClientForAsync("monitor.ganja")).PostAsJsonAsync($"/api/v1/institutions/{institution}/visits", new { visitedOn = Today, kind = "Announced", team = "Matrix" });
        return (await opened.JsonAsync()).GetProperty("visit").GetProperty("id").GetString()!;
    }

    private async Task<Dictionary<string, string>> MakeAsync(string kind)
    {
        var worker = await app.ClientForAsync("worker.ganja");
        async Task<string> ChildAsync(bool functioning = true)
        {
            var child = TestData.Child(surname: "Matrisov");
            if (!functioning) child.Remove("functioning");
            return (await TestData.CreateChildAsync(worker, child)).GetProperty("id").GetString()!;
        }
        async Task<string> CaseAsync()
        {
            var childId = await ChildAsync(functioning: false);
            var opened = await worker.PostAsJsonAsync("/api/v1/cases", new { childId, reason = "Matrix", concerns = new[] { "neglect" }, risk = "Low" });
            return (await opened.JsonAsync()).GetProperty("id").GetString()!;
        }
        switch (kind)
        {
            case "violence report":
            {
                var res = await (await app.ClientForAsync("hotline")).PostAsJsonAsync("/api/v1/vac/reports", new { type = "Neglect", description = "Matrix test report", districtCode = "C-GAN" });
                return new() { ["{id:guid}"] = (await res.JsonAsync()).GetProperty("id").GetString()! };
            }
            case "coordination meeting":
            {
                var res = await (await app.ClientForAsync("coordinator.ganja")).PostAsJsonAsync("/api/v1/vac/coordination/meetings", new { districtCode = "C-GAN", heldOn = Today });
                return new() { ["{id:guid}"] = (await res.JsonAsync()).GetProperty("id").GetString()! };
            }
            case "mechanism member":
            {
                var res = await (await app.ClientForAsync("coordinator.ganja")).PostAsJsonAsync("/api/v1/vac/coordination/members", new { districtCode = "C-GAN", agency = "Matrix agency", personName = "Matrix member" });
                return new() { ["{memberId:int}"] = Text((await res.JsonAsync()).GetProperty("id").GetInt32()) };
            }
            case "coordination decision":
            {
                var coordinator = await app.ClientForAsync("coordinator.ganja");
                var meeting = await (await coordinator.PostAsJsonAsync("/api/v1/vac/coordination/meetings", new { districtCode = "C-GAN", heldOn = Today })).JsonAsync();
                int owner;
                using (var db = app.NewDbContext()) owner = db.Users.Where(u => u.UserName == "worker.ganja").Select(u => u.Id).Single();
                var decided = await (await coordinator.PostAsJsonAsync($"/api/v1/vac/coordination/meetings/{meeting.GetProperty("id").GetString()}/decisions",
                    new { text = "Matrix follow-up", ownerUserId = owner })).JsonAsync();
                return new() { ["{decisionId:long}"] = Text(decided.GetProperty("decisions")[0].GetProperty("id").GetInt64()) };
            }
            case "child": return new() { ["{id:guid}"] = await ChildAsync() };
            case "household":
            {
                var res = await worker.PostAsync("/api/v1/households", new StringContent("{\"address\":\"Test 1\",\"districtCode\":\"C-GAN\"}", Encoding.UTF8, "application/json"));
                return new() { ["{id:guid}"] = (await res.JsonAsync()).GetProperty("id").GetString()! };
            }
            case "import":
            {
                var tag = Guid.NewGuid().ToString("N")[..6];
                var res = await worker.PostAsJsonAsync("/api/v1/imports", new
                {
                    source = "Matrix source " + tag, fileName = "m.csv", mapping = ImportTests.Mapping,
                    content = ImportTests.Csv($"1,Matrisov,Elvin,,M,{DateTime.UtcNow.AddYears(-8):dd.MM.yyyy},,C-GAN"),
                });
                return new() { ["{id:guid}"] = (await res.JsonAsync()).GetProperty("id").GetString()! };
            }
            case "outreach":
            {
                var task = await (await worker.PostAsJsonAsync("/api/v1/outreach-tasks", new { childId = await ChildAsync() })).JsonAsync();
                return new() { ["{id:guid}"] = task.GetProperty("id").GetString()! };
            }
            case "case": return new() { ["{id:guid}"] = await CaseAsync() };
            case "case with justice contact":
            {
                var caseId = await CaseAsync();
                var contact = await (await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/justice", new { role = "Offender", matter = "Matrix", contactOn = Today })).JsonAsync();
                return new() { ["{id:guid}"] = caseId, ["{recordId:long}"] = Text(contact.GetProperty("justice")[0].GetProperty("id").GetInt64()), ["{step}"] = "legal-aid" };
            }
            case "case with placement":
            {
                var caseId = await CaseAsync();
                var placed = await (await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/placements", new { type = "Kinship", placeName = "Aunt", startOn = Today })).JsonAsync();
                return new() { ["{id:guid}"] = caseId, ["{placementId:long}"] = Text(placed.GetProperty("care").GetProperty("placements")[0].GetProperty("id").GetInt64()) };
            }
            case "case with visit":
            {
                var caseId = await CaseAsync();
                var home = await (await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/reunification", new { reunifiedOn = Today, withWhom = "Mother", plan = "Support" })).JsonAsync();
                return new() { ["{id:guid}"] = caseId, ["{visitId:long}"] = Text(home.GetProperty("care").GetProperty("visits")[0].GetProperty("id").GetInt64()) };
            }
            case "case with attachment":
            {
                var caseId = await CaseAsync();
                using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 matrix"u8.ToArray()), "file", "m.pdf" } };
                var added = await (await worker.PostAsync($"/api/v1/cases/{caseId}/attachments", form)).JsonAsync();
                return new() { ["{id:guid}"] = caseId, ["{attachmentId:guid}"] = added.GetProperty("id").GetString()! };
            }
            case "referral":
            {
                var caseId = await CaseAsync();
                var services = await (await worker.GetAsync("/api/v1/services")).JsonAsync();
                var ngo = services.EnumerateArray().First(s => s.GetProperty("agency").GetString() == "Ganja Children's NGO" && s.GetProperty("minAge").GetInt32() > 0).GetProperty("id").GetInt32();
                var sent = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new
                {
                    serviceId = ngo, reason = "Matrix", consentGiven = true, consentBy = "Mother", consentOn = Today,
                });
                return new() { ["{id:guid}"] = (await sent.JsonAsync()).GetProperty("id").GetString()! };
            }
            case "transfer":
            {
                // A transfer is known by its case.
                var caseId = await CaseAsync();
                var current = await (await worker.GetAsync($"/api/v1/cases/{caseId}")).JsonAsync();
                var sent = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/transfer", new { version = current.GetProperty("version").GetInt32(), toSupervisorId = await ReceiverAsync(), toDistrictCode = "C-SIR", reason = "Matrix" });
                sent.EnsureSuccessStatusCode();
                return new() { ["{id:guid}"] = caseId };
            }
            case "run":
            {
                var run = await (await worker.PostAsJsonAsync("/api/v1/deprivation/runs", new { ageGroup = "5-17" })).JsonAsync();
                return new() { ["{id:guid}"] = run.GetProperty("id").GetString()! };
            }
            case "carer":
            {
                var carer = await (await worker.PostAsJsonAsync("/api/v1/foster-carers", new { name = "Matrix family", districtCode = "C-GAN", appliedOn = Today, capacity = 1 })).JsonAsync();
                return new() { ["{id:int}"] = Text(carer.GetProperty("id").GetInt32()) };
            }
            case "service":
            {
                // A service of ngo.ganja's own provider: its staff may read it, like the directory's keepers.
                using var db = app.NewDbContext();
                return new() { ["{id:int}"] = Text(db.Set<Himaya.Features.Services.Service>().Where(s => s.Agency == "Ganja Children's NGO").Select(s => s.Id).First()) };
            }
            case "provider" or "provider with contract" or "provider with contact":
            {
                // ngo.ganja's own provider: its staff may read it and keep its contacts, like the directory's keepers.
                int provider;
                using (var db = app.NewDbContext()) provider = db.Set<Himaya.Features.Services.Provider>().Where(p => p.Name == "Ganja Children's NGO").Select(p => p.Id).Single();
                var values = new Dictionary<string, string> { ["{id:int}"] = Text(provider) };
                var admin = await app.ClientForAsync("admin");
                if (kind == "provider with contract")
                {
                    var made = await (await admin.PostAsJsonAsync($"/api/v1/providers/{provider}/contracts", new
                    {
                        funder = "Matrix funder", number = Guid.NewGuid().ToString("N")[..12], amount = 1000, from = Today, to = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"), types = new[] { "mhpss" },
                    })).JsonAsync();
                    values["{contractId:int}"] = Text(made.GetProperty("contracts").EnumerateArray().Max(c => c.GetProperty("id").GetInt32()));
                }
                if (kind == "provider with contact")
                {
                    var made = await (await admin.PostAsJsonAsync($"/api/v1/providers/{provider}/contacts", new { name = "Matrix contact", phone = "+994 50 000 00 00" })).JsonAsync();
                    values["{contactId:int}"] = Text(made.GetProperty("contacts").EnumerateArray().Max(c => c.GetProperty("id").GetInt32()));
                }
                return values;
            }
            case "service type":
            {
                var code = "matrix-" + Guid.NewGuid().ToString("N")[..8];
                (await (await app.ClientForAsync("admin")).PostAsJsonAsync("/api/v1/service-types", new { code, nameAz = code, nameEn = code, nameRu = code })).EnsureSuccessStatusCode();
                return new() { ["{code}"] = code };
            }
            case "indicator":
            {
                var code = "MATRIX_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
                (await (await app.ClientForAsync("admin")).PostAsJsonAsync("/api/v1/indicators", new
                {
                    code, name = new { az = code, en = code, ru = code }, unit = "Number", direction = "HigherIsBetter",
                })).EnsureSuccessStatusCode();
                return new() { ["{code}"] = code };
            }
            case "project":
            {
                var code = "MATRIX_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
                (await (await app.ClientForAsync("admin")).PostAsJsonAsync("/api/v1/projects", new
                {
                    code, name = new { az = code, en = code, ru = code }, funder = "Matrix", budget = 1, funderShare = 1, start = "2025-01-01", end = "2025-12-31",
                })).EnsureSuccessStatusCode();
                return new() { ["{code}"] = code };
            }
            case "institution":
                return new() { ["{id:int}"] = Text(await InstitutionAsync()) };
            case "programme":
            {
                // Delivered by ngo.ganja's NGO: its staff record for it (another provider's programme is 403 to them, see ParticipantTests).
                int provider;
                using (var db = app.NewDbContext()) provider = db.Set<Himaya.Features.Services.Provider>().Where(p => p.Name == "Ganja Children's NGO").Select(p => p.Id).Single();
                var made = await (await app.ClientForAsync("analyst")).PostAsJsonAsync("/api/v1/programmes",
                    new { name = "Matrix programme", activityTypes = new[] { "GroupSession" }, districts = new[] { "C-GAN" }, providerId = provider });
                return new() { ["{id:int}"] = Text((await made.JsonAsync()).GetProperty("id").GetInt32()) };
            }
            case "fact":
                return new() { ["{fact}"] = "water" };
            case "programme with contact":
            {
                // A session in Ganja recorded by worker.ganja on a programme ngo.ganja's NGO delivers: the recorder and the
                // planners may take it back, others who see it 409 (the NGO's staff see all their programme's sessions).
                int provider;
                using (var db = app.NewDbContext()) provider = db.Set<Himaya.Features.Services.Provider>().Where(p => p.Name == "Ganja Children's NGO").Select(p => p.Id).Single();
                var programme = await (await (await app.ClientForAsync("analyst")).PostAsJsonAsync("/api/v1/programmes",
                    new { name = "Matrix sessions", activityTypes = new[] { "GroupSession" }, districts = new[] { "C-GAN" }, providerId = provider })).JsonAsync();
                var id = programme.GetProperty("id").GetInt32();
                var contact = await (await worker.PostAsJsonAsync($"/api/v1/programmes/{id}/contacts",
                    new { activityType = "GroupSession", date = Today, districtCode = "C-GAN", children = new[] { await ChildAsync() } })).JsonAsync();
                return new() { ["{id:int}"] = Text(id), ["{contactId:guid}"] = contact.GetProperty("id").GetString()! };
            }
            case "case proposal":
            {
                var childId = await ChildAsync();
                var answers = new[] { "no-birth-certificate", "out-of-school", "no-adult-care", "signs-of-neglect", "violence-at-home", "child-works",
                    "disability-no-services", "no-income", "caregiver-unwell" }.ToDictionary(c => c, _ => "yes");
                var screened = await (await worker.PostAsJsonAsync($"/api/v1/children/{childId}/screenings", new { instrument = "outreach-vulnerability", date = Today, answers })).JsonAsync();
                return new() { ["{id:guid}"] = screened.GetProperty("proposalId").GetString()! };
            }
            case "home visiting":
            {
                var programme = await (await (await app.ClientForAsync("analyst")).PostAsJsonAsync("/api/v1/programmes",
                    new { name = "Matrix home visiting", activityTypes = new[] { "HomeVisit" }, districts = new[] { "C-GAN" } })).JsonAsync();
                var child = TestData.Child(surname: "Matrisov");
                child["birthDate"] = DateTime.UtcNow.AddDays(-50).ToString("yyyy-MM-dd");
                var childId = (await TestData.CreateChildAsync(worker, child)).GetProperty("id").GetString();
                var enrolled = await (await worker.PostAsJsonAsync($"/api/v1/programmes/{programme.GetProperty("id").GetInt32()}/home-visiting", new { childId })).JsonAsync();
                return new() { ["{id:guid}"] = enrolled.GetProperty("id").GetString()! };
            }
            case "institution visit":
                return new() { ["{id:guid}"] = await InstitutionVisitAsync(await InstitutionAsync()) };
            case "institution finding":
            {
                var visit = await InstitutionVisitAsync(await InstitutionAsync());
                var found = await (await (await app.ClientForAsync("monitor.ganja")).PostAsJsonAsync($"/api/v1/institution-visits/{visit}/findings",
                    new { severity = "Low", finding = "Matrix", recommendation = "Matrix", addressee = "Matrix" })).JsonAsync();
                return new() { ["{id:long}"] = Text(found.GetProperty("findings")[0].GetProperty("id").GetInt64()) };
            }
            case "user":
            {
                using var db = app.NewDbContext();
                return new() { ["{id:int}"] = Text(db.Users.Where(u => u.UserName == "analyst").Select(u => u.Id).Single()) };
            }
            default: throw new InvalidOperationException($"No way to make a {kind} record.");
        }
    }

    /// <summary>A supervisor for Shirvan who is no demo user, to address test transfers to.</summary>
    private async Task<int> ReceiverAsync()
    {
        if (_receiver is { } id) return id;
        var admin = await app.ClientForAsync("admin");
        var res = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "supervisor.matrix", displayName = "Matrix receiver", roles = new[] { "Supervisor" }, scopeKind = "Areas", scopeAreas = new[] { "C-SIR" }, password = HimayaApp.Password });
        _receiver = (await res.JsonAsync()).GetProperty("id").GetInt32();
        return _receiver.Value;
    }
}
