namespace Himaya.Features.Services;

/// <summary>Who runs a provider: a state body, an NGO/CSO (the "third sector"), or a private company.</summary>
public enum ProviderKind { State, Ngo, Private }

/// <summary>Where a provider stands against the national social-service standards.</summary>
public enum AccreditationStatus { None, Applied, Accredited, Suspended, Expired }

/// <summary>
/// A service's life: <c>Pending</c> waits for a coordinator's review before the public sees it; <c>Returned</c> was sent
/// back to its provider with a reason (fixed and saved, it waits again); <c>Public</c> is in the directory and takes
/// referrals; <c>Closed</c> takes none and is kept for the referrals it answered.
/// </summary>
public enum ServiceStatus { Pending, Returned, Public, Closed }

/// <summary>Which children a service takes by sex.</summary>
public enum SexEligibility { Any, Girls, Boys }

/// <summary>What the directory's keepers are warned of about a provider's accreditation.</summary>
public enum AccreditationWarning { ExpiresSoon, Expired }
