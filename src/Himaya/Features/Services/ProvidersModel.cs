using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Services;

/// <summary>A provider's state contracts (with the types they buy) and contact people: mapping and sets (migration 0027).</summary>
public static class ProvidersModel
{
    extension(AppDbContext db)
    {
        public DbSet<ProviderContract> ProviderContracts => db.Set<ProviderContract>();
        public DbSet<ProviderContact> ProviderContacts => db.Set<ProviderContact>();
    }

    public static void Build(ModelBuilder b)
    {
        b.Entity<ProviderContract>(e =>
        {
            e.Property(x => x.Funder).HasMaxLength(ProviderContract.MaxFunder);
            e.Property(x => x.Number).HasMaxLength(ProviderContract.MaxNumber);
            e.Property(x => x.Amount).HasPrecision(14, 2);
            e.HasIndex(x => new { x.Funder, x.Number }).IsUnique();
            e.HasIndex(x => x.ProviderId);
            e.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Types).WithOne().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ContractServiceType>(e =>
        {
            e.ToTable("provider_contract_types");
            e.HasKey(x => new { x.ContractId, x.TypeCode });
            e.Property(x => x.TypeCode).HasMaxLength(40);
            e.HasIndex(x => x.TypeCode);
            e.HasOne<ServiceType>().WithMany().HasForeignKey(x => x.TypeCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ProviderContact>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(100);
            e.Property(x => x.Phone).HasMaxLength(32);
            e.Property(x => x.Email).HasMaxLength(200);
            e.HasIndex(x => x.ProviderId);
            e.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
