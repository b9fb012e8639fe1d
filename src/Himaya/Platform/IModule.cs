using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Platform;

/// <summary>
/// A feature as the platform sees it: what it adds to the services, the API, the pages and the data model. The platform
/// names no feature. The composition list (<c>HimayaModules.All</c>) names them all, lowest first, and the app, the
/// command-line verbs and the tests are built from that one list.
/// </summary>
public interface IModule
{
    void AddServices(IServiceCollection services, IConfiguration configuration) { }

    /// <summary><paramref name="api"/> requires a signed-in user; <paramref name="open"/> does not (sign-in itself).</summary>
    void MapApi(RouteGroupBuilder api, RouteGroupBuilder open) { }

    /// <summary>Routes outside the API and the pages (the language switch, say).</summary>
    void MapRoutes(IEndpointRouteBuilder app) { }

    void ConfigurePages(PageConventionCollection pages) { }

    void ConfigureConventions(ModelConfigurationBuilder model) { }

    void BuildModel(ModelBuilder model, DatabaseProvider provider) { }
}

/// <summary>
/// Work a module needs done before the app serves anything, after the schema is up to date and the places are loaded
/// (the demo's seeding, say). Run in the order the modules register them.
/// </summary>
public interface IStartupTask
{
    Task RunAsync(IServiceProvider services, CancellationToken ct);
}
