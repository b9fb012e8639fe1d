namespace Himaya.Features.Linkage;

/// <summary>Wakes the import worker when a file has been queued (instead of it waiting for its next look).</summary>
public sealed class ImportQueue
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        // At most one pending wake-up: the worker takes every waiting import each time it looks.
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Applies large imports in the background, one at a time: on start (so an import cut short by a restart resumes),
/// when woken, and every half minute (to take over an import whose worker died with its lease). Each import is
/// applied in its own scope, as the user who sent it.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, ILogger<ImportWorker> log) : BackgroundService
{
    private static readonly TimeSpan Look = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hosted services start in order: StartupTasks (schema, demo data) has finished before this runs.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPendingAsync(stoppingToken);
                await queue.WaitAsync(Look, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The import keeps its file and lease; it is tried again when the lease runs out (a few times at most).
                log.LogError(e, "Background import failed");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RunPendingAsync(CancellationToken ct)
    {
        List<Guid> pending;
        using (var scope = scopes.CreateScope())
        {
            pending = await scope.ServiceProvider.GetRequiredService<ImportRunner>().PendingAsync(ct);
        }
        foreach (var id in pending)
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ImportRunner>().ContinueAsync(id, ct);
        }
    }
}
