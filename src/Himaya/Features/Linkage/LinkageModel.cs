using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Linkage;

/// <summary>The Linkage feature's tables (sources, imports, imported records, review decisions and merges): their mapping, and their sets on the context.</summary>
public static class LinkageModel
{
    extension(AppDbContext db)
    {
        public DbSet<LinkSource> LinkSources => db.Set<LinkSource>();
        public DbSet<ImportBatch> ImportBatches => db.Set<ImportBatch>();
        public DbSet<SourceRecord> SourceRecords => db.Set<SourceRecord>();
        public DbSet<ImportFile> ImportFiles => db.Set<ImportFile>();
        public DbSet<MatchDecision> MatchDecisions => db.Set<MatchDecision>();
        public DbSet<ChildMerge> ChildMerges => db.Set<ChildMerge>();
        public DbSet<DistinctChildren> DistinctChildren => db.Set<DistinctChildren>();
    }

    /// <summary>Enums are stored by name (the platform's rule); the column widths are this feature's.</summary>
    public static void Conventions(ModelConfigurationBuilder model)
    {
        model.Properties<ImportStatus>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<SourceOutcome>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<ReviewDecision>().HaveConversion<string>().HaveMaxLength(16);
    }

    public static void Build(ModelBuilder b, DatabaseProvider provider)
    {
        b.Entity<LinkSource>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Mapping).HasMaxLength(4000);
            e.HasIndex(x => x.Name).IsUnique();
        });
        b.Entity<ImportBatch>(e =>
        {
            e.ToTable("import_batches");
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.FileHash).HasMaxLength(64);
            e.HasOne<LinkSource>().WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
            // One live import of a file per source: two first sendings at once (a double click, a client's retry) cannot
            // both create a batch; the second is told the file is already being imported.
            e.HasIndex(x => new { x.SourceId, x.FileHash }).IsUnique().HasFilter("status <> 'RolledBack'");
            e.Property(x => x.Error).HasMaxLength(1000);
            // A rollback and a background chunk both write the batch: whichever commits second sees the other's status
            // change and gives way (the chunk rolls back whole), so no row is applied to a rolled-back import.
            e.Property(x => x.Status).IsConcurrencyToken();
        });
        b.Entity<ImportFile>(e =>
        {
            e.HasKey(x => x.BatchId);
            e.Property(x => x.Mapping).HasMaxLength(4000);
            e.HasOne<ImportBatch>().WithOne().HasForeignKey<ImportFile>(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SourceRecord>(e =>
        {
            e.Property(x => x.SourceRecordId).HasMaxLength(100);
            e.Property(x => x.MappedValues).HasMaxLength(4000);
            e.Property(x => x.Problem).HasMaxLength(1000);
            e.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.BatchId, x.RowNumber }).IsUnique();
            e.HasIndex(x => x.ChildId).HasFilter("child_id IS NOT NULL");
        });
        b.Entity<MatchDecision>(e =>
        {
            e.HasOne<SourceRecord>().WithMany().HasForeignKey(x => x.SourceRecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.SourceRecordId, x.ChildId }).IsUnique();
        });
        b.Entity<SourceRecord>().HasIndex(x => x.Outcome).HasFilter("outcome = 'Review'");
        b.Entity<ChildMerge>(e =>
        {
            e.Property(x => x.MovedSourceRecords).HasMaxLength(8000);
            e.HasOne<Child>().WithMany().HasForeignKey(x => x.SurvivorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Child>().WithMany().HasForeignKey(x => x.MergedId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.SurvivorId);
            e.HasIndex(x => x.MergedId);
        });
        b.Entity<DistinctChildren>(e =>
        {
            e.ToTable("distinct_children");
            e.HasOne<Child>().WithMany().HasForeignKey(x => x.FirstId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Child>().WithMany().HasForeignKey(x => x.SecondId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.FirstId, x.SecondId }).IsUnique();
            e.HasIndex(x => x.SecondId);
        });
    }
}
