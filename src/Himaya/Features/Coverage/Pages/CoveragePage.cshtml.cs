using Himaya.Features.Services;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Coverage.Pages;

/// <summary>Coverage and gaps for one type of service: the districts ranked by gap, with need, supply and how referrals fared.</summary>
public sealed class CoveragePageModel(ServiceCoverage coverage, ServiceDirectory directory, AdminUnits units) : HimayaPage
{
    public AdminUnits Units => units;
    public IReadOnlyList<ServiceTypeView> Types { get; private set; } = [];
    public CoverageResult? Result { get; private set; }
    public string? Type { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? type, CancellationToken ct)
    {
        if (!Me.Can(Permission.ViewAggregates)) return ForbiddenPage();
        Types = await directory.TypesAsync(Culture, ct);
        Type = type;
        if (string.IsNullOrEmpty(type)) return Page();
        switch (await coverage.ComputeAsync(Me, type, ct))
        {
            case Outcome<CoverageResult>.Ok ok: Result = ok.Value; break;
            case Outcome<CoverageResult>.Invalid bad: Errors = bad.Errors; break;
            default: return ForbiddenPage();
        }
        return Page();
    }

    public string Place(string code) => units.DisplayName(code, Culture);
}
