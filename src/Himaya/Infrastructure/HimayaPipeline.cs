using Himaya.Features.Audit;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Himaya.Infrastructure;

public static class HimayaPipeline
{
    public static WebApplication UseHimaya(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

        var open = app.MapGroup("/api/v1");
        var api = app.MapGroup("/api/v1").RequireCurrentUser();
        api.MapIdentityApi(open);
        api.MapRegistryApi();
        api.MapAuditApi();
        app.MapRazorPages();
        return app;
    }
}
