using Himaya.Features.Monitoring;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Violence;

/// <summary>
/// The violence reports' indicator for monitoring: of this year's reports whose answer is due or given, the percentage
/// first answered by its due time (the risk level sets the time); the nation and each district.
/// </summary>
public sealed class VacIndicators(AppDbContext db) : IIndicatorSource
{
    public const string AnsweredInTime = "HIMAYA_VAC_ANSWERED_IN_TIME_PCT";

    public async Task<IReadOnlyList<SourcedIndicator>> ComputeAsync(DateTime now, CancellationToken ct)
    {
        var yearStart = new DateTime(now.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var rows = await db.Set<VacReport>().AsNoTracking()
            .Where(r => r.ReportedAt >= yearStart && r.ReportedAt <= now && (r.FirstRespondedAt != null || r.ResponseDueAt < now))
            .GroupBy(r => r.DistrictCode)
            .Select(g => new { Place = g.Key, Due = g.Count(), InTime = g.Count(r => r.FirstRespondedAt != null && r.FirstRespondedAt <= r.ResponseDueAt) })
            .ToListAsync(ct);
        var places = SourcedValue.Percentages(rows.Select(r => (r.Place, r.Due, r.InTime)));
        return
        [
            new(AnsweredInTime, new("Vaxtında cavablandırılan zorakılıq məlumatları", "Violence reports answered in time", "Сообщения о насилии, на которые ответили вовремя"),
                new("Bu il uşağa qarşı zorakılıq barədə cavab müddəti çatmış və ya cavablandırılmış məlumatlardan ilk cavabı müddətində (risk səviyyəsinə görə) verilənlərin faizi, hesablama günü üzrə.",
                    "Of this year's reports of violence against a child whose answer is due or given, the percentage whose first answer came by its due time (set by the report's risk level), on the day of computing.",
                    "Из сообщений о насилии в отношении ребёнка за этот год, по которым срок ответа наступил или ответ дан, процент с первым ответом в срок (его задаёт уровень риска), на день расчёта."),
                IndicatorUnit.Percent, IndicatorDirection.HigherIsBetter,
                places),
        ];
    }
}
