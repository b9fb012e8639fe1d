using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Violence.Pages;

/// <summary>The open reports the user may see, the nearest deadline first; overdue and escalated ones stand out.</summary>
public sealed class ReportsModel(VacWork work) : HimayaPage
{
    public VacReportList? List { get; private set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        switch (await work.ListAsync(Me, new VacQuery(null, Mine, Overdue, null, Math.Max(1, PageNumber)), ct))
        {
            case Outcome<VacReportList>.Ok ok: List = ok.Value; return Page();
            case Outcome<VacReportList>.Forbidden: return Forbid();
            default: return NotFound();
        }
    }
}
