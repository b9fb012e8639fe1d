namespace Himaya.Features.Services;

/// <summary>
/// A service as edited (<c>PUT /api/v1/services/{id}</c>): every field of <see cref="ServiceInput"/> but the provider,
/// which does not change, and the <c>version</c> the edit was based on. Capacity and free places are operational; the
/// rest are public facts (see <see cref="ServiceFacts"/>).
/// </summary>
public sealed record ServiceEdit(int? Version, string? Name, IReadOnlyList<string>? Types, IReadOnlyList<string>? Districts, bool? Nationwide,
    string? Address, double? Latitude, double? Longitude, int? AgeMin, int? AgeMax, SexEligibility? Sex, bool? DisabilityOnly, string? Phone,
    int? Capacity, int? FreePlaces, string? OpeningHours, IReadOnlyList<string>? Languages, string? Cost, string? Description)
{
    public ServiceInput AsInput(int? providerId) => new(providerId, Name, Types, Districts, Nationwide, Address, Latitude, Longitude, AgeMin, AgeMax,
        Sex, DisabilityOnly, Phone, Capacity, FreePlaces, OpeningHours, Languages, Cost, Description);
}

/// <summary>Capacity and free places, the figures a provider updates daily (applied at once).</summary>
public sealed record PlacesUpdate(int? Version, int? Capacity, int? FreePlaces);

/// <summary>A reviewer's decision on a new service or a waiting change: approve, or return with a reason.</summary>
public sealed record ReviewDecision(bool? Approve, string? Reason, int? Version);

/// <summary>A step on a service that needs nothing but the version it was based on (close, reopen).</summary>
public sealed record ServiceVersion(int? Version);

/// <summary>A change waiting for review: the facts proposed, which of them differ from the public ones, by whom and when.</summary>
public sealed record PendingChangeView(long Id, ServiceFacts Proposed, IReadOnlyList<string> Changed, string ProposedBy, DateTime ProposedAt);

/// <summary>The directory's management list: the services the caller keeps, filtered; how many wait for the caller's review.</summary>
public sealed record ServiceRow(int Id, string Name, string Provider, ServiceStatus Status, IReadOnlyList<string> Types, IReadOnlyList<string> Districts,
    bool Nationwide, int? Capacity, int? FreePlaces, bool ChangeWaiting, int Version);

public sealed record ServiceRows(IReadOnlyList<ServiceRow> Items, int Total, int Page, int WaitingForReview);

/// <summary>One item of the review queue: a new service, or a change to a public one (what it changes).</summary>
public sealed record ReviewItem(int Id, string Name, string Provider, ReviewKind Kind, IReadOnlyList<string> Districts, bool Nationwide,
    IReadOnlyList<string> Changed, string? ProposedBy, DateTime Since, int Version);

public sealed record ReviewQueue(IReadOnlyList<ReviewItem> Items);

/// <summary>What waits for review: a service not yet public, or a change to a public one.</summary>
public enum ReviewKind { NewService, Change }
