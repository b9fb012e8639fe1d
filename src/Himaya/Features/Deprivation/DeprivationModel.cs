using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Deprivation;

/// <summary>The Deprivation feature's tables (stored frameworks, analysis runs and outreach tasks): their mapping, and their sets on the context.</summary>
public static class DeprivationModel
{
    extension(AppDbContext db)
    {
        public DbSet<DeprivationRun> DeprivationRuns => db.Set<DeprivationRun>();
        public DbSet<StoredFramework> DeprivationFrameworks => db.Set<StoredFramework>();
        public DbSet<OutreachTask> OutreachTasks => db.Set<OutreachTask>();
    }

    /// <summary>Enums are stored by name (the platform's rule); the column widths are this feature's.</summary>
    public static void Conventions(ModelConfigurationBuilder model)
    {
        model.Properties<OutreachStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    public static void Build(ModelBuilder b, DatabaseProvider provider)
    {
        b.Entity<OutreachTask>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(16);
            e.Property(x => x.Dimensions).HasMaxLength(500);
            e.Property(x => x.Reasons).HasMaxLength(500);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.Outcome).HasMaxLength(1000);
            e.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.DistrictCode, x.Status });
            // One open outreach task per child, whoever clicks at the same moment.
            e.HasIndex(x => x.ChildId).IsUnique().HasFilter("status = 'Open'");
        });
        b.Entity<StoredFramework>(e =>
        {
            e.ToTable("deprivation_frameworks");
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => new { x.Name, x.Version }).IsUnique();
        });
        b.Entity<DeprivationRun>(e =>
        {
            e.Property(x => x.Scope).HasMaxLength(2000);
            e.Property(x => x.Framework).HasMaxLength(100);
            e.Property(x => x.FrameworkVersion).HasMaxLength(50);
            e.Property(x => x.AgeGroup).HasMaxLength(50);
            e.Property(x => x.Disaggregations).HasMaxLength(100);
            e.Property(x => x.Source).HasMaxLength(300);
            e.Property(x => x.Label).HasMaxLength(200);
            e.HasIndex(x => x.CreatedAt);
        });
    }
}
