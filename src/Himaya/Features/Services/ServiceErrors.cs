using Himaya.Platform;

namespace Himaya.Features.Services;

/// <summary>The refusals of the service directory, each with a stable code; texts as <c>Error.&lt;code&gt;</c> in Texts.json.</summary>
public static class ServiceErrors
{
    public static Refusal ProviderNameTaken() => Refusal.OnField("services.provider-name-taken", "name");
    public static Refusal KindRequired() => Refusal.OnField("services.kind-required", "kind");
    public static Refusal TaxId() => Refusal.OnField("services.tax-id", "taxId");
    public static Refusal ExpiryBeforeAccreditation() => Refusal.OnField("services.expiry-before-accreditation", "accreditationExpiresOn");
    public static Refusal Email() => Refusal.OnField("services.email", "email");
    public static Refusal Website() => Refusal.OnField("services.website", "website");
    public static Refusal Phone(string field) => Refusal.OnField("services.phone", field);
    public static Refusal ProviderRequired() => Refusal.OnField("services.provider-required", "providerId");
    public static Refusal UnknownProvider() => Refusal.OnField("services.unknown-provider", "providerId");
    public static Refusal NotYourProvider() => Refusal.OnField("services.not-your-provider", "providerId");
    public static Refusal ServiceNameTaken() => Refusal.OnField("services.service-name-taken", "name");
    public static Refusal TypesRequired() => Refusal.OnField("services.types-required", "types");
    public static Refusal UnknownType(string code, string field = "types") => Refusal.OnField("services.unknown-type", field, code);
    public static Refusal DistrictsRequired() => Refusal.OnField("services.districts-required", "districts");
    public static Refusal DistrictOutsideScope(string code) => Refusal.OnField("services.district-outside-scope", "districts", code);
    public static Refusal NationwideNotYours() => Refusal.OnField("services.nationwide-not-yours", "nationwide");
    public static Refusal CoordinatesInPairs(string field) => Refusal.OnField("services.coordinates-in-pairs", field);
    public static Refusal OutsideAzerbaijan() => Refusal.OnField("services.outside-azerbaijan", "latitude");
    public static Refusal Age(string field) => Refusal.OnField("services.age", field);
    public static Refusal AgesReversed() => Refusal.OnField("services.ages-reversed", "ageMax");
    public static Refusal Capacity(string field) => Refusal.OnField("services.capacity", field);
    public static Refusal FreePlacesOverCapacity() => Refusal.OnField("services.free-places-over-capacity", "freePlaces");
    public static Refusal Language(string code) => Refusal.OnField("services.language", "languages", code);
}
