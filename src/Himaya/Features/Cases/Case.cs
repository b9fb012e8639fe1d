namespace Himaya.Features.Cases;

/// <summary>
/// The stages a case moves through, in order. A case opens (registration) straight into its initial assessment;
/// <see cref="Closed"/> is the end, left only by reopening.
/// </summary>
public enum CaseStage { InitialAssessment, ComprehensiveAssessment, CasePlan, Implementation, FollowUp, Closed }

public enum RiskLevel { High, Medium, Low }

/// <summary>What a case waits for from its supervisor, if anything.</summary>
public enum PendingApproval { None, Plan, Closure }

/// <summary>
/// A child protection case: one child, one owner (social worker), one supervisor. Its district decides who may see it
/// by location; its owner and supervisor, by caseload (see <see cref="CaseScope"/>). <see cref="Version"/> guards
/// every change, so two people (or an offline client) never overwrite each other silently.
/// </summary>
public sealed partial class Case
{
    public Guid Id { get; set; }
    /// <summary>Readable number, unique: year and a sequence (2026-000123).</summary>
    public required string Number { get; set; }
    public Guid ChildId { get; set; }
    public required string DistrictCode { get; set; }
    public string Agency { get; set; } = "";
    public int OwnerId { get; set; }
    public int SupervisorId { get; set; }
    public CaseStage Stage { get; set; }
    public RiskLevel Risk { get; set; }
    public PendingApproval Pending { get; set; }
    public required string Reason { get; set; }
    /// <summary>Protection concern codes (<see cref="CaseCodes.Concerns"/>), comma-separated.</summary>
    public string Concerns { get; set; } = "";
    /// <summary>Where the case was opened from: child, most-deprived, outreach, referral.</summary>
    public string OpenedFrom { get; set; } = "child";
    public Guid? OutreachTaskId { get; set; }
    public DateTime OpenedAt { get; set; }
    public int OpenedById { get; set; }
    /// <summary>Deadline of the current stage's step (assessment, plan); null when the stage has none.</summary>
    public DateTime? DueAt { get; set; }
    /// <summary>Next review of the approved plan.</summary>
    public DateOnly? NextReviewOn { get; set; }
    /// <summary>The plan is a standardised individual care plan (child with disabilities): its domains and review cycle.</summary>
    public bool IndividualCarePlan { get; set; }
    public string CarePlanDomains { get; set; } = "";
    public int? ReviewCycleMonths { get; set; }
    public string? ClosureReason { get; set; }
    public string? ClosureOutcome { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>A transfer waiting for the receiving supervisor: ownership changes only when they accept.</summary>
    public int? TransferToSupervisorId { get; set; }
    public string? TransferToDistrict { get; set; }
    public string? TransferReason { get; set; }
    public DateTime? TransferRequestedAt { get; set; }
    public int? TransferRequestedById { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int UpdatedById { get; set; }
    public int Version { get; set; }

    /// <summary>The case's owner and supervisor work on it (approvals: its supervisor alone).</summary>
    public bool IsWorkedOnBy(int userId) => userId == OwnerId || userId == SupervisorId;

    /// <summary>Who changed the case last, and when (any step on it, appended records included).</summary>
    public void Touch(DateTime at, int byId) => (UpdatedAt, UpdatedById) = (at, byId);

    /// <summary>Late: the current step's deadline passed (and nothing waits for the supervisor), or the plan's review date did.</summary>
    public bool IsOverdue(DateTime now, DateOnly today) => Stage != CaseStage.Closed &&
        ((DueAt is { } due && due < now && Pending == PendingApproval.None) || (NextReviewOn is { } review && review < today));
}

public enum AssessmentKind { Initial, Comprehensive, Review }

/// <summary>A completed assessment or review; its fields as JSON (<see cref="CaseContracts"/> shapes), kept whole for history.</summary>
public sealed class CaseAssessment
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public AssessmentKind Kind { get; set; }
    public required string Content { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
}

/// <summary>One action of the case plan: towards a goal, by a person or service, by a date.</summary>
public sealed class CasePlanAction
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public int Position { get; set; }
    public required string Goal { get; set; }
    public required string Action { get; set; }
    public required string Responsible { get; set; }
    public DateOnly DueOn { get; set; }
    public bool Done { get; set; }
    /// <summary>The kind of service the action needs (a code of the shared taxonomy), when it needs one: coverage counts
    /// an action not yet met by an accepted referral to such a service as a child in need of it.</summary>
    public string? ServiceType { get; set; }
}

public enum NoteKind { Note, HomeVisit, ServiceDelivered, MhpssSession, PhoneCall, Meeting }

/// <summary>A case note. Sensitive notes are read only by the owner, the supervisor and roles granted <c>ReadSensitiveNotes</c>.</summary>
public sealed class CaseNote
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public NoteKind Kind { get; set; }
    public DateOnly On { get; set; }
    public required string Text { get; set; }
    public bool Sensitive { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
}

/// <summary>The case's history: every step, approval, return, referral step and reopening, with who and when.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
    public required string Kind { get; set; }
    public string? Detail { get; set; }
    public string? Comment { get; set; }
}
