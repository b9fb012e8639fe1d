using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Himaya.Platform;

/// <summary>Ready means: the database answers and holds the administrative units the app needs.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db, Himaya.Platform.AdminUnits units) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("database unreachable");
        return units.All.Count == 0 ? HealthCheckResult.Unhealthy("reference data not loaded yet") : HealthCheckResult.Healthy();
    }
}
