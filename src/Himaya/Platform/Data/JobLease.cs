using Microsoft.EntityFrameworkCore;

namespace Himaya.Platform;

/// <summary>One run of a scheduled job for one slot (a day, say): the instance that records it first runs it.</summary>
public sealed class JobRun
{
    public required string Job { get; set; }
    public required string Slot { get; set; }
    public DateTime ClaimedAt { get; set; }
    public required string Instance { get; set; }
}

/// <summary>
/// Background work that must run once across several app instances on one database: each instance tries to record the
/// job's run for the slot, and the primary key lets exactly one succeed; the others skip it. No clock agreement is
/// needed beyond naming the same slot, and a crashed run is not retried in the same slot (the job's next slot runs).
/// </summary>
public sealed class JobLease(AppDbContext db, TimeProvider clock)
{
    public static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<bool> TryClaimAsync(string job, string slot, CancellationToken ct)
    {
        db.Add(new JobRun { Job = job, Slot = slot, ClaimedAt = clock.GetUtcNow().UtcDateTime, Instance = Instance });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
