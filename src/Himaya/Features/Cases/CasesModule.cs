using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Cases;

/// <summary>Case management: cases and their steps, referrals to services, transfers, alternative care, justice.</summary>
public sealed class CasesModule : IModule
{
    public void AddServices(IServiceCollection s, IConfiguration configuration)
    {
        s.AddOptions<CaseOptions>().BindConfiguration("Cases");
        s.AddOptions<AttachmentOptions>().BindConfiguration("Attachments");
        s.AddScoped<CaseViews>();
        s.AddScoped<StepFrame>();
        s.AddScoped<CaseWork>();
        s.AddScoped<CaseLists>();
        s.AddScoped<Referrals>();
        s.AddScoped<CaseSummaryPdf>();
        s.AddScoped<CaseAttachments>();
        s.AddScoped<CaseTransfers>();
        s.AddScoped<AlternativeCareWork>();
        s.AddScoped<FosterCarers>();
        s.AddScoped<Justice>();
        s.AddPanel<Pages.ChildCasesPanel>(RegistrySlots.ChildProfile, order: 10);
        s.AddPanel<Pages.DueWorkPanel>(RegistrySlots.Dashboard, order: 10);
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder open) => CaseApi.MapCaseApi(api);

    public void ConfigureConventions(ModelConfigurationBuilder model) => CasesModel.Conventions(model);

    public void BuildModel(ModelBuilder model, DatabaseProvider provider) => CasesModel.Build(model, provider);
}
