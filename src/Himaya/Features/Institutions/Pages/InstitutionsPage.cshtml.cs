using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Institutions.Pages;

/// <summary>The register in the user's area: capacity against children held, the last visit, open recommendations; the authority registers new ones.</summary>
public sealed class InstitutionsPageModel(InstitutionRegister register, AdminUnits units) : HimayaPage
{
    public IReadOnlyList<InstitutionSummary> Institutions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var e = new FieldErrors();
        var capacity = new FormReader(Request.Form, e).Int("capacity");
        if (e.IsEmpty)
        {
            switch (await register.CreateAsync(Me, new(Value("name"), Value("kind"), Value("districtCode"), capacity, Value("operator"), Value("address")), ct))
            {
                case Outcome<InstitutionSummary>.Ok ok: return Redirect($"/institutions/{ok.Value.Id}");
                case Outcome<InstitutionSummary>.Invalid bad: e = bad.Errors; break;
                default: return ForbiddenPage();
            }
        }
        Errors = e;
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await register.ListAsync(Me, ct) is not Outcome<IReadOnlyList<InstitutionSummary>>.Ok ok) return ForbiddenPage();
        Institutions = ok.Value;
        return null;
    }

    public string District(string code) => units.DisplayName(code, Culture);

    public IEnumerable<(string, string)> DistrictOptions =>
        DistrictChoices.For(units, Culture).Where(d => Me.ScopeKind == ScopeKind.National || Me.Districts.Contains(d.Value));
}
