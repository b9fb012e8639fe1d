using Himaya.Infrastructure;

namespace Himaya.Cli;

/// <summary>Placeholder until the synthetic population generator lands (same session).</summary>
internal static class SeedVerb
{
    public static Task<int> RunAsync(string[] args, DatabaseOptions db)
    {
        Console.Error.WriteLine("seed: not implemented yet");
        return Task.FromResult(2);
    }
}
