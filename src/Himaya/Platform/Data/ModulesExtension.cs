using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Himaya.Platform;

/// <summary>
/// Carries the module list to <see cref="AppDbContext"/>, which builds its model from it. The model is built once per
/// process (EF caches it), so every context must be given the same list: the composition list.
/// </summary>
public sealed class ModulesExtension(IReadOnlyList<IModule> modules) : IDbContextOptionsExtension
{
    public IReadOnlyList<IModule> Modules => modules;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services) { }

    public void Validate(IDbContextOptions options) { }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => "";
        public override int GetServiceProviderHashCode() => 0;
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;
        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) { }
    }
}

public static class ModulesOptions
{
    public static DbContextOptionsBuilder UseModules(this DbContextOptionsBuilder options, IReadOnlyList<IModule> modules)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new ModulesExtension(modules));
        return options;
    }

    public static DbContextOptionsBuilder<T> UseModules<T>(this DbContextOptionsBuilder<T> options, IReadOnlyList<IModule> modules) where T : DbContext
    {
        ((DbContextOptionsBuilder)options).UseModules(modules);
        return options;
    }
}
