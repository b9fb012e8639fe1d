using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Services;

/// <summary>The directory's writes: the change and its audit line in one transaction.</summary>
internal static class AuditedSave
{
    /// <summary>False when a unique value (a name) was taken meanwhile: nothing is kept and the tracker is cleared.</summary>
    public static async Task<bool> SaveAsync(AppDbContext db, AuditLog audit, CurrentUser user, Func<AuditEvent> line, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        await audit.RecordInTransactionAsync(user, line(), ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
