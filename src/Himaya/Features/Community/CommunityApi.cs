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
        api.MapGet("/programmes/{id:int}", async (int id, HttpContext http, Programmes store, CancellationToken ct) =>
            (await store.GetAsync(http.Caller(), id, ct)).ToResult(TypedResults.Ok)).WithName("GetProgramme").WithTags(tag).Requires(Permission.ViewAggregates);
        api.MapPost("/programmes/{id:int}/contacts", (int id, HttpContext http, Programmes store, CancellationToken ct) => http.WithBody<ContactInput>(ct, async r =>
            (await store.RecordAsync(http.Caller(), id, r, ct)).ToResult(c => TypedResults.Created($"/api/v1/programmes/{id}/contacts/{c.Id}", c))))
            .JsonBody<ContactInput>().WithName("RecordContact").WithTags(tag).Requires(Permission.RecordContacts);
        api.MapGet("/programmes/{id:int}/progress", async (int id, HttpContext http, Programmes store, [FromQuery] string? period, [FromQuery] string? by, CancellationToken ct) =>
            (await store.ProgressAsync(http.Caller(), id, period, ct, by)).ToResult(TypedResults.Ok)).WithName("ProgrammeProgress").WithTags(tag).Requires(Permission.ViewAggregates);
    }
}
