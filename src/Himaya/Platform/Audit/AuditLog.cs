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
/// by the database (PostgreSQL advisory lock, SQLite's single writer) so the chain never forks. Every call says which
/// unit its line belongs to, never inferred from the caller's state:
/// <list type="bullet">
/// <item><see cref="RecordAsync(CurrentUser?, AuditEvent, CancellationToken)"/> — a line of its own (reads, searches,
/// refusals: most requests), committed alone; on PostgreSQL through the <see cref="AuditWriter"/>, which commits the
/// lines of concurrent requests together. It never saves the caller's changes: with unsaved changes it throws, so a
/// refused edit can never be saved by the line that records its refusal.</item>
/// <item><see cref="RecordInTransactionAsync(CurrentUser?, AuditEvent, CancellationToken)"/> — part of the caller's open
/// transaction: committed or rolled back with the change it records.</item>
/// </list>
/// The caller returns only once its line is committed.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock, AuditWriter? writer = null)
{
    private const long AdvisoryLockKey = 0x48494d415941; // "HIMAYA"

    private enum Unit { Own, CallersTransaction }

    public Task RecordAsync(CurrentUser? user, AuditEvent e, CancellationToken ct = default) => AppendAsync(Lines(user, [e]), Unit.Own, ct);

    public Task RecordAsync(CurrentUser? user, IReadOnlyList<AuditEvent> events, CancellationToken ct = default) => AppendAsync(Lines(user, events), Unit.Own, ct);

    public Task RecordInTransactionAsync(CurrentUser? user, AuditEvent e, CancellationToken ct = default) =>
        AppendAsync(Lines(user, [e]), Unit.CallersTransaction, ct);

    /// <summary>A line for someone who is not (yet) a signed-in user: sign-in attempts, the command line.</summary>
    public Task RecordAsAsync(int? userId, string userName, string roles, string? ip, AuditEvent e, CancellationToken ct = default) =>
        AppendAsync([new AuditLine(userId, userName, roles, ip, e)], Unit.Own, ct);

    /// <summary><see cref="RecordAsAsync"/> inside the caller's open transaction.</summary>
    public Task RecordAsInTransactionAsync(int? userId, string userName, string roles, string? ip, AuditEvent e, CancellationToken ct = default) =>
        AppendAsync([new AuditLine(userId, userName, roles, ip, e)], Unit.CallersTransaction, ct);

    private static List<AuditLine> Lines(CurrentUser? user, IReadOnlyList<AuditEvent> events) =>
        [.. events.Select(e => new AuditLine(user?.Id, user?.UserName ?? "", user?.RolesText ?? "", user?.IpAddress, e))];

    private Task AppendAsync(IReadOnlyList<AuditLine> lines, Unit unit, CancellationToken ct)
    {
        if (lines.Count == 0) return Task.CompletedTask;
        var inTransaction = db.Database.CurrentTransaction is not null;
        switch (unit)
        {
            case Unit.CallersTransaction when !inTransaction:
                throw new InvalidOperationException("RecordInTransactionAsync: the caller has no open transaction.");
            case Unit.Own when inTransaction:
                throw new InvalidOperationException("RecordAsync is a line of its own, but the caller has an open transaction: use RecordInTransactionAsync.");
            case Unit.Own when db.ChangeTracker.HasChanges():
                throw new InvalidOperationException("RecordAsync would save the caller's unsaved changes: save them in a transaction and use RecordInTransactionAsync, or discard them first.");
            case Unit.Own when writer is not null && db.Database.IsNpgsql():
                return writer.AppendAsync(lines);
        }
        // SQLite (one writer, one small office) appends on the caller's context: its lock is the file's, and a second
        // connection would only queue behind the request's own. Nothing unsaved rides along: the checks above saw to it.
        return WriteAsync(db, clock, lines, ct);
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
