using Himaya.Platform;

namespace Himaya.Features.Violence;

/// <summary>
/// The one place that decides who sees which report, and how much of it. Inside their area: coordinators, supervisors
/// and the auditor see every report; hotline operators the reports still waiting for triage and those they took; a
/// social worker the reports assigned to them. Anyone who reported sees where their own report stands, not the response.
/// Outside all of that a report does not exist (404).
/// </summary>
public static class VacScope
{
    private static bool Sees(CurrentUser u, string role) => u.Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>Sees every report of the area with its details.</summary>
    public static bool SeesAllInArea(CurrentUser u) =>
        Sees(u, Roles.DistrictCoordinator) || Sees(u, Roles.Supervisor) || Sees(u, Roles.Auditor);

    public static bool SeesReporter(CurrentUser u) => u.Can(Permission.ReadReporterIdentity);

    /// <summary>Reports whose details (the incident, the child, the response) the user may read.</summary>
    public static IQueryable<VacReport> DetailsVisibleTo(this IQueryable<VacReport> q, CurrentUser u)
    {
        if (!u.Can(Permission.ReadVacReports)) return q.Where(r => false);
        var inArea = u.ScopeKind switch
        {
            ScopeKind.National => q,
            ScopeKind.Areas => q.Where(r => u.Districts.Contains(r.DistrictCode)),
            _ => q.Where(r => r.AssignedToId == u.Id),
        };
        if (SeesAllInArea(u)) return inArea;
        var hotline = Sees(u, Roles.HotlineOperator);
        var worker = Sees(u, Roles.SocialWorker);
        return inArea.Where(r => (worker && r.AssignedToId == u.Id)
            || (hotline && (r.Status == ReportStatus.New || (r.ReportedById == u.Id && r.Channel == ReportChannel.Hotline))));
    }

    /// <summary>Reports the user made (as a staff reporter or a hotline operator taking a call): their status only.</summary>
    public static IQueryable<VacReport> MadeBy(this IQueryable<VacReport> q, CurrentUser u) =>
        u.Can(Permission.ReportViolence) ? q.Where(r => r.ReportedById == u.Id) : q.Where(r => false);
}
