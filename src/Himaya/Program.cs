using Himaya.Cli;
using Himaya.Platform;

// One executable: the web app by default, or a command-line verb (seed, schema-script, bench, ...).
if (CliVerbs.IsVerb(args)) return await CliVerbs.RunAsync(args);

// No launchSettings.json: `dotnet run` would print "Using launch settings from ..." on standard output, ahead of what a
// verb prints there (e.g. the `moda` JSON). Instead: with no environment set, the app run from its own source tree's
// build output (`dotnet run`, Debug or Release) is Development, so the demo runs; anywhere else (a published copy) it is
// Production, so an installation that forgets to say gets no demo users.
if (Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null && Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is null
    && !args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase)) && RunFromSourceTree())
{
    args = [.. args, "--environment", Environments.Development];
}
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://localhost:5080");
builder.AddHimaya(Himaya.HimayaModules.All);
var app = builder.Build();
app.UseHimaya(Himaya.HimayaModules.All);
await app.RunAsync();
return 0;

public partial class Program
{
    /// <summary>Is this executable in the build output below src/Himaya (bin/{configuration}/{framework}), next to its project file?</summary>
    private static bool RunFromSourceTree()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (var i = 0; i < 5 && dir is not null; i++, dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Himaya.csproj"))) return true;
        return false;
    }
}
