using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Monitoring;

/// <summary>
/// The registry's care indicators: the children in residential care, and the share of children outside their parents'
/// care who live in a family (kinship or foster) rather than an institution; the nation and each district.
/// </summary>
public sealed class RegistryCareIndicators(AppDbContext db) : IIndicatorSource
{
    public const string Residential = "HIMAYA_CHLD_RESIDENTIAL";
    public const string FamilyBasedShare = "HIMAYA_CHLD_FAMILY_BASED_PCT";

    private static readonly CareArrangement[] FamilyBased = [CareArrangement.Kinship, CareArrangement.Foster];

    public async Task<IReadOnlyList<SourcedIndicator>> ComputeAsync(DateTime now, CancellationToken ct)
    {
        var counts = await db.Set<Child>().AsNoTracking().Where(c => c.DeletedAt == null && c.MergedIntoId == null
                && (c.CareArrangement == CareArrangement.ResidentialInstitution || c.CareArrangement == CareArrangement.Kinship || c.CareArrangement == CareArrangement.Foster))
            .GroupBy(c => new { c.DistrictCode, c.CareArrangement }).Select(g => new { g.Key.DistrictCode, g.Key.CareArrangement, N = g.Count() }).ToListAsync(ct);
        var places = counts.GroupBy(c => c.DistrictCode).Select(g => (Place: g.Key, Residential: g.Where(x => x.CareArrangement == CareArrangement.ResidentialInstitution).Sum(x => x.N),
                Family: g.Where(x => FamilyBased.Contains(x.CareArrangement)).Sum(x => x.N)))
            .Prepend((Place: IndicatorStore.Nation, Residential: counts.Where(x => x.CareArrangement == CareArrangement.ResidentialInstitution).Sum(x => x.N),
                Family: counts.Where(x => FamilyBased.Contains(x.CareArrangement)).Sum(x => x.N)))
            .ToList();
        return
        [
            new(Residential, new("İnstitusional qayğıda olan uşaqlar", "Children in residential care", "Дети в учреждениях интернатного типа"),
                new("Reyestrdə qayğı forması institusional müəssisə olan uşaqlar, hesablama günü üzrə. Birləşdirilmiş və silinmiş qeydlər sayılmır.",
                    "Children in the registry whose care arrangement is a residential institution, on the day of computing. Merged and deleted records are not counted.",
                    "Дети в реестре, форма устройства которых — учреждение интернатного типа, на день расчёта. Объединённые и удалённые записи не учитываются."),
                IndicatorUnit.Number, IndicatorDirection.LowerIsBetter, [.. places.Select(p => new SourcedValue(p.Place, p.Residential, p.Residential))]),
            new(FamilyBasedShare, new("Ailə tipli qayğıda olan uşaqların payı", "Share of children in family-based care", "Доля детей в семейных формах устройства"),
                new("Reyestrdə valideyn himayəsindən kənarda qohum himayəsində, himayədar ailədə və ya institusional müəssisədə yaşayan uşaqlardan qohum himayəsində və ya himayədar ailədə olanların faizi, hesablama günü üzrə.",
                    "Of the registry's children living outside their parents' care in kinship care, foster care or a residential institution, the percentage in kinship or foster care, on the day of computing.",
                    "Из детей в реестре, живущих без попечения родителей у родственников, в приёмной семье или в учреждении, процент живущих у родственников или в приёмной семье, на день расчёта."),
                IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter,
                [.. places.Where(p => p.Residential + p.Family > 0).Select(p => new SourcedValue(p.Place, Math.Round(100m * p.Family / (p.Residential + p.Family), 1), p.Residential + p.Family))]),
        ];
    }
}
