using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Community;

/// <summary>Programmes, contacts and progress under /api/v1 (see the README's table).</summary>
public static class CommunityApi
{
    public static void Map(RouteGroupBuilder api)
    {
        const string tag = "Community";
        api.MapPost("/programmes", (HttpContext http, Programmes store, CancellationToken ct) => http.WithBody<ProgrammeInput>(ct, async r =>
            (await store.CreateAsync(http.Caller(), r, ct)).ToResult(p => TypedResults.Created($"/api/v1/programmes/{p.Id}", p))))
            .JsonBody<ProgrammeInput>().WithName("CreateProgramme").WithTags(tag).Requires(Permission.ManageProgrammes);
        api.MapGet("/programmes", async (HttpContext http, Programmes store, CancellationToken ct) =>
            (await store.ListAsync(http.Caller(), ct)).ToResult(TypedResults.Ok)).WithName("ListProgrammes").WithTags(tag).Requires(Permission.ViewAggregates);
        api.MapPut("/programmes/{id:int}", (int id, HttpContext http, Programmes store, CancellationToken ct) => http.WithBody<ProgrammeInput>(ct, async r =>
            (await store.UpdateAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ProgrammeInput>().WithName("UpdateProgramme").WithTags(tag).Requires(Permission.ManageProgrammes);
        api.MapGet("/programmes/{id:int}", async (int id, HttpContext http, Programmes store, CancellationToken ct) =>
            (await store.GetAsync(http.Caller(), id, ct)).ToResult(TypedResults.Ok)).WithName("GetProgramme").WithTags(tag).Requires(Permission.ViewAggregates);
        api.MapPost("/programmes/{id:int}/contacts", (int id, HttpContext http, Programmes store, CancellationToken ct) => http.WithBody<ContactInput>(ct, async r =>
            (await store.RecordAsync(http.Caller(), id, r, ct)).ToResult(c => TypedResults.Created($"/api/v1/programmes/{id}/contacts/{c.Id}", c))))
            .JsonBody<ContactInput>().WithName("RecordContact").WithTags(tag).Requires(Permission.RecordContacts);
        api.MapGet("/programmes/{id:int}/contacts", async (int id, HttpContext http, ContactRecords store, [FromQuery] string? district, CancellationToken ct) =>
            (await store.ListAsync(http.Caller(), id, district, ct)).ToResult(TypedResults.Ok)).WithName("ListContacts").WithTags(tag).Requires(Permission.RecordContacts);
        api.MapDelete("/programmes/{id:int}/contacts/{contactId:guid}", async (int id, Guid contactId, HttpContext http, ContactRecords store, CancellationToken ct) =>
            (await store.RemoveAsync(http.Caller(), id, contactId, ct)).ToResult(_ => TypedResults.NoContent())).WithName("RemoveContact").WithTags(tag).Requires(Permission.RecordContacts);
        api.MapGet("/programmes/{id:int}/progress", async (int id, HttpContext http, Programmes store, [FromQuery] string? period, [FromQuery] string? by, CancellationToken ct) =>
            (await store.ProgressAsync(http.Caller(), id, period, ct, by)).ToResult(TypedResults.Ok)).WithName("ProgrammeProgress").WithTags(tag).Requires(Permission.ViewAggregates);
        api.MapGet("/programmes/{id:int}/outcomes", async (int id, HttpContext http, ProgrammeOutcomes store, [FromQuery] string? period, CancellationToken ct) =>
            (await store.ForAsync(http.Caller(), id, period, Language, ct)).ToResult(TypedResults.Ok)).WithName("ProgrammeOutcomes").WithTags(tag).Requires(Permission.ViewAggregates);
        api.MapPost("/programmes/{id:int}/participants", (int id, HttpContext http, Participants store, CancellationToken ct) => http.WithBody<ParticipantInput>(ct, async r =>
            (await store.AddAsync(http.Caller(), id, r, ct)).ToResult(x => x.Outcome == "already" ? TypedResults.Ok(x) : TypedResults.Created($"/api/v1/children/{x.ChildId}", x))))
            .JsonBody<ParticipantInput>().WithName("AddParticipant").WithTags(tag).Requires(Permission.RecordContacts);
        api.MapGet("/programmes/{id:int}/participants", async (int id, HttpContext http, Participants store, [FromQuery] string? district, [FromQuery] string? q, CancellationToken ct) =>
            (await store.ListAsync(http.Caller(), id, district, q, ct)).ToResult(TypedResults.Ok)).WithName("ListParticipants").WithTags(tag).Requires(Permission.RecordContacts);
        MapScreenings(api, tag);
        MapHomeVisiting(api, tag);
    }

    private static string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    private static void MapScreenings(RouteGroupBuilder api, string tag)
    {
        api.MapGet("/screening-instruments", (HttpContext http, Screenings store) => store.List(http.Caller(), Language).ToResult(TypedResults.Ok))
            .WithName("ListScreeningInstruments").WithTags(tag).Requires(Permission.RecordContacts);
        api.MapPost("/children/{id:guid}/screenings", (Guid id, HttpContext http, Screenings store, CancellationToken ct) => http.WithBody<ScreeningInput>(ct, async r =>
            (await store.RecordAsync(http.Caller(), id, r, Language, ct)).ToResult(s => TypedResults.Created($"/api/v1/children/{id}/screenings/{s.Id}", s))))
            .JsonBody<ScreeningInput>().WithName("RecordScreening").WithTags(tag).Requires(Permission.RecordContacts);
        api.MapGet("/children/{id:guid}/screenings", async (Guid id, HttpContext http, Screenings store, [FromQuery] string? instrument, CancellationToken ct) =>
            (await store.ForChildAsync(http.Caller(), id, instrument, ct)).ToResult(TypedResults.Ok)).WithName("ListScreenings").WithTags(tag).Requires(Permission.RecordContacts);
        api.MapGet("/case-proposals", async (HttpContext http, CaseProposals store, [FromQuery] string? status, CancellationToken ct) =>
            (await store.ListAsync(http.Caller(), status, ct)).ToResult(TypedResults.Ok)).WithName("ListCaseProposals").WithTags(tag).Requires(Permission.WorkCases);
        api.MapGet("/case-proposals/{id:guid}", async (Guid id, HttpContext http, CaseProposals store, CancellationToken ct) =>
            (await store.GetAsync(http.Caller(), id, ct)).ToResult(TypedResults.Ok)).WithName("GetCaseProposal").WithTags(tag).Requires(Permission.WorkCases);
        api.MapPost("/case-proposals/{id:guid}/open-case", (Guid id, HttpContext http, CaseProposals store, CancellationToken ct) => http.WithBody<OpenProposedCaseInput>(ct, async r =>
            (await store.OpenCaseAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<OpenProposedCaseInput>().WithName("OpenProposedCase").WithTags(tag).Requires(Permission.WorkCases);
        api.MapPost("/case-proposals/{id:guid}/decline", (Guid id, HttpContext http, CaseProposals store, CancellationToken ct) => http.WithBody<DeclineInput>(ct, async r =>
            (await store.DeclineAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<DeclineInput>().WithName("DeclineCaseProposal").WithTags(tag).Requires(Permission.WorkCases);
    }

    private static void MapHomeVisiting(RouteGroupBuilder api, string tag)
    {
        api.MapPost("/programmes/{id:int}/home-visiting", (int id, HttpContext http, HomeVisits store, CancellationToken ct) => http.WithBody<EnrolInput>(ct, async r =>
            (await store.EnrolAsync(http.Caller(), id, r, ct)).ToResult(x => TypedResults.Created($"/api/v1/home-visiting/{x.Id}", x))))
            .JsonBody<EnrolInput>().WithName("EnrolHomeVisiting").WithTags(tag).Requires(Permission.RecordContacts);
        api.MapGet("/programmes/{id:int}/home-visiting", async (int id, HttpContext http, HomeVisits store, CancellationToken ct) =>
            (await store.ListAsync(http.Caller(), id, ct)).ToResult(TypedResults.Ok)).WithName("ListHomeVisiting").WithTags(tag).Requires(Permission.RecordContacts);
        api.MapGet("/home-visiting/alerts", async (HttpContext http, HomeVisits store, CancellationToken ct) =>
            TypedResults.Ok(await store.AlertsAsync(http.Caller(), ct))).WithName("HomeVisitAlerts").WithTags(tag).Requires(Permission.RecordContacts);
        api.MapGet("/home-visiting/{id:guid}", async (Guid id, HttpContext http, HomeVisits store, CancellationToken ct) =>
            (await store.GetAsync(http.Caller(), id, ct)).ToResult(TypedResults.Ok)).WithName("GetHomeVisiting").WithTags(tag).Requires(Permission.RecordContacts);
        api.MapPost("/home-visiting/{id:guid}/visits", (Guid id, HttpContext http, HomeVisits store, CancellationToken ct) => http.WithBody<HomeVisitInput>(ct, async r =>
            (await store.RecordAsync(http.Caller(), id, r, Language, ct)).ToResult(v => TypedResults.Created($"/api/v1/home-visiting/{id}/visits/{v.Id}", v))))
            .JsonBody<HomeVisitInput>().WithName("RecordHomeVisit").WithTags(tag).Requires(Permission.RecordContacts);
        api.MapPost("/home-visiting/{id:guid}/end", (Guid id, HttpContext http, HomeVisits store, CancellationToken ct) => http.WithBody<EndEnrolmentInput>(ct, async r =>
            (await store.EndAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<EndEnrolmentInput>().WithName("EndHomeVisiting").WithTags(tag).Requires(Permission.RecordContacts);
        api.MapPost("/home-visiting/{id:guid}/worker", (Guid id, HttpContext http, HomeVisits store, CancellationToken ct) => http.WithBody<ReassignInput>(ct, async r =>
            (await store.ReassignAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ReassignInput>().WithName("ReassignHomeVisiting").WithTags(tag).Requires(Permission.RecordContacts);
    }
}
