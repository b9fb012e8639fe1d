using System.Text.Json.Serialization;
using Himaya.Features.Registry;

namespace Himaya.Features.Violence;

// The report body, the same for the public form and signed-in reporters (the README's contract).
public sealed record VacChildInput(string? GivenName, string? Surname, string? Patronymic, Sex? Sex, DateOnly? BirthDate,
    int? ApproximateAge, bool? Disability);
public sealed record VacPerpetratorInput(string? Relation, string? Description);
public sealed record VacReporterInput(string? Name, string? Phone, string? Relation);
public sealed record VacReportInput(ViolenceType? Type, string? Description, string? DistrictCode, string? Place, DateOnly? OccurredOn,
    bool? ImmediateDanger, VacChildInput? Child, VacPerpetratorInput? Perpetrator, VacReporterInput? Reporter);

/// <summary>All the public form answers: a reference to quote, nothing about what happens next.</summary>
public sealed record PublicReportReceipt(string Reference);
public sealed record ReportCreated(Guid Id, string Reference, ReportRisk RiskLevel, DateTime ResponseDueAt);

public sealed record AssignRequest(int? WorkerId);
public sealed record ActionRequest(ResponseAction? Kind, DateOnly? On, string? Note);
public sealed record CloseRequest(ReportClosure? Reason, string? Note, int? Version);

public sealed record VacReportSummary(Guid Id, string Reference, ViolenceType Type, string DistrictCode, ReportRisk RiskLevel,
    ReportStatus Status, DateTime ReportedAt, DateTime ResponseDueAt, bool Overdue, Escalation Escalation, int? AssignedToId,
    string? AssignedTo);
public sealed record VacReportList(IReadOnlyList<VacReportSummary> Items, int Total, int Page, int PageSize);

public sealed record VacChildView(string? GivenName, string? Surname, string? Patronymic, Sex? Sex, DateOnly? BirthDate,
    int? ApproximateAge, bool? Disability, Guid? RegistryId);
public sealed record VacActionView(ResponseAction Kind, DateOnly On, string Note, DateTime At, string By);

/// <summary>
/// A report as the people responding see it. <see cref="Reporter"/> is left out (not null: absent) for roles that may not
/// know who reported.
/// </summary>
public sealed record VacReportView(Guid Id, string Reference, ReportChannel Channel, ViolenceType Type, string Description,
    string DistrictCode, string? Place, DateOnly? OccurredOn, bool ImmediateDanger, VacChildView Child, VacPerpetratorInput Perpetrator,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VacReporterInput? Reporter,
    ReportRisk RiskLevel, int EarlierReports, DateTime ReportedAt, DateTime ResponseDueAt, ReportStatus Status, bool Overdue,
    Escalation Escalation, int? AssignedToId, string? AssignedTo, DateTime? FirstRespondedAt, Guid? CaseId,
    IReadOnlyList<VacActionView> Actions, ReportClosure? ClosureReason, string? ClosureNote, DateTime? ClosedAt, int Version);

/// <summary>What a reporter sees of their own report: that it arrived and where it stands, not the response.</summary>
public sealed record ReporterStatusView(Guid Id, string Reference, ViolenceType Type, string DistrictCode, DateTime ReportedAt,
    ReportStatus Status);
