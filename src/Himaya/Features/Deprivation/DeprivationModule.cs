using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Deprivation;

/// <summary>Deprivation analysis of the registry and of surveys, stored runs, the most-deprived list and outreach.</summary>
public sealed class DeprivationModule : IModule
{
    public void AddServices(IServiceCollection s, IConfiguration configuration)
    {
        s.AddScoped<RegistryAnalysis>();
        s.AddSingleton<RegistryFactsCache>();
        s.AddScoped<MostDeprived>();
        s.AddScoped<DeprivationRuns>();
        s.AddScoped<Himaya.Features.Monitoring.IIndicatorSource, DeprivationIndicators>();
        s.AddScoped<Frameworks>();
        s.AddScoped<Outreach>();
        s.AddHostedService<RegistryFactsWarmUp>();
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder open) => DeprivationApi.MapDeprivationApi(api);

    public void ConfigureConventions(ModelConfigurationBuilder model) => DeprivationModel.Conventions(model);

    public void BuildModel(ModelBuilder model, DatabaseProvider provider) => DeprivationModel.Build(model, provider);
}
