namespace Himaya.Features.Institutions;

public sealed record InstitutionInput(string? Name, string? Kind, string? DistrictCode, int? Capacity, string? Operator, string? Address, int? Version = null);

/// <summary>An institution with the children it holds now (counts only), its last visit and its open recommendations.</summary>
public sealed record InstitutionSummary(int Id, string Name, InstitutionKind Kind, string DistrictCode, int Capacity, string Operator, string Address,
    ChildrenHeld Children, int Occupancy, DateOnly? LastVisitOn, int OpenRecommendations, int OverdueRecommendations, int Version);

/// <summary>Children held now: in residential care (current placements naming it) and deprived of liberty (current detentions).</summary>
public sealed record ChildrenHeld(int Total, int Placed, int Detained, int Girls, int Boys);

public sealed record InstitutionView(InstitutionSummary Institution, IReadOnlyList<VisitSummary> Visits, IReadOnlyList<FindingView> Findings, bool InMandate);

public sealed record VisitInput(DateOnly? VisitedOn, string? Kind, string? Team);

public sealed record VisitSummary(Guid Id, int InstitutionId, DateOnly VisitedOn, VisitKind Kind, string Team, VisitStatus Status, int Answered, int Items, int Interviews, int Findings);

/// <summary>
/// A visit as its reader may see it: the interviews' notes only for monitors whose mandate covers the institution
/// (<see cref="InterviewView.Notes"/> is null for everyone else).
/// </summary>
public sealed record VisitView(VisitSummary Visit, string InstitutionName, InstitutionKind InstitutionKind, string? Summary,
    IReadOnlyList<CheckView> Checklist, IReadOnlyList<InterviewView> Interviews, IReadOnlyList<FindingView> Findings, bool CanRecord);

public sealed record CheckView(string Item, CheckAnswer? Answer, string? Note);

public sealed record InterviewView(long Id, Interviewee Interviewee, string? AgeGroup, DateTime At, string? Notes);

public sealed record FindingView(long Id, Guid VisitId, DateOnly VisitedOn, string? Item, FindingSeverity Severity, string Finding, string Recommendation,
    string Addressee, DateOnly? DueOn, FollowUpStatus Status, bool Overdue, IReadOnlyList<FindingUpdateView> Updates);

public sealed record FindingUpdateView(FollowUpStatus Status, string Note, DateTime At, string By);

public sealed record ChecklistInput(IReadOnlyList<CheckInput>? Answers);

public sealed record CheckInput(string? Item, string? Answer, string? Note);

public sealed record InterviewInput(string? Interviewee, string? AgeGroup, bool? Consent, string? Notes);

public sealed record FindingInput(string? Item, string? Severity, string? Finding, string? Recommendation, string? Addressee, DateOnly? DueOn);

public sealed record ReportInput(string? Summary);

public sealed record FollowUpInput(string? Status, string? Note);

public sealed record VerificationInput(bool? Confirmed, string? Note);
