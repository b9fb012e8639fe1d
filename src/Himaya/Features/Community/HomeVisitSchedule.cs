namespace Himaya.Features.Community;

/// <summary>Where one scheduled visit stands on a given day.</summary>
public enum VisitStatus { Done, Upcoming, Due, Overdue, Missed }

/// <summary>What a home visit checks; immunisation only at the ages the national calendar gives vaccines.</summary>
public enum VisitCheck { Immunisation, Growth, Development, CaregiverWellbeing, HomeSafety }

/// <summary>One visit of the schedule: its age point (months), when it falls due and the window in which a visit counts for it.</summary>
public sealed record ScheduledVisit(int Months, DateOnly Due, DateOnly From, DateOnly Until, IReadOnlyList<VisitCheck> Checks);

/// <summary>
/// The Universal Progressive Home Visiting schedule of one child, from the birth date: a visit in the first week, then at
/// 1, 3, 6, 9, 12, 18 and 24 months, then yearly to five years. A visit counts for the point whose window holds its date
/// (from two weeks before the point to the next point), so a visit made a little early or late still counts once.
/// Overdue: the point is more than <see cref="Grace"/> days past with no visit — the alert in the worker's list; missed:
/// its window closed with no visit (the next visit is what matters then, and the miss stays in the record).
/// </summary>
public static class HomeVisitSchedule
{
    public static readonly IReadOnlyList<int> Points = [0, 1, 3, 6, 9, 12, 18, 24, 36, 48, 60];
    public const int Grace = 14;
    private const int Early = 14;
    /// <summary>Points at which vaccines fall due in the national calendar (birth, 2–4, 6, 12, 18 months, school entry).</summary>
    private static readonly HashSet<int> ImmunisationPoints = [0, 3, 6, 12, 18, 60];

    public static DateOnly DueOn(DateOnly birth, int months) => months == 0 ? birth.AddDays(7) : birth.AddMonths(months);

    public static IReadOnlyList<ScheduledVisit> For(DateOnly birth) =>
    [
        .. Points.Select((m, n) =>
        {
            var due = DueOn(birth, m);
            var until = n + 1 < Points.Count ? DueOn(birth, Points[n + 1]).AddDays(-Early - 1) : birth.AddMonths(72).AddDays(-1);
            var from = n == 0 ? birth : due.AddDays(-Early);
            IReadOnlyList<VisitCheck> checks = ImmunisationPoints.Contains(m)
                ? [VisitCheck.Immunisation, VisitCheck.Growth, VisitCheck.Development, VisitCheck.CaregiverWellbeing, VisitCheck.HomeSafety]
                : [VisitCheck.Growth, VisitCheck.Development, VisitCheck.CaregiverWellbeing, VisitCheck.HomeSafety];
            return new ScheduledVisit(m, due, from, until, checks);
        }),
    ];

    /// <summary>The point a visit on <paramref name="date"/> counts for; null before birth or after the schedule ends.</summary>
    public static ScheduledVisit? PointOn(DateOnly birth, DateOnly date) => For(birth).FirstOrDefault(v => date >= v.From && date <= v.Until);

    public static VisitStatus StatusOf(ScheduledVisit v, bool visited, DateOnly today) =>
        visited ? VisitStatus.Done
        : today > v.Until ? VisitStatus.Missed
        : today > v.Due.AddDays(Grace) ? VisitStatus.Overdue
        : today >= v.From ? VisitStatus.Due
        : VisitStatus.Upcoming;
}
