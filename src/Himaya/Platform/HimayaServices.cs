using System.Globalization;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
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

    /// <summary>
    /// The case-management use cases and their options, for the app and for `bench cases` alike: one list, so that a
    /// service added here reaches both (the bench's own copy of the list once missed one and stopped working).
    /// </summary>
    public static IServiceCollection AddCaseManagement(this IServiceCollection s)
    {
        s.AddOptions<Himaya.Features.Cases.CaseOptions>().BindConfiguration("Cases");
        s.AddOptions<Himaya.Features.Cases.AttachmentOptions>().BindConfiguration("Attachments");
        s.AddScoped<Himaya.Features.Cases.CaseViews>();
        s.AddScoped<Himaya.Features.Cases.CaseWork>();
        s.AddScoped<Himaya.Features.Cases.CaseLists>();
        s.AddScoped<Himaya.Features.Cases.Referrals>();
        s.AddScoped<Himaya.Features.Cases.CaseSummaryPdf>();
        s.AddScoped<Himaya.Features.Cases.CaseAttachments>();
        s.AddScoped<Himaya.Features.Cases.CaseTransfers>();
        s.AddScoped<Himaya.Features.Cases.AlternativeCareWork>();
        s.AddScoped<Himaya.Features.Cases.FosterCarers>();
        s.AddScoped<Himaya.Features.Cases.Justice>();
        return s;
    }

    public static WebApplicationBuilder AddHimaya(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddOptions<DatabaseOptions>().BindConfiguration("Database");
        s.AddOptions<DemoOptions>().BindConfiguration("Demo");
        // Bound once, at the first context (not at registration: test hosts add their configuration until the app is
        // built); binding configuration for every request's context cost measurable CPU under load.
        var database = new Lazy<DatabaseOptions>(() => builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions());
        s.AddDbContext<AppDbContext>((sp, o) => database.Value.Configure(o));
        s.AddSingleton(TimeProvider.System);
        // Keys persist beside the data so sign-in cookies and tokens survive a restart.
        s.AddDataProtection().SetApplicationName("Himaya")
            .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"] ?? Path.Combine("data", "keys")));
        s.AddSingleton<AdminUnits>();
        s.AddMemoryCache();
        s.AddHttpContextAccessor();
        s.AddScoped<CurrentUserAccessor>();
        s.AddSingleton<AuditWriter>();
        s.AddScoped<AuditLog>();
        s.AddScoped<SignInService>();
        s.AddScoped<TwoFactor>();
        s.AddScoped<ChildRecords>();
        s.AddScoped<SearchChildren>();
        s.AddSingleton<Himaya.Features.Linkage.IntakeModel>();
        s.AddScoped<Himaya.Features.Linkage.IntakeMatching>();
        s.AddScoped<Himaya.Features.Linkage.ImportRunner>();
        s.AddScoped<Himaya.Features.Linkage.Reviews>();
        s.AddScoped<Himaya.Features.Linkage.Merges>();
        s.AddScoped<Himaya.Features.Linkage.LinkageQuality>();
        s.AddScoped<ExportChildren>();
        s.AddScoped<Himaya.Features.Deprivation.RegistryAnalysis>();
        s.AddSingleton<Himaya.Features.Deprivation.RegistryFactsCache>();
        s.AddScoped<Himaya.Features.Deprivation.MostDeprived>();
        s.AddScoped<Himaya.Features.Deprivation.DeprivationRuns>();
        s.AddScoped<Himaya.Features.Deprivation.Frameworks>();
        s.AddScoped<Himaya.Features.Deprivation.Outreach>();
        s.AddScoped<HouseholdRecords>();
        s.AddCaseManagement();
        s.AddScoped<IPasswordHasher<AppUser>, PasswordHasher<AppUser>>();
        s.AddHostedService<StartupTasks>();
        s.AddSingleton<Himaya.Features.Linkage.ImportQueue>();
        // After StartupTasks: hosted services start in registration order.
        s.AddHostedService<Himaya.Features.Linkage.ImportWorker>();
        s.AddHostedService<Himaya.Features.Deprivation.RegistryFactsWarmUp>();

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
            o.Conventions.AllowAnonymousToPage("/Identity/Pages/SignIn");
            o.Conventions.AllowAnonymousToPage("/Identity/Pages/Denied");
            o.Conventions.AddPageRoute("/Registry/Pages/ChildEdit", "/children/new");
            o.Conventions.AddPageRoute("/Registry/Pages/HouseholdEdit", "/households/new");
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

    private static Task ApiOr(HttpRequest request, HttpResponse response, int status, Action otherwise)
    {
        if (request.Path.StartsWithSegments("/api")) response.StatusCode = status;
        else otherwise();
        return Task.CompletedTask;
    }
}

public sealed class DemoOptions
{
    /// <summary>Seed demo users and children on first start. Forced off in Production.</summary>
    public bool Enabled { get; set; } = true;
    public int Children { get; set; } = 3000;
}
