using System.Text.Json;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Deprivation.Pages;

/// <summary>One stored analysis, read back from its JSON (registry or survey): headline with standard errors when there are any, dimensions, groups.</summary>
public sealed class RunViewModel(DeprivationRuns runs) : HimayaPage
{
    public JsonElement Result { get; private set; }
    public string[] Dimensions { get; private set; } = [];
    [FromQuery(Name = "k")] public double? K { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!Me.Can(Permission.ViewAggregates)) return ForbiddenPage();
        switch (await runs.GetAsync(Me, id, ct))
        {
            case Outcome<string>.Ok ok:
                Result = JsonDocument.Parse(ok.Value).RootElement.Clone();
                Dimensions = [.. Result.GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()!)];
                return Page();
            case Outcome<string>.Forbidden: return ForbiddenPage();
            default: return NotFoundPage();
        }
    }

    public static double? Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    public string Percent(double? x) => x is { } v ? v.ToString("P1", System.Globalization.CultureInfo.CurrentCulture) : "—";

    public string Interval(JsonElement k, string name) => k.TryGetProperty(name, out var ci) && ci.ValueKind == JsonValueKind.Array
        ? $"{Percent(ci[0].GetDouble())} – {Percent(ci[1].GetDouble())}" : "";

    /// <summary>A dimension's display name: the registry's dimensions are translated, a survey's are shown as named in its framework.</summary>
    public string DimensionName(string d) => T["Dimension." + d] is { ResourceNotFound: false } s ? s.Value : d;
}
