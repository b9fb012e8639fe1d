using Himaya.Features.Identity;
using Himaya.Platform;
using Microsoft.Extensions.Options;

namespace Himaya.Features.Demo;

public sealed class DemoOptions
{
    /// <summary>Seed demo users and children on first start. Forced off in Production.</summary>
    public bool Enabled { get; set; } = true;
    public int Children { get; set; } = 3000;
}

/// <summary>
/// The demo: users with known names, a generated population and a few cases, seeded at start-up outside Production.
/// Its users may sign in without a second factor until they enrol themselves (outside checks rely on that).
/// </summary>
public sealed class DemoModule : IModule
{
    public void AddServices(IServiceCollection s, IConfiguration configuration)
    {
        s.AddOptions<DemoOptions>().BindConfiguration("Demo");
        s.AddOptions<TwoFactorOptions>().Configure<IOptions<DemoOptions>, IHostEnvironment>((o, demo, env) =>
        {
            if (IsOn(demo.Value, env)) o.ExemptUntilEnrolled.UnionWith(DemoSeeder.Users.Select(u => u.UserName));
        });
        s.AddSingleton<IStartupTask, DemoSeeding>();
    }

    /// <summary>Demo users with known names must never exist in production, whatever the setting says.</summary>
    public static bool IsOn(DemoOptions demo, IHostEnvironment env) => demo.Enabled && !env.IsProduction();

    private sealed class DemoSeeding(IOptions<DemoOptions> demo, IHostEnvironment env) : IStartupTask
    {
        public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
            IsOn(demo.Value, env) ? DemoSeeder.EnsureSeededAsync(services, demo.Value.Children, ct) : Task.CompletedTask;
    }
}
