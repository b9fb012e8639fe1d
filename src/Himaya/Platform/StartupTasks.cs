using Microsoft.Extensions.Options;

namespace Himaya.Platform;

/// <summary>Before the app serves anything: bring the schema up to date, load the administrative units, then the modules' own start-up tasks (the demo's seeding).</summary>
public sealed partial class StartupTasks(IServiceProvider services, IOptions<DatabaseOptions> dbOptions, IEnumerable<IStartupTask> tasks, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        // Create the data-protection key now, on one thread: on a fresh installation the first requests would
        // otherwise race to create it, and a form or cookie protected with one key could fail to open with the other.
        services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("Himaya.Startup").Protect("warm-up"u8.ToArray());
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var applied = await SchemaMigrator.MigrateAsync(db, dbOptions.Value.Provider, ct: ct);
        if (applied.Count > 0) LogMigrated(logger, string.Join(", ", applied));
        await AdminUnitLoader.EnsureLoadedAsync(db, ct);
        await scope.ServiceProvider.GetRequiredService<AdminUnits>().ReloadAsync(db, ct);
        foreach (var task in tasks) await task.RunAsync(scope.ServiceProvider, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migrations: {Scripts}")]
    private static partial void LogMigrated(ILogger logger, string scripts);
}
