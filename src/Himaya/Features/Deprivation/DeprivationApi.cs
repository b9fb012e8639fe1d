using System.Globalization;
using System.Text;
using System.Text.Json;
using Himaya.Deprivation;
using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Deprivation;

public static class DeprivationApi
{
    public static RouteGroupBuilder MapDeprivationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/deprivation").WithTags("Deprivation");
        group.MapGet("/framework", async (Frameworks frameworks, [FromQuery] string? name, [FromQuery] string? version, [FromQuery] string? ageGroup,
            [FromQuery] string? format, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var f = await frameworks.FindAsync(name, version, ct);
            if (f is null) return Frameworks.NotFound(version, field: "name").ToProblem();
            if (format is null) return TypedResults.Ok(Describe(f));
            if (format == "json") return TypedResults.Text(RegistryFrameworkJson.Write(f), "application/json");
            // One age group as FRAMEWORK.json, for `himaya moda` over the microdata download.
            if (format != "moda") e.Add(DeprivationErrors.FrameworkFormat());
            var g = f.Group(ageGroup);
            if (g is null) e.Add(DeprivationErrors.UnknownAgeGroup(string.Join(", ", f.AgeGroups.Select(x => x.Id))));
            return e.IsEmpty ? TypedResults.Text(g!.Framework.ToJson(), "application/json") : e.ToProblem();
        }).WithName("DeprivationFramework").Requires(Permission.ViewAggregates);
        group.MapGet("/frameworks", async (Frameworks frameworks, CancellationToken ct) => TypedResults.Ok(await frameworks.ListAsync(ct)))
            .WithName("ListDeprivationFrameworks").Requires(Permission.ViewAggregates);
        group.MapPost("/frameworks", async (HttpContext http, Frameworks frameworks, CancellationToken ct) =>
        {
            // The body is the framework definition itself.
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var json = await reader.ReadToEndAsync(ct);
            return (await frameworks.SaveAsync(http.Caller(), json, ct)).ToResult(v => TypedResults.Created($"/api/v1/deprivation/framework?name={v.Name}&version={v.Version}", v));
        }).WithName("SaveDeprivationFramework").Requires(Permission.ManageFrameworks);
        group.MapGet("/microdata", async (HttpContext http, RegistryAnalysis analysis, [FromQuery] string? ageGroup, [FromQuery] string? framework,
            [FromQuery] string? version, CancellationToken ct) =>
            (await analysis.MicrodataAsync(http.Caller(), ageGroup, ct, framework, version)).ToResult(r => TypedResults.File(r.Csv, "text/csv; charset=utf-8", r.FileName)))
            .WithName("DeprivationMicrodata").Requires(Permission.ReadPersonalData);
        group.MapGet("/analysis", async (HttpContext http, RegistryAnalysis analysis, [FromQuery] string? ageGroup, [FromQuery] string? by, [FromQuery] string? k,
            [FromQuery] string? format, [FromQuery] string? framework, [FromQuery] string? version, [FromQuery] string? venn, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var request = Parse(e, ageGroup, by, k) with { Framework = framework, Version = version };
            var vennNames = (venn ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (venn is not null && (vennNames.Length != 3 || vennNames.Distinct(StringComparer.Ordinal).Count() != 3)) e.Add(DeprivationErrors.VennThreeNames());
            if (format is not (null or "json" or "csv" or "xlsx")) e.Add(DeprivationErrors.AnalysisFormat());
            if (!e.IsEmpty) return e.ToProblem();
            return (await analysis.RunAsync(http.Caller(), request, ct)).ToResult(r => format switch
            {
                "csv" => TypedResults.File(Csv(r), "text/csv; charset=utf-8", $"deprivation-{r.AgeGroup.Id}-{r.AsOf:yyyy-MM-dd}.csv"),
                "xlsx" => TypedResults.File(AnalysisXlsx.Write(r), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"deprivation-{r.AgeGroup.Id}-{r.AsOf:yyyy-MM-dd}.xlsx"),
                _ => Venn(r, vennNames) is { } indexes || vennNames.Length == 0
                    ? TypedResults.Bytes(Json(r, vennNames.Length == 3 ? Venn(r, vennNames) : null), "application/json")
                    : new FieldErrors().Add(DeprivationErrors.VennNotDimensions()).ToProblem(),
            });
        }).WithName("DeprivationAnalysis").Requires(Permission.ViewAggregates);
        group.MapPost("/runs", async (HttpContext http, DeprivationRuns runs, CancellationToken ct) =>
        {
            var (input, errors) = await Himaya.Platform.Json.ReadAsync<SaveRunRequest>(http.Request, ct);
            if (errors is not null) return errors.ToProblem();
            return (await runs.SaveRegistryAsync(http.Caller(), input!, ct)).ToResult(r => TypedResults.Created($"/api/v1/deprivation/runs/{r.Id}", r));
        }).JsonBody<SaveRunRequest>().WithName("SaveDeprivationRun").Requires(Permission.ViewAggregates);
        group.MapPost("/survey", async (HttpContext http, DeprivationRuns runs, CancellationToken ct) =>
        {
            var (input, errors) = await Himaya.Platform.Json.ReadAsync<SurveyRequest>(http.Request, ct);
            if (errors is not null) return errors.ToProblem();
            return (await runs.AnalyseSurveyAsync(http.Caller(), input!, ct)).ToResult(r =>
            {
                http.Response.Headers.Location = $"/api/v1/deprivation/runs/{r.Run.Id}";
                return TypedResults.Text(r.Json, "application/json", Encoding.UTF8, StatusCodes.Status201Created);
            });
        }).JsonBody<SurveyRequest>().WithName("AnalyseSurvey").Requires(Permission.ViewAggregates);
        group.MapGet("/runs", async (HttpContext http, DeprivationRuns runs, CancellationToken ct) =>
            (await runs.ListAsync(http.Caller(), ct)).ToResult(TypedResults.Ok)).WithName("ListDeprivationRuns").Requires(Permission.ViewAggregates);
        group.MapGet("/runs/{id:guid}", async (Guid id, HttpContext http, DeprivationRuns runs, CancellationToken ct) =>
            (await runs.GetAsync(http.Caller(), id, ct)).ToResult(json => TypedResults.Text(json, "application/json"))).WithName("GetDeprivationRun").Requires(Permission.ViewAggregates);
        group.MapGet("/runs/compare", async (HttpContext http, DeprivationRuns runs, [FromQuery] string? a, [FromQuery] string? b, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            if (!Guid.TryParse(a, out var first)) e.Add(DeprivationErrors.FirstRunId());
            if (!Guid.TryParse(b, out var second)) e.Add(DeprivationErrors.SecondRunId());
            if (!e.IsEmpty) return e.ToProblem();
            return (await runs.CompareAsync(http.Caller(), first, second, ct)).ToResult(TypedResults.Ok);
        }).WithName("CompareDeprivationRuns").Requires(Permission.ViewAggregates);
        var outreach = api.MapGroup("/outreach-tasks").WithTags("Deprivation");
        outreach.MapPost("/", async (HttpContext http, Outreach tasks, CancellationToken ct) =>
        {
            var (input, errors) = await Himaya.Platform.Json.ReadAsync<StartOutreachRequest>(http.Request, ct);
            if (errors is not null) return errors.ToProblem();
            return (await tasks.StartAsync(http.Caller(), input!, ApiSupport.Culture, ct)).ToResult(t => TypedResults.Created($"/api/v1/outreach-tasks/{t.Id}", t));
        }).JsonBody<StartOutreachRequest>().WithName("StartOutreach").Requires(Permission.WriteRegistry);
        outreach.MapGet("/", async (HttpContext http, Outreach tasks, [FromQuery] string? status, [FromQuery] string? district, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var s = QueryParse.Enum<OutreachStatus>(e, status, DeprivationErrors.OutreachStatusFilter);
            if (!e.IsEmpty) return e.ToProblem();
            return (await tasks.ListAsync(http.Caller(), s, district, ApiSupport.Culture, ct)).ToResult(TypedResults.Ok);
        }).WithName("ListOutreach").Requires(Permission.ReadPersonalData);
        outreach.MapPost("/{id:guid}/close", async (Guid id, HttpContext http, Outreach tasks, CancellationToken ct) =>
        {
            var (input, errors) = await Himaya.Platform.Json.ReadAsync<CloseOutreachRequest>(http.Request, ct);
            if (errors is not null) return errors.ToProblem();
            return (await tasks.CloseAsync(http.Caller(), id, input!, ApiSupport.Culture, ct)).ToResult(TypedResults.Ok);
        }).JsonBody<CloseOutreachRequest>().WithName("CloseOutreach").Requires(Permission.WriteRegistry);
        group.MapGet("/children", async (HttpContext http, MostDeprived list, [FromQuery] string? ageGroup, [FromQuery] string? k, [FromQuery] string? district,
            [FromQuery] string? page, [FromQuery] string? pageSize, [FromQuery] string? framework, [FromQuery] string? version, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var q = ParseList(e, ageGroup, k, district, page, pageSize) with { Framework = framework, Version = version };
            if (!e.IsEmpty) return e.ToProblem();
            return (await list.ListAsync(http.Caller(), q, ApiSupport.Culture, ct)).ToResult(TypedResults.Ok);
        }).WithName("MostDeprivedChildren").Requires(Permission.ReadPersonalData);
        group.MapGet("/children/export", async (HttpContext http, MostDeprived list, [FromQuery] string? ageGroup, [FromQuery] string? k, [FromQuery] string? district,
            [FromQuery] string? framework, [FromQuery] string? version, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var q = ParseList(e, ageGroup, k, district, null, null) with { Framework = framework, Version = version };
            if (!e.IsEmpty) return e.ToProblem();
            return (await list.ExportAsync(http.Caller(), q, ct)).ToResult(bytes => TypedResults.File(bytes, "text/csv; charset=utf-8", "most-deprived-children.csv"));
        }).WithName("ExportMostDeprivedChildren").Requires(Permission.ReadPersonalData);
        return api;
    }

