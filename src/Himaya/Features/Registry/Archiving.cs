using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Registry;

/// <summary>A registry record that is archived rather than erased.</summary>
public interface IArchivable
{
    DateTime? DeletedAt { get; set; }
    int Version { get; set; }
}

internal static class Archiving
{
    /// <summary>
    /// Archives a tracked record: history line, version bump and audit line in one transaction. Archived, not erased:
    /// history and audit keep pointing at a record that still exists.
    /// </summary>
    public static async Task<Outcome<bool>> ArchiveAsync(AppDbContext db, AuditLog audit, CurrentUser user, IArchivable record,
        string entityType, Guid id, DateTime now, CancellationToken ct)
    {
        record.DeletedAt = now;
        record.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.RecordChanges.Add(new RecordChange { EntityType = entityType, EntityId = id, At = now, UserId = user.Id, UserName = user.UserName, Action = AuditActions.Delete });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<bool>.Refused(RegistryErrors.ArchivedAtSameMoment());
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Delete, entityType, ChildRecords.Id(id)), ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
