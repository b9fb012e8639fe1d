using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Himaya.Features.Violence;

/// <summary>
/// Reports escalated by the clock to the signed-in person: to supervisors once the first-response deadline passed, to the
/// district coordinator a further span later (<see cref="VacReport.IsEscalatedTo"/>); only reports they may see.
/// Shown in "my work", counted beside the menu link and listed by the API (<c>?escalated=me</c>).
/// </summary>
public static class VacEscalations
{
    /// <summary>The step of escalation a person is reached at: a supervisor the first (they also see later ones), a coordinator the second.</summary>
    public static Escalation LevelOf(CurrentUser u) =>
        u.Roles.Contains(Roles.Supervisor, StringComparer.Ordinal) ? Escalation.Supervisor
        : u.Roles.Contains(Roles.DistrictCoordinator, StringComparer.Ordinal) ? Escalation.Coordinator
        : Escalation.None;

    public static IQueryable<VacReport> EscalatedTo(this IQueryable<VacReport> q, CurrentUser u, DateTime now, TimeSpan toCoordinator) =>
        q.DetailsVisibleTo(u).Where(VacReport.EscalatedTo(LevelOf(u), now, toCoordinator));

    /// <summary>The menu's count (no audit line: a number, no report's content).</summary>
    public static async Task<int> CountAsync(IServiceProvider services, CurrentUser u, CancellationToken ct)
    {
        if (LevelOf(u) == Escalation.None || !u.Can(Permission.ReadVacReports)) return 0;
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var toCoordinator = TimeSpan.FromHours(services.GetRequiredService<IOptions<VacOptions>>().Value.CoordinatorAfterHours);
        return await db.VacReports.AsNoTracking().EscalatedTo(u, now, toCoordinator).CountAsync(ct);
    }
}