    internal static MostDeprivedQuery ParseList(FieldErrors e, string? ageGroup, string? k, string? district, string? page, string? pageSize) => new(
        string.IsNullOrWhiteSpace(ageGroup) ? null : ageGroup.Trim(), QueryParse.Int(e, "k", k), string.IsNullOrWhiteSpace(district) ? null : district.Trim(),
        QueryParse.Int(e, "page", page) ?? 1, QueryParse.Int(e, "pageSize", pageSize) ?? 50);

    /// <summary>Query values as text, so that a wrong one is a named field error.</summary>
    internal static AnalysisRequest Parse(FieldErrors e, string? ageGroup, string? by, string? k)
    {
        var ks = new List<double>();
        foreach (var part in (k ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) ks.Add(x);
            else { e.Add(DeprivationErrors.CutOffNotANumber(part)); break; }
        }
        return new AnalysisRequest(string.IsNullOrWhiteSpace(ageGroup) ? null : ageGroup.Trim(),
            [.. (by ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)], ks);
    }

    private static int[]? Venn(RegistryAnalysisResult r, string[] names)
    {
        if (names.Length != 3) return null;
        var indexes = names.Select(n => r.Result.Dimensions.ToList().IndexOf(n)).ToArray();
        return indexes.Contains(-1) ? null : indexes;
    }

