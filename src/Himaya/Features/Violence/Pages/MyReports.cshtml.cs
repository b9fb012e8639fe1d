using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Violence.Pages;

/// <summary>The reports the user made, with where each stands (not what the responders did).</summary>
public sealed class MyReportsModel(VacWork work) : HimayaPage
{
    public IReadOnlyList<ReporterStatusView> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await work.MadeByAsync(Me, ct) is not Outcome<IReadOnlyList<ReporterStatusView>>.Ok ok) return Forbid();
        Reports = ok.Value;
        return Page();
    }
}
