using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Institutions;

/// <summary>The institution register and its monitoring visits: checklists, private interviews, findings and their follow-up.</summary>
public static class InstitutionsModel
{
    public static void Conventions(ModelConfigurationBuilder model)
    {
        model.Properties<InstitutionKind>().HaveConversion<string>().HaveMaxLength(24);
        model.Properties<VisitKind>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<VisitStatus>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<CheckAnswer>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<Interviewee>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<FindingSeverity>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<FollowUpStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    public static void Build(ModelBuilder b, DatabaseProvider provider)
    {
        b.Entity<Institution>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(300);
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.DistrictCode).HasMaxLength(20);
            e.HasIndex(x => x.DistrictCode);
            e.Property(x => x.Operator).HasMaxLength(200);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<InstitutionVisit>(e =>
        {
            e.Property(x => x.Team).HasMaxLength(500);
            e.Property(x => x.Summary).HasMaxLength(4000);
            e.HasIndex(x => new { x.InstitutionId, x.VisitedOn });
            e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<VisitCheck>(e =>
        {
            e.Property(x => x.Item).HasMaxLength(40);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.VisitId, x.Item }).IsUnique();
            e.HasOne<InstitutionVisit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<VisitInterview>(e =>
        {
            e.Property(x => x.AgeGroup).HasMaxLength(8);
            e.Property(x => x.Notes).HasMaxLength(4000);
            e.HasIndex(x => x.VisitId);
            e.HasOne<InstitutionVisit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<VisitFinding>(e =>
        {
            e.Property(x => x.Item).HasMaxLength(40);
            e.Property(x => x.Finding).HasMaxLength(2000);
            e.Property(x => x.Recommendation).HasMaxLength(2000);
            e.Property(x => x.Addressee).HasMaxLength(200);
            e.HasIndex(x => x.VisitId);
            e.HasIndex(x => new { x.InstitutionId, x.Status });
            e.HasOne<InstitutionVisit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<FindingUpdate>(e =>
        {
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => x.FindingId);
            e.HasOne<VisitFinding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
