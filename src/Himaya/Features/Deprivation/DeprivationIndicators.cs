using System.Globalization;
using System.Text.Json;
using Himaya.Features.Monitoring;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Deprivation;

/// <summary>
/// The deprivation indicators for monitoring, read from the latest stored national run on the registry (not computed
/// again): the adjusted headcount ratio M0 and the headcount H at k = 2 (or the run's first cut-off), for the nation and,
/// when the run was broken down by district alone, each district. The period is the year the run's data were read.
/// </summary>
public sealed class DeprivationIndicators(AppDbContext db) : IIndicatorSource
{
    public const string M0 = "HIMAYA_MODA_M0";
    public const string Headcount = "HIMAYA_MODA_H_PCT";
    public const double PreferredK = 2;

    public async Task<IReadOnlyList<SourcedIndicator>> ComputeAsync(DateTime now, CancellationToken ct)
    {
        var run = await db.DeprivationRuns.AsNoTracking().Where(r => r.Scope == "national" && r.Source == "registry" && r.DataAsOf <= now)
            .OrderByDescending(r => r.DataAsOf).ThenByDescending(r => r.CreatedAt).FirstOrDefaultAsync(ct);
        if (run is null) return [];
        using var doc = JsonDocument.Parse(run.Result);
        var root = doc.RootElement;
        var values = new List<(string Place, double? M0, double? H, int N)>();
        var k = ChooseK(root);
        if (k is null) return [];
        values.Add((IndicatorStore.Nation, Measure(root, k.Value, "M0"), Measure(root, k.Value, "H"), root.GetProperty("n").GetInt32()));
        if (root.TryGetProperty("groups", out var groups))
            foreach (var g in groups.EnumerateArray())
                if (g.GetProperty("by").EnumerateObject().ToList() is [{ Name: "district" } d] && d.Value.GetString() is { } place && g.TryGetProperty("byK", out _))
                    values.Add((place, Measure(g, k.Value, "M0"), Measure(g, k.Value, "H"), g.TryGetProperty("n", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : 0));
        var (on, read) = ($"{run.Framework} {run.FrameworkVersion}", run.DataAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var kText = k.Value.ToString(CultureInfo.InvariantCulture);
        IndicatorNames About(string az, string en, string ru) => new(
            $"{az}, reyestr üzrə son saxlanmış ölkə məhrumiyyət təhlilindən (çərçivə {on}, yaş qrupu {run.AgeGroup}, məlumat {read} tarixinə), k = {kText}.",
            $"{en}, from the latest stored national deprivation run on the registry (framework {on}, age group {run.AgeGroup}, data read {read}), at k = {kText}.",
            $"{ru}, по последнему сохранённому национальному анализу депривации по реестру (структура {on}, возрастная группа {run.AgeGroup}, данные на {read}), при k = {kText}.");
        var period = run.DataAsOf.Year.ToString("0000", CultureInfo.InvariantCulture);
        return
        [
            new(M0, new("Uşaq məhrumiyyətinin düzəldilmiş göstəricisi (M0)", "Adjusted child deprivation headcount ratio (M0)", "Скорректированный коэффициент детской депривации (M0)"),
                About("M0 = H × A (Alkire–Foster): ən azı k ölçüdə məhrum uşaqların payı ilə onların məhrum olduğu ölçülərin orta payının hasili",
                    "M0 = H × A (Alkire–Foster): the share of children deprived in at least k dimensions times the average share of dimensions they are deprived in",
                    "M0 = H × A (Алкайр–Фостер): доля детей, лишённых по меньшей мере в k измерениях, умноженная на среднюю долю измерений, в которых они лишены"),
                IndicatorUnit.Number, IndicatorDirection.LowerIsBetter,
                [.. values.Where(v => v.M0 is not null).Select(v => new SourcedValue(v.Place, Math.Round((decimal)v.M0!.Value, 4), v.N))], period),
            new(Headcount, new("Çoxölçülü məhrumiyyətdə olan uşaqların payı (H)", "Share of children in multiple deprivation (H)", "Доля детей в множественной депривации (H)"),
                About("H: ən azı k ölçüdə məhrum uşaqların faizi", "H: the percentage of children deprived in at least k dimensions",
                    "H: процент детей, лишённых по меньшей мере в k измерениях"),
                IndicatorUnit.Percent, IndicatorDirection.LowerIsBetter,
                [.. values.Where(v => v.H is not null).Select(v => new SourcedValue(v.Place, Math.Round((decimal)v.H!.Value * 100, 1), v.N))], period),
        ];
    }

    private static double? ChooseK(JsonElement root)
    {
        var ks = root.GetProperty("byK").EnumerateArray().Select(e => e.GetProperty("k").GetDouble()).ToList();
        return ks.Contains(PreferredK) ? PreferredK : ks.Count > 0 ? ks[0] : null;
    }

    private static double? Measure(JsonElement e, double k, string name) =>
        e.GetProperty("byK").EnumerateArray().FirstOrDefault(x => x.GetProperty("k").GetDouble() == k) is { ValueKind: JsonValueKind.Object } at
            && at.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
