using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Platform;

public static class HimayaPipeline
{
    public static WebApplication UseHimaya(this WebApplication app, IReadOnlyList<IModule> modules)
    {
        app.UseExceptionHandler();
        app.Use(async (ctx, next) =>
        {
            // Nothing from elsewhere, no inline script, no framing: a child's record page cannot be embedded or injected into.
            var h = ctx.Response.Headers;
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "same-origin";
            await next();
        });
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseStaticFiles(new StaticFileOptions
        {
            // A file named with its version (asp-append-version adds ?v=<hash>) never changes under that name: the
            // browser keeps it for a year and asks nothing again. Others are revalidated within an hour.
            OnPrepareResponse = f => f.Context.Response.Headers.CacheControl =
                f.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

        var open = app.MapGroup("/api/v1");
        var api = app.MapGroup("/api/v1").RequireCurrentUser();
        open.MapDistrictBoundaries();
        foreach (var module in modules) module.MapApi(api, open);
        foreach (var module in modules) module.MapRoutes(app);
        app.MapRazorPages();
        return app;
    }
}
