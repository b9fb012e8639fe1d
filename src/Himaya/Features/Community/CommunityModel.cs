using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Community;

/// <summary>Programmes, their targets, and light contacts with the children who took part.</summary>
public static class CommunityModel
{
    public static void Conventions(ModelConfigurationBuilder model) =>
        model.Properties<ActivityType>().HaveConversion<string>().HaveMaxLength(24);

    public static void Build(ModelBuilder b, DatabaseProvider provider)
    {
        b.Entity<Programme>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.ActivityTypes).HasMaxLength(300);
            e.Property(x => x.Districts).HasMaxLength(2000);
            e.HasOne<Himaya.Features.Monitoring.Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<ProgrammeTarget>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(20);
            e.Property(x => x.Period).HasMaxLength(7);
            e.HasIndex(x => new { x.ProgrammeId, x.DistrictCode, x.Period }).IsUnique();
            e.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Contact>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(20);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.Topics).HasMaxLength(1000);
            e.HasIndex(x => new { x.ProgrammeId, x.Date });
            e.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ContactChild>(e =>
        {
            e.ToTable("contact_children");
            e.HasKey(x => new { x.ContactId, x.ChildId });
            e.HasIndex(x => x.ChildId);
            e.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Himaya.Features.Registry.Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
