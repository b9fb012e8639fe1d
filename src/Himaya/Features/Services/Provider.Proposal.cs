using Himaya.Platform;

namespace Himaya.Features.Services;

/// <summary>How people reach a provider: what its own staff may propose, and a keeper of the directory approves.</summary>
public sealed record ProviderContactFacts(string? Phone, string? Email, string? Address, string? Website);

/// <summary>
/// A proposal by the provider's own staff to change how people reach it. It waits on the provider (one at a time: a
/// newer one replaces it) until a keeper approves it (the facts change) or returns it with a reason the staff then see.
/// The legal identifiers, accreditation and contracts are the keepers' alone; they are not proposed.
/// </summary>
public sealed partial class Provider
{
    public string? ProposedPhone { get; set; }
    public string? ProposedEmail { get; set; }
    public string? ProposedAddress { get; set; }
    public string? ProposedWebsite { get; set; }
    public int? ProposedById { get; set; }
    /// <summary>Set while a proposal waits; the proposed values may themselves be empty (a website removed).</summary>
    public DateTime? ProposedAt { get; set; }
    /// <summary>Why the last proposal was returned, until the next one.</summary>
    public string? ReturnedReason { get; set; }

    public ProviderContactFacts ContactFacts() => new(Phone, Email, Address, Website);

    public ProviderContactFacts? WaitingProposal() =>
        ProposedAt is null ? null : new(ProposedPhone, ProposedEmail, ProposedAddress, ProposedWebsite);

    public Refusal? Propose(ProviderContactFacts facts, int by, DateTime now)
    {
        if (facts == ContactFacts()) return ProviderErrors.ProposalChangesNothing();
        (ProposedPhone, ProposedEmail, ProposedAddress, ProposedWebsite) = (facts.Phone, facts.Email, facts.Address, facts.Website);
        (ProposedById, ProposedAt, ReturnedReason) = (by, now, null);
        Touch(now);
        return null;
    }

    public Refusal? ApproveProposal(DateTime now)
    {
        if (WaitingProposal() is not { } facts) return ProviderErrors.NothingProposed();
        (Phone, Email, Address, Website) = (facts.Phone, facts.Email, facts.Address, facts.Website);
        ClearProposal();
        Touch(now);
        return null;
    }

    public Refusal? ReturnProposal(string? reason, DateTime now)
    {
        if (WaitingProposal() is null) return ProviderErrors.NothingProposed();
        if (string.IsNullOrWhiteSpace(reason)) return ProviderErrors.ReasonRequired();
        ClearProposal();
        ReturnedReason = reason.Trim();
        Touch(now);
        return null;
    }

    private void ClearProposal() =>
        (ProposedPhone, ProposedEmail, ProposedAddress, ProposedWebsite, ProposedById, ProposedAt) = (null, null, null, null, null, null);

    /// <summary>Every change to the row, a proposal too, moves its version: a keeper decides on the proposal they read.</summary>
    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}
