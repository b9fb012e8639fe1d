using Himaya.Features.Monitoring;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Institutions;

/// <summary>
/// Institution monitoring's indicator: of the registered institutions, the percentage an independent monitor visited in
/// the twelve months before computing; the nation and each district.
/// </summary>
public sealed class InstitutionIndicators(AppDbContext db) : IIndicatorSource
{
    public const string Visited = "HIMAYA_INST_VISITED_PCT";

    public async Task<IReadOnlyList<SourcedIndicator>> ComputeAsync(DateTime now, CancellationToken ct)
    {
        var since = DateOnly.FromDateTime(now.AddYears(-1));
        var today = DateOnly.FromDateTime(now);
        var visited = db.Set<InstitutionVisit>().Where(v => v.VisitedOn >= since && v.VisitedOn <= today).Select(v => v.InstitutionId);
        var rows = await db.Set<Institution>().AsNoTracking().GroupBy(i => i.DistrictCode)
            .Select(g => new { Place = g.Key, All = g.Count(), Visited = g.Count(i => visited.Contains(i.Id)) }).ToListAsync(ct);
        var places = SourcedValue.Percentages(rows.Select(r => (r.Place, r.All, r.Visited)));
        return
        [
            new(Visited, new("Müstəqil monitorinq səfəri olmuş müəssisələrin payı", "Institutions visited by an independent monitor", "Доля учреждений, посещённых независимым мониторингом"),
                new("Reyestrdəki uşaq müəssisələrindən (qayğı və azadlıqdan məhrumetmə yerləri) hesablamadan əvvəlki on iki ayda müstəqil monitorinqçinin səfər etdiklərinin faizi.",
                    "Of the registered institutions where children live or are held, the percentage an independent monitor visited in the twelve months before computing.",
                    "Из зарегистрированных учреждений, где живут или содержатся дети, процент посещённых независимым мониторингом за двенадцать месяцев до расчёта."),
                IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter,
                places),
        ];
    }
}
