namespace Himaya.Features.Services;

// A provider's record as it is read and changed under /api/v1/providers/{id}, its contracts and contacts, and the
// taxonomy's administration. Every change to the provider's own facts carries the version it was based on.

/// <summary>The provider's facts as replaced by <c>PUT /api/v1/providers/{id}</c>: all of them, with the version read.</summary>
public sealed record ProviderUpdate(int? Version, string? Name, ProviderKind? Kind, string? TaxId, string? RegistrationNumber,
    AccreditationStatus? Accreditation, DateOnly? AccreditedOn, DateOnly? AccreditationExpiresOn, string? Phone, string? Email,
    string? Address, string? Website)
{
    public ProviderInput AsInput() => new(Name, Kind, TaxId, RegistrationNumber, Accreditation, AccreditedOn, AccreditationExpiresOn, Phone, Email, Address, Website);
}

/// <summary>A state contract: funder, number, amount in AZN, period <c>from</c>–<c>to</c>, and the service types it buys.</summary>
public sealed record ContractInput(string? Funder, string? Number, decimal? Amount, DateOnly? From, DateOnly? To, IReadOnlyList<string>? Types);

/// <summary>Ends a contract early; no day means today.</summary>
public sealed record ContractEnd(DateOnly? EndedOn);

/// <summary>What a provider's staff propose for how people reach it (<c>POST /api/v1/providers/{id}/proposal</c>): all four, empty ones cleared.</summary>
public sealed record ProposalInput(string? Phone, string? Email, string? Address, string? Website);

/// <summary>A keeper's decision on the waiting proposal, with the provider's version they read; a return needs a reason.</summary>
public sealed record ProposalDecision(int? Version, bool? Approve, string? Reason);

/// <summary>The proposal waiting on a provider: the facts proposed, by whom and when.</summary>
public sealed record ProposalView(string? Phone, string? Email, string? Address, string? Website, string ProposedBy, DateTime ProposedAt);

public sealed record ContactInput(string? Name, string? Role, string? Phone, string? Email);

public sealed record ContractView(int Id, string Funder, string Number, decimal Amount, DateOnly From, DateOnly To, DateOnly? EndedOn,
    ContractStatus Status, IReadOnlyList<string> Types);

public sealed record ContactView(int Id, string Name, string? Role, string? Phone, string? Email);

/// <summary>One line of the providers' list: the provider's facts, its accreditation warning and how many services it runs.</summary>
public sealed record ProviderSummary(int Id, string Name, ProviderKind Kind, string? TaxId, string? RegistrationNumber, AccreditationStatus Accreditation,
    DateOnly? AccreditedOn, DateOnly? AccreditationExpiresOn, bool Accredited, AccreditationWarning? AccreditationWarning, string? Phone,
    string? Email, string? Address, string? Website, int Services, int ActiveContracts, int Version, bool ProposalWaits);

/// <summary>A provider with its contracts (total of the active ones in AZN), contact people, and the proposal waiting (or why the last was returned).</summary>
public sealed record ProviderDetails(int Id, string Name, ProviderKind Kind, string? TaxId, string? RegistrationNumber, AccreditationStatus Accreditation,
    DateOnly? AccreditedOn, DateOnly? AccreditationExpiresOn, bool Accredited, AccreditationWarning? AccreditationWarning, string? Phone,
    string? Email, string? Address, string? Website, int Services, int Version, decimal ActiveFunding,
    IReadOnlyList<ContractView> Contracts, IReadOnlyList<ContactView> Contacts, ProposalView? Proposal, string? ReturnedReason);

/// <summary>A new entry of the taxonomy: a lowercase kebab code (at most 40 characters, never reused) and its name in each language.</summary>
public sealed record ServiceTypeInput(string? Code, string? NameAz, string? NameEn, string? NameRu);

/// <summary>A type as its administrator sees it: retired ones too, and how many services and contracts name it.</summary>
public sealed record ServiceTypeEntry(string Code, string NameAz, string NameEn, string NameRu, bool Active, int Services, int Contracts);
