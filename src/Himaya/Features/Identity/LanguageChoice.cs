using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Identity;

/// <summary>The language switch: a cookie for this browser, and the user's preference, so it follows them to another device.</summary>
public static class LanguageChoice
{
    public static void MapLanguageChoice(this IEndpointRouteBuilder app)
    {
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
    }
}
