using Himaya.Features.Registry;

namespace Himaya.Features.Violence;

/// <summary>
/// A report of violence against a child: an incident, kept apart from cases (most reports are answered without one).
/// The child may be identified or only described; the reporter may be anonymous. Its district decides who may see it;
/// inside the district, need-to-know (see <see cref="VacScope"/>). <see cref="Version"/> guards every change.
/// </summary>
public sealed partial class VacReport
{
    public Guid Id { get; set; }
    /// <summary>What the reporter is given and quotes: "VAC-" and eight letters and digits, random (not a count of reports).</summary>
    public required string Reference { get; set; }
    public ReportChannel Channel { get; set; }
    public ViolenceType Type { get; set; }
    public required string Description { get; set; }
    public required string DistrictCode { get; set; }
    public string? Place { get; set; }
    public DateOnly? OccurredOn { get; set; }
    public bool ImmediateDanger { get; set; }

    public string? ChildGivenName { get; set; }
    public string? ChildSurname { get; set; }
    public string? ChildPatronymic { get; set; }
    public Sex? ChildSex { get; set; }
    public DateOnly? ChildBirthDate { get; set; }
    public int? ChildApproximateAge { get; set; }
    public bool? ChildDisability { get; set; }
    /// <summary>Folded given name and surname (see <see cref="VacIntake.ChildKeyOf"/>): how repeat reports are found.</summary>
    public string? ChildKey { get; set; }
    /// <summary>The registry child, once a person confirmed the match.</summary>
    public Guid? ChildId { get; set; }
    public Guid? CaseId { get; set; }

    public string? PerpetratorRelation { get; set; }
    public string? PerpetratorDescription { get; set; }

    public string? ReporterName { get; set; }
    public string? ReporterPhone { get; set; }
    /// <summary>The phone's last nine digits (see <see cref="VacIntake.PhoneKeyOf"/>): how earlier calls from the same number are found.</summary>
    public string? ReporterPhoneKey { get; set; }
    public string? ReporterRelation { get; set; }
    /// <summary>The signed-in person who took or made the report; null for the public form.</summary>
    public int? ReportedById { get; set; }
    public DateTime ReportedAt { get; set; }

    public ReportRisk Risk { get; set; }
    /// <summary>Earlier reports about the same child when this one came in (a triage input, kept to explain the risk).</summary>
    public int EarlierReports { get; set; }
    public DateTime ResponseDueAt { get; set; }
    public ReportStatus Status { get; set; }
    public int? AssignedToId { get; set; }
    public DateTime? AssignedAt { get; set; }
    public DateTime? FirstRespondedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public ReportClosure? ClosureReason { get; set; }
    public string? ClosureNote { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The child's age in whole years on a day, from the birth date or else the reporter's estimate.</summary>
    public int? ChildAgeOn(DateOnly day) => ChildBirthDate is { } b
        ? day.Year - b.Year - (day < b.AddYears(day.Year - b.Year) ? 1 : 0)
        : ChildApproximateAge;
}

/// <summary>One thing done in response to a report.</summary>
public sealed class VacResponseAction
{
    public long Id { get; set; }
    public Guid ReportId { get; set; }
    public ResponseAction Kind { get; set; }
    public DateOnly On { get; set; }
    public required string Note { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
}
