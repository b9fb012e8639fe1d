using Himaya.Platform;

namespace Himaya.Features.Institutions;

/// <summary>
/// A monitoring visit to an institution by an independent monitor: the standard checklist, private interviews, findings
/// with recommendations. Open while it is recorded; reported once every checklist item is answered, then fixed.
/// </summary>
public sealed class InstitutionVisit
{
    public Guid Id { get; set; }
    public int InstitutionId { get; set; }
    public DateOnly VisitedOn { get; set; }
    public VisitKind Kind { get; set; }
    public required string Team { get; set; }
    public VisitStatus Status { get; set; }
    public string? Summary { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
    public DateTime? ReportedAt { get; set; }

    public static Refusal? CheckDate(DateOnly? on, DateOnly today) =>
        on is null ? PlatformErrors.Required("visitedOn") : on > today ? PlatformErrors.FutureDate("visitedOn") : null;

    /// <summary>A reported visit is the monitors' record of that day: nothing is added to it afterwards.</summary>
    public Refusal? CanChange() => Status == VisitStatus.Reported ? InstitutionErrors.VisitReported() : null;

    /// <summary>Reports the visit when every item of the institution's checklist has an answer.</summary>
    public Refusal? Report(InstitutionKind kind, IEnumerable<string> answered, string summary, DateTime at)
    {
        if (CanChange() is { } refused) return refused;
        var missing = Checklists.For(kind).Except(answered, StringComparer.Ordinal).Count();
        if (missing > 0) return InstitutionErrors.ChecklistIncomplete(missing);
        (Status, Summary, ReportedAt) = (VisitStatus.Reported, summary, at);
        return null;
    }
}

/// <summary>The answer to one checklist item on one visit (answering it again replaces it while the visit is open).</summary>
public sealed class VisitCheck
{
    public long Id { get; set; }
    public Guid VisitId { get; set; }
    public required string Item { get; set; }
    public CheckAnswer Answer { get; set; }
    public string? Note { get; set; }

    /// <summary>The item belongs to the institution's checklist; an item not (fully) met says what was seen.</summary>
    public static Refusal? Check(InstitutionKind kind, string? item, CheckAnswer answer, string? note, string field) =>
        item is null || !Checklists.For(kind).Contains(item, StringComparer.Ordinal) ? InstitutionErrors.UnknownItem(field + ".item", item ?? "")
        : answer is CheckAnswer.NotMet or CheckAnswer.PartlyMet && string.IsNullOrWhiteSpace(note) ? InstitutionErrors.NoteNeeded(field + ".note")
        : null;
}

/// <summary>
/// A private interview held on a visit. Who (kind, age group, sex) is shown to those who see the visit; what was said
/// stays with the monitors whose mandate covers the institution, and leaves in no export.
/// </summary>
public sealed class VisitInterview
{
    public static readonly IReadOnlyList<string> AgeGroups = ["0-5", "6-11", "12-14", "15-17"];

    public long Id { get; set; }
    public Guid VisitId { get; set; }
    public Interviewee Interviewee { get; set; }
    public string? AgeGroup { get; set; }
    public required string Notes { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }

    /// <summary>An interview is recorded only when held with consent; a child's records the age group, never a name.</summary>
    public static IEnumerable<Refusal> Check(Interviewee who, string? ageGroup, bool? consent)
    {
        if (consent != true) yield return InstitutionErrors.ConsentNeeded();
        if (who == Interviewee.Child && (ageGroup is null || !AgeGroups.Contains(ageGroup, StringComparer.Ordinal)))
            yield return InstitutionErrors.AgeGroup(string.Join(", ", AgeGroups));
        if (who != Interviewee.Child && ageGroup is not null) yield return InstitutionErrors.AgeGroupForChildren();
    }
}
