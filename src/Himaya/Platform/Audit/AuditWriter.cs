using System.Threading.Channels;

namespace Himaya.Platform;

/// <summary>
/// Group commit for the audit trail. Almost every request appends a line outside any transaction of its own (a read,
/// a search, a refusal), and every append takes the chain's one lock until its commit, so under load the requests
/// queued on that lock, each paying a transaction of its own. Here one loop takes every line waiting at that moment
/// and appends them in one transaction; each caller is answered when its line is committed (or with the error that
/// stopped it), so nothing is acknowledged before it is durable. Lines that must share a caller's transaction
/// never come here (<see cref="AuditLog.AppendAsync"/>).
/// </summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, TimeProvider clock) : IAsyncDisposable
{
    /// <summary>Most lines in one transaction (one multi-row INSERT per EF batch).</summary>
    private const int MaxLinesPerCommit = 500;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startGate = new();
    private Task? _loop;

    private sealed record Pending(IReadOnlyList<AuditLine> Lines, TaskCompletionSource Done);

    public Task AppendAsync(IReadOnlyList<AuditLine> lines)
    {
        var pending = new Pending(lines, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(AuditWriter), "The audit writer has stopped.");
        EnsureStarted();
        return pending.Done.Task;
    }

    private void EnsureStarted()
    {
        if (_loop is not null) return;
        lock (_startGate) _loop ??= Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>();
        var lines = new List<AuditLine>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            lines.Clear();
            while (lines.Count < MaxLinesPerCommit && _queue.Reader.TryRead(out var p))
            {
                batch.Add(p);
                lines.AddRange(p.Lines);
            }
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    await AuditLog.WriteAsync(db, clock, lines, CancellationToken.None);
                }
                foreach (var p in batch) p.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                // The callers see the failure as they would have seen their own append fail.
                foreach (var p in batch) p.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>Stops taking lines and waits until those already taken are written (host shutdown).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is { } loop) await loop;
    }
}
