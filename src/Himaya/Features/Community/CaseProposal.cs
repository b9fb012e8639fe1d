using Himaya.Platform;

namespace Himaya.Features.Community;

public enum ProposalStatus { Open, CaseOpened, Declined }

/// <summary>
/// A case proposed by community work — a screening at or above its threshold, or a home visit that found a developmental
/// delay or a safety concern — for the child's district's social workers to open (with the answers carried into the case's
/// reason) or decline with a reason. It never opens a case by itself: a screening is a signal, the decision is a worker's.
/// </summary>
public sealed class CaseProposal
{
    public Guid Id { get; set; }
    public Guid ChildId { get; set; }
    public required string DistrictCode { get; set; }
    /// <summary>"screening" or "home-visit".</summary>
    public required string Source { get; set; }
    public Guid? ScreeningId { get; set; }
    public Guid? HomeVisitId { get; set; }
    /// <summary>What was found, written out in the language of the person who recorded it (answers, flags, notes).</summary>
    public required string Summary { get; set; }
    public ProposalStatus Status { get; set; }
    public Guid? CaseId { get; set; }
    public string? DeclineReason { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int? DecidedById { get; set; }

    /// <summary>A proposal is decided once: a case opened from it, or declined with a reason.</summary>
    public Refusal? CaseOpened(Guid caseId, int byId, DateTime at)
    {
        if (Status != ProposalStatus.Open) return CommunityErrors.ProposalDecided();
        (Status, CaseId, DecidedById, DecidedAt) = (ProposalStatus.CaseOpened, caseId, byId, at);
        return null;
    }

    public Refusal? Decline(string? reason, int byId, DateTime at)
    {
        if (Status != ProposalStatus.Open) return CommunityErrors.ProposalDecided();
        if (string.IsNullOrWhiteSpace(reason)) return PlatformErrors.Required("reason");
        if (reason.Trim().Length > 1000) return PlatformErrors.TooLong("reason", 1000);
        (Status, DeclineReason, DecidedById, DecidedAt) = (ProposalStatus.Declined, reason.Trim(), byId, at);
        return null;
    }
}
