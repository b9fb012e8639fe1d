using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Monitoring;

/// <summary>The monitoring tables: indicators and their values (one per indicator, period, place and breakdown).</summary>
public static class MonitoringModel
{
    public static void Conventions(ModelConfigurationBuilder model)
    {
        model.Properties<IndicatorUnit>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<IndicatorDirection>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<IndicatorStatus>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<MarkKind>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<ResultLevel>().HaveConversion<string>().HaveMaxLength(16);
        model.Properties<BudgetSector>().HaveConversion<string>().HaveMaxLength(20);
        model.Properties<ChildRelevance>().HaveConversion<string>().HaveMaxLength(16);
    }

    public static void Build(ModelBuilder b, DatabaseProvider provider)
    {
        b.Entity<Indicator>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(60);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.NameAz).HasMaxLength(300);
            e.Property(x => x.NameEn).HasMaxLength(300);
            e.Property(x => x.NameRu).HasMaxLength(300);
            e.Property(x => x.Definition).HasMaxLength(4000);
            e.Property(x => x.DefinitionAz).HasMaxLength(4000);
            e.Property(x => x.DefinitionRu).HasMaxLength(4000);
            e.Property(x => x.Source).HasMaxLength(300);
            e.Property(x => x.Numerator).HasMaxLength(1000);
            e.Property(x => x.Denominator).HasMaxLength(1000);
            e.Property(x => x.Dimensions).HasMaxLength(200);
            e.Property(x => x.SdgTarget).HasMaxLength(20);
            e.Property(x => x.CrcArticles).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<IndicatorValue>(e =>
        {
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Place).HasMaxLength(20);
            e.Property(x => x.Disaggregation).HasMaxLength(300);
            e.Property(x => x.Value).HasPrecision(18, 6);
            e.Property(x => x.ObsStatus).HasMaxLength(8);
            e.HasIndex(x => new { x.IndicatorId, x.Period, x.Place, x.Disaggregation }).IsUnique();
            e.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<IndicatorMark>(e =>
        {
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Place).HasMaxLength(20);
            e.Property(x => x.Value).HasPrecision(18, 6);
            e.HasIndex(x => new { x.IndicatorId, x.Kind, x.Place, x.Period }).IsUnique();
            e.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });
            b.Entity<Project>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(60);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.NameAz).HasMaxLength(300);
            e.Property(x => x.NameEn).HasMaxLength(300);
            e.Property(x => x.NameRu).HasMaxLength(300);
            e.Property(x => x.Funder).HasMaxLength(200);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Budget).HasPrecision(18, 2);
            e.Property(x => x.FunderShare).HasPrecision(18, 2);
            e.Property(x => x.Districts).HasMaxLength(2000);
            e.Ignore(x => x.CoFunding);
            e.Ignore(x => x.DistrictList);
        });
        b.Entity<ProjectResult>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(20);
            e.HasIndex(x => new { x.ProjectId, x.Code }).IsUnique();
            e.Property(x => x.StatementAz).HasMaxLength(1000);
            e.Property(x => x.StatementEn).HasMaxLength(1000);
            e.Property(x => x.StatementRu).HasMaxLength(1000);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ProjectResult>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<ResultTarget>(e =>
        {
            e.Property(x => x.Place).HasMaxLength(20);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Value).HasPrecision(18, 6);
            e.HasIndex(x => new { x.ResultId, x.Place, x.Period }).IsUnique();
            e.HasOne<ProjectResult>().WithMany().HasForeignKey(x => x.ResultId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ResultProgress>(e =>
        {
            e.ToTable("result_progress");
            e.Property(x => x.Place).HasMaxLength(20);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Value).HasPrecision(18, 6);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.ResultId, x.Place, x.Period }).IsUnique();
            e.HasOne<ProjectResult>().WithMany().HasForeignKey(x => x.ResultId).OnDelete(DeleteBehavior.Cascade);
        });
            b.Entity<BudgetLine>(e =>
        {
            e.Property(x => x.Programme).HasMaxLength(300);
            e.Property(x => x.Planned).HasPrecision(18, 2);
            e.Property(x => x.Executed).HasPrecision(18, 2);
            e.Property(x => x.Source).HasMaxLength(300);
            e.HasIndex(x => x.Year);
        });
    }
}
