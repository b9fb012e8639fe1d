using Himaya.Platform;

namespace Himaya.Features.Institutions;

/// <summary>
/// What the monitors found on a visit and what they recommend, to whom and by when; then its follow-up: the authority
/// answers (in progress, implemented, not accepted) and the monitors verify an implementation or open it again.
/// </summary>
public sealed class VisitFinding
{
    public long Id { get; set; }
    public Guid VisitId { get; set; }
    public int InstitutionId { get; set; }
    public string? Item { get; set; }
    public FindingSeverity Severity { get; set; }
    public required string Finding { get; set; }
    public required string Recommendation { get; set; }
    public required string Addressee { get; set; }
    public DateOnly? DueOn { get; set; }
    public FollowUpStatus Status { get; set; }
    public DateTime StatusAt { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }

    /// <summary>What the authority may answer; verification is the monitors'.</summary>
    public static readonly IReadOnlyList<FollowUpStatus> Responses = [FollowUpStatus.InProgress, FollowUpStatus.Implemented, FollowUpStatus.NotAccepted];

    /// <summary>
    /// What a new finding may say: an item of the institution's checklist when it names one, and a due date for its
    /// recommendation no earlier than the visit.
    /// </summary>
    public static IEnumerable<Refusal> Check(InstitutionKind kind, string? item, DateOnly? dueOn, DateOnly visitedOn)
    {
        if (item is not null && !Checklists.For(kind).Contains(item, StringComparer.Ordinal)) yield return InstitutionErrors.UnknownItem("item", item);
        if (dueOn is { } due && due < visitedOn) yield return InstitutionErrors.DueBeforeVisit();
    }

    /// <summary>Still to be acted on or checked: neither verified nor refused by the authority (an array: queries use it too).</summary>
    public static readonly FollowUpStatus[] OpenStatuses = [FollowUpStatus.Open, FollowUpStatus.InProgress, FollowUpStatus.Implemented];

    public bool IsOpen => OpenStatuses.Contains(Status);

    public bool IsOverdue(DateOnly today) => DueOn is { } due && due < today && Status is FollowUpStatus.Open or FollowUpStatus.InProgress;

    /// <summary>The authority's answer: work under way, done, or not accepted; not once the monitors have verified it.</summary>
    public Refusal? Respond(FollowUpStatus to, DateTime at)
    {
        if (!Responses.Contains(to)) return InstitutionErrors.ResponseStatus();
        if (Status is FollowUpStatus.Verified or FollowUpStatus.NotAccepted) return InstitutionErrors.FollowUpClosed(Status);
        if (Status == FollowUpStatus.Implemented) return InstitutionErrors.AwaitsVerification();
        if (Status == to) return InstitutionErrors.SameStatus(to);
        (Status, StatusAt) = (to, at);
        return null;
    }

    /// <summary>The monitors confirm an implementation (verified) or find it not done (open again); a refusal may be reopened too.</summary>
    public Refusal? Verify(bool confirmed, DateTime at)
    {
        if (Status == FollowUpStatus.NotAccepted && !confirmed) { (Status, StatusAt) = (FollowUpStatus.Open, at); return null; }
        if (Status != FollowUpStatus.Implemented) return InstitutionErrors.NothingToVerify(Status);
        (Status, StatusAt) = (confirmed ? FollowUpStatus.Verified : FollowUpStatus.Open, at);
        return null;
    }
}

/// <summary>One step of a recommendation's follow-up: who moved it to which status, when, and what they said.</summary>
public sealed class FindingUpdate
{
    public long Id { get; set; }
    public long FindingId { get; set; }
    public FollowUpStatus Status { get; set; }
    public required string Note { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
}
