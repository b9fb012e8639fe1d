using System.Net.Mail;
using Himaya.Platform;

namespace Himaya.Features.Services;

/// <summary>What a provider and a service must hold. Database facts (a name taken, a type retired) are checked by the caller.</summary>
public static class ServiceValidation
{
    public const int MaxAge = 17;
    public const int MaxCapacity = 100_000;
    /// <summary>The languages a service may say it works in: the country's and its neighbours'.</summary>
    public static readonly IReadOnlySet<string> LanguageCodes = new HashSet<string>(["az", "ru", "en", "tr", "ka", "hy", "fa", "lez", "tly", "av"], StringComparer.Ordinal);

    public static FieldErrors Provider(ProviderInput r)
    {
        var e = new FieldErrors();
        Text(e, "name", r.Name, 128, required: true);
        if (r.Kind is null) e.Add(ServiceErrors.KindRequired());
        if (r.TaxId is { Length: > 0 } tax && (tax.Trim().Length != 10 || !tax.Trim().All(char.IsAsciiDigit))) e.Add(ServiceErrors.TaxId());
        Text(e, "registrationNumber", r.RegistrationNumber, 50);
        if (r.AccreditedOn is { } from && r.AccreditationExpiresOn is { } to && to < from) e.Add(ServiceErrors.ExpiryBeforeAccreditation());
        Contact(e, r.Phone, r.Email, r.Address, r.Website);
        return e;
    }

    /// <summary>How people reach a provider, as its staff propose it.</summary>
    public static FieldErrors ContactFacts(ProviderContactFacts f)
    {
        var e = new FieldErrors();
        Contact(e, f.Phone, f.Email, f.Address, f.Website);
        return e;
    }

    private static void Contact(FieldErrors e, string? phone, string? email, string? address, string? website)
    {
        Phone(e, "phone", phone);
        if (email is { Length: > 0 } mail && (mail.Length > 200 || !MailAddress.TryCreate(mail.Trim(), out _))) e.Add(ServiceErrors.Email());
        if (website is { Length: > 0 } web && (web.Length > 300 || !Uri.TryCreate(web.Trim(), UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https")))
            e.Add(ServiceErrors.Website());
        Text(e, "address", address, 300);
    }

    public static FieldErrors Service(ServiceInput r, AdminUnits units, DistrictBoundaries boundaries)
    {
        var e = new FieldErrors();
        if (r.ProviderId is null) e.Add(ServiceErrors.ProviderRequired());
        Text(e, "name", r.Name, 200, required: true);
        if (r.Types is not { Count: > 0 }) e.Add(ServiceErrors.TypesRequired());
        var districts = r.Districts ?? [];
        if (districts.Count == 0 && r.Nationwide != true) e.Add(ServiceErrors.DistrictsRequired());
        foreach (var d in districts.Where(d => !units.IsDistrict(d))) { e.Add(PlatformErrors.UnknownDistrict("districts")); break; }
        Text(e, "address", r.Address, 300);
        if (r.Latitude is null != r.Longitude is null) e.Add(ServiceErrors.CoordinatesInPairs(r.Latitude is null ? "latitude" : "longitude"));
        else if (r.Latitude is { } lat && r.Longitude is { } lon && (!double.IsFinite(lat) || !double.IsFinite(lon) || boundaries.DistrictAt(lat, lon) is null))
            e.Add(ServiceErrors.OutsideAzerbaijan());
        if (r.AgeMin is < 0 or > MaxAge) e.Add(ServiceErrors.Age("ageMin"));
        if (r.AgeMax is < 0 or > MaxAge) e.Add(ServiceErrors.Age("ageMax"));
        if (r.AgeMin is >= 0 and <= MaxAge && r.AgeMax is >= 0 and <= MaxAge && r.AgeMin > r.AgeMax) e.Add(ServiceErrors.AgesReversed());
        Phone(e, "phone", r.Phone);
        if (r.Capacity is < 0 or > MaxCapacity) e.Add(ServiceErrors.Capacity("capacity"));
        if (r.FreePlaces is < 0 or > MaxCapacity) e.Add(ServiceErrors.Capacity("freePlaces"));
        else if (r.FreePlaces is { } free && r.Capacity is { } cap && free > cap) e.Add(ServiceErrors.FreePlacesOverCapacity());
        Text(e, "openingHours", r.OpeningHours, 200);
        foreach (var l in (r.Languages ?? []).Where(l => !LanguageCodes.Contains(l))) { e.Add(ServiceErrors.Language(l)); break; }
        Text(e, "cost", r.Cost, 200);
        Text(e, "description", r.Description, 2000);
        return e;
    }

    private static void Text(FieldErrors e, string field, string? value, int max, bool required = false) => e.Text(field, value, max, required);

    private static void Phone(FieldErrors e, string field, string? phone)
    {
        if (phone is { Length: > 0 } p && (p.Length > 32 || !p.All(ch => char.IsAsciiDigit(ch) || ch is '+' or ' ' or '-' or '(' or ')')))
            e.Add(ServiceErrors.Phone(field));
    }

    /// <summary>Empty text as null, the rest trimmed.</summary>
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
