using Himaya.Platform;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Himaya.Bench;

/// <summary>
/// The app's own registrations (one composition list) over a bench's database, outside the web host: what every bench
/// verb measures or fills. <paramref name="settings"/> are the few configuration values a verb needs (demo off, a snapshot
/// age); <paramref name="keysPath"/> is a data-protection key ring shared with a running app.
/// </summary>
internal static class BenchProvider
{
    public static ServiceProvider Build(DatabaseOptions dbOptions, IEnumerable<KeyValuePair<string, string?>>? settings = null, string? keysPath = null,
        Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHimayaServices(configuration, new Lazy<DatabaseOptions>(dbOptions), HimayaModules.All, keysPath: keysPath);
        // Services that read the provider from the options (RegistryFactsCache) find it as the app binds it.
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(dbOptions));
        services.AddLogging();
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
