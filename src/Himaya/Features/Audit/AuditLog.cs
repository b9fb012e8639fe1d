using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Himaya.Features.Identity;
using Himaya.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Himaya.Features.Audit;

public sealed record AuditEvent(string Action, string? EntityType = null, string? EntityId = null, string? Detail = null, bool Succeeded = true);

public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenId, string? Problem, string? LastHash);

/// <summary>
/// The only writer of the audit trail. Entries get consecutive ids and a SHA-256 chain; appends are serialised
/// by the database (PostgreSQL advisory lock, SQLite's single writer) so the chain never forks, and they join
/// the caller's transaction when there is one, so a rolled-back change leaves no audit line claiming it happened.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    private const long AdvisoryLockKey = 0x48494d415941; // "HIMAYA"

    public Task RecordAsync(CurrentUser? user, AuditEvent e, CancellationToken ct = default) =>
        AppendAsync(user?.Id, user?.UserName ?? "", user?.RolesText ?? "", user?.IpAddress, [e], ct);

    public Task RecordAsync(CurrentUser? user, IReadOnlyList<AuditEvent> events, CancellationToken ct = default) =>
        AppendAsync(user?.Id, user?.UserName ?? "", user?.RolesText ?? "", user?.IpAddress, events, ct);

    public async Task AppendAsync(int? userId, string userName, string roles, string? ip, IReadOnlyList<AuditEvent> events, CancellationToken ct = default)
    {
        if (events.Count == 0) return;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var (id, prev) = await LockAndReadLastAsync(ct);
            var at = TruncateToMilliseconds(clock.GetUtcNow().UtcDateTime);
            foreach (var e in events)
            {
                var entry = new AuditEntry
                {
                    Id = ++id, At = at, UserId = userId, UserName = userName, Roles = roles,
                    Action = e.Action, EntityType = e.EntityType, EntityId = e.EntityId,
                    Detail = e.Detail is { Length: > 4000 } d ? d[..4000] : e.Detail,
                    IpAddress = ip, Succeeded = e.Succeeded, PreviousHash = prev,
                };
                entry.Hash = ComputeHash(entry);
                prev = entry.Hash;
                db.AuditEntries.Add(entry);
            }
            // Every request appends under the one lock, held until commit, so each round trip inside it counts: no
            // savepoint around this insert (if it fails, the whole transaction is rolled back anyway).
            var savepoints = db.Database.AutoSavepointsEnabled;
            db.Database.AutoSavepointsEnabled = false;
            try { await db.SaveChangesAsync(ct); }
            finally { db.Database.AutoSavepointsEnabled = savepoints; }
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>
    /// Takes the chain's lock (PostgreSQL: a transaction-scoped advisory lock; SQLite serialises writers itself) and
    /// reads the last entry, in one round trip on PostgreSQL.
    /// </summary>
    private async Task<(long Id, string Hash)> LockAndReadLastAsync(CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(ct);
            return (last?.Id ?? 0, last?.Hash ?? "");
        }
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = $"SELECT pg_advisory_xact_lock({AdvisoryLockKey}); SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, "");
    }

    /// <summary>Walks the whole chain in id order; reports the first entry whose hash, link or id sequence is wrong.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        long expectedId = 1, count = 0;
        var prev = "";
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Id != expectedId)
                return new(false, count, expectedId, $"Entry {expectedId} is missing (next present is {e.Id}).", prev);
            if (e.PreviousHash != prev)
                return new(false, count, e.Id, $"Entry {e.Id} does not link to the entry before it.", prev);
            if (ComputeHash(e) != e.Hash)
                return new(false, count, e.Id, $"Entry {e.Id} was altered after it was written.", prev);
            prev = e.Hash;
            expectedId++;
            count++;
        }
        return new(true, count, null, null, prev);
    }

    /// <summary>Verifies the chain and records that it was verified, and with what result.</summary>
    public async Task<AuditVerification> VerifyAndRecordAsync(CurrentUser user, CancellationToken ct = default)
    {
        var result = await VerifyAsync(ct);
        await RecordAsync(user, new AuditEvent(AuditActions.Verify, "audit", Detail: result.Intact ? $"intact; {result.EntriesChecked} entries" : $"BROKEN at {result.FirstBrokenId}"), ct);
        return result;
    }

    public static string ComputeHash(AuditEntry e)
    {
        var canonical = string.Join('\u001f',
            e.Id.ToString(CultureInfo.InvariantCulture),
            e.At.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture),
            e.UserId?.ToString(CultureInfo.InvariantCulture) ?? "",
            e.UserName, e.Roles, e.Action, e.EntityType ?? "", e.EntityId ?? "", e.Detail ?? "", e.IpAddress ?? "",
            e.Succeeded ? "1" : "0", e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static DateTime TruncateToMilliseconds(DateTime t) =>
        new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
