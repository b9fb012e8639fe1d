using Himaya.Platform;

namespace Himaya.Features.Linkage;

public static class ImportApi
{
    public static RouteGroupBuilder MapImportApi(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");
        imports.MapPost("/preview", async (HttpContext http, ImportRunner runner, CancellationToken ct) =>
        {
            var (input, errors) = await Json.ReadAsync<ImportRequest>(http.Request, ct);
            if (errors is not null) return errors.ToProblem();
            return (await runner.PreviewAsync(http.Caller(), input!, ct)).ToResult(p => TypedResults.Ok(p));
        }).JsonBody<ImportRequest>().WithName("PreviewImport").Requires(Permission.WriteRegistry);
        imports.MapPost("/", async (HttpContext http, ImportRunner runner, CancellationToken ct) =>
        {
            var (input, errors) = await Json.ReadAsync<ImportRequest>(http.Request, ct);
            if (errors is not null) return errors.ToProblem();
            return (await runner.RunAsync(http.Caller(), input!, ct)).ToResult(s => s.AlreadyImported ? TypedResults.Ok(s)
                // A large file is applied in the background: 202 with where to follow its progress.
                : s.InBackground ? TypedResults.Accepted($"/api/v1/imports/{s.Id}", s) : TypedResults.Created($"/api/v1/imports/{s.Id}", s));
        }).JsonBody<ImportRequest>().WithName("RunImport").Requires(Permission.WriteRegistry);
        imports.MapGet("/{id:guid}", async (Guid id, HttpContext http, ImportRunner runner, CancellationToken ct) =>
            (await runner.GetAsync(http.Caller(), id, ct)).ToResult(s => TypedResults.Ok(s))).WithName("GetImport").Requires(Permission.WriteRegistry);
        imports.MapDelete("/{id:guid}", async (Guid id, HttpContext http, ImportRunner runner, CancellationToken ct) =>
            (await runner.RollbackAsync(http.Caller(), id, ct)).ToResult(s => TypedResults.Ok(s))).WithName("RollBackImport").Requires(Permission.DeleteRegistry);
        api.MapGet("/linkage/quality", async (HttpContext http, LinkageQuality quality, CancellationToken ct) =>
            (await quality.ReportAsync(http.Caller(), ct)).ToResult(q => TypedResults.Ok(q))).WithTags("Imports").WithName("LinkageQuality").Requires(Permission.ViewAggregates);
        var reviews = api.MapGroup("/reviews").WithTags("Reviews");
        reviews.MapGet("/", async (HttpContext http, Reviews r, CancellationToken ct) =>
            (await r.QueueAsync(http.Caller(), ApiSupport.Culture, ct)).ToResult(q => TypedResults.Ok(q))).WithName("ReviewQueue").Requires(Permission.WriteRegistry);
        reviews.MapPost("/decision", async (HttpContext http, Reviews r, CancellationToken ct) =>
        {
            var (input, errors) = await Json.ReadAsync<ReviewDecisionRequest>(http.Request, ct);
            if (errors is not null) return errors.ToProblem();
            return (await r.DecideAsync(http.Caller(), input!, ApiSupport.Culture, ct)).ToResult(i => TypedResults.Ok(i));
        }).JsonBody<ReviewDecisionRequest>().WithName("DecideReview").Requires(Permission.WriteRegistry);
        var children = api.MapGroup("/children").WithTags("Children");
        children.MapPost("/{id:guid}/merge", async (Guid id, HttpContext http, Merges merges, CancellationToken ct) =>
        {
            var (input, errors) = await Json.ReadAsync<MergeRequest>(http.Request, ct);
            if (errors is not null) return errors.ToProblem();
            return (await merges.MergeAsync(http.Caller(), id, input!, ct)).ToResult(m => TypedResults.Ok(m));
        }).JsonBody<MergeRequest>().WithName("MergeChild").Requires(Permission.DeleteRegistry);
        children.MapPost("/{id:guid}/unmerge", async (Guid id, HttpContext http, Merges merges, CancellationToken ct) =>
        {
            var (input, errors) = await Json.ReadAsync<UnmergeRequest>(http.Request, ct);
            if (errors is not null) return errors.ToProblem();
            return (await merges.UnmergeAsync(http.Caller(), id, input!, ct)).ToResult(m => TypedResults.Ok(m));
        }).JsonBody<UnmergeRequest>().WithName("UnmergeChild").Requires(Permission.DeleteRegistry);
        children.MapPost("/{id:guid}/split", async (Guid id, HttpContext http, Merges merges, Himaya.Platform.AdminUnits units, TimeProvider clock, CancellationToken ct) =>
        {
            var (input, errors) = await Json.ReadAsync<SplitRequest>(http.Request, ct);
            if (errors is not null) return errors.ToProblem();
            return (await merges.SplitAsync(http.Caller(), id, input!, ct)).ToResult(c => TypedResults.Ok(Himaya.Features.Registry.ChildMapping.ToDto(c, units,
                DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ApiSupport.Culture)));
        }).JsonBody<SplitRequest>().WithName("SplitChild").Requires(Permission.DeleteRegistry);
        children.MapPost("/{id:guid}/distinct", async (Guid id, HttpContext http, Merges merges, CancellationToken ct) =>
        {
            var (input, errors) = await Json.ReadAsync<DistinctRequest>(http.Request, ct);
            if (errors is not null) return errors.ToProblem();
            return (await merges.MarkDistinctAsync(http.Caller(), id, input!, ct)).ToResult(_ => TypedResults.NoContent());
        }).JsonBody<DistinctRequest>().WithName("MarkDistinctChildren").Requires(Permission.DeleteRegistry);
        children.MapGet("/{id:guid}/sources", async (Guid id, HttpContext http, Merges merges, Himaya.Features.Registry.ChildRecords records, CancellationToken ct) =>
        {
            // Scope and the read's audit line come from the ordinary read of the child.
            var child = await records.GetAsync(http.Caller(), id, ct);
            if (child is not Outcome<Himaya.Features.Registry.Child>.Ok) return child.ToResult(_ => TypedResults.Ok());
            return TypedResults.Ok(new { sources = await merges.SourcesAsync(id, ct), merges = await merges.ActiveMergesAsync(id, ct) });
        }).WithName("ChildSources").Requires(Permission.ReadPersonalData);
        return api;
    }
}
