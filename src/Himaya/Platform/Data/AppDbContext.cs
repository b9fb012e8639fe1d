using System.Text;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Platform;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<AdminUnit> AdminUnits => Set<AdminUnit>();
    public DbSet<AppUser> Users => Set<AppUser>();
    public DbSet<Child> Children => Set<Child>();
    public DbSet<Guardian> Guardians => Set<Guardian>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();
    public DbSet<RecordChange> RecordChanges => Set<RecordChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Himaya.Features.Linkage.LinkSource> LinkSources => Set<Himaya.Features.Linkage.LinkSource>();
    public DbSet<Himaya.Features.Linkage.ImportBatch> ImportBatches => Set<Himaya.Features.Linkage.ImportBatch>();
    public DbSet<Himaya.Features.Linkage.SourceRecord> SourceRecords => Set<Himaya.Features.Linkage.SourceRecord>();
    public DbSet<Himaya.Features.Linkage.ImportFile> ImportFiles => Set<Himaya.Features.Linkage.ImportFile>();
    public DbSet<Himaya.Features.Deprivation.DeprivationRun> DeprivationRuns => Set<Himaya.Features.Deprivation.DeprivationRun>();
    public DbSet<Himaya.Features.Deprivation.StoredFramework> DeprivationFrameworks => Set<Himaya.Features.Deprivation.StoredFramework>();
    public DbSet<Himaya.Features.Deprivation.OutreachTask> OutreachTasks => Set<Himaya.Features.Deprivation.OutreachTask>();
    public DbSet<Himaya.Features.Linkage.MatchDecision> MatchDecisions => Set<Himaya.Features.Linkage.MatchDecision>();
    public DbSet<Himaya.Features.Linkage.ChildMerge> ChildMerges => Set<Himaya.Features.Linkage.ChildMerge>();
    public DbSet<Himaya.Features.Linkage.DistinctChildren> DistinctChildren => Set<Himaya.Features.Linkage.DistinctChildren>();

    public DbSet<Himaya.Features.Cases.Case> Cases => Set<Himaya.Features.Cases.Case>();
    public DbSet<Himaya.Features.Cases.CaseAssessment> CaseAssessments => Set<Himaya.Features.Cases.CaseAssessment>();
    public DbSet<Himaya.Features.Cases.CasePlanAction> CasePlanActions => Set<Himaya.Features.Cases.CasePlanAction>();
    public DbSet<Himaya.Features.Cases.CaseNote> CaseNotes => Set<Himaya.Features.Cases.CaseNote>();
    public DbSet<Himaya.Features.Cases.CaseEvent> CaseEvents => Set<Himaya.Features.Cases.CaseEvent>();
    public DbSet<Himaya.Features.Cases.Service> Services => Set<Himaya.Features.Cases.Service>();
    public DbSet<Himaya.Features.Cases.Referral> Referrals => Set<Himaya.Features.Cases.Referral>();
    public DbSet<Himaya.Features.Cases.CaseAttachment> CaseAttachments => Set<Himaya.Features.Cases.CaseAttachment>();
    public DbSet<Himaya.Features.Cases.GatekeepingDecision> GatekeepingDecisions => Set<Himaya.Features.Cases.GatekeepingDecision>();
    public DbSet<Himaya.Features.Cases.Placement> Placements => Set<Himaya.Features.Cases.Placement>();
    public DbSet<Himaya.Features.Cases.FosterCarer> FosterCarers => Set<Himaya.Features.Cases.FosterCarer>();
    public DbSet<Himaya.Features.Cases.FosterCarerReview> FosterCarerReviews => Set<Himaya.Features.Cases.FosterCarerReview>();
    public DbSet<Himaya.Features.Cases.MonitoringVisit> MonitoringVisits => Set<Himaya.Features.Cases.MonitoringVisit>();
    public DbSet<Himaya.Features.Cases.JusticeRecord> JusticeRecords => Set<Himaya.Features.Cases.JusticeRecord>();
    public DbSet<Himaya.Features.Cases.CourtHearing> CourtHearings => Set<Himaya.Features.Cases.CourtHearing>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseUndefinedEnums();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseUndefinedEnums();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// The last line behind the parsers: an undefined enum value (a number, or members ORed together) would be stored
    /// as text no read can turn back into the enum, and every list holding the row would fail from then on.
    /// </summary>
    private void RefuseUndefinedEnums()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var p in entry.Properties)
                if (p.CurrentValue is Enum value && !EnumNames.IsDefined(value))
                    throw new InvalidOperationException($"{entry.Metadata.ClrType.Name}.{p.Metadata.Name} holds an undefined enum value.");
        }
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
        // Enums are stored by name: readable in SQL, stable when members are reordered.
        builder.Properties<Sex>().HaveConversion<string>().HaveMaxLength(1);
        builder.Properties<CareArrangement>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Residence>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Displacement>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Enrolment>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Immunisation>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<WaterSource>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Sanitation>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<ScopeKind>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Himaya.Features.Linkage.ImportStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Himaya.Features.Deprivation.OutreachStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Himaya.Features.Linkage.SourceOutcome>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Himaya.Features.Linkage.ReviewDecision>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Himaya.Features.Cases.CaseStage>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Himaya.Features.Cases.RiskLevel>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Himaya.Features.Cases.PendingApproval>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Himaya.Features.Cases.AssessmentKind>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Himaya.Features.Cases.NoteKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Himaya.Features.Cases.ReferralStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Himaya.Features.Cases.ServiceKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Himaya.Features.Cases.PlacementType>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Himaya.Features.Cases.FosterCarerStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Himaya.Features.Cases.JusticeRole>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<AdminUnit>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(16);
            e.Property(x => x.NameAz).HasMaxLength(100);
            e.Property(x => x.NameEn).HasMaxLength(100);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.ParentCode).HasMaxLength(16);
            if (Database.IsNpgsql()) { e.Property(x => x.Code).UseCollation("C"); e.Property(x => x.ParentCode).UseCollation("C"); }
        });

        b.Entity<AppUser>(e =>
        {
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
            if (Database.IsNpgsql()) e.Property(x => x.AdminUnitCode).UseCollation("C");
        });

        b.Entity<Child>(e =>
        {
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
            if (Database.IsNpgsql())
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
            if (Database.IsNpgsql()) e.Property(x => x.DistrictCode).UseCollation("C");
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

        b.Entity<AuditEntry>(e =>
        {
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

        b.Entity<Himaya.Features.Linkage.LinkSource>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Mapping).HasMaxLength(4000);
            e.HasIndex(x => x.Name).IsUnique();
        });
        b.Entity<Himaya.Features.Linkage.ImportBatch>(e =>
        {
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.FileHash).HasMaxLength(64);
            e.HasOne<Himaya.Features.Linkage.LinkSource>().WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
            // One live import of a file per source: two first sendings at once (a double click, a client's retry) cannot
            // both create a batch; the second is told the file is already being imported.
            e.HasIndex(x => new { x.SourceId, x.FileHash }).IsUnique().HasFilter("status <> 'RolledBack'");
            e.Property(x => x.Error).HasMaxLength(1000);
            // A rollback and a background chunk both write the batch: whichever commits second sees the other's status
            // change and gives way (the chunk rolls back whole), so no row is applied to a rolled-back import.
            e.Property(x => x.Status).IsConcurrencyToken();
        });
        b.Entity<Himaya.Features.Deprivation.OutreachTask>(e =>
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
        b.Entity<Himaya.Features.Deprivation.StoredFramework>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => new { x.Name, x.Version }).IsUnique();
        });
        b.Entity<Himaya.Features.Deprivation.DeprivationRun>(e =>
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
        b.Entity<Himaya.Features.Linkage.ImportFile>(e =>
        {
            e.HasKey(x => x.BatchId);
            e.Property(x => x.Mapping).HasMaxLength(4000);
            e.HasOne<Himaya.Features.Linkage.ImportBatch>().WithOne().HasForeignKey<Himaya.Features.Linkage.ImportFile>(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Himaya.Features.Linkage.SourceRecord>(e =>
        {
            e.Property(x => x.SourceRecordId).HasMaxLength(100);
            e.Property(x => x.MappedValues).HasMaxLength(4000);
            e.Property(x => x.Problem).HasMaxLength(1000);
            e.HasOne<Himaya.Features.Linkage.ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.BatchId, x.RowNumber }).IsUnique();
            e.HasIndex(x => x.ChildId).HasFilter("child_id IS NOT NULL");
        });

        b.Entity<Himaya.Features.Linkage.MatchDecision>(e =>
        {
            e.HasOne<Himaya.Features.Linkage.SourceRecord>().WithMany().HasForeignKey(x => x.SourceRecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.SourceRecordId, x.ChildId }).IsUnique();
        });
        b.Entity<Himaya.Features.Linkage.SourceRecord>().HasIndex(x => x.Outcome).HasFilter("outcome = 'Review'");
        b.Entity<Himaya.Features.Linkage.ChildMerge>(e =>
        {
            e.Property(x => x.MovedSourceRecords).HasMaxLength(8000);
            e.HasOne<Child>().WithMany().HasForeignKey(x => x.SurvivorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Child>().WithMany().HasForeignKey(x => x.MergedId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.SurvivorId);
            e.HasIndex(x => x.MergedId);
        });
        b.Entity<Himaya.Features.Linkage.DistinctChildren>(e =>
        {
            e.HasOne<Child>().WithMany().HasForeignKey(x => x.FirstId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Child>().WithMany().HasForeignKey(x => x.SecondId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.FirstId, x.SecondId }).IsUnique();
            e.HasIndex(x => x.SecondId);
        });

        ConfigureCases(b);
        ApplySnakeCaseNames(b);
    }

    private void ConfigureCases(ModelBuilder b)
    {
        b.Entity<Himaya.Features.Cases.Case>(e =>
        {
            e.Property(x => x.Number).HasMaxLength(16);
            e.Property(x => x.DistrictCode).HasMaxLength(16);
            e.Property(x => x.Agency).HasMaxLength(128);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.Concerns).HasMaxLength(500);
            e.Property(x => x.OpenedFrom).HasMaxLength(16);
            e.Property(x => x.CarePlanDomains).HasMaxLength(300);
            e.Property(x => x.ClosureReason).HasMaxLength(32);
            e.Property(x => x.ClosureOutcome).HasMaxLength(4000);
            e.Property(x => x.TransferToDistrict).HasMaxLength(16);
            e.Property(x => x.TransferReason).HasMaxLength(2000);
            e.HasIndex(x => x.TransferToSupervisorId).HasFilter("transfer_to_supervisor_id IS NOT NULL");
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AdminUnit>().WithMany().HasForeignKey(x => x.DistrictCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.SupervisorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.Number).IsUnique();
            // One open case per child, whoever opens it at the same moment.
            e.HasIndex(x => x.ChildId).IsUnique().HasFilter("stage <> 'Closed'");
            // "My work", the team dashboard and the district counts read by these.
            e.HasIndex(x => new { x.OwnerId, x.Stage });
            e.HasIndex(x => new { x.SupervisorId, x.Pending });
            e.HasIndex(x => new { x.DistrictCode, x.Stage });
            // The team dashboard counts the open cases of an area by owner and stage: an index of the open cases alone,
            // carrying the columns the counts test (PostgreSQL; SQLite has no INCLUDE), answers it without the heap.
            var dashboard = e.HasIndex(x => new { x.DistrictCode, x.OwnerId, x.Stage }, "ix_cases_open_by_district_owner_stage").HasFilter("stage <> 'Closed'");
            if (Database.IsNpgsql())
            {
                dashboard.IncludeProperties(x => new { x.Pending, x.DueAt, x.NextReviewOn, x.Id });
                e.Property(x => x.DistrictCode).UseCollation("C");
                e.Property(x => x.Number).UseCollation("C");
            }
        });
        b.Entity<Himaya.Features.Cases.CaseAssessment>(e =>
        {
            e.HasOne<Himaya.Features.Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<Himaya.Features.Cases.CasePlanAction>(e =>
        {
            e.Property(x => x.Goal).HasMaxLength(500);
            e.Property(x => x.Action).HasMaxLength(500);
            e.Property(x => x.Responsible).HasMaxLength(200);
            e.HasOne<Himaya.Features.Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<Himaya.Features.Cases.CaseNote>(e =>
        {
            e.Property(x => x.Text).HasMaxLength(8000);
            e.HasOne<Himaya.Features.Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<Himaya.Features.Cases.CaseEvent>(e =>
        {
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Detail).HasMaxLength(500);
            e.Property(x => x.Comment).HasMaxLength(4000);
            e.HasOne<Himaya.Features.Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<Himaya.Features.Cases.CaseAttachment>(e =>
        {
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.Description).HasMaxLength(500);
            e.HasOne<Himaya.Features.Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<Himaya.Features.Cases.GatekeepingDecision>(e =>
        {
            e.Property(x => x.PanelMembers).HasMaxLength(1000);
            e.Property(x => x.OptionsConsidered).HasMaxLength(200);
            e.Property(x => x.Decision).HasMaxLength(32);
            e.Property(x => x.Reasons).HasMaxLength(4000);
            e.HasOne<Himaya.Features.Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<Himaya.Features.Cases.Placement>(e =>
        {
            e.Property(x => x.PlaceName).HasMaxLength(200);
            e.Property(x => x.EndReason).HasMaxLength(500);
            e.HasOne<Himaya.Features.Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Himaya.Features.Cases.FosterCarer>().WithMany().HasForeignKey(x => x.FosterCarerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.CaseId);
            // At most one current placement per child.
            e.HasIndex(x => x.ChildId).IsUnique().HasFilter("end_on IS NULL");
            e.HasIndex(x => x.FosterCarerId).HasFilter("foster_carer_id IS NOT NULL");
        });
        b.Entity<Himaya.Features.Cases.FosterCarer>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.DistrictCode).HasMaxLength(16);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.Phone).HasMaxLength(32);
            e.Property(x => x.AssessmentSummary).HasMaxLength(4000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<AdminUnit>().WithMany().HasForeignKey(x => x.DistrictCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.DistrictCode, x.Status });
            if (Database.IsNpgsql()) e.Property(x => x.DistrictCode).UseCollation("C");
        });
        b.Entity<Himaya.Features.Cases.FosterCarerReview>(e =>
        {
            e.Property(x => x.Outcome).HasMaxLength(16);
            e.Property(x => x.Notes).HasMaxLength(4000);
            e.HasOne<Himaya.Features.Cases.FosterCarer>().WithMany().HasForeignKey(x => x.FosterCarerId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.FosterCarerId);
        });
        b.Entity<Himaya.Features.Cases.MonitoringVisit>(e =>
        {
            e.Property(x => x.Findings).HasMaxLength(4000);
            e.HasOne<Himaya.Features.Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<Himaya.Features.Cases.JusticeRecord>(e =>
        {
            e.Property(x => x.Matter).HasMaxLength(1000);
            e.Property(x => x.LegalAidBy).HasMaxLength(200);
            e.Property(x => x.Diversion).HasMaxLength(500);
            e.Property(x => x.DiversionOutcome).HasMaxLength(2000);
            e.Property(x => x.DetentionPlace).HasMaxLength(200);
            e.Ignore(x => x.DetentionReviewDue);
            e.HasOne<Himaya.Features.Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CaseId);
            // "My work" finds the children deprived of liberty from this.
            e.HasIndex(x => x.DetainedFrom).HasFilter("detained_from IS NOT NULL AND detained_until IS NULL");
        });
        b.Entity<Himaya.Features.Cases.CourtHearing>(e =>
        {
            e.Property(x => x.Court).HasMaxLength(200);
            e.Property(x => x.Outcome).HasMaxLength(2000);
            e.HasOne<Himaya.Features.Cases.JusticeRecord>().WithMany().HasForeignKey(x => x.JusticeRecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.JusticeRecordId);
            e.HasIndex(x => x.On);
        });
        b.Entity<Himaya.Features.Cases.Service>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Agency).HasMaxLength(128);
            e.Property(x => x.Areas).HasMaxLength(500);
            e.Property(x => x.Contact).HasMaxLength(300);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasIndex(x => x.Agency);
        });
        b.Entity<Himaya.Features.Cases.Referral>(e =>
        {
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.ConsentBy).HasMaxLength(200);
            e.Property(x => x.DeclineReason).HasMaxLength(2000);
            e.Property(x => x.DeliveryNote).HasMaxLength(4000);
            e.Property(x => x.Outcome).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.IsOpen);
            e.HasOne<Himaya.Features.Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Himaya.Features.Cases.Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.CaseId);
            e.HasIndex(x => new { x.ServiceId, x.Status });
            // Late-referral counts (team dashboard) look at open referrals only, a small share of all of them.
            var open = e.HasIndex(x => x.CaseId, "ix_referrals_open_case_id").HasFilter("status IN ('Sent', 'Accepted', 'Delivered')");
            if (Database.IsNpgsql()) open.IncludeProperties(x => new { x.Status, x.RespondBy, x.DueOn });
        });
    }

    private sealed class UtcKind() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    /// <summary>snake_case tables and columns: plain SQL (COPY, psql, benchmarks) reads naturally on both providers.</summary>
    private static void ApplySnakeCaseNames(ModelBuilder b)
    {
        foreach (var entity in b.Model.GetEntityTypes())
        {
            entity.SetTableName(TableName(entity.ClrType.Name));
            foreach (var p in entity.GetProperties()) p.SetColumnName(SnakeCase(p.Name));
            foreach (var k in entity.GetKeys()) k.SetName("pk_" + entity.GetTableName());
            foreach (var fk in entity.GetForeignKeys())
                fk.SetConstraintName($"fk_{entity.GetTableName()}_{string.Join("_", fk.Properties.Select(p => p.GetColumnName()))}");
            // A named index keeps its name (two indexes over the same columns, one of them partial, need two names).
            foreach (var ix in entity.GetIndexes().Where(i => i.Name is null))
                ix.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join("_", ix.Properties.Select(p => p.GetColumnName()))}");
        }
    }

    private static string TableName(string clrName) => clrName switch
    {
        "Child" => "children",
        "AuditEntry" => "audit_entries",
        "AppUser" => "users",
        "ImportBatch" => "import_batches",
        "StoredFramework" => "deprivation_frameworks",
        "DistinctChildren" => "distinct_children",
        _ => SnakeCase(clrName) + "s",
    };

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
