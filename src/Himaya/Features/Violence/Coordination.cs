namespace Himaya.Features.Violence;

/// <summary>
/// A member of a district's coordination mechanism on violence against children: an agency and the person who sits
/// for it (social services, police, health, education, the prosecutor, an NGO). Not necessarily a user of Himaya.
/// </summary>
public sealed class CoordinationMember
{
    public int Id { get; set; }
    public required string DistrictCode { get; set; }
    public required string Agency { get; set; }
    public required string PersonName { get; set; }
    public string? Role { get; set; }
    public bool Active { get; set; } = true;
    public DateTime AddedAt { get; set; }
}

/// <summary>A meeting of the mechanism. Its agenda is fixed when it is called: the district's open reports, overdue first.</summary>
public sealed class CoordinationMeeting
{
    public Guid Id { get; set; }
    public required string DistrictCode { get; set; }
    public DateOnly HeldOn { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public int CreatedById { get; set; }
}

/// <summary>One report on a meeting's agenda, and whether it was overdue when the agenda was made.</summary>
public sealed class CoordinationAgendaItem
{
    public long Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid ReportId { get; set; }
    public bool Overdue { get; set; }
}

/// <summary>What the meeting decided, about a report or in general, and who follows it up by when.</summary>
public sealed class CoordinationDecision
{
    public long Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid? ReportId { get; set; }
    public required string Text { get; set; }
    public required string Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
}
