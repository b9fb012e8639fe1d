using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Registry;

public static class RegistryApi
{
    public static RouteGroupBuilder MapRegistryApi(this RouteGroupBuilder api)
    {
        var children = api.MapGroup("/children").WithTags("Children");
        children.MapGet("/", SearchAsync).WithName("SearchChildren").Requires(Permission.ReadPersonalData);
        children.MapGet("/export", ExportAsync).WithName("ExportChildren").Requires(Permission.ReadPersonalData);
        children.MapPost("/", CreateAsync).JsonBody<ChildInput>().WithName("CreateChild").Requires(Permission.WriteRegistry);
        children.MapPost("/matches", MatchesAsync).JsonBody<ChildInput>().WithName("FindExistingMatches").Requires(Permission.WriteRegistry);
        children.MapGet("/{id:guid}", GetAsync).WithName("GetChild").Requires(Permission.ReadPersonalData);
        children.MapPut("/{id:guid}", UpdateAsync).JsonBody<ChildInput>().WithName("UpdateChild").Requires(Permission.WriteRegistry);
        children.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteChild").Requires(Permission.DeleteRegistry);
        children.MapGet("/{id:guid}/history", HistoryAsync).WithName("ChildHistory").Requires(Permission.ReadPersonalData);
        children.MapGet("/{id:guid}/access", AccessAsync).WithName("ChildAccessLog").Requires(Permission.ReadPersonalData);

        var households = api.MapGroup("/households").WithTags("Households");
        households.MapGet("/", ListHouseholdsAsync).WithName("ListHouseholds").Requires(Permission.ReadPersonalData);
        households.MapPost("/", CreateHouseholdAsync).JsonBody<HouseholdInput>().WithName("CreateHousehold").Requires(Permission.WriteRegistry);
        households.MapGet("/{id:guid}", GetHouseholdAsync).WithName("GetHousehold").Requires(Permission.ReadPersonalData);
        households.MapPut("/{id:guid}", UpdateHouseholdAsync).JsonBody<HouseholdInput>().WithName("UpdateHousehold").Requires(Permission.WriteRegistry);
        households.MapDelete("/{id:guid}", async (Guid id, HttpContext http, HouseholdRecords records, CancellationToken ct) =>
            (await records.DeleteAsync(http.Caller(), id, ct)).ToResult(_ => TypedResults.NoContent())).WithName("DeleteHousehold").Requires(Permission.DeleteRegistry);

        api.MapGet("/districts", (AdminUnits units) => units.All.OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new DistrictView(u.Code, u.NameAz, u.NameEn, u.Kind, u.ParentCode, u.IsLeafDistrict))).WithTags("Reference").WithName("ListDistricts").Requires(Permission.ViewAggregates);
        return api;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, SearchChildren search,
        [FromQuery] string? q, [FromQuery] string? district, [FromQuery] string? sex, [FromQuery] string? ageMin, [FromQuery] string? ageMax,
        [FromQuery] string? disability, [FromQuery] string? care, [FromQuery] string? page, [FromQuery] string? pageSize, [FromQuery] string? sort, CancellationToken ct)
    {
        // Query values arrive as text so that a wrong type is a named field error, not a bare 400.
        var e = new FieldErrors();
        var s = ParseSearch(e, q, district, sex, ageMin, ageMax, disability, care, page, pageSize, sort);
        if (!e.IsEmpty) return e.ToProblem();
        return (await search.RunAsync(http.Caller(), s, ApiSupport.Culture, ct)).ToResult(TypedResults.Ok);
    }

    private static async Task<IResult> ExportAsync(HttpContext http, ExportChildren export,
        [FromQuery] string? q, [FromQuery] string? district, [FromQuery] string? sex, [FromQuery] string? ageMin, [FromQuery] string? ageMax,
        [FromQuery] string? disability, [FromQuery] string? care, CancellationToken ct)
    {
        var e = new FieldErrors();
        var s = ParseSearch(e, q, district, sex, ageMin, ageMax, disability, care, null, null, null);
        if (!e.IsEmpty) return e.ToProblem();
        return (await export.RunAsync(http.Caller(), s, ct)).ToResult(bytes => TypedResults.File(bytes, "text/csv; charset=utf-8", "children.csv"));
    }

    internal static ChildSearch ParseSearch(FieldErrors e, string? q, string? district, string? sex, string? ageMin, string? ageMax,
        string? disability, string? care, string? page, string? pageSize, string? sort) => new()
    {
        Q = q, District = district, Sort = sort,
        Sex = QueryParse.Enum<Sex>(e, "sex", sex), AgeMin = QueryParse.Int(e, "ageMin", ageMin), AgeMax = QueryParse.Int(e, "ageMax", ageMax),
        Disability = QueryParse.Bool(e, "disability", disability), Care = QueryParse.Enum<CareArrangement>(e, "care", care),
        Page = QueryParse.Int(e, "page", page) ?? 1, PageSize = QueryParse.Int(e, "pageSize", pageSize) ?? 20,
    };

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ChildRecords records, AdminUnits units, TimeProvider clock, CancellationToken ct) =>
        (await records.GetAsync(http.Caller(), id, ct)).ToResult(c => TypedResults.Ok(ChildMapping.ToDto(c, units, Today(clock), ApiSupport.Culture)));

    private static async Task<IResult> CreateAsync(HttpContext http, ChildRecords records, AdminUnits units, TimeProvider clock, CancellationToken ct)
    {
        var (input, errors) = await Json.ReadAsync<ChildInput>(http.Request, ct);
        if (errors is not null) return errors.ToProblem();
        return (await records.CreateAsync(http.Caller(), input!, ct)).ToResult(c =>
            TypedResults.Created($"/api/v1/children/{c.Id}", ChildMapping.ToDto(c, units, Today(clock), ApiSupport.Culture)));
    }

    /// <summary>Before registering: probable existing records of this child (same body as POST /children).</summary>
    private static async Task<IResult> MatchesAsync(HttpContext http, IntakeMatching matching, CancellationToken ct)
    {
        var (input, errors) = await Json.ReadAsync<ChildInput>(http.Request, ct);
        if (errors is not null) return errors.ToProblem();
        return (await matching.FindAsync(http.Caller(), input!, ApiSupport.Culture, ct)).ToResult(m => TypedResults.Ok(m));
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, ChildRecords records, AdminUnits units, TimeProvider clock, CancellationToken ct)
    {
        var (input, errors) = await Json.ReadAsync<ChildInput>(http.Request, ct);
        if (errors is not null) return errors.ToProblem();
        return (await records.UpdateAsync(http.Caller(), id, input!, ct)).ToResult(c => TypedResults.Ok(ChildMapping.ToDto(c, units, Today(clock), ApiSupport.Culture)));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, ChildRecords records, CancellationToken ct) =>
        (await records.DeleteAsync(http.Caller(), id, ct)).ToResult(_ => TypedResults.NoContent());

    private static async Task<IResult> HistoryAsync(Guid id, HttpContext http, ChildRecords records, CancellationToken ct)
    {
        var found = await records.GetAsync(http.Caller(), id, ct);
        if (found is not Outcome<Child>.Ok) return found.ToResult(_ => TypedResults.Ok());
        var history = await records.HistoryAsync(id, ct);
        return TypedResults.Ok(history.Select(h => new { h.At, h.UserName, h.Action, Changes = RecordHistory.Read(h) }));
    }

    /// <summary>Who has accessed the record: the same list the child's page shows.</summary>
    private static async Task<IResult> AccessAsync(Guid id, HttpContext http, ChildRecords records, CancellationToken ct)
    {
        var found = await records.GetAsync(http.Caller(), id, ct);
        if (found is not Outcome<Child>.Ok) return found.ToResult(_ => TypedResults.Ok());
        var log = await records.AccessLogAsync(id, ct);
        return TypedResults.Ok(log.Select(a => new { a.At, a.UserName, a.Roles, a.Action, a.Succeeded }));
    }

    private static async Task<IResult> ListHouseholdsAsync(HttpContext http, HouseholdRecords records, [FromQuery] string? district, [FromQuery] string? page, [FromQuery] string? pageSize, CancellationToken ct)
    {
        var e = new FieldErrors();
        var p = QueryParse.Int(e, "page", page) ?? 1;
        var size = QueryParse.Int(e, "pageSize", pageSize) ?? 20;
        if (!e.IsEmpty) return e.ToProblem();
        return (await records.ListAsync(http.Caller(), district, p, size, ApiSupport.Culture, ct)).ToResult(TypedResults.Ok);
    }

    private static async Task<IResult> GetHouseholdAsync(Guid id, HttpContext http, HouseholdRecords records, CancellationToken ct) =>
        (await records.GetAsync(http.Caller(), id, ApiSupport.Culture, ct)).ToResult(TypedResults.Ok);

    private static async Task<IResult> CreateHouseholdAsync(HttpContext http, HouseholdRecords records, CancellationToken ct)
    {
        var (input, errors) = await Json.ReadAsync<HouseholdInput>(http.Request, ct);
        if (errors is not null) return errors.ToProblem();
        return (await records.CreateAsync(http.Caller(), input!, ApiSupport.Culture, ct)).ToResult(h => TypedResults.Created($"/api/v1/households/{h.Id}", h));
    }

    private static async Task<IResult> UpdateHouseholdAsync(Guid id, HttpContext http, HouseholdRecords records, CancellationToken ct)
    {
        var (input, errors) = await Json.ReadAsync<HouseholdInput>(http.Request, ct);
        if (errors is not null) return errors.ToProblem();
        return (await records.UpdateAsync(http.Caller(), id, input!, ApiSupport.Culture, ct)).ToResult(TypedResults.Ok);
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

/// <summary>One administrative unit as <c>GET /api/v1/districts</c> lists it.</summary>
public sealed record DistrictView(string Code, string NameAz, string NameEn, string Kind, string? ParentCode, bool IsLeafDistrict);
