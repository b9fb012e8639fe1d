using Himaya.Platform;
using Himaya.Features.Identity;
using Himaya.Features.Services;

namespace Himaya.Features.Cases;

/// <summary>
/// The one place that decides which cases a user may see: by location (the case's district within the user's areas)
/// and, for social workers, also by caseload (cases they own or supervise). Supervisors, coordinators and
/// administrators see every case in their areas.
/// </summary>
public static class CaseScope
{
    public static IQueryable<Case> VisibleTo(this IQueryable<Case> cases, CurrentUser user)
    {
        if (!user.Can(Permission.ReadCases)) return cases.Where(c => false);
        var id = user.Id;
        var districts = user.Districts;
        var q = user.ScopeKind switch
        {
            ScopeKind.National => cases,
            ScopeKind.Areas => cases.Where(c => districts.Contains(c.DistrictCode)),
            ScopeKind.Caseload => cases.Where(c => c.OwnerId == id || c.SupervisorId == id),
            _ => cases.Where(c => false),
        };
        return SeesOwnCaseloadOnly(user) ? q.Where(c => c.OwnerId == id || c.SupervisorId == id) : q;
    }

    /// <summary>A social worker without a wider role works their own caseload only, even inside their district.</summary>
    public static bool SeesOwnCaseloadOnly(CurrentUser user) =>
        !user.Roles.Any(r => r is Roles.Administrator or Roles.DistrictCoordinator or Roles.Supervisor);

    /// <summary>Referrals a user answers: those sent to a service of the user's agency.</summary>
    public static IQueryable<Referral> AddressedTo(this IQueryable<Referral> referrals, IQueryable<Service> services, CurrentUser user)
    {
        if (!user.Can(Permission.RespondReferrals) || string.IsNullOrEmpty(user.Agency)) return referrals.Where(r => false);
        var agency = user.Agency;
        return referrals.Where(r => services.Any(s => s.Id == r.ServiceId && s.Agency == agency));
    }
}
