using Himaya.Platform;

namespace Himaya.Features.Coverage;

/// <summary>Coverage and gaps: the need for each type of service (registry, case plans) against the directory's supply, per district.</summary>
public sealed class CoverageModule : IModule
{
    public void AddServices(IServiceCollection s, IConfiguration configuration)
    {
        s.AddScoped<ServiceCoverage>();
        s.AddScoped<Himaya.Features.Monitoring.IIndicatorSource, ServedIndicators>();
        s.AddNavItem("/services/coverage", "Nav.Coverage", u => u.Can(Permission.ViewAggregates), order: 31);
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder open) => CoverageApi.MapCoverageApi(api);
}
