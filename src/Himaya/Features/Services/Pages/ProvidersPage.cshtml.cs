using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Services.Pages;

/// <summary>
/// The providers the user keeps (a provider's staff: their own): kind, accreditation and its warning, services and active
/// contracts, filtered by kind and by accreditation needing attention; the directory's keepers register a provider here.
/// </summary>
public sealed class ProvidersPageModel(ProviderRecords records, ServiceCatalogue catalogue) : HimayaPage
{
    public IReadOnlyList<ProviderSummary> Providers { get; private set; } = [];
    public string? Kind { get; private set; }
    public bool Expiring { get; private set; }
    public bool Registering { get; private set; }
    public bool Keeper => Me.Can(Permission.ManageServices);

    public async Task<IActionResult> OnGetAsync(string? kind, string? expiring, CancellationToken ct)
    {
        (Kind, Expiring) = (kind, expiring is "true" or "on");
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var k = QueryParse.Enum<ProviderKind>(Errors, Kind, () => PlatformErrors.ChooseListed("kind"));
        if (await records.ListAsync(Me, k, Expiring, ct) is not Outcome<IReadOnlyList<ProviderSummary>>.Ok ok) return ForbiddenPage();
        Providers = ok.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken ct)
    {
        var f = new FormReader(Request.Form, Errors);
        var r = new ProviderInput(f.Text("name"), f.Enum<ProviderKind>("kind"), f.Text("taxId"), f.Text("registrationNumber"),
            f.Enum<AccreditationStatus>("accreditation"), f.Date("accreditedOn"), f.Date("accreditationExpiresOn"), f.Text("phone"), f.Text("email"),
            f.Text("address"), f.Text("website"));
        switch (Errors.IsEmpty ? await catalogue.CreateProviderAsync(Me, r, ct) : new Outcome<ProviderView>.Invalid(Errors))
        {
            case Outcome<ProviderView>.Ok ok: return Redirect($"/providers/{ok.Value.Id}?done=created");
            case Outcome<ProviderView>.Invalid bad: Errors = bad.Errors; Registering = true; return await LoadAsync(ct);
            default: return ForbiddenPage();
        }
    }
}
