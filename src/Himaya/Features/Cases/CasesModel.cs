using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Himaya.Platform;
using Himaya.Features.Services;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Cases;

/// <summary>The Cases feature's tables (cases and everything recorded on them: assessments, plans, notes, events, documents, referrals and services, alternative care, justice): their mapping, and their sets on the context.</summary>
public static class CasesModel
{
    extension(AppDbContext db)
    {
        public DbSet<Case> Cases => db.Set<Case>();
        public DbSet<CaseAssessment> CaseAssessments => db.Set<CaseAssessment>();
        public DbSet<CasePlanAction> CasePlanActions => db.Set<CasePlanAction>();
        public DbSet<CaseNote> CaseNotes => db.Set<CaseNote>();
        public DbSet<CaseEvent> CaseEvents => db.Set<CaseEvent>();
        public DbSet<Referral> Referrals => db.Set<Referral>();
        public DbSet<CaseAttachment> CaseAttachments => db.Set<CaseAttachment>();
        public DbSet<GatekeepingDecision> GatekeepingDecisions => db.Set<GatekeepingDecision>();
        public DbSet<Placement> Placements => db.Set<Placement>();
        public DbSet<FosterCarer> FosterCarers => db.Set<FosterCarer>();
        public DbSet<FosterCarerReview> FosterCarerReviews => db.Set<FosterCarerReview>();
        public DbSet<MonitoringVisit> MonitoringVisits => db.Set<MonitoringVisit>();
        public DbSet<JusticeRecord> JusticeRecords => db.Set<JusticeRecord>();
        public DbSet<CourtHearing> CourtHearings => db.Set<CourtHearing>();
    }

    /// <summary>Enums are stored by name (the platform's rule); the column widths are this feature's.</summary>
    public static void Conventions(ModelConfigurationBuilder model)
    {
        model.Properties<CaseStage>().HaveConversion<string>().HaveMaxLength(32);
        model.Properties<RiskLevel>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<PendingApproval>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<AssessmentKind>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<NoteKind>().HaveConversion<string>().HaveMaxLength(32);
        model.Properties<ReferralStatus>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<PlacementType>().HaveConversion<string>().HaveMaxLength(32);
        model.Properties<FosterCarerStatus>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<JusticeRole>().HaveConversion<string>().HaveMaxLength(16);
    }

    public static void Build(ModelBuilder b, DatabaseProvider provider)
    {
        b.Entity<Case>(e =>
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
            if (provider == DatabaseProvider.Postgres)
            {
                dashboard.IncludeProperties(x => new { x.Pending, x.DueAt, x.NextReviewOn, x.Id });
                e.Property(x => x.DistrictCode).UseCollation("C");
                e.Property(x => x.Number).UseCollation("C");
            }
        });
        b.Entity<CaseAssessment>(e =>
        {
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<CasePlanAction>(e =>
        {
            e.Property(x => x.ServiceType).HasMaxLength(40);
            e.Property(x => x.Goal).HasMaxLength(500);
            e.Property(x => x.Action).HasMaxLength(500);
            e.Property(x => x.Responsible).HasMaxLength(200);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<CaseNote>(e =>
        {
            e.Property(x => x.Text).HasMaxLength(8000);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<CaseEvent>(e =>
        {
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Detail).HasMaxLength(500);
            e.Property(x => x.Comment).HasMaxLength(4000);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<CaseAttachment>(e =>
        {
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.Description).HasMaxLength(500);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<GatekeepingDecision>(e =>
        {
            e.Property(x => x.PanelMembers).HasMaxLength(1000);
            e.Property(x => x.OptionsConsidered).HasMaxLength(200);
            e.Property(x => x.Decision).HasMaxLength(32);
            e.Property(x => x.Reasons).HasMaxLength(4000);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<Placement>(e =>
        {
            e.Property(x => x.PlaceName).HasMaxLength(200);
            e.Property(x => x.EndReason).HasMaxLength(500);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<FosterCarer>().WithMany().HasForeignKey(x => x.FosterCarerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.CaseId);
            // At most one current placement per child.
            e.HasIndex(x => x.ChildId).IsUnique().HasFilter("end_on IS NULL");
            e.HasIndex(x => x.FosterCarerId).HasFilter("foster_carer_id IS NOT NULL");
        });
        b.Entity<FosterCarer>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.DistrictCode).HasMaxLength(16);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.Phone).HasMaxLength(32);
            e.Property(x => x.AssessmentSummary).HasMaxLength(4000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<AdminUnit>().WithMany().HasForeignKey(x => x.DistrictCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.DistrictCode, x.Status });
            if (provider == DatabaseProvider.Postgres) e.Property(x => x.DistrictCode).UseCollation("C");
        });
        b.Entity<FosterCarerReview>(e =>
        {
            e.Property(x => x.Outcome).HasMaxLength(16);
            e.Property(x => x.Notes).HasMaxLength(4000);
            e.HasOne<FosterCarer>().WithMany().HasForeignKey(x => x.FosterCarerId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.FosterCarerId);
        });
        b.Entity<MonitoringVisit>(e =>
        {
            e.Property(x => x.Findings).HasMaxLength(4000);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CaseId);
        });
        b.Entity<JusticeRecord>(e =>
        {
            e.Property(x => x.Matter).HasMaxLength(1000);
            e.Property(x => x.LegalAidBy).HasMaxLength(200);
            e.Property(x => x.Diversion).HasMaxLength(500);
            e.Property(x => x.DiversionOutcome).HasMaxLength(2000);
            e.Property(x => x.DetentionPlace).HasMaxLength(200);
            e.Ignore(x => x.DetentionReviewDue);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CaseId);
            // "My work" finds the children deprived of liberty from this.
            e.HasIndex(x => x.DetainedFrom).HasFilter("detained_from IS NOT NULL AND detained_until IS NULL");
        });
        b.Entity<CourtHearing>(e =>
        {
            e.Property(x => x.Court).HasMaxLength(200);
            e.Property(x => x.Outcome).HasMaxLength(2000);
            e.HasOne<JusticeRecord>().WithMany().HasForeignKey(x => x.JusticeRecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.JusticeRecordId);
            e.HasIndex(x => x.On);
        });
        b.Entity<Referral>(e =>
        {
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.ConsentBy).HasMaxLength(200);
            e.Property(x => x.DeclineReason).HasMaxLength(2000);
            e.Property(x => x.DeliveryNote).HasMaxLength(4000);
            e.Property(x => x.Outcome).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.IsOpen);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.CaseId);
            e.HasIndex(x => new { x.ServiceId, x.Status });
            // Late-referral counts (team dashboard) look at open referrals only, a small share of all of them.
            var open = e.HasIndex(x => x.CaseId, "ix_referrals_open_case_id").HasFilter("status IN ('Sent', 'Accepted', 'Delivered')");
            if (provider == DatabaseProvider.Postgres) open.IncludeProperties(x => new { x.Status, x.RespondBy, x.DueOn });
        });
    }
}
