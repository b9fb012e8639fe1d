using System.Text.Json;
using Himaya.Features.Identity;

namespace Himaya.Features.Registry;

internal static class RecordHistory
{
    public sealed record FieldChange(string Field, string? From, string? To);

    public static RecordChange Diff(string entityType, Guid id, string action, IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after, CurrentUser user, DateTime at)
    {
        var changes = after.Keys.Union(before.Keys)
            .Where(k => !string.Equals(before.GetValueOrDefault(k), after.GetValueOrDefault(k), StringComparison.Ordinal))
            .Select(k => new FieldChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .ToList();
        return new RecordChange
        {
            EntityType = entityType, EntityId = id, At = at, UserId = user.Id, UserName = user.UserName, Action = action,
            Changes = JsonSerializer.Serialize(changes, Infrastructure.Json.Options),
        };
    }

    public static IReadOnlyList<FieldChange> Read(RecordChange change) =>
        JsonSerializer.Deserialize<List<FieldChange>>(change.Changes, Infrastructure.Json.Options) ?? [];
}
