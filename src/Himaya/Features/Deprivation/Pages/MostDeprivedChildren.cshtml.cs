using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Deprivation.Pages;

/// <summary>The children in scope deprived in at least k dimensions, most deprived first, with the gaps in services the registry shows.</summary>
public sealed class MostDeprivedChildrenModel(MostDeprived list, Frameworks frameworks, AdminUnits units) : HimayaPage
{
    [FromQuery(Name = "framework")] public string? FrameworkName { get; set; }
    [FromQuery(Name = "version")] public string? FrameworkVersion { get; set; }
    [FromQuery(Name = "ageGroup")] public string? AgeGroupId { get; set; }
    [FromQuery(Name = "k")] public string? KText { get; set; }
    [FromQuery(Name = "district")] public string? District { get; set; }
    [FromQuery(Name = "page")] public string? PageText { get; set; }

    public DeprivedList? Result { get; private set; }
    public RegistryFramework Framework { get; private set; } = RegistryFramework.Azerbaijan;
    public IEnumerable<(string, string)> DistrictOptions => units.Districts.Where(d => Me.ScopeKind != ScopeKind.Areas || Me.Districts.Contains(d.Code))
        .Select(d => (d.Code, units.DisplayName(d.Code, Culture))).OrderBy(d => d.Item2, StringComparer.CurrentCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Me.Can(Permission.ReadPersonalData)) return ForbiddenPage();
        if (await frameworks.FindAsync(FrameworkName, FrameworkVersion, ct) is { } f) Framework = f;
        var q = DeprivationApi.ParseList(Errors, AgeGroupId, KText, District, PageText, null) with { Framework = Framework.Id, Version = Framework.Version };
        if (!Errors.IsEmpty) return Page();
        switch (await list.ListAsync(Me, q, Culture, ct))
        {
            case Outcome<DeprivedList>.Ok ok: Result = ok.Value; break;
            case Outcome<DeprivedList>.Invalid bad: Errors = bad.Errors; break;
            default: return ForbiddenPage();
        }
        return Page();
    }

    public string Link(int page) => $"/deprivation/children?framework={Uri.EscapeDataString(Framework.Id)}&version={Framework.Version}&ageGroup={Uri.EscapeDataString(Result!.AgeGroup)}&k={Result.K}"
        + (District is { Length: > 0 } ? "&district=" + Uri.EscapeDataString(District) : "") + $"&page={page}";

    public string ExportLink => $"/api/v1/deprivation/children/export?framework={Uri.EscapeDataString(Framework.Id)}&version={Framework.Version}&ageGroup={Uri.EscapeDataString(Result!.AgeGroup)}&k={Result.K}"
        + (District is { Length: > 0 } ? "&district=" + Uri.EscapeDataString(District) : "");
}
