using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Himaya.Platform;

/// <summary>
/// The one database context. It keeps the platform's conventions (UTC times, enums by name, snake_case names) and its
/// own tables (places, audit); every feature adds its tables through its module, and reaches its sets through the
/// extension properties of its own XModel class (db.Children, db.Cases), so this file names no feature.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<AdminUnit> AdminUnits => Set<AdminUnit>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    private IReadOnlyList<IModule> Modules => options.FindExtension<ModulesExtension>()?.Modules
        ?? throw new InvalidOperationException("The context was built without modules: configure it with UseModules(HimayaModules.All).");

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var _ = CheckedChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var _ = CheckedChanges();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// The last line behind the parsers: an undefined enum value (a number, or members ORed together) would be stored
    /// as text no read can turn back into the enum, and every list holding the row would fail from then on. Changes are
    /// detected once, here, and the save that follows does not detect them again (a large import tracks many rows).
    /// </summary>
    private AutoDetectRestore CheckedChanges()
    {
        // A caller that turned detection off (the bulk loaders) keeps it off.
        if (ChangeTracker.AutoDetectChangesEnabled) ChangeTracker.DetectChanges();
        var restore = new AutoDetectRestore(ChangeTracker);
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var p in entry.Properties)
                if ((Nullable.GetUnderlyingType(p.Metadata.ClrType) ?? p.Metadata.ClrType).IsEnum && p.CurrentValue is Enum value && !EnumNames.IsDefined(value))
                {
                    restore.Dispose();
                    throw new InvalidOperationException($"{entry.Metadata.ClrType.Name}.{p.Metadata.Name} holds an undefined enum value.");
                }
        }
        return restore;
    }

    private readonly struct AutoDetectRestore : IDisposable
    {
        private readonly Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker _tracker;
        private readonly bool _was;

        public AutoDetectRestore(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker)
        {
            (_tracker, _was) = (tracker, tracker.AutoDetectChangesEnabled);
            tracker.AutoDetectChangesEnabled = false;
        }

        public void Dispose() => _tracker.AutoDetectChangesEnabled = _was;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Every stored time is UTC. PostgreSQL (timestamptz) says so when reading; SQLite keeps no kind, so say it here,
        // or the API would write those times without their "Z".
        if (Database.IsSqlite())
        {
            builder.Properties<DateTime>().HaveConversion<UtcKind>();
            builder.Properties<DateTime?>().HaveConversion<UtcKind>();
        }
        // Enums are stored by name: readable in SQL, stable when members are reordered. Each feature sets its enums' widths.
        foreach (var module in Modules) module.ConfigureConventions(builder);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        var provider = Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        b.Entity<AdminUnit>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(16);
            e.Property(x => x.NameAz).HasMaxLength(100);
            e.Property(x => x.NameEn).HasMaxLength(100);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.ParentCode).HasMaxLength(16);
            if (provider == DatabaseProvider.Postgres) { e.Property(x => x.Code).UseCollation("C"); e.Property(x => x.ParentCode).UseCollation("C"); }
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.Property(x => x.Id).ValueGeneratedNever(); // ids are the chain's sequence, assigned by AuditLog
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.Roles).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.EntityType).HasMaxLength(32);
            e.Property(x => x.EntityId).HasMaxLength(64);
            e.Property(x => x.Detail).HasMaxLength(4000);
            e.Property(x => x.IpAddress).HasMaxLength(64);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => new { x.EntityType, x.EntityId });
            e.HasIndex(x => x.At);
            e.HasIndex(x => x.UserName);
        });

        b.Entity<JobRun>(e =>
        {
            e.HasKey(x => new { x.Job, x.Slot });
            e.Property(x => x.Job).HasMaxLength(60);
            e.Property(x => x.Slot).HasMaxLength(40);
            e.Property(x => x.Instance).HasMaxLength(200);
        });

        foreach (var module in Modules) module.BuildModel(b, provider);
        ApplySnakeCaseNames(b);
    }

    private sealed class UtcKind() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    /// <summary>snake_case tables and columns: plain SQL (COPY, psql, benchmarks) reads naturally on both providers.</summary>
    private static void ApplySnakeCaseNames(ModelBuilder b)
    {
        foreach (var entity in b.Model.GetEntityTypes())
        {
            // A feature names an irregular plural itself (ToTable("children")); every other name follows the rule.
            if (((Microsoft.EntityFrameworkCore.Metadata.IConventionEntityType)entity).GetTableNameConfigurationSource() != ConfigurationSource.Explicit)
                entity.SetTableName(SnakeCase(entity.ClrType.Name) + "s");
            foreach (var p in entity.GetProperties()) p.SetColumnName(SnakeCase(p.Name));
            foreach (var k in entity.GetKeys()) k.SetName("pk_" + entity.GetTableName());
            foreach (var fk in entity.GetForeignKeys())
                fk.SetConstraintName($"fk_{entity.GetTableName()}_{string.Join("_", fk.Properties.Select(p => p.GetColumnName()))}");
            // A named index keeps its name (two indexes over the same columns, one of them partial, need two names).
            foreach (var ix in entity.GetIndexes().Where(i => i.Name is null))
                ix.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join("_", ix.Properties.Select(p => p.GetColumnName()))}");
        }
    }

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
