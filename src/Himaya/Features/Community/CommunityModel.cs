using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Community;

/// <summary>Programmes, their targets, and light contacts with the children who took part.</summary>
public static class CommunityModel
{
    public static void Conventions(ModelConfigurationBuilder model)
    {
        model.Properties<ActivityType>().HaveConversion<string>().HaveMaxLength(24);
        model.Properties<ProposalStatus>().HaveConversion<string>().HaveMaxLength(12);
        model.Properties<Wellbeing>().HaveConversion<string>().HaveMaxLength(8);
        model.Properties<Safety>().HaveConversion<string>().HaveMaxLength(8);
    }

    public static void Build(ModelBuilder b, DatabaseProvider provider)
    {
        b.Entity<Programme>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.ActivityTypes).HasMaxLength(300);
            e.Property(x => x.Districts).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<Himaya.Features.Monitoring.Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Himaya.Features.Services.Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Participant>(e =>
        {
            e.ToTable("programme_participants");
            e.HasKey(x => new { x.ProgrammeId, x.ChildId });
            e.HasIndex(x => x.ChildId);
            e.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Himaya.Features.Registry.Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ProgrammeTarget>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(20);
            e.Property(x => x.Period).HasMaxLength(7);
            e.HasIndex(x => new { x.ProgrammeId, x.DistrictCode, x.Period }).IsUnique();
            e.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Contact>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(20);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.Topics).HasMaxLength(1000);
            e.HasIndex(x => new { x.ProgrammeId, x.Date });
            e.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ContactChild>(e =>
        {
            e.ToTable("contact_children");
            e.HasKey(x => new { x.ContactId, x.ChildId });
            e.Property(x => x.Caregivers).HasMaxLength(100);
            // Few contacts have caregivers: progress counts them from this small index, not by reading every row.
            e.HasIndex(x => x.ContactId).HasFilter("caregivers IS NOT NULL");
            e.HasIndex(x => x.ChildId);
            e.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Himaya.Features.Registry.Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Screening>(e =>
        {
            e.Property(x => x.Instrument).HasMaxLength(40);
            e.Property(x => x.Answers).HasMaxLength(4000);
            e.HasIndex(x => new { x.ChildId, x.Instrument, x.Date });
            e.HasOne<Himaya.Features.Registry.Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<CaseProposal>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(20);
            e.Property(x => x.Source).HasMaxLength(20);
            e.Property(x => x.Summary).HasMaxLength(2000);
            e.Property(x => x.DeclineReason).HasMaxLength(1000);
            e.HasIndex(x => new { x.Status, x.DistrictCode });
            e.HasIndex(x => x.ChildId);
            e.HasOne<Himaya.Features.Registry.Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Screening>().WithMany().HasForeignKey(x => x.ScreeningId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Himaya.Features.Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<HomeVisitEnrolment>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(20);
            e.Property(x => x.EndReason).HasMaxLength(1000);
            e.HasIndex(x => new { x.WorkerId, x.EndedOn });
            e.HasIndex(x => new { x.ProgrammeId, x.ChildId });
            e.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Himaya.Features.Registry.Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<HomeVisit>(e =>
        {
            e.Property(x => x.WeightKg).HasPrecision(5, 2);
            e.Property(x => x.LengthCm).HasPrecision(5, 1);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.HasIndex(x => new { x.EnrolmentId, x.Months }).IsUnique();
            e.HasOne<HomeVisitEnrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Screening>().WithMany().HasForeignKey(x => x.MilestonesScreeningId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
