using System.Globalization;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Himaya.Platform;

public static class HimayaServices
{
    public const string SmartScheme = "CookieOrBearer";
    public static readonly CultureInfo[] UiCultures = [new("az"), new("en"), new("ru")];
    // English pages format dates and numbers the British way (day before month), as people in Azerbaijan read them.
    public static readonly CultureInfo[] Cultures = [new("az"), new("en-GB"), new("en"), new("ru")];

    public static RequestCulture CultureFor(string lang) => lang == "en" ? new RequestCulture("en-GB", "en") : new RequestCulture(lang);

    /// <summary>Sets the interface language for this browser (az, en or ru; anything else means az).</summary>
    public static void SetLanguageCookie(HttpResponse response, string? lang) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(CultureFor(lang is "az" or "en" or "ru" ? lang : "az")),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

    public static WebApplicationBuilder AddHimaya(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        var s = builder.Services;
        s.AddOptions<DatabaseOptions>().BindConfiguration("Database");
        // Bound once, at the first context (not at registration: test hosts add their configuration until the app is
        // built); binding configuration for every request's context cost measurable CPU under load.
        var database = new Lazy<DatabaseOptions>(() => builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions());
        s.AddHttpContextAccessor();
        // Before the modules' hosted services: those start in registration order, after the schema is up to date.
        s.AddHostedService<StartupTasks>();
        s.AddHimayaServices(builder.Configuration, database, modules);

        s.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, SmartScheme, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/account/sign-in";
                o.LogoutPath = "/account/sign-out";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
                o.SlidingExpiration = true;
                o.Cookie.Name = "himaya.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // API clients get status codes, never a redirect to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => ApiOr(ctx.Request, ctx.Response, 401, () => ctx.Response.Redirect(ctx.RedirectUri));
                o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx.Request, ctx.Response, 403, () => ctx.Response.Redirect(ctx.RedirectUri));
            })
            .AddBearerToken(o => o.BearerTokenExpiration = TimeSpan.FromHours(1));
        s.AddAuthorization();

        s.AddLocalization();
        s.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        s.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("az");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = UiCultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        // Pages live in their feature folders (Features/<Feature>/Pages) with explicit routes.
        s.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            foreach (var module in modules) module.ConfigurePages(o.Conventions);
        });
        s.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        s.AddProblemDetails();
        s.AddExceptionHandler<ErrorHandling>();
        s.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        s.AddOpenApi("v1");
        s.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// The platform's services and every module's, without the web host: the app adds its web parts around these, and the
    /// command-line verbs (bench) build a service provider from them alone, so both run the same registrations.
    /// </summary>
    public static IServiceCollection AddHimayaServices(this IServiceCollection s, IConfiguration configuration, Lazy<DatabaseOptions> database,
        IReadOnlyList<IModule> modules, string? keysPath = null)
    {
        s.AddSingleton(modules);
        s.AddDbContext<AppDbContext>((sp, o) => database.Value.Configure(o, modules));
        s.AddSingleton(TimeProvider.System);
        // Keys persist beside the data so sign-in cookies and tokens survive a restart.
        s.AddDataProtection().SetApplicationName("Himaya")
            .PersistKeysToFileSystem(new DirectoryInfo(keysPath ?? configuration["DataProtection:KeysPath"] ?? Path.Combine("data", "keys")));
        s.AddSingleton<AdminUnits>();
        s.AddSingleton<DistrictBoundaries>();
        s.AddMemoryCache();
        s.AddSingleton<AuditWriter>();
        s.AddScoped<AuditLog>();
        s.AddScoped<JobLease>();
        foreach (var module in modules) module.AddServices(s, configuration);
        return s;
    }

    private static Task ApiOr(HttpRequest request, HttpResponse response, int status, Action otherwise)
    {
        if (request.Path.StartsWithSegments("/api")) response.StatusCode = status;
        else otherwise();
        return Task.CompletedTask;
    }
}
