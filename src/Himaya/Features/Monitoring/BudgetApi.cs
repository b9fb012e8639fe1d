using System.Text;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Monitoring;

/// <summary>The child-focused budget under /api/v1 (see the README's table).</summary>
public static class BudgetApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/budget/lines", (HttpContext http, BudgetStore store, CancellationToken ct) => http.WithBody<BudgetLineInput>(ct, async r =>
            (await store.AddAsync(http.Caller(), r, ct)).ToResult(l => TypedResults.Created($"/api/v1/budget/lines?year={l.Year}", l))))
            .JsonBody<BudgetLineInput>().WithName("AddBudgetLine").WithTags("Monitoring").Requires(Permission.ManageIndicators);
        api.MapGet("/budget/lines", async (HttpContext http, BudgetStore store, [FromQuery] string? year, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var y = QueryParse.Int(e, "year", year);
            return e.IsEmpty ? (await store.LinesAsync(http.Caller(), y, ct)).ToResult(TypedResults.Ok) : e.ToProblem();
        }).WithName("ListBudgetLines").WithTags("Monitoring").Requires(Permission.ViewAggregates);
        api.MapPost("/budget/import", async (HttpContext http, BudgetStore store, CancellationToken ct) =>
        {
            if (http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() != "text/csv") return new FieldErrors().Add(MonitoringErrors.ContentType()).ToProblem();
            if (http.Request.ContentLength > IndicatorsApi.MaxFileBytes) return new FieldErrors().Add(MonitoringErrors.FileUnreadable("larger than 20 MB")).ToProblem();
            string text;
            using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8)) text = await reader.ReadToEndAsync(ct);
            return (await store.ImportAsync(http.Caller(), text, ct)).ToResult(n => TypedResults.Ok(new BudgetImported(n)));
        }).WithName("ImportBudgetLines").WithTags("Monitoring").Requires(Permission.ManageIndicators);
        api.MapGet("/budget/summary", async (HttpContext http, BudgetStore store, [FromQuery] string? from, [FromQuery] string? to, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var (f, t) = (QueryParse.Int(e, "from", from), QueryParse.Int(e, "to", to));
            return e.IsEmpty ? (await store.SummaryAsync(http.Caller(), f, t, ct)).ToResult(TypedResults.Ok) : e.ToProblem();
        }).WithName("BudgetSummary").WithTags("Monitoring").Requires(Permission.ViewAggregates);
    }
}

public sealed record BudgetImported(int Imported);
