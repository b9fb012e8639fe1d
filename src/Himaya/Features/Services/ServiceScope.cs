using Himaya.Platform;

namespace Himaya.Features.Services;

/// <summary>
/// Who keeps which service. An administrator (national) keeps them all; a district coordinator those whose every
/// district lies in their area (a nationwide service, or one reaching beyond their area, is the administrator's); a
/// provider's staff their own provider's. Outside it a service is not found, as if it did not exist.
/// </summary>
public static class ServiceScope
{
    public static IQueryable<Service> KeptBy(this IQueryable<Service> services, CurrentUser user)
    {
        if (user.Can(Permission.ManageServices))
        {
            if (user.ScopeKind == ScopeKind.National) return services;
            var area = user.Districts.ToList();
            return services.Where(s => !s.Nationwide && s.Districts.Any() && s.Districts.All(d => area.Contains(d.DistrictCode)));
        }
        if (user.Can(Permission.EditServices)) return services.Where(s => s.Agency == user.Agency);
        return services.Where(_ => false);
    }

    /// <summary>Whether the user keeps the directory of these districts: what a coordinator may publish or approve.</summary>
    public static bool KeepsArea(CurrentUser user, IEnumerable<string> districts, bool nationwide) =>
        user.Can(Permission.ManageServices) && (user.ScopeKind == ScopeKind.National
            || (!nationwide && districts.Any() && districts.All(user.Districts.Contains)));

    /// <summary>
    /// What a keeper below national level may not give a service they create or edit: the whole country, or a district
    /// outside their area (unknown codes are the validation's to name). A provider's staff are held by review instead.
    /// </summary>
    public static void CheckArea(CurrentUser user, IEnumerable<string>? districts, bool? nationwide, AdminUnits units, FieldErrors e)
    {
        if (!IsKeeper(user) || user.ScopeKind == ScopeKind.National) return;
        if (nationwide == true) e.Add(ServiceErrors.NationwideNotYours());
        if ((districts ?? []).FirstOrDefault(d => units.IsDistrict(d) && !user.Districts.Contains(d)) is { } outside)
            e.Add(ServiceErrors.DistrictOutsideScope(outside));
    }

    /// <summary>The directory's keepers: their edits apply at once, and they review (within their area).</summary>
    public static bool IsKeeper(CurrentUser user) => user.Can(Permission.ManageServices);
}
