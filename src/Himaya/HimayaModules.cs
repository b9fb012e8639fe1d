using Himaya.Features.Audit;
using Himaya.Features.Cases;
using Himaya.Features.Community;
using Himaya.Features.Coverage;
using Himaya.Features.Demo;
using Himaya.Features.Deprivation;
using Himaya.Features.Facts;
using Himaya.Features.Identity;
using Himaya.Features.Institutions;
using Himaya.Features.Linkage;
using Himaya.Features.Monitoring;
using Himaya.Features.Registry;
using Himaya.Features.Services;
using Himaya.Features.Violence;
using Himaya.Platform;

namespace Himaya;

/// <summary>
/// The composition list: every feature module, lowest first (a module may use those before it, never one after).
/// The app, the command-line verbs and the tests all build from this list; the platform names no feature.
/// </summary>
public static class HimayaModules
{
    public static readonly IReadOnlyList<IModule> All =
    [
        new IdentityModule(),
        new AuditModule(),
        new RegistryModule(),
        new MonitoringModule(),
        new ServicesModule(),
        new FactsModule(),
        new LinkageModule(),
        new DeprivationModule(),
        new CasesModule(),
        new CoverageModule(),
        new ViolenceModule(),
        new InstitutionsModule(),
        new CommunityModule(),
        new DemoModule(),
    ];
}
