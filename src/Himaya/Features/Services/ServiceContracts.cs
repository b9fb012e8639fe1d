using System.Text.Json.Serialization;

namespace Himaya.Features.Services;

public sealed record ProviderInput(string? Name, ProviderKind? Kind, string? TaxId, string? RegistrationNumber, AccreditationStatus? Accreditation,
    DateOnly? AccreditedOn, DateOnly? AccreditationExpiresOn, string? Phone, string? Email, string? Address, string? Website);

public sealed record ProviderView(int Id, string Name, ProviderKind Kind, string? TaxId, string? RegistrationNumber, AccreditationStatus Accreditation,
    DateOnly? AccreditedOn, DateOnly? AccreditationExpiresOn, bool Accredited, string? Phone, string? Email, string? Address, string? Website,
    int Services, int Version);

/// <summary>A service as sent (the README's contract: <c>providerId, name, types, districts, address, latitude, longitude,
/// ageMin, ageMax, phone, capacity</c>, and the rest optional).</summary>
public sealed record ServiceInput(int? ProviderId, string? Name, IReadOnlyList<string>? Types, IReadOnlyList<string>? Districts, bool? Nationwide,
    string? Address, double? Latitude, double? Longitude, int? AgeMin, int? AgeMax, SexEligibility? Sex, bool? DisabilityOnly, string? Phone,
    int? Capacity, int? FreePlaces, string? OpeningHours, IReadOnlyList<string>? Languages, string? Cost, string? Description);

public sealed record ServiceView(int Id, string Name, int? ProviderId, string Provider, string? Description, ServiceStatus Status,
    IReadOnlyList<string> Types, IReadOnlyList<string> Districts, bool Nationwide, string? Address, double? Latitude, double? Longitude,
    int AgeMin, int AgeMax, SexEligibility Sex, bool DisabilityOnly, string? Phone, int? Capacity, int? FreePlaces, string? OpeningHours,
    IReadOnlyList<string> Languages, string? Cost, int Version, string? ReviewNote = null, PendingChangeView? PendingChange = null);

/// <summary>One row of the public directory: public facts only (the README's contract).</summary>
public sealed record PublicService(int Id, string Name, string Provider, IReadOnlyList<string> Types, IReadOnlyList<string> Districts,
    string? Address, double? Latitude, double? Longitude, int AgeMin, int AgeMax, string? Phone,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OpeningHours,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cost, bool Nationwide);

public sealed record PublicServices(IReadOnlyList<PublicService> Items);

public sealed record ServiceTypeView(string Code, string Name);
