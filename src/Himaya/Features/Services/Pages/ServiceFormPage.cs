using System.Globalization;
using Himaya.Platform;

namespace Himaya.Features.Services.Pages;

/// <summary>What a service form shows in its fields: what was saved, what was proposed, or what the user typed (a refused form).</summary>
public sealed record ServiceFormValues(string? Name, IReadOnlyCollection<string> Types, IReadOnlyCollection<string> Districts, bool Nationwide,
    string? Address, string? Latitude, string? Longitude, string? AgeMin, string? AgeMax, string? Sex, bool DisabilityOnly, string? Phone,
    string? Capacity, string? FreePlaces, string? OpeningHours, IReadOnlyCollection<string> Languages, string? Cost, string? Description)
{
    public static readonly ServiceFormValues Empty = new(null, [], [], false, null, null, null, "0", ServiceValidation.MaxAge.ToString(CultureInfo.InvariantCulture),
        nameof(SexEligibility.Any), false, null, null, null, null, [], null, null);

    public static ServiceFormValues Of(ServiceFacts f, int? capacity, int? freePlaces) => new(f.Name, f.Types, f.Districts, f.Nationwide, f.Address,
        N(f.Latitude), N(f.Longitude), N(f.AgeMin), N(f.AgeMax), f.Sex.ToString(), f.DisabilityOnly, f.Phone, N(capacity), N(freePlaces), f.OpeningHours,
        f.Languages, f.Cost, f.Description);

    public static ServiceFormValues Of(ServiceView v) => new(v.Name, v.Types, v.Districts, v.Nationwide, v.Address, N(v.Latitude), N(v.Longitude),
        N(v.AgeMin), N(v.AgeMax), v.Sex.ToString(), v.DisabilityOnly, v.Phone, N(v.Capacity), N(v.FreePlaces), v.OpeningHours, v.Languages, v.Cost, v.Description);

    public static ServiceFormValues Of(IFormCollection f)
    {
        string? S(string name) => f.TryGetValue(name, out var v) ? v.ToString() : null;
        IReadOnlyCollection<string> L(string name) => f.TryGetValue(name, out var v) ? [.. v.Select(x => x ?? "")] : [];
        return new(S("name"), L("types"), L("districts"), S("nationwide") is "true", S("address"), S("latitude"), S("longitude"), S("ageMin"), S("ageMax"),
            S("sex"), S("disabilityOnly") is "true", S("phone"), S("capacity"), S("freePlaces"), S("openingHours"), L("languages"), S("cost"), S("description"));
    }

    private static string? N(double? x) => x?.ToString(CultureInfo.InvariantCulture);
    private static string? N(int? x) => x?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A page with the service form (new, and a service's own page): the choices its fields offer and the values they show.
/// The fields are the partial _ServiceFields; the form is read into the API's input records (<see cref="Read"/>).
/// </summary>
public abstract class ServiceFormPage(ServiceDirectory directory, AdminUnits units) : HimayaPage
{
    public ServiceFormValues Form { get; protected set; } = ServiceFormValues.Empty;
    public IReadOnlyList<(string Value, string Text)> TypeChoices { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> DistrictOptions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> LanguageChoices { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        TypeChoices = [.. (await directory.TypesAsync(Culture, ct)).Select(t => (t.Code, t.Name))];
        DistrictOptions = DistrictChoices.For(units, Culture);
        LanguageChoices = [.. ServiceValidation.LanguageCodes.Order(StringComparer.Ordinal).Select(c => (c, T["Services.Language." + c].Value))];
    }

    public string Place(string code) => units.DisplayName(code, Culture);

    /// <summary>The posted form as the API's edit body; values that do not parse are field errors in <paramref name="errors"/>.</summary>
    protected ServiceEdit Read(FieldErrors errors)
    {
        var f = new FormReader(Request.Form, errors);
        IReadOnlyList<string> L(string name) => [.. Request.Form[name].Select(x => x ?? "").Where(x => x.Length > 0)];
        return new ServiceEdit(f.Int("version"), f.Text("name"), L("types"), L("districts"), f.Check("nationwide"), f.Text("address"),
            Number(f, errors, "latitude"), Number(f, errors, "longitude"), f.Int("ageMin"), f.Int("ageMax"), f.Enum<SexEligibility>("sex"), f.Check("disabilityOnly"),
            f.Text("phone"), f.Int("capacity"), f.Int("freePlaces"), f.Text("openingHours"), L("languages"), f.Text("cost"), f.Text("description"));
    }

    /// <summary>A coordinate as people type it: a point or a comma before the decimals.</summary>
    private static double? Number(FormReader f, FieldErrors errors, string name)
    {
        if (f.Text(name) is not { } s) return null;
        if (double.TryParse(s.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) return x;
        errors.Add(PlatformErrors.WrongFormat(name));
        return null;
    }
}
