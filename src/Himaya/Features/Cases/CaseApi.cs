using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Cases;

/// <summary>Cases, referrals, services and due work under /api/v1. Every change to a case carries its <c>version</c>.</summary>
public static class CaseApi
{
    public static void MapCaseApi(RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapPost("/", (HttpContext http, CaseWork work, CancellationToken ct) =>
            Body<OpenCaseRequest>(http, ct, async r => (await work.OpenAsync(http.Caller(), r, ct)).ToResult(c => TypedResults.Created($"/api/v1/cases/{c.Id}", c))))
            .JsonBody<OpenCaseRequest>().WithName("OpenCase").Requires(Permission.WorkCases);
        cases.MapGet("/", async (HttpContext http, CaseLists lists, [FromQuery] string? stage, [FromQuery] string? mine, [FromQuery] string? district,
            [FromQuery] string? overdue, [FromQuery] string? closed, [FromQuery] string? page, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var s = QueryParse.Enum<CaseStage>(e, stage, () => CaseErrors.StageOneOf(EnumNames.List<CaseStage>()));
            var query = new CaseQuery(s, QueryParse.Bool(e, "mine", mine) == true, district, QueryParse.Bool(e, "overdue", overdue) == true,
                QueryParse.Bool(e, "closed", closed) == true, QueryParse.Int(e, "page", page) ?? 1);
            if (!e.IsEmpty) return e.ToProblem();
            return (await lists.ListAsync(http.Caller(), query, ct)).ToResult(TypedResults.Ok);
        }).WithName("ListCases").Requires(Permission.ReadCases);
        cases.MapGet("/dashboard", async (HttpContext http, CaseLists lists, CancellationToken ct) =>
            (await lists.DashboardAsync(http.Caller(), ct)).ToResult(TypedResults.Ok)).WithName("CaseDashboard").Requires(Permission.ReadCases);
        cases.MapGet("/{id:guid}", async (Guid id, HttpContext http, CaseWork work, CancellationToken ct) =>
            (await work.GetAsync(http.Caller(), id, ct)).ToResult(TypedResults.Ok)).WithName("GetCase").Requires(Permission.ReadCases);

        cases.MapGet("/{id:guid}/summary.pdf", async (Guid id, HttpContext http, CaseSummaryPdf pdf, CancellationToken ct) =>
            (await pdf.RenderAsync(http.Caller(), id, ct)).ToResult(bytes => TypedResults.File(bytes, "application/pdf", $"case-summary-{id:N}.pdf")))
            .WithName("CaseSummaryPdf").Requires(Permission.ReadCases);

        cases.MapPost("/{id:guid}/attachments", async (Guid id, HttpContext http, CaseAttachments files, CancellationToken ct) =>
        {
            // multipart/form-data: file, description, sensitive. Anything else is answered as a missing file (after the scope check).
            IFormFile? file = null;
            string? description = null;
            var sensitive = false;
            if (http.Request.HasFormContentType)
            {
                var form = await http.Request.ReadFormAsync(ct);
                file = form.Files.GetFile("file");
                description = form["description"].ToString();
                sensitive = form["sensitive"].ToString() is "true" or "on";
            }
            return (await files.AddAsync(http.Caller(), id, file, description, sensitive, ct)).ToResult(a => TypedResults.Created($"/api/v1/cases/{id}/attachments/{a.Id}", a));
        }).WithName("AddCaseAttachment").Requires(Permission.WorkCases).DisableAntiforgery();
        cases.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, HttpContext http, CaseAttachments files, CancellationToken ct) =>
            (await files.OpenAsync(http.Caller(), id, attachmentId, ct)).ToResult(f => TypedResults.File(f.Content, f.ContentType, f.FileName)))
            .WithName("GetCaseAttachment").Requires(Permission.ReadCases);

        Step<InitialAssessmentRequest>(cases, "initial-assessment", "RecordInitialAssessment", Permission.WorkCases, (w, u, id, r, ct) => w.InitialAssessmentAsync(u, id, r, ct));
        Step<ComprehensiveAssessmentRequest>(cases, "comprehensive-assessment", "RecordComprehensiveAssessment", Permission.WorkCases, (w, u, id, r, ct) => w.ComprehensiveAssessmentAsync(u, id, r, ct));
        Step<PlanRequest>(cases, "plan", "SubmitCasePlan", Permission.WorkCases, (w, u, id, r, ct) => w.SubmitPlanAsync(u, id, r, ct));
        Step<DecisionRequest>(cases, "plan/decision", "DecideCasePlan", Permission.ApproveCases, (w, u, id, r, ct) => w.DecidePlanAsync(u, id, r, ct));
        Step<ReviewRequest>(cases, "reviews", "RecordCaseReview", Permission.WorkCases, (w, u, id, r, ct) => w.ReviewAsync(u, id, r, ct));
        Step<ClosureRequest>(cases, "closure", "RequestCaseClosure", Permission.WorkCases, (w, u, id, r, ct) => w.RequestClosureAsync(u, id, r, ct));
        Step<DecisionRequest>(cases, "closure/decision", "DecideCaseClosure", Permission.ApproveCases, (w, u, id, r, ct) => w.DecideClosureAsync(u, id, r, ct));
        Step<ReopenRequest>(cases, "reopen", "ReopenCase", Permission.WorkCases, (w, u, id, r, ct) => w.ReopenAsync(u, id, r, ct));
        Step<TransferRequest>(cases, "transfer", "RequestCaseTransfer", Permission.WorkCases, (w, u, id, r, ct) => w.RequestTransferAsync(u, id, r, ct));
        Step<WithdrawTransferRequest>(cases, "transfer/withdraw", "WithdrawCaseTransfer", Permission.WorkCases, (w, u, id, r, ct) => w.WithdrawTransferAsync(u, id, r, ct));
        // Alternative care on a case.
        cases.MapPost("/{id:guid}/gatekeeping", (Guid id, HttpContext http, AlternativeCareWork care, CancellationToken ct) =>
            Body<GatekeepingRequest>(http, ct, async r => (await care.GatekeepAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok))).JsonBody<GatekeepingRequest>().WithName("RecordGatekeeping").Requires(Permission.WorkCases);
        cases.MapPost("/{id:guid}/placements", (Guid id, HttpContext http, AlternativeCareWork care, CancellationToken ct) =>
            Body<PlacementRequest>(http, ct, async r => (await care.PlaceAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok))).JsonBody<PlacementRequest>().WithName("RecordPlacement").Requires(Permission.WorkCases);
        cases.MapPost("/{id:guid}/placements/{placementId:long}/end", (Guid id, long placementId, HttpContext http, AlternativeCareWork care, CancellationToken ct) =>
            Body<EndPlacementRequest>(http, ct, async r => (await care.EndPlacementAsync(http.Caller(), id, placementId, r, ct)).ToResult(TypedResults.Ok))).JsonBody<EndPlacementRequest>().WithName("EndPlacement").Requires(Permission.WorkCases);
        cases.MapPost("/{id:guid}/reunification", (Guid id, HttpContext http, AlternativeCareWork care, CancellationToken ct) =>
            Body<ReunificationRequest>(http, ct, async r => (await care.ReunifyAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok))).JsonBody<ReunificationRequest>().WithName("RecordReunification").Requires(Permission.WorkCases);
        cases.MapPost("/{id:guid}/visits/{visitId:long}", (Guid id, long visitId, HttpContext http, AlternativeCareWork care, CancellationToken ct) =>
            Body<VisitRequest>(http, ct, async r => (await care.RecordVisitAsync(http.Caller(), id, visitId, r, ct)).ToResult(TypedResults.Ok))).JsonBody<VisitRequest>().WithName("RecordMonitoringVisit").Requires(Permission.WorkCases);
        cases.MapGet("/{id:guid}/carer-matches", async (Guid id, HttpContext http, FosterCarers carers, CancellationToken ct) =>
            (await carers.MatchAsync(http.Caller(), id, ApiSupport.Culture, ct)).ToResult(TypedResults.Ok)).WithName("MatchFosterCarers").Requires(Permission.ReadCases);

        // Juvenile justice on a case.
        cases.MapPost("/{id:guid}/justice", (Guid id, HttpContext http, Justice justice, CancellationToken ct) =>
            Body<JusticeRequest>(http, ct, async r => (await justice.AddAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok))).JsonBody<JusticeRequest>().WithName("RecordJusticeContact").Requires(Permission.WorkCases);
        cases.MapPost("/{id:guid}/justice/{recordId:long}/{step}", (Guid id, long recordId, string step, HttpContext http, Justice justice, CancellationToken ct) =>
            Body<JusticeStepRequest>(http, ct, async r => (await justice.StepAsync(http.Caller(), id, recordId, step, r, ct)).ToResult(TypedResults.Ok))).JsonBody<JusticeStepRequest>().WithName("RecordJusticeStep").Requires(Permission.WorkCases);

        var carersGroup = api.MapGroup("/foster-carers").WithTags("Cases");
        carersGroup.MapGet("/", async (HttpContext http, FosterCarers carers, CancellationToken ct) => (await carers.ListAsync(http.Caller(), ApiSupport.Culture, ct)).ToResult(TypedResults.Ok))
            .WithName("ListFosterCarers").Requires(Permission.ReadCases);
        carersGroup.MapPost("/", (HttpContext http, FosterCarers carers, CancellationToken ct) =>
            Body<FosterCarerInput>(http, ct, async r => (await carers.CreateAsync(http.Caller(), r, ApiSupport.Culture, ct)).ToResult(f => TypedResults.Created($"/api/v1/foster-carers/{f.Id}", f))))
            .JsonBody<FosterCarerInput>().WithName("RegisterFosterCarer").Requires(Permission.WorkCases);
        foreach (var step in new[] { "assessment", "training", "approval", "review" })
            carersGroup.MapPost("/{id:int}/" + step, (int id, HttpContext http, FosterCarers carers, CancellationToken ct) =>
                Body<CarerStepRequest>(http, ct, async r => (await carers.StepAsync(http.Caller(), id, step, r, ApiSupport.Culture, ct)).ToResult(TypedResults.Ok)))
                .JsonBody<CarerStepRequest>().WithName("FosterCarer" + char.ToUpperInvariant(step[0]) + step[1..]).Requires(step == "approval" ? Permission.ApproveCases : Permission.WorkCases);

        var transfers = api.MapGroup("/transfers").WithTags("Cases");
        transfers.MapGet("/", async (HttpContext http, CaseTransfers t, CancellationToken ct) => (await t.IncomingAsync(http.Caller(), ct)).ToResult(TypedResults.Ok))
            .WithName("IncomingTransfers").Requires(Permission.ApproveCases);
        transfers.MapPost("/{id:guid}/decision", (Guid id, HttpContext http, CaseTransfers t, CancellationToken ct) =>
            Body<TransferDecisionRequest>(http, ct, async r => (await t.DecideAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<TransferDecisionRequest>().WithName("DecideTransfer").Requires(Permission.ApproveCases);
        Step<NoteRequest>(cases, "notes", "AddCaseNote", Permission.WorkCases, (w, u, id, r, ct) => w.AddNoteAsync(u, id, r, ct));

        cases.MapPost("/{id:guid}/referrals", (Guid id, HttpContext http, Referrals referrals, CancellationToken ct) =>
            Body<ReferRequest>(http, ct, async r => (await referrals.SendAsync(http.Caller(), id, r, ct)).ToResult(x => TypedResults.Created($"/api/v1/referrals/{x.Id}", x))))
            .JsonBody<ReferRequest>().WithName("SendReferral").Requires(Permission.WorkCases);

        var referrals = api.MapGroup("/referrals").WithTags("Cases");
        foreach (var (box, perm) in new[] { ("incoming", Permission.RespondReferrals), ("sent", Permission.ReadCases) })
        {
            referrals.MapGet("/" + box, async (HttpContext http, Referrals list, [FromQuery] string? status, CancellationToken ct) =>
            {
                var e = new FieldErrors();
                var s = QueryParse.Enum<ReferralStatus>(e, status, () => ReferralErrors.StatusOneOf(EnumNames.List<ReferralStatus>()));
                if (!e.IsEmpty) return e.ToProblem();
                return (await list.ListAsync(http.Caller(), box, s, ct)).ToResult(TypedResults.Ok);
            }).WithName(box == "incoming" ? "IncomingReferrals" : "SentReferrals").Requires(perm);
        }
        foreach (var (step, path, perm) in new[]
        {
            (ReferralStep.Accept, "accept", Permission.RespondReferrals), (ReferralStep.Decline, "decline", Permission.RespondReferrals),
            (ReferralStep.Deliver, "deliver", Permission.RespondReferrals), (ReferralStep.Complete, "complete", Permission.RespondReferrals),
            (ReferralStep.Cancel, "cancel", Permission.WorkCases),
        })
        {
            referrals.MapPost("/{id:guid}/" + path, (Guid id, HttpContext http, Referrals work, CancellationToken ct) =>
                Body<ReferralStepRequest>(http, ct, async r => (await work.StepAsync(http.Caller(), id, step, r, ct)).ToResult(TypedResults.Ok)))
                .JsonBody<ReferralStepRequest>().WithName(step + "Referral").Requires(perm);
        }

        api.MapGet("/services", async (HttpContext http, Referrals work, [FromQuery] string? childId, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var child = QueryParse.Guid(e, "childId", childId);
            return e.IsEmpty ? (await work.ServicesAsync(http.Caller(), child, ct)).ToResult(TypedResults.Ok) : e.ToProblem();
        }).WithTags("Cases").WithName("ListServices").Requires(Permission.ReadCases);
        api.MapGet("/my-work", async (HttpContext http, CaseLists lists, CancellationToken ct) =>
            (await lists.MyWorkAsync(http.Caller(), ct)).ToResult(TypedResults.Ok)).WithTags("Cases").WithName("MyWork").Requires(Permission.ViewAggregates);
    }

    private static void Step<T>(RouteGroupBuilder cases, string path, string name, Permission permission, Func<CaseWork, CurrentUser, Guid, T, CancellationToken, Task<Outcome<CaseView>>> run)
        where T : class =>
        cases.MapPost("/{id:guid}/" + path, (Guid id, HttpContext http, CaseWork work, CancellationToken ct) =>
            Body<T>(http, ct, async r => (await run(work, http.Caller(), id, r, ct)).ToResult(TypedResults.Ok))).JsonBody<T>().WithName(name).Requires(permission);

    private static async Task<IResult> Body<T>(HttpContext http, CancellationToken ct, Func<T, Task<IResult>> then) where T : class
    {
        var (input, errors) = await Json.ReadAsync<T>(http.Request, ct);
        return errors is not null ? errors.ToProblem() : await then(input!);
    }
}
