using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Monitoring.Pages;

/// <summary>The indicators: code, name in the reader's language, unit, status and how many values each holds.</summary>
public sealed class IndicatorsPageModel(IndicatorStore store) : HimayaPage
{
    public IReadOnlyList<IndicatorView> Indicators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await store.ListAsync(Me, ct) is not Outcome<IReadOnlyList<IndicatorView>>.Ok ok) return ForbiddenPage();
        Indicators = ok.Value;
        return Page();
    }

    public string Name(IndicatorView i) => Culture switch { "az" => i.Name.Az!, "ru" => i.Name.Ru!, _ => i.Name.En! };
}
