using System.Globalization;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Monitoring.Pages;

/// <summary>
/// One indicator: its definition beside its numbers, the values over time for a place (the nation unless asked), as a
/// chart (one line per breakdown) and as the table behind it.
/// </summary>
public sealed class IndicatorPageModel(IndicatorStore store, AdminUnits units) : HimayaPage
{
    public IndicatorView Indicator { get; private set; } = null!;
    public IReadOnlyList<ValueView> Observed { get; private set; } = [];
    public IReadOnlyList<string> Places { get; private set; } = [];
    public string Place { get; private set; } = IndicatorStore.Nation;
    public ChartSpec? Chart { get; private set; }
    public IReadOnlyList<MarkView> Marks { get; private set; } = [];
    /// <summary>The latest total value of the place, and the first target after it (what is left to go).</summary>
    public ValueView? Latest { get; private set; }
    public MarkView? NextTarget { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? place, CancellationToken ct)
    {
        switch (await store.GetAsync(Me, code, ct))
        {
            case Outcome<IndicatorView>.Ok ok: Indicator = ok.Value; break;
            case Outcome<IndicatorView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
        if (await store.ValuesAsync(Me, code, null, null, null, ct) is not Outcome<ValuesView>.Ok all) return NotFoundPage();
        Places = [.. all.Value.Values.Select(v => v.Place).Concat(all.Value.Targets.Select(m => m.Place)).Distinct().OrderBy(p => p == IndicatorStore.Nation ? "" : PlaceName(p), StringComparer.CurrentCulture)];
        Place = place is not null && Places.Contains(place) ? place : Places.FirstOrDefault() ?? IndicatorStore.Nation;
        Observed = [.. all.Value.Values.Where(v => v.Place == Place).OrderBy(v => v.Period, StringComparer.Ordinal)];
        Marks = [.. all.Value.Targets.Where(m => m.Place == Place)];
        var totals = Observed.Where(v => Breakdown(v.Disaggregation).Length == 0).ToList();
        Latest = totals.LastOrDefault();
        NextTarget = Marks.Where(m => m.Kind == MarkKind.Target && (Latest is null || string.CompareOrdinal(m.Period, Latest.Period) > 0))
            .OrderBy(m => m.Period, StringComparer.Ordinal).FirstOrDefault();
        var periods = Observed.Select(v => v.Period).Concat(Marks.Select(m => m.Period)).Distinct().Order(StringComparer.Ordinal).ToList();
        var series = Observed.GroupBy(v => Breakdown(v.Disaggregation)).OrderBy(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => new ChartSeries(g.Key.Length == 0 ? T["Indicators.Total"] : g.Key,
                [.. periods.Select(p => g.FirstOrDefault(v => v.Period == p) is { } v ? (double?)(double)v.Value : null)]))
            .ToList();
        // The targets as a line of their own, so the distance to them reads at a glance.
        if (Marks.Any(m => m.Kind == MarkKind.Target))
            series.Add(new ChartSeries(T["Indicators.Target"], [.. periods.Select(p => Marks.FirstOrDefault(m => m.Kind == MarkKind.Target && m.Period == p) is { } m ? (double?)(double)m.Value : null)]));
        if (periods.Count > 0)
            Chart = new ChartSpec(ChartKind.Line, $"{Name} — {PlaceName(Place)}", periods, series)
            {
                LabelTitle = T["Indicators.Period"], ValueTitle = Ui.EnumText(T, Indicator.Unit).ToString(), TableId = "values-table",
            };
        return Page();
    }

    public string Name => Culture switch { "az" => Indicator.Name.Az!, "ru" => Indicator.Name.Ru!, _ => Indicator.Name.En! };

    public string PlaceName(string code) => code == IndicatorStore.Nation ? T["Indicators.Nation"] : units.DisplayName(code, Culture);

    public string Breakdown(IReadOnlyDictionary<string, string> parts) =>
        string.Join(", ", parts.OrderBy(p => p.Key, StringComparer.Ordinal).Where(p => p.Value != "_T").Select(p => $"{T["Indicators.Dim." + p.Key]}: {DimValue(p.Key, p.Value)}"));

    private string DimValue(string dim, string value) => T[$"Indicators.Dim.{dim}.{value}"] is { ResourceNotFound: false } s ? s.Value : value;

    public string Number(decimal value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);

    /// <summary>Whether the latest value already meets the target, in the indicator's direction.</summary>
    public bool Reached(MarkView target, ValueView latest) =>
        Indicator.Direction == IndicatorDirection.HigherIsBetter ? latest.Value >= target.Value : latest.Value <= target.Value;
}
