using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Services;

/// <summary>The tables of keeping the directory: the review note on a service and the changes its provider proposed (migration 0026).</summary>
public static class ServiceKeepingModel
{
    public static void Conventions(ModelConfigurationBuilder model) =>
        model.Properties<ChangeStatus>().HaveConversion<string>().HaveMaxLength(16);

    public static void Build(ModelBuilder b)
    {
        b.Entity<Service>(e =>
        {
            e.Property(x => x.ReviewNote).HasMaxLength(ServiceKeeping.MaxReason);
            e.HasMany(x => x.Changes).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ServiceChange>(e =>
        {
            e.ToTable("service_changes");
            e.Property(x => x.Reason).HasMaxLength(ServiceKeeping.MaxReason);
            e.HasIndex(x => new { x.ServiceId, x.Status });
        });
    }
}
