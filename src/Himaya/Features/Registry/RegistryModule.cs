using Himaya.Platform;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Registry;

/// <summary>The registry of children and households: records, search, history, export.</summary>
public sealed class RegistryModule : IModule
{
    public void AddServices(IServiceCollection s, IConfiguration configuration)
    {
        s.AddScoped<ChildRecords>();
        s.AddScoped<SearchChildren>();
        s.AddScoped<ExportChildren>();
        s.AddScoped<HouseholdRecords>();
        s.AddSingleton<IntakeModel>();
        s.AddScoped<IntakeMatching>();
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder open) => api.MapRegistryApi();

    public void ConfigurePages(PageConventionCollection pages)
    {
        pages.AddPageRoute("/Registry/Pages/ChildEdit", "/children/new");
        pages.AddPageRoute("/Registry/Pages/HouseholdEdit", "/households/new");
    }

    public void ConfigureConventions(ModelConfigurationBuilder model) => RegistryModel.Conventions(model);

    public void BuildModel(ModelBuilder model, DatabaseProvider provider) => RegistryModel.Build(model, provider);
}
