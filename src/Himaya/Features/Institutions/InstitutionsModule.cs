using Himaya.Platform;
using Himaya.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Institutions;

/// <summary>Institution monitoring: the register of residential care and detention institutions, and independent monitors' visits.</summary>
public sealed class InstitutionsModule : IModule
{
    public void AddServices(IServiceCollection s, IConfiguration configuration)
    {
        s.AddScoped<InstitutionRegister>();
        s.AddScoped<VisitWork>();
        s.AddScoped<IRegisteredPlaces, InstitutionNames>();
        s.AddScoped<Himaya.Features.Monitoring.IIndicatorSource, InstitutionIndicators>();
        s.AddPanel<Pages.MandatePanel>(Himaya.Features.Registry.RegistrySlots.Dashboard, order: 30);
        s.AddNavItem("/institutions", "Nav.Institutions", u => u.Can(Permission.ViewInstitutions), order: 43);
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder open) => InstitutionsApi.Map(api);

    public void ConfigureConventions(ModelConfigurationBuilder model) => InstitutionsModel.Conventions(model);

    public void BuildModel(ModelBuilder model, DatabaseProvider provider) => InstitutionsModel.Build(model, provider);
}
