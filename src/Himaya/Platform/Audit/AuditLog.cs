using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Himaya.Platform;

public sealed record AuditEvent(string Action, string? EntityType = null, string? EntityId = null, string? Detail = null, bool Succeeded = true);

public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenId, string? Problem, string? LastHash);

/// <summary>One audit line before it joins the chain: who, from where, and what.</summary>
public sealed record AuditLine(int? UserId, string UserName, string Roles, string? IpAddress, AuditEvent Event);

/// <summary>
/// The only writer of the audit trail. Entries get consecutive ids and a SHA-256 chain; appends are serialised
/// by the database (PostgreSQL advisory lock, SQLite's single writer) so the chain never forks, and they join
/// the caller's transaction when there is one, so a rolled-back change leaves no audit line claiming it happened.
/// Lines outside any transaction of the caller (reads, searches, refusals: most requests) go through the
/// <see cref="AuditWriter"/> when the host has one, which commits the lines of concurrent requests together;
/// the caller still returns only once its line is committed.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock, AuditWriter? writer = null)
{
    private const long AdvisoryLockKey = 0x48494d415941; // "HIMAYA"

    public Task RecordAsync(CurrentUser? user, AuditEvent e, CancellationToken ct = default) =>
        AppendAsync(user?.Id, user?.UserName ?? "", user?.RolesText ?? "", user?.IpAddress, [e], ct);

    public Task RecordAsync(CurrentUser? user, IReadOnlyList<AuditEvent> events, CancellationToken ct = default) =>
        AppendAsync(user?.Id, user?.UserName ?? "", user?.RolesText ?? "", user?.IpAddress, events, ct);

    public Task AppendAsync(int? userId, string userName, string roles, string? ip, IReadOnlyList<AuditEvent> events, CancellationToken ct = default)
    {
        if (events.Count == 0) return Task.CompletedTask;
        var lines = events.Select(e => new AuditLine(userId, userName, roles, ip, e)).ToList();
        // Inline when the lines must share the caller's fate: its open transaction, or changes it has made but not saved
        // (saved together with the lines, as one transaction). SQLite (one writer, one small office) keeps appending
        // inline: its lock is the file's, and a second connection would only queue behind the request's own.
        if (writer is null || !db.Database.IsNpgsql() || db.Database.CurrentTransaction is not null || db.ChangeTracker.HasChanges())
            return WriteAsync(db, clock, lines, ct);
        return writer.AppendAsync(lines);
    }

    /// <summary>Appends <paramref name="lines"/> to the chain in <paramref name="context"/>'s transaction, or in one of its own.</summary>
    internal static async Task WriteAsync(AppDbContext context, TimeProvider clock, IReadOnlyList<AuditLine> lines, CancellationToken ct)
    {
        var own = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var (id, prev) = await LockAndReadLastAsync(context, ct);
            var at = TruncateToMilliseconds(clock.GetUtcNow().UtcDateTime);
            foreach (var line in lines)
            {
                var e = line.Event;
                var entry = new AuditEntry
                {
                    Id = ++id, At = at, UserId = line.UserId, UserName = line.UserName, Roles = line.Roles,
                    Action = e.Action, EntityType = e.EntityType, EntityId = e.EntityId,
                    Detail = e.Detail is { Length: > 4000 } d ? d[..4000] : e.Detail,
                    IpAddress = line.IpAddress, Succeeded = e.Succeeded, PreviousHash = prev,
                };
                entry.Hash = ComputeHash(entry);
                prev = entry.Hash;
                context.AuditEntries.Add(entry);
            }
            // Every append holds the one lock until commit, so each round trip inside it counts: no savepoint around
            // this insert (if it fails, the whole transaction is rolled back anyway).
            var savepoints = context.Database.AutoSavepointsEnabled;
            context.Database.AutoSavepointsEnabled = false;
            try { await context.SaveChangesAsync(ct); }
            finally { context.Database.AutoSavepointsEnabled = savepoints; }
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
    private static async Task<(long Id, string Hash)> LockAndReadLastAsync(AppDbContext context, CancellationToken ct)
    {
        if (!context.Database.IsNpgsql())
        {
            var last = await context.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(ct);
            return (last?.Id ?? 0, last?.Hash ?? "");
        }
        await using var cmd = context.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = context.Database.CurrentTransaction!.GetDbTransaction();
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
