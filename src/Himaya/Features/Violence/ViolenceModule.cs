using Himaya.Features.Monitoring;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Violence;

/// <summary>Violence against children: reports from anyone (public form, hotline, staff), triage with deadlines, the response, statistics.</summary>
public sealed class ViolenceModule : IModule
{
    public void AddServices(IServiceCollection s, IConfiguration configuration)
    {
        s.AddOptions<VacOptions>().BindConfiguration("Vac");
        s.AddSingleton<PublicReportGate>();
        s.AddScoped<VacIntake>();
        s.AddScoped<VacWork>();
        s.AddScoped<VacStatistics>();
        s.AddScoped<VacEarlierReports>();
        s.AddScoped<VacLinking>();
        s.AddScoped<CoordinationWork>();
        s.AddScoped<IIndicatorSource, VacIndicators>();
        s.AddPanel<Pages.VacMyWorkPanel>(Himaya.Features.Cases.CasesSlots.MyWork, order: 10);
        s.AddPanel<Pages.VacDashboardPanel>(Himaya.Features.Registry.RegistrySlots.Dashboard, order: 20);
        s.AddPublicNavItem("/report", "Nav.PublicReport", order: 10);
        s.AddNavItem("/vac", "Nav.Vac", u => u.Can(Permission.ReadVacReports), order: 10, new NavBadge("Vac.EscalatedCount", VacEscalations.CountAsync));
        s.AddNavItem("/vac/mine", "Nav.VacMine", u => u.Can(Permission.ReportViolence) && !u.Can(Permission.ReadVacReports), order: 11);
        s.AddNavItem("/vac/coordination", "Nav.VacCoordination", u => u.Can(Permission.TriageVacReports), order: 11);
        s.AddNavItem("/vac/statistics", "Nav.VacStatistics", u => u.Can(Permission.ViewAggregates), order: 12);
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder open) => VacApi.MapVacApi(api, open);

    public void ConfigurePages(PageConventionCollection pages) => pages.AllowAnonymousToPage("/Violence/Pages/PublicReport");

    public void ConfigureConventions(ModelConfigurationBuilder model) => ViolenceModel.Conventions(model);

    public void BuildModel(ModelBuilder model, DatabaseProvider provider) => ViolenceModel.Build(model, provider);
}
