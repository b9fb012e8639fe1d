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
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder open) => VacApi.MapVacApi(api, open);

    public void ConfigurePages(PageConventionCollection pages) => pages.AllowAnonymousToPage("/Violence/Pages/PublicReport");

    public void ConfigureConventions(ModelConfigurationBuilder model) => ViolenceModel.Conventions(model);

    public void BuildModel(ModelBuilder model, DatabaseProvider provider) => ViolenceModel.Build(model, provider);
}
