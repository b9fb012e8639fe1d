using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Linkage;

/// <summary>Record linkage: duplicate checks, imports from other registers, the review queue, merges.</summary>
public sealed class LinkageModule : IModule
{
    public void AddServices(IServiceCollection s, IConfiguration configuration)
    {
        s.AddScoped<ImportRunner>();
        s.AddScoped<Reviews>();
        s.AddScoped<Merges>();
        s.AddScoped<LinkageQuality>();
        s.AddSingleton<ImportQueue>();
        s.AddHostedService<ImportWorker>();
        s.AddPanel<Pages.ChildLinkagePanel>(RegistrySlots.ChildProfile, order: 20);
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder open) => ImportApi.MapImportApi(api);

    public void ConfigureConventions(ModelConfigurationBuilder model) => LinkageModel.Conventions(model);

    public void BuildModel(ModelBuilder model, DatabaseProvider provider) => LinkageModel.Build(model, provider);
}
