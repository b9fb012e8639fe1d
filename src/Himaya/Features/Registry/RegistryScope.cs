using Himaya.Platform;

namespace Himaya.Features.Registry;

/// <summary>
/// The one place that decides which registry records a user may see. Every query over children or households
/// passes through here; handlers never filter by scope themselves.
/// </summary>
public static class RegistryScope
{
    public static IQueryable<Child> VisibleTo(this IQueryable<Child> children, CurrentUser user)
    {
        var q = children.Where(c => c.DeletedAt == null);
        if (!user.Can(Permission.ReadPersonalData)) return q.Where(c => false);
        return user.ScopeKind switch
        {
            ScopeKind.National => q,
            ScopeKind.Areas => q.Where(c => user.Districts.Contains(c.DistrictCode)),
            // A caseload user's own registrations are assigned to them at creation (ChildRecords.CreateAsync).
            ScopeKind.Caseload => q.Where(c => c.AssignedWorkerId == user.Id),
            _ => q.Where(c => false),
        };
    }

    public static IQueryable<Household> VisibleTo(this IQueryable<Household> households, CurrentUser user)
    {
        var q = households.Where(h => h.DeletedAt == null);
        if (!user.Can(Permission.ReadPersonalData)) return q.Where(h => false);
        return user.ScopeKind switch
        {
            ScopeKind.National => q,
            ScopeKind.Areas => q.Where(h => user.Districts.Contains(h.DistrictCode)),
            ScopeKind.Caseload => q.Where(h => h.CreatedById == user.Id || h.Children.Any(c => c.DeletedAt == null && c.AssignedWorkerId == user.Id)),
            _ => q.Where(h => false),
        };
    }

    /// <summary>Aggregates (counts) are limited by area but not by caseload or personal-data permission.</summary>
    public static IQueryable<Child> CountableBy(this IQueryable<Child> children, CurrentUser user)
    {
        var q = children.Where(c => c.DeletedAt == null);
        return user.ScopeKind switch
        {
            ScopeKind.Areas => q.Where(c => user.Districts.Contains(c.DistrictCode)),
            ScopeKind.Caseload => q.Where(c => c.AssignedWorkerId == user.Id),
            _ => q,
        };
    }

    /// <summary>May this user place a record in this district (create, or move a record there)?</summary>
    public static bool MayWriteIn(CurrentUser user, string districtCode) => user.Can(Permission.WriteRegistry) && MayPlaceIn(user, districtCode);

    /// <summary>Whether the district is within the user's reach for a new record (the permission to register is the caller's to check).</summary>
    public static bool MayPlaceIn(CurrentUser user, string districtCode) => user.ScopeKind switch
    {
        ScopeKind.National => true,
        ScopeKind.Areas => user.Districts.Contains(districtCode),
        ScopeKind.Caseload => true, // a caseload worker may register anywhere; the record joins their caseload
        _ => false,
    };
}
