using System.Text.Json;
using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Registry;

internal static class RecordHistory
{
    public sealed record FieldChange(string Field, string? From, string? To);

    public static RecordChange Diff(string entityType, Guid id, string action, IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after, CurrentUser user, DateTime at)
    {
        var changes = after.Keys.Union(before.Keys)
            .Where(k => !string.Equals(Norm(before.GetValueOrDefault(k)), Norm(after.GetValueOrDefault(k)), StringComparison.Ordinal))
            .Select(k => new FieldChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .ToList();
        return new RecordChange
        {
            EntityType = entityType, EntityId = id, At = at, UserId = user.Id, UserName = user.UserName, Action = action,
            Changes = JsonSerializer.Serialize(changes, Json.Options),
        };
    }

    /// <summary>The newest 200 changes of one record (callers check that the user may see the record first).</summary>
    public static async Task<IReadOnlyList<RecordChange>> OfAsync(AppDbContext db, string entityType, Guid id, CancellationToken ct) =>
        await db.RecordChanges.AsNoTracking().Where(r => r.EntityType == entityType && r.EntityId == id).OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);

    // Empty and absent are the same to a reader of the history.
    private static string? Norm(string? s) => string.IsNullOrEmpty(s) ? null : s;

    public static IReadOnlyList<FieldChange> Read(RecordChange change) =>
        JsonSerializer.Deserialize<List<FieldChange>>(change.Changes, Json.Options) ?? [];
}
