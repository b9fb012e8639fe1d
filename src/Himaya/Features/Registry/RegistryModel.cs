using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Registry;

/// <summary>The Registry feature's tables (children, their guardians, households and the history of changes): their mapping, and their sets on the context.</summary>
public static class RegistryModel
{
    extension(AppDbContext db)
    {
        public DbSet<Child> Children => db.Set<Child>();
        public DbSet<Guardian> Guardians => db.Set<Guardian>();
        public DbSet<Household> Households => db.Set<Household>();
        public DbSet<HouseholdMember> HouseholdMembers => db.Set<HouseholdMember>();
        public DbSet<RecordChange> RecordChanges => db.Set<RecordChange>();
    }

    /// <summary>Enums are stored by name (the platform's rule); the column widths are this feature's.</summary>
    public static void Conventions(ModelConfigurationBuilder model)
    {
        model.Properties<Sex>().HaveConversion<string>().HaveMaxLength(1);
        model.Properties<CareArrangement>().HaveConversion<string>().HaveMaxLength(32);
        model.Properties<Residence>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<Displacement>().HaveConversion<string>().HaveMaxLength(32);
        model.Properties<Enrolment>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<Immunisation>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<WaterSource>().HaveConversion<string>().HaveMaxLength(32);
        model.Properties<Sanitation>().HaveConversion<string>().HaveMaxLength(16);
    }

    public static void Build(ModelBuilder b, DatabaseProvider provider)
    {
        b.Entity<Child>(e =>
        {
            e.ToTable("children");
            e.Property(x => x.GivenName).HasMaxLength(100);
            e.Property(x => x.Surname).HasMaxLength(100);
            e.Property(x => x.Patronymic).HasMaxLength(100);
            e.Property(x => x.Fin).HasMaxLength(7);
            e.Property(x => x.BirthCertificateNumber).HasMaxLength(24);
            e.Property(x => x.Functioning).HasMaxLength(512);
            e.Property(x => x.DisabilityCategory).HasMaxLength(64);
            e.Property(x => x.DistrictCode).HasMaxLength(16);
            e.Property(x => x.Settlement).HasMaxLength(100);
            e.Property(x => x.SchoolName).HasMaxLength(200);
            e.Property(x => x.RelationshipToHead).HasMaxLength(32);
            e.Property(x => x.SurnameKey).HasMaxLength(100);
            e.Property(x => x.GivenNameKey).HasMaxLength(100);
            e.Property(x => x.PatronymicKey).HasMaxLength(100);
            e.Property(x => x.Agency).HasMaxLength(128);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne(x => x.Household).WithMany(h => h.Children).HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<AdminUnit>().WithMany().HasForeignKey(x => x.DistrictCode).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Guardians).WithOne().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
            // Search (ADR-004): folded-name prefixes in name order, with district first for area-scoped users.
            // Partial on live records, so counts and first pages are served from the index alone. Every index here
            // is paid for at bulk-load time, so each one earns its place in a query.
            const string Live = "deleted_at IS NULL";
            e.HasIndex(x => new { x.SurnameKey, x.GivenNameKey, x.Id }).HasFilter(Live);
            e.HasIndex(x => new { x.GivenNameKey, x.SurnameKey, x.Id }).HasFilter(Live);
            e.HasIndex(x => new { x.PatronymicKey, x.SurnameKey, x.Id }).HasFilter(Live);
            e.HasIndex(x => new { x.DistrictCode, x.SurnameKey }).HasFilter(Live);
            // A district-scoped search for a common given name otherwise visits every such child nationwide (ADR-004).
            e.HasIndex(x => new { x.DistrictCode, x.GivenNameKey }).HasFilter(Live);
            e.HasIndex(x => x.Fin).HasFilter("fin IS NOT NULL");
            e.HasIndex(x => x.BirthCertificateNumber).HasFilter("birth_certificate_number IS NOT NULL");
            e.HasIndex(x => x.BirthDate);
            e.HasIndex(x => x.HouseholdId).HasFilter("household_id IS NOT NULL");
            e.HasIndex(x => x.AssignedWorkerId).HasFilter("assigned_worker_id IS NOT NULL");
            e.Ignore(x => x.FunctioningByDomain);
            if (provider == DatabaseProvider.Postgres)
            {
                // Folded keys, identifiers and codes are plain ASCII: byte order is the right order, and it makes the
                // B-tree indexes on them cheaper to build and to search than a linguistic collation.
                foreach (var p in new[] { nameof(Child.SurnameKey), nameof(Child.GivenNameKey), nameof(Child.PatronymicKey), nameof(Child.Fin), nameof(Child.BirthCertificateNumber), nameof(Child.DistrictCode) })
                    e.Property(p).UseCollation("C");
            }
        });
        b.Entity<Guardian>(e =>
        {
            e.Property(x => x.FullName).HasMaxLength(200);
            e.Property(x => x.Relationship).HasMaxLength(32);
            e.Property(x => x.Phone).HasMaxLength(32);
        });
        b.Entity<Household>(e =>
        {
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.DistrictCode).HasMaxLength(16);
            e.Property(x => x.Settlement).HasMaxLength(100);
            e.Property(x => x.HeadName).HasMaxLength(200);
            e.Property(x => x.OtherIncomeSupport).HasMaxLength(200);
            e.Property(x => x.Agency).HasMaxLength(128);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<AdminUnit>().WithMany().HasForeignKey(x => x.DistrictCode).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.DistrictCode);
            if (provider == DatabaseProvider.Postgres) e.Property(x => x.DistrictCode).UseCollation("C");
        });
        b.Entity<HouseholdMember>(e =>
        {
            e.Property(x => x.FullName).HasMaxLength(200);
            e.Property(x => x.Relationship).HasMaxLength(32);
        });
        b.Entity<RecordChange>(e =>
        {
            e.Property(x => x.EntityType).HasMaxLength(32);
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(16);
            e.HasIndex(x => new { x.EntityType, x.EntityId });
        });
    }
}
