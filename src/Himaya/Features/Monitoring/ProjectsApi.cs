using Himaya.Platform;

namespace Himaya.Features.Monitoring;

/// <summary>Projects and their results frameworks under /api/v1 (see the README's table).</summary>
public static class ProjectsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/projects", (HttpContext http, ProjectStore store, CancellationToken ct) => http.WithBody<ProjectInput>(ct, async r =>
            (await store.CreateAsync(http.Caller(), r, ct)).ToResult(p => TypedResults.Created($"/api/v1/projects/{p.Code}", p))))
            .JsonBody<ProjectInput>().WithName("CreateProject").WithTags("Monitoring").Requires(Permission.ManageIndicators);
        api.MapGet("/projects", async (HttpContext http, ProjectStore store, CancellationToken ct) =>
            (await store.ListAsync(http.Caller(), ct)).ToResult(TypedResults.Ok)).WithName("ListProjects").WithTags("Monitoring").Requires(Permission.ViewAggregates);
        api.MapGet("/projects/{code}", async (string code, HttpContext http, ProjectStore store, CancellationToken ct) =>
            (await store.GetAsync(http.Caller(), code, ct)).ToResult(TypedResults.Ok)).WithName("GetProject").WithTags("Monitoring").Requires(Permission.ViewAggregates);
        api.MapPost("/projects/{code}/results", (string code, HttpContext http, ProjectStore store, CancellationToken ct) => http.WithBody<ResultInput>(ct, async r =>
            (await store.AddResultAsync(http.Caller(), code, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ResultInput>().WithName("AddProjectResult").WithTags("Monitoring").Requires(Permission.ManageIndicators);
        api.MapPost("/projects/{code}/targets", (string code, HttpContext http, ProjectStore store, CancellationToken ct) => http.WithBody<ResultValueInput>(ct, async r =>
            (await store.SetTargetAsync(http.Caller(), code, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ResultValueInput>().WithName("SetResultTarget").WithTags("Monitoring").Requires(Permission.ManageIndicators);
        api.MapPost("/projects/{code}/progress", (string code, HttpContext http, ProjectStore store, CancellationToken ct) => http.WithBody<ResultValueInput>(ct, async r =>
            (await store.ReportProgressAsync(http.Caller(), code, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ResultValueInput>().WithName("ReportResultProgress").WithTags("Monitoring").Requires(Permission.ManageIndicators);
    }
}
