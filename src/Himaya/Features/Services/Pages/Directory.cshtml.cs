using Himaya.Platform;

namespace Himaya.Features.Services.Pages;

/// <summary>
/// The public directory (no sign-in): services by district, type and age, as a list that works on any phone and as points
/// on the district map. The search is a GET, so a result can be bookmarked and shared.
/// </summary>
public sealed class DirectoryModel(ServiceDirectory directory, ServiceTaxonomy taxonomy, AdminUnits units) : PublicPage
{
    public IReadOnlyList<(string Value, string Text)> Districts { get; private set; } = [];
    public IReadOnlyList<ServiceTypeView> Types { get; private set; } = [];
    public IReadOnlyDictionary<string, string> TypeNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<PublicService>? Found { get; private set; }
    public string? District { get; private set; }
    public string? Type { get; private set; }
    public string? Age { get; private set; }

    public async Task OnGetAsync(string? district, string? type, string? age, CancellationToken ct)
    {
        var culture = HimayaPage.Culture;
        Districts = DistrictChoices.For(units, culture);
        Types = await directory.TypesAsync(culture, ct);
        // Names of retired types too: a service keeps the types it had.
        TypeNames = await taxonomy.NamesAsync(culture, ct);
        (District, Type, Age) = (district, type, age);
        switch (await directory.SearchAsync(district, type, age, ct))
        {
            case Outcome<PublicServices>.Ok ok: Found = ok.Value.Items; break;
            case Outcome<PublicServices>.Invalid bad: Errors = bad.Errors; break;
        }
    }

    public string Place(string code) => units.DisplayName(code, HimayaPage.Culture);
}
