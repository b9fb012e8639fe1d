using Himaya.Platform;
using Himaya.Features.Registry;

namespace Himaya.Features.Cases;

/// <summary>Small rules the case use cases share.</summary>
internal static class CaseRules
{
    /// <summary>A text field: required or not, and at most <paramref name="max"/> characters.</summary>
    public static void Text(FieldErrors e, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) e.Add(PlatformErrors.Required(field)); }
        else if (value.Length > max) e.Add(PlatformErrors.TooLong(field, max));
    }

    /// <summary>
    /// Keeps the child's care arrangement in the registry in step with the case (placement, reunification, detention),
    /// as a change in the child's history.
    /// </summary>
    public static void SetCareArrangement(AppDbContext db, Child child, CareArrangement to, CurrentUser user, DateTime now)
    {
        if (child.CareArrangement == to) return;
        db.RecordChanges.Add(RecordHistory.Diff(ChildRecords.EntityType, child.Id, "update", new Dictionary<string, string?> { ["careArrangement"] = child.CareArrangement.ToString() },
            new Dictionary<string, string?> { ["careArrangement"] = to.ToString() }, user, now));
        (child.CareArrangement, child.UpdatedAt) = (to, now);
        child.Version++;
    }
}
