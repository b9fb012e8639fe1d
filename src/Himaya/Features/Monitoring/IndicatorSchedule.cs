using Himaya.Platform;
using Microsoft.Extensions.Options;

namespace Himaya.Features.Monitoring;

public sealed class MonitoringOptions
{
    /// <summary>The hour of the day (Asia/Baku) at which the computed indicators are stored again; null stops the schedule.</summary>
    public int? ComputeAtHour { get; set; } = 2;
}

/// <summary>
/// Stores the computed indicators once a day at <see cref="MonitoringOptions.ComputeAtHour"/> (Baku time), so the
/// figures follow the registry without anyone asking. A failed run is logged and tried again the next day. With several
/// app instances on one database, one runs it: each claims the day's run (<see cref="JobLease"/>), one succeeds.
/// </summary>
public sealed class IndicatorSchedule(IServiceScopeFactory scopes, IOptions<MonitoringOptions> options, TimeProvider clock, ILogger<IndicatorSchedule> log) : BackgroundService
{
    private static readonly TimeZoneInfo Baku = TimeZoneInfo.FindSystemTimeZoneById("Asia/Baku");

    /// <summary>How long from <paramref name="now"/> to the next <paramref name="hour"/> o'clock in Baku.</summary>
    public static TimeSpan UntilNext(DateTimeOffset now, int hour)
    {
        var local = TimeZoneInfo.ConvertTime(now, Baku);
        var next = new DateTimeOffset(local.Date.AddHours(hour), local.Offset);
        if (next <= local) next = next.AddDays(1);
        return next - local;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ComputeAtHour is not { } hour || hour is < 0 or > 23) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(UntilNext(clock.GetUtcNow(), hour), clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
            try { await RunOnceAsync(clock.GetUtcNow(), stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The scheduled computation of indicators failed; it runs again tomorrow.");
            }
        }
    }

    public const string Job = "compute-indicators";

    /// <summary>The day's run, if this instance is the one to claim it (the slot is the Baku date): true when it ran here.</summary>
    public async Task<bool> RunOnceAsync(DateTimeOffset now, CancellationToken ct)
    {
        var day = TimeZoneInfo.ConvertTime(now, Baku).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<JobLease>().TryClaimAsync(Job, day, ct))
        {
            log.LogInformation("Computed indicators for {Day}: another instance runs them.", day);
            return false;
        }
        var done = await scope.ServiceProvider.GetRequiredService<ComputedIndicators>().ComputeOnScheduleAsync(ct);
        log.LogInformation("Computed indicators stored: {Indicators}", string.Join(", ", done.Select(d => $"{d.Code} ({d.Values})")));
        return true;
    }
}
