using Himaya.Cli;
using Himaya.Infrastructure;

// One executable: the web app by default, or a command-line verb (seed, schema-script, bench, ...).
if (CliVerbs.IsVerb(args)) return await CliVerbs.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://localhost:5080");
builder.AddHimaya();
var app = builder.Build();
app.UseHimaya();
await app.RunAsync();
return 0;

public partial class Program;
