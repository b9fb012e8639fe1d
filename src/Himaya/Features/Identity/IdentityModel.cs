using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Identity;

/// <summary>The Identity feature's tables (users, their roles and the areas they work in): their mapping, and their sets on the context.</summary>
public static class IdentityModel
{
    extension(AppDbContext db)
    {
        public DbSet<AppUser> Users => db.Set<AppUser>();
    }

    /// <summary>Enums are stored by name (the platform's rule); the column widths are this feature's.</summary>
    public static void Conventions(ModelConfigurationBuilder model)
    {
        model.Properties<ScopeKind>().HaveConversion<string>().HaveMaxLength(16);
    }

    public static void Build(ModelBuilder b, DatabaseProvider provider)
    {
        b.Entity<AppUser>(e =>
        {
            e.ToTable("users");
            e.HasIndex(x => x.UserName).IsUnique();
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.DisplayName).HasMaxLength(128);
            e.Property(x => x.PasswordHash).HasMaxLength(256);
            e.Property(x => x.Agency).HasMaxLength(128);
            e.Property(x => x.SecurityStamp).HasMaxLength(64);
            e.Property(x => x.PreferredLanguage).HasMaxLength(2);
            e.Property(x => x.TotpSecret).HasMaxLength(512);
            e.Property(x => x.RecoveryCodes).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.Roles).WithOne().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.ScopeAreas).WithOne().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(x => x.RoleNames);
        });
        b.Entity<UserRole>(e =>
        {
            e.HasKey(x => new { x.UserId, x.Role });
            e.Property(x => x.Role).HasMaxLength(32);
        });
        b.Entity<UserScopeArea>(e =>
        {
            e.HasKey(x => new { x.UserId, x.AdminUnitCode });
            e.Property(x => x.AdminUnitCode).HasMaxLength(16);
            if (provider == DatabaseProvider.Postgres) e.Property(x => x.AdminUnitCode).UseCollation("C");
        });
    }
}
