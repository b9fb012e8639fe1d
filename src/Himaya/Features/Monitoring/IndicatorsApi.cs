using System.Text;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Monitoring;

/// <summary>
/// Indicators under /api/v1 (see the README's table): define one, import values (SDMX-CSV, DHIS2 dataValueSets
/// or ADX XML, by Content-Type), read values, export them again in any of the three; and the public's read of published values.
/// </summary>
public static class IndicatorsApi
{
    /// <summary>An exchange file larger than this is refused unread.</summary>
    public const int MaxFileBytes = 20 * 1024 * 1024;

    public static void Map(RouteGroupBuilder api, RouteGroupBuilder open)
    {
        api.MapPost("/indicators", (HttpContext http, IndicatorStore store, CancellationToken ct) => http.WithBody<IndicatorInput>(ct, async r =>
            (await store.CreateAsync(http.Caller(), r, ct)).ToResult(i => TypedResults.Created($"/api/v1/indicators/{i.Code}", i))))
            .JsonBody<IndicatorInput>().WithName("CreateIndicator").WithTags("Monitoring").Requires(Permission.ManageIndicators);
        api.MapPut("/indicators/{code}", (string code, HttpContext http, IndicatorStore store, CancellationToken ct) => http.WithBody<IndicatorInput>(ct, async r =>
            (await store.UpdateAsync(http.Caller(), code, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<IndicatorInput>().WithName("UpdateIndicator").WithTags("Monitoring").Requires(Permission.ManageIndicators);
        api.MapPost("/indicators/{code}/values", (string code, HttpContext http, IndicatorStore store, CancellationToken ct) => http.WithBody<ValueInput>(ct, async r =>
            (await store.EnterValueAsync(http.Caller(), code, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ValueInput>().WithName("EnterIndicatorValue").WithTags("Monitoring").Requires(Permission.ManageIndicators);
        api.MapGet("/indicators", async (HttpContext http, IndicatorStore store, CancellationToken ct) =>
            (await store.ListAsync(http.Caller(), ct)).ToResult(TypedResults.Ok)).WithName("ListIndicators").WithTags("Monitoring").Requires(Permission.ViewAggregates);
        api.MapGet("/report-pack", async (HttpContext http, ReportPack pack, [FromQuery] string? place, CancellationToken ct) =>
            (await pack.BuildAsync(http.Caller(), place, ct)).ToResult(TypedResults.Ok)).WithName("ReportPack").WithTags("Monitoring").Requires(Permission.ViewAggregates);
        api.MapPost("/indicators/import", async (HttpContext http, IndicatorStore store, CancellationToken ct) =>
        {
            var type = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            var (parse, format) = type switch
            {
                "text/csv" => ((Func<string, ParsedFile>)SdmxCsv.Read, "SDMX-CSV"),
                "application/json" => (Dhis2DataValueSets.Read, "DHIS2 dataValueSets"),
                "application/adx+xml" or "application/xml" or "text/xml" => (Adx.Read, "ADX"),
                _ => (null, ""),
            };
            if (parse is null) return new FieldErrors().Add(MonitoringErrors.ContentType()).ToProblem();
            if (http.Request.ContentLength > MaxFileBytes) return new FieldErrors().Add(MonitoringErrors.FileUnreadable("larger than 20 MB")).ToProblem();
            string text;
            using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8)) text = await reader.ReadToEndAsync(ct);
            return (await store.ImportAsync(http.Caller(), parse(text), format, ct)).ToResult(TypedResults.Ok);
        }).WithName("ImportIndicatorValues").WithTags("Monitoring").Requires(Permission.ManageIndicators);
        api.MapGet("/indicators/{code}/values", async (string code, HttpContext http, IndicatorStore store, [FromQuery] string? place,
            [FromQuery] string? from, [FromQuery] string? to, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var (f, t) = (QueryParse.Int(e, "from", from), QueryParse.Int(e, "to", to));
            if (!e.IsEmpty) return e.ToProblem();
            return (await store.ValuesAsync(http.Caller(), code, place, f, t, ct)).ToResult(TypedResults.Ok);
        }).WithName("IndicatorValues").WithTags("Monitoring").Requires(Permission.ViewAggregates);
        api.MapPost("/indicators/compute", async (HttpContext http, ComputedIndicators computed, CancellationToken ct) =>
            (await computed.ComputeAsync(http.Caller(), ct)).ToResult(r => TypedResults.Ok(new { computed = r })))
            .WithName("ComputeIndicators").WithTags("Monitoring").Requires(Permission.ManageIndicators);
        api.MapPost("/indicators/{code}/targets", (string code, HttpContext http, IndicatorStore store, CancellationToken ct) => http.WithBody<MarkInput>(ct, async r =>
            (await store.SetMarkAsync(http.Caller(), code, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<MarkInput>().WithName("SetIndicatorTarget").WithTags("Monitoring").Requires(Permission.ManageIndicators);
        api.MapGet("/exchange/sdmx", async (HttpContext http, IndicatorStore store, [FromQuery] string? indicator, CancellationToken ct) =>
        {
            var (found, problem) = await ExportAsync(store, indicator, ct);
            if (found is not { } x) return problem!;
            await store.RecordExportAsync(http.Caller(), x.Indicator.Code, "SDMX-CSV", x.Values.Count, ct);
            var unit = x.Indicator.Unit switch { IndicatorUnit.Percent => "PCNT", IndicatorUnit.RatePer1000 => "RATE_1000", _ => "NUMBER" };
            var csv = SdmxCsv.Write(x.Values.Select(v => (x.Indicator.Code, unit, v.Place, v.Period, Disaggregations.Parse(v.Disaggregation), v.Value, v.ObsStatus)));
            return Results.Text(csv, "text/csv; charset=utf-8");
        }).WithName("ExportSdmx").WithTags("Monitoring").Requires(Permission.ViewAggregates);
        api.MapGet("/exchange/dhis2/dataValueSets", async (HttpContext http, IndicatorStore store, [FromQuery] string? indicator, CancellationToken ct) =>
        {
            var (found, problem) = await ExportAsync(store, indicator, ct);
            if (found is not { } x) return problem!;
            await store.RecordExportAsync(http.Caller(), x.Indicator.Code, "DHIS2 dataValueSets", x.Values.Count, ct);
            return Results.Text(Dhis2DataValueSets.Write(x.Values.Select(v => (x.Indicator.Code, v.Place, v.Period, v.Disaggregation, v.Value))), "application/json");
        }).WithName("ExportDhis2").WithTags("Monitoring").Requires(Permission.ViewAggregates);

        api.MapGet("/exchange/adx", async (HttpContext http, IndicatorStore store, [FromQuery] string? indicator, CancellationToken ct) =>
        {
            var (found, problem) = await ExportAsync(store, indicator, ct);
            if (found is not { } x) return problem!;
            await store.RecordExportAsync(http.Caller(), x.Indicator.Code, "ADX", x.Values.Count, ct);
            return Results.Text(Adx.Write(x.Values.Select(v => (x.Indicator.Code, v.Place, v.Period, Disaggregations.Parse(v.Disaggregation), v.Value))), "application/adx+xml");
        }).WithName("ExportAdx").WithTags("Monitoring").Requires(Permission.ViewAggregates);

        open.MapGet("/public/indicators/{code}/values", async (string code, IndicatorStore store, [FromQuery] string? place,
            [FromQuery] string? from, [FromQuery] string? to, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var (f, t) = (QueryParse.Int(e, "from", from), QueryParse.Int(e, "to", to));
            if (!e.IsEmpty) return e.ToProblem();
            return (await store.ValuesAsync(null, code, place, f, t, ct)).ToResult(TypedResults.Ok);
        }).WithName("PublicIndicatorValues").WithTags("Monitoring").AllowAnonymous();
    }

    /// <summary>The indicator an export names (?indicator=CODE): missing or unknown is the request's fault, 400 on the field.</summary>
    private static async Task<((Indicator Indicator, List<IndicatorValue> Values)? Export, IResult? Problem)> ExportAsync(IndicatorStore store, string? indicator, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(indicator)) return (null, new FieldErrors().Add(PlatformErrors.Required("indicator")).ToProblem());
        if (await store.ExportAsync(indicator.Trim(), ct) is not { } x) return (null, new FieldErrors().Add(MonitoringErrors.UnknownIndicator(indicator.Trim())).ToProblem());
        return (x, null);
    }
}
