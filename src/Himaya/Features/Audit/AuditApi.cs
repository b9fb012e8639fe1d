using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Audit;

public sealed record AuditQuery(string? User, string? Action, string? EntityType, string? EntityId, DateTime? From, DateTime? To, long? BeforeId, int PageSize);

public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/", BrowseAsync).WithName("BrowseAudit").Requires(Permission.ReadAudit);
        audit.MapPost("/verify", VerifyAsync).WithName("VerifyAudit").Requires(Permission.ReadAudit);
    }

    public static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> q, AuditQuery a)
    {
        if (a.User is { Length: > 0 }) q = q.Where(e => e.UserName == a.User);
        if (a.Action is { Length: > 0 }) q = q.Where(e => e.Action == a.Action);
        if (a.EntityType is { Length: > 0 }) q = q.Where(e => e.EntityType == a.EntityType);
        if (a.EntityId is { Length: > 0 }) q = q.Where(e => e.EntityId == a.EntityId);
        if (a.From is { } from) q = q.Where(e => e.At >= from);
        if (a.To is { } to) q = q.Where(e => e.At < to);
        if (a.BeforeId is { } before) q = q.Where(e => e.Id < before);
        return q.OrderByDescending(e => e.Id).Take(a.PageSize);
    }

    private static async Task<IResult> BrowseAsync(HttpContext http, AppDbContext db, AuditLog log,
        [FromQuery] string? user, [FromQuery] string? action, [FromQuery] string? entityType, [FromQuery] string? entityId,
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? beforeId, [FromQuery] string? pageSize, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!caller.Can(Permission.ReadAudit)) return TypedResults.Problem(statusCode: 403, title: "Only auditors and administrators read the audit trail.");
        var e = new FieldErrors();
        var size = Long(e, "pageSize", pageSize) ?? 50;
        if (size is < 1 or > 500) e.Add(PlatformErrors.PageSize("pageSize", 500));
        var q = new AuditQuery(user, action, entityType, entityId, Date(e, "from", from), Date(e, "to", to), Long(e, "beforeId", beforeId), (int)Math.Clamp(size, 1, 500));
        if (!e.IsEmpty) return e.ToProblem();
        var items = await Filter(db.AuditEntries.AsNoTracking(), q).ToListAsync(ct);
        await log.RecordAsync(caller, new AuditEvent(AuditActions.Read, "audit", Detail: $"browse; returned={items.Count}"), ct);
        return TypedResults.Ok(new { items, nextBeforeId = items.Count == q.PageSize ? items[^1].Id : (long?)null });
    }

    private static async Task<IResult> VerifyAsync(HttpContext http, AuditLog log, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!caller.Can(Permission.ReadAudit)) return TypedResults.Problem(statusCode: 403, title: "Only auditors and administrators verify the audit trail.");
        var result = await log.VerifyAndRecordAsync(caller, ct);
        return TypedResults.Ok(new { intact = result.Intact, entriesChecked = result.EntriesChecked, firstBrokenId = result.FirstBrokenId, problem = result.Problem, lastHash = result.LastHash });
    }

    private static DateTime? Date(FieldErrors e, string field, string? v)
    {
        if (string.IsNullOrWhiteSpace(v)) return null;
        if (DateTime.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var d)) return d;
        e.Add(AuditErrors.NotADateTime(field));
        return null;
    }

    private static long? Long(FieldErrors e, string field, string? v)
    {
        if (string.IsNullOrWhiteSpace(v)) return null;
        if (long.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        e.Add(PlatformErrors.WholeNumber(field));
        return null;
    }
}
