namespace Himaya.Features.Services;

/// <summary>
/// An organisation that delivers services: a state body, an NGO/CSO or a private provider, with its legal identifiers
/// and its accreditation against the national social-service standards. Its staff are the users whose agency is its
/// <see cref="Name"/> (the name referrals are routed by).
/// </summary>
public sealed partial class Provider
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ProviderKind Kind { get; set; }
    /// <summary>VÖEN, the ten-digit taxpayer number.</summary>
    public string? TaxId { get; set; }
    public string? RegistrationNumber { get; set; }
    public AccreditationStatus Accreditation { get; set; }
    public DateOnly? AccreditedOn { get; set; }
    public DateOnly? AccreditationExpiresOn { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Website { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    /// <summary>How long before its accreditation expires a provider is flagged to the directory's keepers.</summary>
    public const int ExpiryWarningDays = 60;

    /// <summary>
    /// Expired (by its date, or marked so) or expiring within <see cref="ExpiryWarningDays"/> days of the day, for an
    /// accredited provider; null when there is nothing to warn of (not accredited at all is a status, not a warning).
    /// </summary>
    public AccreditationWarning? AccreditationWarningOn(DateOnly day) =>
        Accreditation == AccreditationStatus.Expired ? AccreditationWarning.Expired
        : Accreditation != AccreditationStatus.Accredited || AccreditationExpiresOn is not { } end ? null
        : end < day ? AccreditationWarning.Expired
        : end <= day.AddDays(ExpiryWarningDays) ? AccreditationWarning.ExpiresSoon
        : null;

    /// <summary>Accredited and not expired on the day: what the directory shows as "accredited".</summary>
    public bool IsAccreditedOn(DateOnly day) =>
        Accreditation == AccreditationStatus.Accredited && (AccreditationExpiresOn is null || AccreditationExpiresOn >= day);
}
