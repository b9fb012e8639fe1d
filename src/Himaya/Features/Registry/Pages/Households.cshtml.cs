using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Registry.Pages;

public sealed class HouseholdsModel(HouseholdRecords records, AdminUnits units) : HimayaPage
{
    public PagedList<HouseholdSummary>? Result { get; private set; }
    public string? District { get; private set; }
    public AdminUnits Units => units;

    public async Task<IActionResult> OnGetAsync(string? district, int? page, CancellationToken ct)
    {
        District = district;
        var outcome = await records.ListAsync(Me, district, page ?? 1, 50, Culture, ct);
        switch (outcome)
        {
            case Outcome<PagedList<HouseholdSummary>>.Ok ok: Result = ok.Value; break;
            case Outcome<PagedList<HouseholdSummary>>.Invalid bad: Errors = bad.Errors; break;
            default: return ForbiddenPage();
        }
        return Page();
    }
}
