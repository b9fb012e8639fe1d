using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Facts;

/// <summary>Registry facts with provenance: what each source said of a child and when, and which word is current.</summary>
public sealed class FactsModule : IModule
{
    public void AddServices(IServiceCollection s, IConfiguration configuration)
    {
        s.AddScoped<ChildFacts>();
        s.AddPanel<Pages.ChildFactsPanel>(Himaya.Features.Registry.RegistrySlots.ChildProfile, order: 15);
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder open) => FactsApi.Map(api);

    public void BuildModel(ModelBuilder model, DatabaseProvider provider) => FactsModel.Build(model, provider);
}
