using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Violence;

/// <summary>The Violence feature's tables (reports and the actions taken on them): their mapping, and their sets on the context.</summary>
public static class ViolenceModel
{
    extension(AppDbContext db)
    {
        public DbSet<VacReport> VacReports => db.Set<VacReport>();
        public DbSet<VacResponseAction> VacResponseActions => db.Set<VacResponseAction>();
    }

    public static void Conventions(ModelConfigurationBuilder model)
    {
        model.Properties<ViolenceType>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<ReportRisk>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<ReportChannel>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<ReportStatus>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<ResponseAction>().HaveConversion<string>().HaveMaxLength(32);
        model.Properties<ReportClosure>().HaveConversion<string>().HaveMaxLength(16);
    }

    public static void Build(ModelBuilder b, DatabaseProvider provider)
    {
        b.Entity<VacReport>(e =>
        {
            e.Property(x => x.Reference).HasMaxLength(16);
            e.HasIndex(x => x.Reference).IsUnique();
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.DistrictCode).HasMaxLength(16);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.ChildGivenName).HasMaxLength(100);
            e.Property(x => x.ChildSurname).HasMaxLength(100);
            e.Property(x => x.ChildPatronymic).HasMaxLength(100);
            e.Property(x => x.ChildKey).HasMaxLength(210);
            e.Property(x => x.PerpetratorRelation).HasMaxLength(100);
            e.Property(x => x.PerpetratorDescription).HasMaxLength(1000);
            e.Property(x => x.ReporterName).HasMaxLength(200);
            e.Property(x => x.ReporterPhone).HasMaxLength(32);
            e.Property(x => x.ReporterPhoneKey).HasMaxLength(16);
            e.Property(x => x.ReporterRelation).HasMaxLength(100);
            e.Property(x => x.ClosureNote).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            // The district's open work by deadline (lists, overdue, escalation), and repeat reports of one child.
            e.HasIndex(x => new { x.DistrictCode, x.Status, x.ResponseDueAt });
            e.HasIndex(x => new { x.DistrictCode, x.ChildKey }).HasFilter("child_key IS NOT NULL");
            // Earlier reports during a call: the same child in any district (by birth year), the same caller's phone.
            e.HasIndex(x => x.ChildKey).HasFilter("child_key IS NOT NULL");
            e.HasIndex(x => x.ReporterPhoneKey).HasFilter("reporter_phone_key IS NOT NULL");
            e.HasIndex(x => x.AssignedToId).HasFilter("assigned_to_id IS NOT NULL");
            e.HasIndex(x => x.ReportedById).HasFilter("reported_by_id IS NOT NULL");
        });
        b.Entity<CoordinationMember>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(16);
            e.Property(x => x.Agency).HasMaxLength(200);
            e.Property(x => x.PersonName).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(100);
            e.HasIndex(x => x.DistrictCode);
        });
        b.Entity<CoordinationMeeting>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(16);
            e.Property(x => x.Notes).HasMaxLength(4000);
            e.HasIndex(x => new { x.DistrictCode, x.HeldOn });
        });
        b.Entity<CoordinationAgendaItem>(e =>
        {
            e.HasIndex(x => x.MeetingId);
            e.HasOne<CoordinationMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<VacReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CoordinationDecision>(e =>
        {
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.Owner).HasMaxLength(200);
            e.Property(x => x.DoneNote).HasMaxLength(1000);
            e.HasIndex(x => x.MeetingId);
            // A user's open follow-ups (in my work).
            e.HasIndex(x => x.OwnerUserId).HasFilter("owner_user_id IS NOT NULL AND done_at IS NULL");
            e.HasOne<CoordinationMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<VacResponseAction>(e =>
        {
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => x.ReportId);
            e.HasOne<VacReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
