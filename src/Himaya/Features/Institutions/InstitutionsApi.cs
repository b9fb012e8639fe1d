using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Institutions;

/// <summary>The institution register and its monitoring visits under /api/v1 (see the README's table).</summary>
public static class InstitutionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        const string tag = "Institutions";
        api.MapPost("/institutions", (HttpContext http, InstitutionRegister store, CancellationToken ct) => http.WithBody<InstitutionInput>(ct, async r =>
            (await store.CreateAsync(http.Caller(), r, ct)).ToResult(i => TypedResults.Created($"/api/v1/institutions/{i.Id}", i))))
            .JsonBody<InstitutionInput>().WithName("RegisterInstitution").WithTags(tag).Requires(Permission.ManageInstitutions);
        api.MapGet("/institutions", async (HttpContext http, InstitutionRegister store, CancellationToken ct) =>
            (await store.ListAsync(http.Caller(), ct)).ToResult(TypedResults.Ok)).WithName("ListInstitutions").WithTags(tag).Requires(Permission.ViewInstitutions);
        api.MapGet("/institutions/checklists", () => TypedResults.Ok(new ChecklistsView(Items(Checklists.Care), Items(Checklists.Detention))))
            .WithName("InstitutionChecklists").WithTags(tag).Requires(Permission.ViewInstitutions);
        api.MapGet("/institutions/{id:int}", async (int id, HttpContext http, VisitWork work, CancellationToken ct) =>
            (await work.InstitutionAsync(http.Caller(), id, ct)).ToResult(TypedResults.Ok)).WithName("GetInstitution").WithTags(tag).Requires(Permission.ViewInstitutions);
        api.MapPut("/institutions/{id:int}", (int id, HttpContext http, InstitutionRegister store, CancellationToken ct) => http.WithBody<InstitutionInput>(ct, async r =>
            (await store.UpdateAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<InstitutionInput>().WithName("UpdateInstitution").WithTags(tag).Requires(Permission.ManageInstitutions);
        api.MapPost("/institutions/{id:int}/visits", (int id, HttpContext http, VisitWork work, CancellationToken ct) => http.WithBody<VisitInput>(ct, async r =>
            (await work.OpenAsync(http.Caller(), id, r, ct)).ToResult(v => TypedResults.Created($"/api/v1/institution-visits/{v.Visit.Id}", v))))
            .JsonBody<VisitInput>().WithName("OpenInstitutionVisit").WithTags(tag).Requires(Permission.MonitorInstitutions);
        api.MapGet("/institution-visits/{id:guid}", async (Guid id, HttpContext http, VisitWork work, CancellationToken ct) =>
            (await work.GetAsync(http.Caller(), id, ct)).ToResult(TypedResults.Ok)).WithName("GetInstitutionVisit").WithTags(tag).Requires(Permission.ViewInstitutions);
        api.MapPost("/institution-visits/{id:guid}/checklist", (Guid id, HttpContext http, VisitWork work, CancellationToken ct) => http.WithBody<ChecklistInput>(ct, async r =>
            (await work.AnswerAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ChecklistInput>().WithName("AnswerVisitChecklist").WithTags(tag).Requires(Permission.MonitorInstitutions);
        api.MapPost("/institution-visits/{id:guid}/interviews", (Guid id, HttpContext http, VisitWork work, CancellationToken ct) => http.WithBody<InterviewInput>(ct, async r =>
            (await work.InterviewAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<InterviewInput>().WithName("LogVisitInterview").WithTags(tag).Requires(Permission.MonitorInstitutions);
        api.MapPost("/institution-visits/{id:guid}/findings", (Guid id, HttpContext http, VisitWork work, CancellationToken ct) => http.WithBody<FindingInput>(ct, async r =>
            (await work.FindAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<FindingInput>().WithName("AddVisitFinding").WithTags(tag).Requires(Permission.MonitorInstitutions);
        api.MapPost("/institution-visits/{id:guid}/report", (Guid id, HttpContext http, VisitWork work, CancellationToken ct) => http.WithBody<ReportInput>(ct, async r =>
            (await work.ReportAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ReportInput>().WithName("ReportInstitutionVisit").WithTags(tag).Requires(Permission.MonitorInstitutions);
        api.MapGet("/institution-findings", async (HttpContext http, VisitWork work, [FromQuery] string? open, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var openOnly = QueryParse.Bool(e, "open", open);
            return e.IsEmpty ? TypedResults.Ok(await work.FindingsAsync(http.Caller(), null, openOnly == true, ct)) : e.ToProblem();
        }).WithName("ListInstitutionFindings").WithTags(tag).Requires(Permission.ViewInstitutions);
        api.MapPost("/institution-findings/{id:long}/response", (long id, HttpContext http, VisitWork work, CancellationToken ct) => http.WithBody<FollowUpInput>(ct, async r =>
            (await work.RespondAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<FollowUpInput>().WithName("RespondToFinding").WithTags(tag).Requires(Permission.ManageInstitutions);
        api.MapPost("/institution-findings/{id:long}/verification", (long id, HttpContext http, VisitWork work, CancellationToken ct) => http.WithBody<VerificationInput>(ct, async r =>
            (await work.VerifyAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<VerificationInput>().WithName("VerifyFinding").WithTags(tag).Requires(Permission.MonitorInstitutions);
    }

    private static IReadOnlyList<ChecklistItemView> Items(IReadOnlyList<string> items) =>
        [.. items.Select(item => new ChecklistItemView(item, JsonStringLocalizer.Languages.ToDictionary(l => l, l => JsonStringLocalizer.Find(l, "Checklist." + item) ?? item)))];
}

public sealed record ChecklistsView(IReadOnlyList<ChecklistItemView> Care, IReadOnlyList<ChecklistItemView> Detention);

public sealed record ChecklistItemView(string Item, IReadOnlyDictionary<string, string> Text);
