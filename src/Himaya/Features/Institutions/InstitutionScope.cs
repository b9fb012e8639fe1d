using Himaya.Platform;

namespace Himaya.Features.Institutions;

/// <summary>
/// Who sees which institution, and what of its visits. An independent monitor's mandate is the area of their account
/// (national, or the listed districts): inside it they visit and read everything the monitors recorded, interview notes
/// included; outside it an institution does not exist for them (404). The authorities and analysts who see the register
/// see visits, checklists and findings in their area, never what was said in a private interview.
/// </summary>
public static class InstitutionScope
{
    public static bool Sees(CurrentUser u, string districtCode) =>
        u.Can(Permission.ViewInstitutions) && (u.ScopeKind == ScopeKind.National || (u.ScopeKind == ScopeKind.Areas && u.Districts.Contains(districtCode)));

    public static IQueryable<Institution> VisibleTo(this IQueryable<Institution> q, CurrentUser u) =>
        !u.Can(Permission.ViewInstitutions) ? q.Where(i => false)
        : u.ScopeKind == ScopeKind.National ? q
        : u.ScopeKind == ScopeKind.Areas ? q.Where(i => u.Districts.Contains(i.DistrictCode))
        : q.Where(i => false);

    /// <summary>Within the monitor's mandate: may record visits there and read the interviews' notes.</summary>
    public static bool InMandate(CurrentUser u, string districtCode) => u.Can(Permission.MonitorInstitutions) && Sees(u, districtCode);

    /// <summary>May register the institution or answer its recommendations: the authority of its area.</summary>
    public static bool Answers(CurrentUser u, string districtCode) => u.Can(Permission.ManageInstitutions) && Sees(u, districtCode);
}
