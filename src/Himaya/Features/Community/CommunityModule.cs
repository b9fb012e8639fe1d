using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Community;

/// <summary>Community services: programmes of light contacts (counselling, home visits, group sessions…) counted against district targets.</summary>
public sealed class CommunityModule : IModule
{
    public void AddServices(IServiceCollection s, IConfiguration configuration)
    {
        s.AddScoped<Programmes>();
        s.AddScoped<ProgrammeOutcomes>();
        s.AddScoped<ContactRecords>();
        s.AddScoped<Participants>();
        s.AddScoped<Himaya.Features.Monitoring.IIndicatorSource, CommunityIndicators>();
        s.AddSingleton<Instruments>();
        s.AddScoped<Screenings>();
        s.AddScoped<CaseProposals>();
        s.AddScoped<HomeVisits>();
        s.AddPanel<Pages.CommunityWorkPanel>(Himaya.Features.Cases.CasesSlots.MyWork, order: 20);
        s.AddPanel<Pages.ChildCommunityPanel>(Himaya.Features.Registry.RegistrySlots.ChildProfile, order: 30);
        s.AddNavItem("/programmes", "Nav.Programmes", u => u.Can(Permission.ViewAggregates) || u.Can(Permission.RecordContacts), order: 44);
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder open) => CommunityApi.Map(api);

    public void ConfigureConventions(ModelConfigurationBuilder model) => CommunityModel.Conventions(model);

    public void BuildModel(ModelBuilder model, DatabaseProvider provider) => CommunityModel.Build(model, provider);
}
