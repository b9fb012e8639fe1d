using Himaya.Platform;

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
    /// <summary>False once the member left: no longer a current member, kept for the mechanism's history.</summary>
    public bool Active { get; set; } = true;
    public DateTime AddedAt { get; set; }
    public DateOnly? LeftOn { get; set; }

    /// <summary>The member left the mechanism on a day: not in the future, not before they joined, and only once.</summary>
    public Refusal? Leave(DateOnly on, DateOnly today)
    {
        if (!Active) return VacErrors.MemberAlreadyLeft();
        if (on > today) return PlatformErrors.FutureDate("leftOn");
        if (on < DateOnly.FromDateTime(AddedAt)) return VacErrors.LeftBeforeJoined();
        Active = false;
        LeftOn = on;
        return null;
    }
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

/// <summary>
/// What the meeting decided, about a report or in general, and who follows it up by when. The owner is a name (a member
/// need not use Himaya) and, when they do, their user too: then they mark it done themselves, or the coordinator does.
/// </summary>
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
    public int? OwnerUserId { get; set; }
    public DateTime? DoneAt { get; set; }
    public int? DoneById { get; set; }
    public string? DoneNote { get; set; }

    public bool IsOpen => DoneAt is null;

    /// <summary>Open and past the day it was due by.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && DueOn is { } due && due < today;

    public Refusal? MarkDone(int byId, string? note, DateTime now)
    {
        if (!IsOpen) return VacErrors.FollowUpDone();
        DoneAt = now;
        DoneById = byId;
        DoneNote = note;
        return null;
    }
}
