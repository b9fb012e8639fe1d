using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Services;

/// <summary>
/// Keeping the directory under /api/v1/services: the management list, edits (a stale <c>version</c> is a 409 with the
/// service as it is now under <c>current</c>), free places, close and reopen, and the review queue with its decisions.
/// </summary>
public static class ServiceKeepingApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/services/catalogue", async (HttpContext http, ServiceLists lists, [FromQuery] string? district, [FromQuery] string? type,
            [FromQuery] string? status, [FromQuery] string? providerId, [FromQuery] string? page, CancellationToken ct) =>
            (await lists.ListAsync(http.Caller(), district, type, status, providerId, page, ct)).ToResult(TypedResults.Ok))
            .WithName("ServiceCatalogue").WithTags("Services").Requires(Permission.EditServices);
        api.MapGet("/services/review", async (HttpContext http, ServiceLists lists, CancellationToken ct) =>
            (await lists.QueueAsync(http.Caller(), ct)).ToResult(TypedResults.Ok)).WithName("ServiceReviewQueue").WithTags("Services").Requires(Permission.ManageServices);
        api.MapPut("/services/{id:int}", (int id, HttpContext http, ServiceKeeping keeping, CancellationToken ct) => http.WithBody<ServiceEdit>(ct, async r =>
            (await keeping.EditAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ServiceEdit>().WithName("EditService").WithTags("Services").Requires(Permission.EditServices);
        api.MapPost("/services/{id:int}/places", (int id, HttpContext http, ServiceKeeping keeping, CancellationToken ct) => http.WithBody<PlacesUpdate>(ct, async r =>
            (await keeping.PlacesAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<PlacesUpdate>().WithName("ServicePlaces").WithTags("Services").Requires(Permission.EditServices);
        api.MapPost("/services/{id:int}/close", (int id, HttpContext http, ServiceKeeping keeping, CancellationToken ct) => http.WithBody<ServiceVersion>(ct, async r =>
            (await keeping.CloseAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ServiceVersion>().WithName("CloseService").WithTags("Services").Requires(Permission.EditServices);
        api.MapPost("/services/{id:int}/reopen", (int id, HttpContext http, ServiceKeeping keeping, CancellationToken ct) => http.WithBody<ServiceVersion>(ct, async r =>
            (await keeping.ReopenAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ServiceVersion>().WithName("ReopenService").WithTags("Services").Requires(Permission.EditServices);
        api.MapPost("/services/{id:int}/review", (int id, HttpContext http, ServiceKeeping keeping, CancellationToken ct) => http.WithBody<ReviewDecision>(ct, async r =>
            (await keeping.ReviewAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ReviewDecision>().WithName("ReviewService").WithTags("Services").Requires(Permission.ManageServices);
    }
}
