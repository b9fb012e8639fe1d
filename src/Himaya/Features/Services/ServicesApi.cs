using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Services;

/// <summary>The service directory under /api/v1: the public search and taxonomy (no sign-in), providers and services. See the README's contract.</summary>
public static class ServicesApi
{
    public static void MapServicesApi(RouteGroupBuilder api, RouteGroupBuilder open)
    {
        open.MapGet("/public/services", async (ServiceDirectory directory, [FromQuery] string? district, [FromQuery] string? type,
            [FromQuery] string? age, CancellationToken ct) => (await directory.SearchAsync(district, type, age, ct)).ToResult(TypedResults.Ok))
            .WithName("PublicServices").WithTags("Services").AllowAnonymous();
        open.MapGet("/service-types", async (ServiceDirectory directory, CancellationToken ct) =>
            TypedResults.Ok(await directory.TypesAsync(ApiSupport.Culture, ct))).WithName("ServiceTypes").WithTags("Services").AllowAnonymous();

        api.MapPost("/providers", (HttpContext http, ServiceCatalogue catalogue, CancellationToken ct) => http.WithBody<ProviderInput>(ct, async r =>
            (await catalogue.CreateProviderAsync(http.Caller(), r, ct)).ToResult(p => TypedResults.Created($"/api/v1/providers/{p.Id}", p))))
            .JsonBody<ProviderInput>().WithName("CreateProvider").WithTags("Services").Requires(Permission.ManageServices);
        // The providers' list, one provider, its contracts and contacts, and the taxonomy's administration.
        ProvidersApi.Map(api);
        api.MapPost("/services", (HttpContext http, ServiceCatalogue catalogue, CancellationToken ct) => http.WithBody<ServiceInput>(ct, async r =>
            (await catalogue.CreateServiceAsync(http.Caller(), r, ct)).ToResult(s => TypedResults.Created($"/api/v1/services/{s.Id}", s))))
            .JsonBody<ServiceInput>().WithName("CreateService").WithTags("Services").Requires(Permission.EditServices);
        api.MapGet("/services/{id:int}", async (int id, HttpContext http, ServiceCatalogue catalogue, CancellationToken ct) =>
            (await catalogue.GetServiceAsync(http.Caller(), id, ct)).ToResult(TypedResults.Ok)).WithName("GetService").WithTags("Services").Requires(Permission.EditServices);
        // Keeping the directory: list, edits, places, close/reopen, review.
        ServiceKeepingApi.Map(api);
    }
}
