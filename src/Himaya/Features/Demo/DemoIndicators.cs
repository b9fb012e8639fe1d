using Himaya.Features.Monitoring;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Demo;

/// <summary>
/// Two published indicators with the figures the country programme states (and only those: no year in between is
/// invented): under-five mortality, 95 per 1,000 live births in the 1990s and 18 now; preschool enrolment, 14% in 2015 and
/// 35% in 2024 against a target of 50% for 2026. The values are read from SDMX-CSV lines, the format an analyst imports.
/// </summary>
public static class DemoIndicators
{
    private const string Mortality = "CME_MRY0T4";
    private const string Preschool = "ECD_CHLD_36-59M_EDU-PGM";

    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Set<Indicator>().AnyAsync(i => i.Code == Mortality, ct)) return;
        var now = DateTime.UtcNow;
        db.AddRange(
            new Indicator
            {
                Code = Mortality, NameAz = "5 yaşadək uşaq ölümü", NameEn = "Under-five mortality rate", NameRu = "Смертность детей до пяти лет",
                Definition = "Deaths before the fifth birthday per 1,000 live births.",
                DefinitionAz = "Beş yaşına çatmadan ölüm halları, 1000 diri doğulana.", DefinitionRu = "Смерти до пятого дня рождения на 1000 живорождений.", Unit = IndicatorUnit.RatePer1000,
                Direction = IndicatorDirection.LowerIsBetter, Status = IndicatorStatus.Published, Source = "UNICEF country programme document", CreatedAt = now, UpdatedAt = now,
                Numerator = "Deaths of children before their fifth birthday", Denominator = "Live births, per 1,000", Dimensions = "SEX", SdgTarget = "3.2.1", CrcArticles = "6;24",
            },
            new Indicator
            {
                Code = Preschool, NameAz = "Məktəbəqədər təhsilə cəlb olunma", NameEn = "Preschool enrolment", NameRu = "Охват дошкольным образованием",
                Definition = "Children of preschool age enrolled in an early childhood education programme, as a share of all children of that age.",
                DefinitionAz = "Erkən uşaqlıq təhsili proqramına cəlb olunmuş məktəbəqədər yaşlı uşaqların həmin yaşdakı bütün uşaqlara nisbəti.",
                DefinitionRu = "Дети дошкольного возраста, охваченные программой раннего образования, в процентах от всех детей этого возраста.",
                Unit = IndicatorUnit.Percent, Direction = IndicatorDirection.HigherIsBetter, Status = IndicatorStatus.Published,
                Source = "UNICEF country programme document", CreatedAt = now, UpdatedAt = now,
                Numerator = "Children aged 36–59 months attending an early childhood education programme", Denominator = "Children aged 36–59 months",
                Dimensions = "SEX;RESIDENCE;WEALTH_QUINTILE", SdgTarget = "4.2", CrcArticles = "28;29",
            });
        await db.SaveChangesAsync(ct);
        var ids = await db.Set<Indicator>().Where(i => i.Code == Mortality || i.Code == Preschool).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var file = SdmxCsv.Read($"REF_AREA,INDICATOR,SEX,TIME_PERIOD,OBS_VALUE\nAZE,{Mortality},_T,1995,95\nAZE,{Mortality},_T,2023,18\n"
            + $"AZE,{Preschool},_T,2015,14\nAZE,{Preschool},_T,2024,35\n");
        foreach (var r in file.Rows)
            db.Add(new IndicatorValue { IndicatorId = ids[r.Indicator], Period = r.Period, Place = r.Place, Disaggregation = Disaggregations.Key(r.Disaggregation), Value = r.Value, UpdatedAt = now });
        // The stated reference points: the 1990s level as the mortality baseline; preschool from 14% (2015) to 50% by 2026.
        db.AddRange(
            new IndicatorMark { IndicatorId = ids[Mortality], Kind = MarkKind.Baseline, Place = "AZE", Period = "1995", Value = 95, UpdatedAt = now },
            new IndicatorMark { IndicatorId = ids[Preschool], Kind = MarkKind.Baseline, Place = "AZE", Period = "2015", Value = 14, UpdatedAt = now },
            new IndicatorMark { IndicatorId = ids[Preschool], Kind = MarkKind.Target, Place = "AZE", Period = "2026", Value = 50, UpdatedAt = now });
        await db.SaveChangesAsync(ct);
    }
}
