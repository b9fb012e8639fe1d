using Microsoft.EntityFrameworkCore;
using Himaya.Platform;

namespace Himaya.Features.Monitoring;

/// <summary>Child-rights monitoring: indicators, their values over time by place and breakdown, and their exchange (SDMX-CSV, DHIS2).</summary>
public sealed class MonitoringModule : IModule
{
    public void AddServices(IServiceCollection s, IConfiguration configuration)
    {
        s.AddScoped<IndicatorStore>();
        s.AddScoped<ComputedIndicators>();
        s.AddScoped<IIndicatorSource, RegistryCareIndicators>();
        s.AddOptions<MonitoringOptions>().BindConfiguration("Monitoring");
        s.AddHostedService<IndicatorSchedule>();
        s.AddScoped<ProjectStore>();
        s.AddScoped<BudgetStore>();
        s.AddScoped<ReportPack>();
        s.AddScoped<ReportPackFiles>();
        s.AddNavItem("/indicators", "Nav.Indicators", u => u.Can(Permission.ViewAggregates), order: 40);
        s.AddNavItem("/projects", "Nav.Projects", u => u.Can(Permission.ViewAggregates), order: 41);
        s.AddNavItem("/budget", "Nav.Budget", u => u.Can(Permission.ViewAggregates), order: 42);
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder open)
    {
        IndicatorsApi.Map(api, open);
        ProjectsApi.Map(api);
        BudgetApi.Map(api);
    }

    public void ConfigureConventions(ModelConfigurationBuilder model) => MonitoringModel.Conventions(model);

    public void BuildModel(ModelBuilder model, DatabaseProvider provider) => MonitoringModel.Build(model, provider);
}
