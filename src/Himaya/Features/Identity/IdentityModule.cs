using Himaya.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Identity;

/// <summary>Users, sign-in and two-factor sign-in; answers the platform's question of who is calling.</summary>
public sealed class IdentityModule : IModule
{
    public void AddServices(IServiceCollection s, IConfiguration configuration)
    {
        s.AddScoped<CurrentUserAccessor>();
        s.AddScoped<ICurrentUserSource>(sp => sp.GetRequiredService<CurrentUserAccessor>());
        s.AddOptions<TwoFactorOptions>();
        s.AddScoped<SignInService>();
        s.AddScoped<TwoFactor>();
        s.AddScoped<IPasswordHasher<AppUser>, PasswordHasher<AppUser>>();
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder open) => api.MapIdentityApi(open);

    public void MapRoutes(IEndpointRouteBuilder app) => app.MapLanguageChoice();

    public void ConfigurePages(PageConventionCollection pages)
    {
        pages.AllowAnonymousToPage("/Identity/Pages/SignIn");
        pages.AllowAnonymousToPage("/Identity/Pages/Denied");
    }

    public void ConfigureConventions(ModelConfigurationBuilder model) => IdentityModel.Conventions(model);

    public void BuildModel(ModelBuilder model, DatabaseProvider provider) => IdentityModel.Build(model, provider);
}
