using Himaya.Features.Registry;

namespace Himaya.Features.Cases;

// Requests. Every change to a case carries the version it was based on: a stale version is a conflict, never an overwrite.
public sealed record OpenCaseRequest(Guid? ChildId, string? Reason, IReadOnlyList<string>? Concerns, RiskLevel? Risk,
    int? OwnerId = null, int? SupervisorId = null, string? OpenedFrom = null, Guid? OutreachTaskId = null);
public sealed record InitialAssessmentRequest(int? Version, string? Summary, bool? ChildSafe, RiskLevel? Risk);
public sealed record ComprehensiveAssessmentRequest(int? Version, string? FamilySituation, Dictionary<string, int>? Wellbeing,
    string? Functioning, string? Risks, string? Strengths);
public sealed record PlanActionInput(string? Goal, string? Action, string? Responsible, DateOnly? DueOn, string? ServiceType = null);
public sealed record PlanRequest(int? Version, IReadOnlyList<PlanActionInput>? Actions, bool? IndividualCarePlan = null,
    IReadOnlyList<string>? CarePlanDomains = null, int? ReviewCycleMonths = null);
public sealed record DecisionRequest(int? Version, bool? Approve, string? Comment);
public sealed record ReviewRequest(int? Version, string? Progress, DateOnly? NextReviewOn);
public sealed record ClosureRequest(int? Version, string? Reason, string? Outcome);
public sealed record ReopenRequest(int? Version, string? Reason);
/// <summary>Transfer to another supervisor's team (another district or agency); <c>toDistrictCode</c> defaults to the case's district.</summary>
public sealed record TransferRequest(int? Version, int? ToSupervisorId, string? ToDistrictCode, string? Reason);
/// <summary>The sending side takes back a transfer the receiver has not answered yet; the reason is optional.</summary>
public sealed record WithdrawTransferRequest(int? Version, string? Reason);
public sealed record TransferDecisionRequest(int? Version, bool? Accept, int? NewOwnerId, string? Comment);
public sealed record TransferItem(Guid CaseId, string Number, string ChildName, int ChildAge, CaseStage Stage, RiskLevel Risk, string FromDistrictCode,
    string ToDistrictCode, string Reason, string RequestedBy, DateTime RequestedAt, int Version, IReadOnlyList<UserRef> Workers);
public sealed record PendingTransfer(UserRef ToSupervisor, string ToDistrictCode, string Reason, DateTime RequestedAt);
public sealed record NoteRequest(NoteKind? Kind, DateOnly? On, string? Text, bool? Sensitive);
public sealed record ReferRequest(int? ServiceId, string? Reason, bool? ConsentGiven, string? ConsentBy, DateOnly? ConsentOn, DateOnly? DueOn);
/// <summary>A step of a referral: accept, decline (text = reason), deliver (text = what was delivered), complete (text = outcome), cancel (text = reason).</summary>
/// <summary>A step's answer; <c>NoCapacity</c> (a decline only): declined because the service has no free place.</summary>
public sealed record ReferralStepRequest(int? Version, string? Text, bool? NoCapacity = null);

// Views.
public sealed record UserRef(int Id, string UserName, string DisplayName);
public sealed record CaseChild(Guid Id, string Name, Sex Sex, DateOnly BirthDate, int Age, bool HasFunctionalDifficulty, string DistrictCode);
public sealed record AssessmentView(long Id, AssessmentKind Kind, DateTime At, string By, System.Text.Json.JsonElement Content);
public sealed record PlanActionView(string Goal, string Action, string Responsible, DateOnly DueOn, bool Done, string? ServiceType);
public sealed record NoteView(Guid Id, NoteKind Kind, DateOnly On, string Text, bool Sensitive, DateTime At, string By);
public sealed record ReferralView(Guid Id, Guid CaseId, string CaseNumber, string ChildName, int ChildAge, string DistrictCode, int ServiceId, string ServiceName, string Reason,
    bool ConsentGiven, string ConsentBy, DateOnly ConsentOn, ReferralStatus Status, DateTime SentAt, string SentBy, DateTime RespondBy,
    DateOnly? DueOn, string? DeclineReason, bool DeclinedForCapacity, DateTime? RespondedAt, string? DeliveryNote, DateTime? DeliveredAt, string? Outcome,
    DateTime? CompletedAt, bool Overdue, int Version);
public sealed record EventView(DateTime At, string By, string Kind, string? Detail, string? Comment);
/// <summary>What the caller may do on this case now (the server checks again on every request).</summary>
public sealed record CaseRights(bool Work, bool Approve, bool ReadSensitive);
public sealed record CaseView(Guid Id, string Number, int Version, CaseChild Child, string DistrictCode, string DistrictName, CaseStage Stage,
    RiskLevel Risk, PendingApproval Pending, string Reason, IReadOnlyList<string> Concerns, string OpenedFrom, UserRef Owner, UserRef Supervisor,
    DateTime OpenedAt, DateTime? DueAt, bool Overdue, DateOnly? NextReviewOn, bool IndividualCarePlan, IReadOnlyList<string> CarePlanDomains,
    int? ReviewCycleMonths, IReadOnlyList<PlanActionView> Plan, IReadOnlyList<AssessmentView> Assessments, IReadOnlyList<NoteView> Notes,
    int HiddenSensitiveNotes, IReadOnlyList<AttachmentView> Attachments, int HiddenAttachments, IReadOnlyList<ReferralView> Referrals, CareView Care, IReadOnlyList<JusticeView> Justice, IReadOnlyList<EventView> History, string? ClosureReason,
    string? ClosureOutcome, DateTime? ClosedAt, PendingTransfer? Transfer, DateTime UpdatedAt, CaseRights Can);
public sealed record CaseListItem(Guid Id, string Number, Guid ChildId, string ChildName, string DistrictCode, CaseStage Stage, RiskLevel Risk,
    PendingApproval Pending, string Owner, DateTime OpenedAt, DateTime? DueAt, bool Overdue);
public sealed record CasePage(IReadOnlyList<CaseListItem> Items, int Total, int Page, int PageSize);
