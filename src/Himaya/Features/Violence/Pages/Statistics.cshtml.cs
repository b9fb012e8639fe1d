using System.Globalization;
using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Violence.Pages;

/// <summary>Report counts by the breakdowns the user picks, small cells suppressed, with the share answered in time; as
/// charts, and as CSV and XLSX downloads.</summary>
public sealed class StatisticsModel(VacStatistics stats, AdminUnits units) : HimayaPage
{
    public const string TableId = "vac-stats";
    public VacStatisticsResult? Result { get; private set; }
    public IReadOnlyList<string> By { get; private set; } = [];
    public IReadOnlyList<(string Id, ChartSpec Spec)> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] string[]? by, [FromQuery] string? format, CancellationToken ct)
    {
        var chosen = by is { Length: > 0 } ? string.Join(',', by) : "type";
        var download = format is "csv" or "xlsx";
        // The page charts reports by type and by month beside the chosen table; a download is the chosen table alone.
        switch (await stats.ComputeAsync(Me, download ? [chosen] : [chosen, "type", "month"], ct))
        {
            case Outcome<IReadOnlyList<VacStatisticsResult>>.Ok ok:
                Result = ok.Value[0];
                By = VacStatistics.ParseBy(chosen).By;
                if (format == "csv") return File(VacStatisticsTable.Csv(Result, By), "text/csv; charset=utf-8", "vac-statistics.csv");
                if (format == "xlsx") return File(VacStatisticsTable.Xlsx(Result, By, T), XlsxTable.ContentType, "vac-statistics.xlsx");
                Charts = ChartsOf(ok.Value[1], ok.Value[2]);
                return Page();
            case Outcome<IReadOnlyList<VacStatisticsResult>>.Invalid bad:
                Errors = bad.Errors;
                By = [];
                return Page();
            default:
                return Forbid();
        }
    }

    public string DownloadLink(string format) => $"/vac/statistics?{string.Join("&", By.Select(b => "by=" + b))}&format={format}";

    /// <summary>A value of a breakdown in the user's language (districts by name, enums by their text).</summary>
    public string Label(string dimension, string value) => dimension switch
    {
        "type" => T["Enum.ViolenceType." + value],
        "district" => units.DisplayName(value, Culture),
        "sex" => value == "Unknown" ? T["Common.Unknown"] : T["Enum.Sex." + value],
        "disability" => value switch { "Yes" => T["Common.Yes"], "No" => T["Common.No"], _ => T["Common.Unknown"] },
        "ageGroup" => value == "Unknown" ? T["Common.Unknown"] : value,
        _ => value,
    };

    /// <summary>By type, by month (unless the chosen table is one of them: it is then drawn once, beside its table), the
    /// chosen table, and the share answered in time.</summary>
    private List<(string, ChartSpec)> ChartsOf(VacStatisticsResult byType, VacStatisticsResult byMonth)
    {
        var charts = new List<(string, ChartSpec)>
        {
            ("chart-type", Counts(byType, ["type"], By is ["type"] ? TableId : null)),
            ("chart-month", Counts(byMonth, ["month"], By is ["month"] ? TableId : null)),
        };
        if (By is not (["type"] or ["month"])) charts.Add(("chart-table", Counts(Result!, By, TableId)));
        if (Result!.RespondedInTime is { } share)
            charts.Add(("chart-in-time", new ChartSpec(ChartKind.Doughnut, T["Vac.RespondedInTime"], [T["Vac.InTime"], T["Vac.NotInTime"]],
                [new ChartSeries(T["Vac.RespondedInTime"], [share, Math.Round(1 - share, 4)])]) { Percent = true }));
        // No months without reports: nothing to draw.
        return [.. charts.Where(c => c.Item2.Labels.Count > 0)];
    }

    /// <summary>
    /// Counts as bars (or a line over months): along the axis the month if chosen, else every breakdown but the last;
    /// one series per value of the rest. A combination without reports is zero; a suppressed cell is null, never a number.
    /// </summary>
    private ChartSpec Counts(VacStatisticsResult r, IReadOnlyList<string> dims, string? tableId)
    {
        string reports = T["Vac.Reports"];
        IReadOnlyList<string> along = dims.Contains("month") ? ["month"] : dims.Count == 1 ? dims : [.. dims.SkipLast(1)];
        var across = dims.Except(along).ToList();
        var xs = Combinations(r, along, fill: along.Count == 1);
        List<string[]> series = across.Count == 0 ? [[]] : Combinations(r, across, fill: false);
        var counts = r.Cells.ToDictionary(c => (Key(c, along), Key(c, across)), c => c.Count is { } n ? (double?)n : null);
        string Text(IReadOnlyList<string> ds, string[] values) => string.Join(" · ", ds.Select((d, i) => Label(d, values[i])));
        return new ChartSpec(dims.Contains("month") ? ChartKind.Line : ChartKind.Bar,
            $"{reports}: {string.Join(" × ", dims.Select(d => T["Vac.Dim." + d].Value))}",
            [.. xs.Select(x => Text(along, x))],
            [.. series.Select(s => new ChartSeries(across.Count == 0 ? reports : Text(across, s),
                [.. xs.Select(x => counts.TryGetValue((string.Join('\u001f', x), string.Join('\u001f', s)), out var v) ? v : 0)]))])
        {
            LabelTitle = string.Join(" · ", along.Select(d => T["Vac.Dim." + d].Value)),
            ValueTitle = reports,
            TableId = tableId,
        };
    }

    private static string Key(VacStatCell c, IReadOnlyList<string> dims) => string.Join('\u001f', dims.Select(d => c.By[d]));

    /// <summary>The value combinations of <paramref name="dims"/> in the cells, in each breakdown's natural order; with
    /// <paramref name="fill"/> (one breakdown) every value it can take, so a type or month without reports shows as zero.</summary>
    private static List<string[]> Combinations(VacStatisticsResult r, IReadOnlyList<string> dims, bool fill)
    {
        var orders = dims.Select(d => Domain(d, r.Cells.Select(c => c.By[d]))).ToList();
        if (fill) return [.. orders[0].Select(v => new[] { v })];
        return [.. r.Cells.Select(c => dims.Select(d => c.By[d]).ToArray())
            .DistinctBy(v => string.Join('\u001f', v), StringComparer.Ordinal)
            .OrderBy(v => v.Select((x, i) => orders[i].IndexOf(x)).ToArray(), Comparer<int[]>.Create((a, b) =>
                a.Zip(b).Select(p => p.First.CompareTo(p.Second)).FirstOrDefault(x => x != 0)))];
    }

    private static List<string> Domain(string dim, IEnumerable<string> present)
    {
        var seen = present.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return dim switch
        {
            "type" => [.. Enum.GetNames<ViolenceType>()],
            "sex" => [.. Enum.GetNames<Sex>(), "Unknown"],
            "ageGroup" => ["0-4", "5-9", "10-14", "15-17", "Unknown"],
            "disability" => ["Yes", "No", "Unknown"],
            "month" => Months(seen),
            _ => seen,
        };
    }

    /// <summary>Every month from the first to the last with reports ("yyyy-MM").</summary>
    private static List<string> Months(List<string> seen)
    {
        if (seen.Count == 0) return [];
        var first = DateOnly.ParseExact(seen[0] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = DateOnly.ParseExact(seen[^1] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var months = new List<string>();
        for (var m = first; m <= last; m = m.AddMonths(1)) months.Add(m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        return months;
    }
}
