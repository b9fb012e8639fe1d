using Himaya.Features.Cases;
using Himaya.Features.Monitoring;
using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Coverage;

/// <summary>
/// Coverage's indicator for monitoring: of the registry's children with a functional difficulty, the share who received
/// a service in the last twelve months (a referral of one of their cases delivered or completed); the nation and each district.
/// </summary>
public sealed class ServedIndicators(AppDbContext db) : IIndicatorSource
{
    public const string DifficultyServed = "HIMAYA_CHLD_DIFFICULTY_SERVED_PCT";

    public async Task<IReadOnlyList<SourcedIndicator>> ComputeAsync(DateTime now, CancellationToken ct)
    {
        var since = now.AddYears(-1);
        var served = db.Referrals.Where(r => (r.DeliveredAt != null && r.DeliveredAt >= since && r.DeliveredAt <= now)
                || (r.CompletedAt != null && r.CompletedAt >= since && r.CompletedAt <= now))
            .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => c.ChildId);
        var rows = await db.Children.AsNoTracking().Where(c => c.DeletedAt == null && c.MergedIntoId == null && c.HasFunctionalDifficulty)
            .GroupBy(c => c.DistrictCode)
            .Select(g => new { Place = g.Key, All = g.Count(), Served = g.Count(c => served.Contains(c.Id)) })
            .ToListAsync(ct);
        var places = SourcedValue.Percentages(rows.Select(r => (r.Place, r.All, r.Served)));
        return
        [
            new(DifficultyServed, new("Xidmət almış funksional çətinliyi olan uşaqların payı", "Children with a functional difficulty who received a service",
                    "Доля детей с функциональными трудностями, получивших услугу"),
                new("Reyestrdə funksional çətinliyi olan uşaqlardan (funksionallıq modulunun ən azı bir sahəsində çox çətinlik və ya heç bacarmır) hesablamadan əvvəlki on iki ayda işlərindən birinin göndərişi icra edilmiş və ya tamamlanmış uşaqların faizi. Birləşdirilmiş və silinmiş qeydlər sayılmır.",
                    "Of the registry's children with a functional difficulty (a lot of difficulty, or cannot do at all, in at least one domain of the functioning module), the percentage with a referral of one of their cases delivered or completed in the twelve months before computing. Merged and deleted records are not counted.",
                    "Из детей в реестре с функциональными трудностями (большие трудности или не может совсем хотя бы в одной области модуля функционирования) процент тех, у кого направление по одному из их дел выполнено или завершено за двенадцать месяцев до расчёта. Объединённые и удалённые записи не учитываются."),
                IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter,
                places),
        ];
    }
}
