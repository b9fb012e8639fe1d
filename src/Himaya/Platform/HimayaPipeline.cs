using Himaya.Features.Identity;
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
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

        var open = app.MapGroup("/api/v1");
        var api = app.MapGroup("/api/v1").RequireCurrentUser();
        foreach (var module in modules) module.MapApi(api, open);
        app.MapGet("/language", async (HttpContext http, string? culture, string? returnUrl, AppDbContext db) =>
        {
            // Only our three languages, and only local return addresses (no open redirect).
            var lang = culture is "az" or "en" or "ru" ? culture : "az";
            HimayaServices.SetLanguageCookie(http.Response, lang);
            // Remembered for the signed-in user, so the choice follows them to another device.
            if (http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } uid && int.TryParse(uid, out var id))
                await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, lang));
            var target = returnUrl is { Length: > 0 } r && r[0] == '/' && (r.Length == 1 || r[1] is not ('/' or '\\'))
                && r.All(c => c > ' ' && c < 127 && c != '\\') ? r : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
        return app;
    }
}
