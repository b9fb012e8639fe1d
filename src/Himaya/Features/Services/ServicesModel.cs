using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Services;

/// <summary>The Services feature's tables (the taxonomy, providers, services with their types and districts): mapping and sets.</summary>
public static class ServicesModel
{
    extension(AppDbContext db)
    {
        public DbSet<Service> Services => db.Set<Service>();
        public DbSet<Provider> Providers => db.Set<Provider>();
        public DbSet<ServiceType> ServiceTypes => db.Set<ServiceType>();
    }

    public static void Conventions(ModelConfigurationBuilder model)
    {
        model.Properties<ProviderKind>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<AccreditationStatus>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<ServiceStatus>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<SexEligibility>().HaveConversion<string>().HaveMaxLength(8);
    }

    public static void Build(ModelBuilder b, DatabaseProvider provider)
    {
        b.Entity<ServiceType>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.NameAz).HasMaxLength(200);
            e.Property(x => x.NameEn).HasMaxLength(200);
            e.Property(x => x.NameRu).HasMaxLength(200);
        });
        b.Entity<Provider>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(128);
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.TaxId).HasMaxLength(10);
            e.Property(x => x.RegistrationNumber).HasMaxLength(50);
            e.Property(x => x.Phone).HasMaxLength(32);
            e.Property(x => x.Email).HasMaxLength(200);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.Website).HasMaxLength(300);
            e.Property(x => x.ProposedPhone).HasMaxLength(32);
            e.Property(x => x.ProposedEmail).HasMaxLength(200);
            e.Property(x => x.ProposedAddress).HasMaxLength(300);
            e.Property(x => x.ProposedWebsite).HasMaxLength(300);
            e.Property(x => x.ReturnedReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<Service>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Agency).HasMaxLength(128);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.Phone).HasMaxLength(32);
            e.Property(x => x.OpeningHours).HasMaxLength(200);
            e.Property(x => x.Languages).HasMaxLength(50);
            e.Property(x => x.Cost).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Name).IsUnique();
            e.HasIndex(x => x.Agency);
            e.HasIndex(x => x.Status);
            e.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Types).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Districts).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ServiceTypeLink>(e =>
        {
            e.ToTable("service_type_links");
            e.HasKey(x => new { x.ServiceId, x.TypeCode });
            e.Property(x => x.TypeCode).HasMaxLength(40);
            e.HasIndex(x => x.TypeCode);
            e.HasOne<ServiceType>().WithMany().HasForeignKey(x => x.TypeCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ServiceDistrict>(e =>
        {
            e.ToTable("service_districts");
            e.HasKey(x => new { x.ServiceId, x.DistrictCode });
            e.Property(x => x.DistrictCode).HasMaxLength(16);
            e.HasIndex(x => x.DistrictCode);
        });
        ProvidersModel.Build(b);
    }
}
