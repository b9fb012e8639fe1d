using System.Linq.Expressions;
using Himaya.Platform;

namespace Himaya.Features.Violence;

/// <summary>The response's steps as methods: each refuses an illegal move with a coded refusal and changes nothing then.</summary>
public sealed partial class VacReport
{
    public bool IsClosed => Status == ReportStatus.Closed;

    /// <summary>Late: not yet answered (no action recorded) and its first-response deadline has passed.</summary>
    public bool IsOverdue(DateTime now) => !IsClosed && FirstRespondedAt is null && ResponseDueAt < now;

    /// <summary>Who must act now, by the clock: past the deadline the supervisor, and past it by a further span the coordinator.</summary>
    public Escalation EscalationAt(DateTime now, TimeSpan toCoordinator) =>
        !IsOverdue(now) ? Escalation.None : now - ResponseDueAt >= toCoordinator ? Escalation.Coordinator : Escalation.Supervisor;

    /// <summary>
    /// Escalated to someone at <paramref name="level"/> now: a supervisor from the missed deadline on (and still once the
    /// coordinator is on too), the coordinator once it is late by the further span. Nobody else is escalated to.
    /// </summary>
    public bool IsEscalatedTo(Escalation level, DateTime now, TimeSpan toCoordinator) => level switch
    {
        Escalation.Supervisor => EscalationAt(now, toCoordinator) != Escalation.None,
        Escalation.Coordinator => EscalationAt(now, toCoordinator) == Escalation.Coordinator,
        _ => false,
    };

    /// <summary><see cref="IsEscalatedTo"/> as a query (a unit test holds the two to the same answers).</summary>
    public static Expression<Func<VacReport, bool>> EscalatedTo(Escalation level, DateTime now, TimeSpan toCoordinator)
    {
        if (level == Escalation.None) return r => false;
        var latest = level == Escalation.Coordinator ? now - toCoordinator : now;
        return r => r.Status != ReportStatus.Closed && r.FirstRespondedAt == null && r.ResponseDueAt < now && r.ResponseDueAt <= latest;
    }

    public Refusal? Assign(int workerId, DateTime now)
    {
        if (IsClosed) return VacErrors.Closed();
        if (AssignedToId == workerId) return VacErrors.AlreadyAssigned();
        AssignedToId = workerId;
        AssignedAt = now;
        if (Status == ReportStatus.New) Status = ReportStatus.Assigned;
        return null;
    }

    /// <summary>
    /// An action taken. Removal to safety is a placement: it goes through a case, where the gatekeeping rules hold, so
    /// the report must be linked to a case first.
    /// </summary>
    public Refusal? Record(ResponseAction kind, DateOnly on, DateOnly today, DateTime now)
    {
        if (IsClosed) return VacErrors.Closed();
        if (on > today) return PlatformErrors.FutureDate("on");
        if (OccurredOn is { } occurred && on < occurred) return VacErrors.ActionBeforeIncident();
        if (kind == ResponseAction.RemovalToSafety && CaseId is null) return VacErrors.RemovalNeedsCase();
        FirstRespondedAt ??= now;
        Status = ReportStatus.Responding;
        return null;
    }

    /// <summary>Closing needs a response, unless the report is closed as unfounded, a duplicate or passed to another district.</summary>
    public Refusal? Close(ReportClosure reason, string? note, DateTime now)
    {
        if (IsClosed) return VacErrors.Closed();
        var needsResponse = reason is ReportClosure.Resolved or ReportClosure.ReferredToCase or ReportClosure.NoContact;
        if (needsResponse && FirstRespondedAt is null) return VacErrors.CloseNeedsAction();
        if (reason == ReportClosure.ReferredToCase && CaseId is null) return VacErrors.CloseNeedsCase();
        Status = ReportStatus.Closed;
        ClosedAt = now;
        ClosureReason = reason;
        ClosureNote = note;
        return null;
    }

    public Refusal? LinkCase(Guid caseId, Guid caseChildId)
    {
        if (IsClosed) return VacErrors.Closed();
        if (ChildId is { } child && child != caseChildId) return VacErrors.CaseOfOtherChild();
        ChildId = caseChildId;
        CaseId = caseId;
        return null;
    }

    public Refusal? LinkChild(Guid childId)
    {
        if (IsClosed) return VacErrors.Closed();
        if (CaseId is not null && ChildId != childId) return VacErrors.CaseOfOtherChild();
        ChildId = childId;
        return null;
    }
}
