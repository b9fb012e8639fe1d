using System.Globalization;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Services.Pages;

/// <summary>
/// Adds a service: the directory's keepers for any provider (public at once), a provider's staff for their own (it
/// waits for a coordinator's review). Coordinates are typed as decimal degrees.
/// </summary>
public sealed class ServiceNewModel(ServiceCatalogue catalogue, ServiceDirectory directory, AdminUnits units) : ServiceFormPage(directory, units)
{
    public IReadOnlyList<(string Value, string Text)> Providers { get; private set; } = [];
    public string? ProviderId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        if (Providers.Count == 1) ProviderId = Providers[0].Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        var parse = new FieldErrors();
        var input = Read(parse).AsInput(new FormReader(Request.Form, parse).Int("providerId"));
        Form = ServiceFormValues.Of(Request.Form);
        ProviderId = Value("providerId");
        if (!parse.IsEmpty)
        {
            Errors = parse;
            return Page();
        }
        switch (await catalogue.CreateServiceAsync(Me, input, ct))
        {
            case Outcome<ServiceView>.Ok ok: return Redirect("/services/" + ok.Value.Id.ToString(CultureInfo.InvariantCulture));
            case Outcome<ServiceView>.Invalid bad: Errors = bad.Errors; return Page();
            case Outcome<ServiceView>.Forbidden: return Forbid();
            default: return NotFound();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await catalogue.ProvidersAsync(Me, ct) is not Outcome<IReadOnlyList<ProviderView>>.Ok providers) return false;
        Providers = [.. providers.Value.Select(p => (p.Id.ToString(CultureInfo.InvariantCulture), p.Name))];
        await LoadChoicesAsync(ct);
        return true;
    }
}
