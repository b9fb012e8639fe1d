using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Himaya.Features.Violence;

/// <summary>Violence reports under /api/v1: the public form (no sign-in), reporting, the response, statistics. See the README's contract.</summary>
public static class VacApi
{
    public static void MapVacApi(RouteGroupBuilder api, RouteGroupBuilder open)
    {
        open.MapPost("/public/vac-reports", (HttpContext http, VacIntake intake, PublicReportGate gate, CancellationToken ct) =>
        {
            // Before reading the body: a flood costs as little as possible.
            if (!gate.TryEnter(http.Connection.RemoteIpAddress))
                return Task.FromResult<IResult>(TypedResults.Problem(statusCode: 429, title: "Too many reports from this address: try again in a few minutes.",
                    extensions: new Dictionary<string, object?> { ["code"] = VacErrors.TooManyReports().Code }));
            return http.WithBody<VacReportInput>(ct, async r =>
                (await intake.ReportPublicAsync(r, http.Connection.RemoteIpAddress?.ToString(), ct)).ToResult(x => TypedResults.Accepted((string?)null, x)));
        }).JsonBody<VacReportInput>().WithName("PublicVacReport").WithTags("Violence").AllowAnonymous().DisableAntiforgery();

        var vac = api.MapGroup("/vac").WithTags("Violence");
        vac.MapPost("/reports", (HttpContext http, VacIntake intake, CancellationToken ct) => http.WithBody<VacReportInput>(ct, async r =>
            (await intake.ReportAsync(http.Caller(), r, ct)).ToResult(x => TypedResults.Created($"/api/v1/vac/reports/{x.Id}", x))))
            .JsonBody<VacReportInput>().WithName("ReportViolence").Requires(Permission.ReportViolence);
        vac.MapGet("/reports", async (HttpContext http, VacWork work, [FromQuery] string? status, [FromQuery] string? mine,
            [FromQuery] string? overdue, [FromQuery] string? district, [FromQuery] string? page, [FromQuery] string? escalated, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            if (escalated is not (null or "me")) e.Add(VacErrors.EscalatedMeOnly());
            var q = new VacQuery(QueryParse.Enum<ReportStatus>(e, "status", status), QueryParse.Bool(e, "mine", mine) == true,
                QueryParse.Bool(e, "overdue", overdue) == true, district, QueryParse.Int(e, "page", page) ?? 1, escalated == "me");
            if (!e.IsEmpty) return e.ToProblem();
            return (await work.ListAsync(http.Caller(), q, ct)).ToResult(TypedResults.Ok);
        }).WithName("ListVacReports").Requires(Permission.ReadVacReports);
        vac.MapGet("/reports/earlier", async (HttpContext http, VacEarlierReports earlier, [FromQuery] string? givenName, [FromQuery] string? surname,
            [FromQuery] string? districtCode, [FromQuery] string? birthDate, [FromQuery] string? phone, CancellationToken ct) =>
        {
            DateOnly? born = null;
            if (birthDate is { Length: > 0 })
            {
                if (DateOnly.TryParseExact(birthDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) born = d;
                else return new FieldErrors().Add(PlatformErrors.NotADate("birthDate")).ToProblem();
            }
            return (await earlier.FindAsync(http.Caller(), new EarlierReportsQuery(givenName, surname, districtCode, born, phone), ct)).ToResult(TypedResults.Ok);
        }).WithName("EarlierVacReports").Requires(Permission.ReadVacReports);
        vac.MapGet("/reports/mine", async (HttpContext http, VacWork work, CancellationToken ct) =>
            (await work.MadeByAsync(http.Caller(), ct)).ToResult(TypedResults.Ok)).WithName("MyVacReports").Requires(Permission.ReportViolence);
        vac.MapGet("/reports/{id:guid}", async (Guid id, HttpContext http, VacWork work, CancellationToken ct) =>
            (await work.GetAsync(http.Caller(), id, ct)).ToResult(r => r.Details is { } d ? TypedResults.Ok(d) : TypedResults.Ok(r.Status)))
            .WithName("GetVacReport").Requires(Permission.ReadVacReports);
        vac.MapPost("/reports/{id:guid}/assign", (Guid id, HttpContext http, VacWork work, CancellationToken ct) => http.WithBody<AssignRequest>(ct, async r =>
            (await work.AssignAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<AssignRequest>().WithName("AssignVacReport").Requires(Permission.TriageVacReports);
        vac.MapPost("/reports/{id:guid}/actions", (Guid id, HttpContext http, VacWork work, CancellationToken ct) => http.WithBody<ActionRequest>(ct, async r =>
            (await work.ActAsync(http.Caller(), id, r, ct)).ToResult(v => TypedResults.Created($"/api/v1/vac/reports/{id}", v))))
            .JsonBody<ActionRequest>().WithName("RecordVacAction").Requires(Permission.RespondVacReports);
        vac.MapPost("/reports/{id:guid}/close", (Guid id, HttpContext http, VacWork work, CancellationToken ct) => http.WithBody<CloseRequest>(ct, async r =>
            (await work.CloseAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<CloseRequest>().WithName("CloseVacReport").Requires(Permission.RespondVacReports);
        vac.MapGet("/reports/{id:guid}/matches", async (Guid id, HttpContext http, VacLinking linking, CancellationToken ct) =>
            (await linking.MatchesAsync(http.Caller(), id, ApiSupport.Culture, ct)).ToResult(TypedResults.Ok))
            .WithName("VacReportMatches").Requires(Permission.TriageVacReports);
        vac.MapPost("/reports/{id:guid}/child", (Guid id, HttpContext http, VacLinking linking, CancellationToken ct) => http.WithBody<LinkChildRequest>(ct, async r =>
            (await linking.LinkChildAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<LinkChildRequest>().WithName("LinkVacReportChild").Requires(Permission.TriageVacReports);
        vac.MapPost("/reports/{id:guid}/case", (Guid id, HttpContext http, VacLinking linking, CancellationToken ct) => http.WithBody<LinkCaseRequest>(ct, async r =>
            (await linking.LinkCaseAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<LinkCaseRequest>().WithName("LinkVacReportCase").Requires(Permission.TriageVacReports);
        vac.MapPost("/reports/{id:guid}/register-child", (Guid id, HttpContext http, VacLinking linking, CancellationToken ct) => http.WithBody<RegisterChildRequest>(ct, async r =>
            (await linking.RegisterChildAsync(http.Caller(), id, r, ApiSupport.Culture, ct)).ToResult(v => TypedResults.Created($"/api/v1/children/{v.Child.RegistryId}", v))))
            .JsonBody<RegisterChildRequest>().WithName("RegisterVacReportChild").Requires(Permission.TriageVacReports);
        vac.MapPost("/reports/{id:guid}/open-case", (Guid id, HttpContext http, VacLinking linking, CancellationToken ct) => http.WithBody<OpenCaseForReportRequest>(ct, async r =>
            (await linking.OpenCaseAsync(http.Caller(), id, r, ct)).ToResult(v => TypedResults.Created($"/api/v1/cases/{v.CaseId}", v))))
            .JsonBody<OpenCaseForReportRequest>().WithName("OpenVacReportCase").Requires(Permission.TriageVacReports);
        vac.MapGet("/coordination", async (HttpContext http, CoordinationWork work, [FromQuery] string? district, CancellationToken ct) =>
            (await work.GetAsync(http.Caller(), district, ct)).ToResult(TypedResults.Ok)).WithName("VacMechanism").Requires(Permission.TriageVacReports);
        vac.MapPost("/coordination/members", (HttpContext http, CoordinationWork work, CancellationToken ct) => http.WithBody<MemberRequest>(ct, async r =>
            (await work.AddMemberAsync(http.Caller(), r, ct)).ToResult(m => TypedResults.Created($"/api/v1/vac/coordination?district={r.DistrictCode}", m))))
            .JsonBody<MemberRequest>().WithName("AddMechanismMember").Requires(Permission.TriageVacReports);
        vac.MapPost("/coordination/members/{memberId:int}/leave", (int memberId, HttpContext http, CoordinationWork work, CancellationToken ct) => http.WithBody<LeaveRequest>(ct, async r =>
            (await work.LeaveAsync(http.Caller(), memberId, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<LeaveRequest>().WithName("MechanismMemberLeft").Requires(Permission.TriageVacReports);
        vac.MapPost("/coordination/decisions/{decisionId:long}/done", (long decisionId, HttpContext http, CoordinationWork work, CancellationToken ct) => http.WithBody<DoneRequest>(ct, async r =>
            (await work.MarkDoneAsync(http.Caller(), decisionId, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<DoneRequest>().WithName("MechanismFollowUpDone").Requires(Permission.ReadVacReports);
        vac.MapPost("/coordination/meetings", (HttpContext http, CoordinationWork work, CancellationToken ct) => http.WithBody<MeetingRequest>(ct, async r =>
            (await work.CallMeetingAsync(http.Caller(), r, ct)).ToResult(m => TypedResults.Created($"/api/v1/vac/coordination/meetings/{m.Id}", m))))
            .JsonBody<MeetingRequest>().WithName("CallMechanismMeeting").Requires(Permission.TriageVacReports);
        vac.MapGet("/coordination/meetings/{id:guid}", async (Guid id, HttpContext http, CoordinationWork work, CancellationToken ct) =>
            (await work.GetMeetingAsync(http.Caller(), id, ct)).ToResult(TypedResults.Ok)).WithName("GetMechanismMeeting").Requires(Permission.TriageVacReports);
        vac.MapPost("/coordination/meetings/{id:guid}/decisions", (Guid id, HttpContext http, CoordinationWork work, CancellationToken ct) => http.WithBody<DecisionRequest>(ct, async r =>
            (await work.DecideAsync(http.Caller(), id, r, ct)).ToResult(m => TypedResults.Created($"/api/v1/vac/coordination/meetings/{id}", m))))
            .JsonBody<DecisionRequest>().WithName("RecordMechanismDecision").Requires(Permission.TriageVacReports);
        vac.MapGet("/statistics", async (HttpContext http, VacStatistics stats, [FromQuery] string? by, CancellationToken ct) =>
            (await stats.ComputeAsync(http.Caller(), by, ct)).ToResult(TypedResults.Ok)).WithName("VacStatistics").Requires(Permission.ViewAggregates);
        // The same table as a workbook, headers in the request's language; the values stay codes, as in the JSON.
        vac.MapGet("/statistics.xlsx", async (HttpContext http, VacStatistics stats, IStringLocalizer<Texts> t, [FromQuery] string? by, CancellationToken ct) =>
            (await stats.ComputeAsync(http.Caller(), by, ct)).ToResult(r => TypedResults.File(
                VacStatisticsTable.Xlsx(r, VacStatistics.ParseBy(by).By, t), XlsxTable.ContentType, "vac-statistics.xlsx")))
            .WithName("VacStatisticsXlsx").Requires(Permission.ViewAggregates);
    }
}
