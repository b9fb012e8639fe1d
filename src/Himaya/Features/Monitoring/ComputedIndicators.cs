using System.Globalization;
using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Monitoring;

/// <summary>
/// Indicators Himaya computes from its own registry rather than receives: the children in residential care, and the
/// share of children outside their parents' care who live in a family (kinship or foster) rather than an institution.
/// Computed for the current year, for the nation and each district; a district figure from fewer than
/// <see cref="TableSuppression.MinCell"/> children (or a count of 1–4) is not stored, as in every published table. Each
/// indicator's definition says how it is counted, so the number is never shown without it.
/// </summary>
public sealed class ComputedIndicators(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Residential = "HIMAYA_CHLD_RESIDENTIAL";
    public const string FamilyBasedShare = "HIMAYA_CHLD_FAMILY_BASED_PCT";

    public sealed record Computed(string Code, int Values);

    private static readonly CareArrangement[] FamilyBased = [CareArrangement.Kinship, CareArrangement.Foster];

    public async Task<Outcome<IReadOnlyList<Computed>>> ComputeAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageIndicators)) return new Outcome<IReadOnlyList<Computed>>.Forbidden();
        var now = clock.GetUtcNow().UtcDateTime;
        var period = now.Year.ToString("0000", CultureInfo.InvariantCulture);
        var counts = await db.Set<Child>().AsNoTracking().Where(c => c.DeletedAt == null && c.MergedIntoId == null
                && (c.CareArrangement == CareArrangement.ResidentialInstitution || c.CareArrangement == CareArrangement.Kinship || c.CareArrangement == CareArrangement.Foster))
            .GroupBy(c => new { c.DistrictCode, c.CareArrangement }).Select(g => new { g.Key.DistrictCode, g.Key.CareArrangement, N = g.Count() }).ToListAsync(ct);
        var places = counts.GroupBy(c => c.DistrictCode).Select(g => (Place: g.Key, Residential: g.Where(x => x.CareArrangement == CareArrangement.ResidentialInstitution).Sum(x => x.N),
                Family: g.Where(x => FamilyBased.Contains(x.CareArrangement)).Sum(x => x.N)))
            .Prepend((Place: IndicatorStore.Nation, Residential: counts.Where(x => x.CareArrangement == CareArrangement.ResidentialInstitution).Sum(x => x.N),
                Family: counts.Where(x => FamilyBased.Contains(x.CareArrangement)).Sum(x => x.N)))
            .ToList();

        var residential = await EnsureAsync(Residential, "İnstitusional qayğıda olan uşaqlar", "Children in residential care", "Дети в учреждениях интернатного типа",
            "Children in the registry whose care arrangement is a residential institution, on the day of computing. Merged and deleted records are not counted.",
            IndicatorUnit.Number, IndicatorDirection.LowerIsBetter, now, ct);
        var share = await EnsureAsync(FamilyBasedShare, "Ailə tipli qayğıda olan uşaqların payı", "Share of children in family-based care",
            "Доля детей в семейных формах устройства",
            "Of the registry's children living outside their parents' care in kinship care, foster care or a residential institution, the percentage in kinship or foster care, on the day of computing.",
            IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter, now, ct);

        var values = new List<(int Indicator, string Place, decimal Value)>();
        foreach (var p in places)
        {
            var small = p.Place != IndicatorStore.Nation;
            if (!small || p.Residential == 0 || p.Residential >= TableSuppression.MinCell) values.Add((residential, p.Place, p.Residential));
            var outside = p.Residential + p.Family;
            if (outside > 0 && (!small || outside >= TableSuppression.MinCell))
                values.Add((share, p.Place, Math.Round(100m * p.Family / outside, 1)));
        }
        var ids = new[] { residential, share };
        var existing = await db.Set<IndicatorValue>().Where(v => ids.Contains(v.IndicatorId) && v.Period == period && v.Disaggregation == "").ToListAsync(ct);
        // A place no longer computed (its cell fell below the threshold) loses this year's value rather than keep a stale one.
        db.RemoveRange(existing.Where(v => !values.Any(x => x.Indicator == v.IndicatorId && x.Place == v.Place)));
        foreach (var (indicator, place, value) in values)
        {
            if (existing.FirstOrDefault(v => v.IndicatorId == indicator && v.Place == place) is { } v) (v.Value, v.UpdatedAt) = (value, now);
            else db.Add(new IndicatorValue { IndicatorId = indicator, Period = period, Place = place, Value = value, UpdatedAt = now });
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var result = new List<Computed> { new(Residential, values.Count(v => v.Indicator == residential)), new(FamilyBasedShare, values.Count(v => v.Indicator == share)) };
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "indicator-values", "compute",
            string.Join("; ", result.Select(r => $"{r.Code} {period}: {r.Values} places"))), ct);
        await tx.CommitAsync(ct);
        return result;
    }

    private async Task<int> EnsureAsync(string code, string az, string en, string ru, string definition, IndicatorUnit unit, IndicatorDirection direction, DateTime now, CancellationToken ct)
    {
        if (await db.Set<Indicator>().Where(i => i.Code == code).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct) is { } id) return id;
        var i = new Indicator
        {
            Code = code, NameAz = az, NameEn = en, NameRu = ru, Definition = definition, Unit = unit, Direction = direction,
            Status = IndicatorStatus.Approved, Source = "Himaya registry (computed)", CreatedAt = now, UpdatedAt = now,
        };
        db.Add(i);
        await db.SaveChangesAsync(ct);
        return i.Id;
    }
}
