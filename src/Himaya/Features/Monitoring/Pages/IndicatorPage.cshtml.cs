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
    /// <summary>On track for the next target or not, from the line between the baseline and that target.</summary>
    public Trajectory.Assessment? Track { get; private set; }
    /// <summary>The latest period with a total for any district, and each district's total then (the comparison and the map).</summary>
    public string? DistrictPeriod { get; private set; }
    public IReadOnlyList<ValueView> DistrictValues { get; private set; } = [];

    public bool Entered { get; private set; }

    /// <summary>
    /// Every value of the indicator, all places, as a workbook (sheet one the values, sheet two what they are), in the
    /// reader's language. The export is audited as the SDMX and DHIS2 ones are.
    /// </summary>
    public async Task<IActionResult> OnGetXlsxAsync(string code, CancellationToken ct)
    {
        if (await store.GetAsync(Me, code, ct) is not Outcome<IndicatorView>.Ok ok) return NotFoundPage();
        if (await store.ValuesAsync(Me, code, null, null, null, ct) is not Outcome<ValuesView>.Ok all) return NotFoundPage();
        Indicator = ok.Value;
        await store.RecordExportAsync(Me, code, "XLSX", all.Value.Values.Count, ct);
        var rows = all.Value.Values.OrderBy(v => v.Place == IndicatorStore.Nation ? "" : PlaceName(v.Place), StringComparer.CurrentCulture)
            .ThenBy(v => v.Period, StringComparer.Ordinal).Select(v => (IReadOnlyList<object?>)[v.Period, v.Place, PlaceName(v.Place),
                Breakdown(v.Disaggregation) is { Length: > 0 } b ? b : T["Indicators.Total"].Value, v.Value, v.ObsStatus]);
        var i = ok.Value;
        IReadOnlyList<object?>[] about =
        [
            [T["Indicators.Code"].Value, i.Code], [T["Indicators.Name"].Value, Name], [T["Indicators.Unit"].Value, Ui.EnumText(T, i.Unit)],
            [T["Indicators.Direction"].Value, Ui.EnumText(T, i.Direction)], [T["Indicators.Status"].Value, Ui.EnumText(T, i.Status)],
            [T["Indicators.Definition"].Value, Definition?.Text], [T["Indicators.Numerator"].Value, i.Numerator], [T["Indicators.Denominator"].Value, i.Denominator],
            [T["Indicators.Sdg"].Value, i.SdgTarget], [T["Indicators.Crc"].Value, string.Join(", ", i.CrcArticles)], [T["Indicators.Source"].Value, i.Source],
        ];
        var book = XlsxTable.Write(
            new XlsxSheet(T["Indicators.ValuesSheet"], [T["Indicators.Period"], T["Indicators.PlaceCode"], T["Indicators.Place"], T["Indicators.Breakdown"], T["Indicators.Value"], "OBS_STATUS"], rows),
            new XlsxSheet(T["Indicators.AboutSheet"], [], about));
        return File(book, XlsxTable.ContentType, $"{i.Code}.xlsx");
    }

    public Task<IActionResult> OnGetAsync(string code, string? place, bool? done, CancellationToken ct)
    {
        Entered = done == true;
        return LoadAsync(code, place, ct);
    }

    /// <summary>One value entered by hand (the API's POST /api/v1/indicators/{code}/values); refused, the form comes back with its values.</summary>
    public async Task<IActionResult> OnPostValueAsync(string code, CancellationToken ct)
    {
        var e = new FieldErrors();
        var value = QueryParse.Decimal(e, "value", Value("value"));
        var sex = Value("sex") is { Length: > 0 } s ? new Dictionary<string, string> { ["SEX"] = s } : null;
        if (e.IsEmpty)
        {
            switch (await store.EnterValueAsync(Me, code, new(Value("period"), Value("place"), sex, value, null), ct))
            {
                case Outcome<ValuesView>.Ok: return Redirect($"/indicators/{Uri.EscapeDataString(code)}?place={Uri.EscapeDataString(Value("place") ?? "")}&done=true");
                case Outcome<ValuesView>.Invalid bad: e = bad.Errors; break;
                case Outcome<ValuesView>.NotFound: return NotFoundPage();
                default: return ForbiddenPage();
            }
        }
        Errors = e;
        return await LoadAsync(code, Value("place"), ct);
    }

    /// <summary>Approve, publish or withdraw: one step, against the version shown (the API's PUT with the rest unchanged).</summary>
    public async Task<IActionResult> OnPostStatusAsync(string code, CancellationToken ct)
    {
        if (await store.GetAsync(Me, code, ct) is not Outcome<IndicatorView>.Ok current) return NotFoundPage();
        var i = current.Value;
        var e = new FieldErrors();
        var version = QueryParse.Int(e, "version", Value("version"));
        var status = Enum.TryParse<IndicatorStatus>(Value("status"), out var st) && Enum.IsDefined(st) ? st : (IndicatorStatus?)null;
        if (status is null) e.Add(PlatformErrors.Required("status"));
        if (e.IsEmpty)
        {
            var input = new IndicatorInput(null, i.Name, i.Unit, i.Direction, i.Definition, i.Source, status, i.Numerator, i.Denominator, i.Disaggregations, i.SdgTarget, i.CrcArticles, version, i.Definitions);
            switch (await store.UpdateAsync(Me, code, input, ct))
            {
                case Outcome<IndicatorView>.Ok: return Redirect($"/indicators/{Uri.EscapeDataString(code)}");
                case Outcome<IndicatorView>.Invalid bad: e = bad.Errors; break;
                case Outcome<IndicatorView>.Conflict c: e.Add(c.Refusal!); break;
                default: return ForbiddenPage();
            }
        }
        Errors = e;
        return await LoadAsync(code, null, ct);
    }

    private async Task<IActionResult> LoadAsync(string code, string? place, CancellationToken ct)
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
        var districtTotals = all.Value.Values.Where(v => Disaggregations.IsTotal(v.Disaggregation) && units.IsDistrict(v.Place)).ToList();
        DistrictPeriod = districtTotals.Select(v => v.Period).OrderBy(p => Periods.Span(p).To).ThenBy(p => p.Length).LastOrDefault();
        DistrictValues = [.. districtTotals.Where(v => v.Period == DistrictPeriod).OrderByDescending(v => v.Value).ThenBy(v => PlaceName(v.Place), StringComparer.CurrentCulture)];
        Marks = [.. all.Value.Targets.Where(m => m.Place == Place)];
        var totals = Observed.Where(v => Breakdown(v.Disaggregation).Length == 0).ToList();
        Latest = totals.LastOrDefault();
        NextTarget = Marks.Where(m => m.Kind == MarkKind.Target && (Latest is null || string.CompareOrdinal(m.Period, Latest.Period) > 0))
            .OrderBy(m => m.Period, StringComparer.Ordinal).FirstOrDefault();
        if (Latest is not null && NextTarget is not null)
        {
            var baseline = Marks.Where(m => m.Kind == MarkKind.Baseline && Periods.Span(m.Period).To <= Periods.Span(Latest.Period).To).MaxBy(m => Periods.Span(m.Period).To);
            Track = Trajectory.Assess(baseline, NextTarget, Latest, Indicator.Direction);
        }
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

    /// <summary>Every district coloured by its total in the comparison period; districts without one stay plain.</summary>
    public Choropleth DistrictMap()
    {
        var percent = Indicator.Unit == IndicatorUnit.Percent;
        var figures = units.Districts.ToDictionary(d => d.Code, d => DistrictValues.FirstOrDefault(v => v.Place == d.Code) is { } v
            ? new MapFigure((double)v.Value / (percent ? 100 : 1), false) : MapFigure.NoData);
        return Choropleth.Of(figures, c => PlaceName(c), x => Number((decimal)(percent ? x * 100 : x)), percent, CultureInfo.CurrentCulture,
            T["Indicators.MapHidden"], T["Indicators.MapNoData"]);
    }

    /// <summary>The statuses one step from the current one.</summary>
    public IEnumerable<IndicatorStatus> NextStatuses => Enum.GetValues<IndicatorStatus>().Where(s => s != Indicator.Status && Features.Monitoring.Indicator.CanMove(Indicator.Status, s));

    /// <summary>The nation first, then every district by name in the reader's language.</summary>
    public IEnumerable<(string, string)> PlaceChoices =>
        units.Districts.Select(d => (d.Code, PlaceName(d.Code))).OrderBy(p => p.Item2, StringComparer.CurrentCulture).Prepend((IndicatorStore.Nation, PlaceName(IndicatorStore.Nation)));

    public string Name => Indicator.Name.In(Culture);

    public string PlaceName(string code) => code == IndicatorStore.Nation ? T["Indicators.Nation"] : units.DisplayName(code, Culture);

    public string Breakdown(IReadOnlyDictionary<string, string> parts) =>
        string.Join(", ", parts.OrderBy(p => p.Key, StringComparer.Ordinal).Where(p => p.Value != "_T").Select(p => $"{T["Indicators.Dim." + p.Key]}: {DimValue(p.Key, p.Value)}"));

    private string DimValue(string dim, string value) => T[$"Indicators.Dim.{dim}.{value}"] is { ResourceNotFound: false } s ? s.Value : value;

    public string Number(decimal value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);

    /// <summary>Whether the latest value already meets the target, in the indicator's direction.</summary>
    public bool Reached(MarkView target, ValueView latest) =>
        Indicator.Direction == IndicatorDirection.HigherIsBetter ? latest.Value >= target.Value : latest.Value <= target.Value;

    /// <summary>The definition in the reader's language; where it was not given in it, the English one, marked as English.</summary>
    public (string Text, string Language)? Definition =>
        Indicator.Definitions.In(Culture) is { } own ? (own, Culture) : Indicator.Definition is { } en ? (en, "en") : null;
}
