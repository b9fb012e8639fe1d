using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Services.Pages;

/// <summary>
/// The directory's management list: the services the user keeps (a coordinator's area, a provider's own), filtered by
/// district, type, status and provider, with how many wait for the user's review. Free places are updated from the list
/// in one step (providers update them daily).
/// </summary>
public sealed class ServiceListModel(ServiceLists lists, ServiceKeeping keeping, ServiceCatalogue catalogue, ServiceDirectory directory, AdminUnits units) : HimayaPage
{
    public ServiceRows? Rows { get; private set; }
    public IReadOnlyList<(string Value, string Text)> Districts { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Types { get; private set; } = [];
    public IReadOnlyDictionary<string, string> TypeNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<(string Value, string Text)> Providers { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? ProviderId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public string? PageNumber { get; set; }
    /// <summary>The row whose free places were sent (its error is shown beside it), and the conflict's text.</summary>
    public int? SentId { get; private set; }
    public string? Conflict { get; private set; }
    public bool Saved { get; private set; }

    public Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        return LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostPlacesAsync(int id, CancellationToken ct)
    {
        SentId = id;
        var parse = new FieldErrors();
        var f = new FormReader(Request.Form, parse);
        var update = new PlacesUpdate(f.Int("version"), null, f.Int("freePlaces"));
        if (!parse.IsEmpty)
        {
            Errors = parse;
            return await LoadAsync(ct);
        }
        switch (await keeping.PlacesAsync(Me, id, update, ct))
        {
            case Outcome<ServiceView>.Ok: return Redirect(Link(PageNumber, saved: true));
            case Outcome<ServiceView>.Invalid bad: Errors = bad.Errors; return await LoadAsync(ct);
            case Outcome<ServiceView>.Conflict c: Conflict = Localise(c); return await LoadAsync(ct);
            case Outcome<ServiceView>.Forbidden: return Forbid();
            default: return NotFound();
        }
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (!Me.Can(Permission.EditServices)) return Forbid();
        Districts = DistrictChoices.For(units, Culture);
        var types = await directory.TypesAsync(Culture, ct);
        Types = [.. types.Select(t => (t.Code, t.Name))];
        TypeNames = types.ToDictionary(t => t.Code, t => t.Name, StringComparer.Ordinal);
        if (Me.Can(Permission.ManageServices) && await catalogue.ProvidersAsync(Me, ct) is Outcome<IReadOnlyList<ProviderView>>.Ok providers)
            Providers = [.. providers.Value.Select(p => (p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name))];
        switch (await lists.ListAsync(Me, District, Type, Status, ProviderId, PageNumber, ct))
        {
            case Outcome<ServiceRows>.Ok ok: Rows = ok.Value; break;
            case Outcome<ServiceRows>.Invalid bad: Errors = bad.Errors; break;
            default: return Forbid();
        }
        return Page();
    }

    public string Place(string code) => units.DisplayName(code, Culture);

    /// <summary>The list's address with the filters kept and another page ("p": "page" names the Razor page itself).</summary>
    public string PageLink(int page) => Link(page.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private string Link(string? page, bool saved = false) => "/services" + QueryString.Create(new Dictionary<string, string?>
    {
        ["district"] = District, ["type"] = Type, ["status"] = Status, ["providerId"] = ProviderId, ["p"] = page, ["saved"] = saved ? "true" : null,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
