using System.Globalization;
using System.Text;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Violence.Pages;

/// <summary>Report counts by the breakdowns the user picks, small cells suppressed, with the share answered in time; as CSV too.</summary>
public sealed class StatisticsModel(VacStatistics stats, AdminUnits units) : HimayaPage
{
    public VacStatisticsResult? Result { get; private set; }
    public IReadOnlyList<string> By { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] string[]? by, [FromQuery] string? format, CancellationToken ct)
    {
        var chosen = by is { Length: > 0 } ? string.Join(',', by) : "type";
        switch (await stats.ComputeAsync(Me, chosen, ct))
        {
            case Outcome<VacStatisticsResult>.Ok ok:
                Result = ok.Value;
                By = VacStatistics.ParseBy(chosen).By;
                return format == "csv" ? File(Csv(), "text/csv; charset=utf-8", "vac-statistics.csv") : Page();
            case Outcome<VacStatisticsResult>.Invalid bad:
                Errors = bad.Errors;
                By = [];
                return Page();
            default:
                return Forbid();
        }
    }

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

    private byte[] Csv()
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', By.Append("count").Append("suppressed")));
        foreach (var c in Result!.Cells)
            sb.AppendLine(string.Join(',', By.Select(d => Quote(c.By[d])).Append(c.Count?.ToString(CultureInfo.InvariantCulture) ?? "").Append(c.Suppressed ? "true" : "false")));
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
