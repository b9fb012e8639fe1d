using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Facts;

/// <summary>Observations of registry facts with their provenance, and the rules choosing the current one.</summary>
public static class FactsModel
{
    public static void Build(ModelBuilder b, DatabaseProvider provider)
    {
        b.Entity<FactObservation>(e =>
        {
            e.ToTable("fact_observations");
            e.Property(x => x.Fact).HasMaxLength(40);
            e.Property(x => x.Value).HasMaxLength(200);
            e.Property(x => x.Source).HasMaxLength(100);
            e.HasIndex(x => new { x.ChildId, x.Fact });
            e.HasIndex(x => x.BatchId);
            e.HasOne<Himaya.Features.Registry.Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<FactRule>(e =>
        {
            e.ToTable("fact_rules");
            e.HasKey(x => x.Fact);
            e.Property(x => x.Fact).HasMaxLength(40);
            e.Property(x => x.PreferredSource).HasMaxLength(100);
        });
    }
}
