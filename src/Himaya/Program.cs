using Himaya.Cli;
using Himaya.Infrastructure;

// One executable: the web app by default, or a command-line verb (seed, schema-script, bench, ...).
if (CliVerbs.IsVerb(args)) return await CliVerbs.RunAsync(args);

// No launchSettings.json: `dotnet run` would print "Using launch settings from ..." on standard output, ahead of what a
// verb prints there (e.g. the `moda` JSON). A Debug build (what `dotnet run` makes) defaults to Development, so the demo
// runs; a Release build defaults to Production, so an installation that forgets to say gets no demo users.
if (Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null && Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is null
    && !args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase)))
{
#if DEBUG
    args = [.. args, "--environment", Environments.Development];
#endif
}
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://localhost:5080");
builder.AddHimaya();
var app = builder.Build();
app.UseHimaya();
await app.RunAsync();
return 0;

public partial class Program;
