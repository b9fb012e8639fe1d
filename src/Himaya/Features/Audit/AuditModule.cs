using Himaya.Platform;

namespace Himaya.Features.Audit;

/// <summary>Reading and verifying the audit trail (the trail itself is the platform's).</summary>
public sealed class AuditModule : IModule
{
    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder open) => api.MapAuditApi();
}
