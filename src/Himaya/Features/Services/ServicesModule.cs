using Himaya.Platform;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Services;

/// <summary>Services and providers: the shared taxonomy, the directory that referrals use, and the public directory with its map.</summary>
public sealed class ServicesModule : IModule
{
    public void AddServices(IServiceCollection s, IConfiguration configuration)
    {
        s.AddScoped<ServiceCatalogue>();
        s.AddScoped<ServiceDirectory>();
        s.AddNavItem("/directory", "Nav.Directory", _ => true, order: 30);
        s.AddPublicNavItem("/directory", "Nav.PublicDirectory", order: 20);
        // Keeping the directory: the management pages, with the services waiting for the user's review as the badge.
        s.AddScoped<ServiceKeeping>();
        s.AddScoped<ServiceLists>();
        s.AddNavItem("/services", "Nav.Services", u => u.Can(Permission.EditServices), order: 29, new NavBadge("Services.WaitingCount", ServiceLists.WaitingCountAsync));
        // Providers (their contracts, contacts, accreditation) and the taxonomy's administration.
        s.AddScoped<ProviderRecords>();
        s.AddScoped<ServiceTaxonomy>();
        s.AddNavItem("/providers", "Nav.Providers", u => u.Can(Permission.EditServices), order: 32);
        s.AddNavItem("/admin/service-types", "Nav.ServiceTypes", u => u.Can(Permission.ManageServiceTypes), order: 33);
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder open) => ServicesApi.MapServicesApi(api, open);

    public void ConfigurePages(PageConventionCollection pages) => pages.AllowAnonymousToPage("/Services/Pages/Directory");

    public void ConfigureConventions(ModelConfigurationBuilder model)
    {
        ServicesModel.Conventions(model);
        ServiceKeepingModel.Conventions(model);
    }

    public void BuildModel(ModelBuilder model, DatabaseProvider provider)
    {
        ServicesModel.Build(model, provider);
        ServiceKeepingModel.Build(model);
    }
}