    /// <summary>The same JSON as `himaya moda`, plus what produced it.</summary>
    public static byte[] Json(RegistryAnalysisResult r, int[]? venn = null)
    {
        using var ms = new MemoryStream();
        ResultWriters.WriteJson(r.Result, ms, indented: false, venn: venn, extra: w =>
        {
            w.WriteStartObject("source");
            w.WriteString("data", "registry");
            w.WriteString("framework", r.Framework.Id);
            w.WriteString("version", r.Framework.Version);
            w.WriteString("ageGroup", r.AgeGroup.Id);
            w.WriteString("asOf", r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("dataAsOf", DateTime.SpecifyKind(r.DataAsOf, DateTimeKind.Utc));
            w.WriteString("scope", r.Scope);
            w.WriteNumber("minCell", r.MinCell);
            w.WriteNumber("elapsedMs", Math.Round(r.Elapsed.TotalMilliseconds));
            w.WriteEndObject();
        });
        return ms.ToArray();
    }

    public static byte[] Csv(RegistryAnalysisResult r)
    {
        using var ms = new MemoryStream();
        using (var w = new StreamWriter(ms, new UTF8Encoding(false), leaveOpen: true))
        {
            // What produced the numbers, as comment lines a spreadsheet shows above the table.
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"# framework {r.Framework.Id} version {r.Framework.Version}; age group {r.AgeGroup.Id}; ages at {r.AsOf:yyyy-MM-dd}; registry as of {r.DataAsOf:yyyy-MM-dd HH:mm} UTC; scope {r.Scope}; missing data: {r.AgeGroup.Framework.MissingText}; cells under {r.MinCell} children suppressed\n"));
            ResultWriters.WriteCsv(r.Result, w);
        }
        return ms.ToArray();
    }

    private static object Describe(RegistryFramework f) => new
    {
        id = f.Id,
        version = f.Version,
        ageGroups = f.AgeGroups.Select(g => new
        {
            id = g.Id, minAge = g.MinAge, maxAge = g.MaxAge,
            missing = g.Framework.Missing == MissingRule.Drop ? "drop" : "observed",
            dimensions = g.Framework.Dimensions.Select((d, i) => new
            {
                name = d.Name, weight = g.Framework.NormalisedWeights[i], aggregation = d.Aggregation.ToString().ToLowerInvariant(),
                indicators = d.Indicators.Select(id => f.Indicator(id) is { } ind ? new { id, minAge = ind.MinAge, maxAge = ind.MaxAge } : null),
            }),
        }),
    };
}
