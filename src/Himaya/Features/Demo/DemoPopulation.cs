namespace Himaya.Features.Demo;

/// <summary>Placeholder until the synthetic population generator lands (same session).</summary>
internal static class DemoPopulation
{
    public static Task SeedAsync(IServiceProvider sp, int children, int seed, CancellationToken ct) => Task.CompletedTask;
}
