using Himaya.Features.Registry;
using Himaya.Features.Services;
using Himaya.Platform;

namespace Himaya.Features.Community;

/// <summary>
/// Whose community work a user may do. Everyone who records contacts works with the children they may see in the
/// registry; a provider's staff (an NGO delivering a programme) also with the participants of their provider's
/// programmes, and they record only for those programmes. The one place these rules live.
/// </summary>
public static class CommunityScope
{
    /// <summary>A provider's staff: their agency is the provider's name (as for referrals and the service directory).</summary>
    public static bool IsProviderStaff(CurrentUser user) => user.Roles.Contains(Roles.ServiceProvider);

    /// <summary>Whether a planner may plan in a district: national planners anywhere, others in their own districts.</summary>
    public static bool PlansIn(CurrentUser user, string district) => user.ScopeKind == ScopeKind.National || user.Districts.Contains(district);

    /// <summary>Whether a planner may change a programme working in <paramref name="districts"/>: only if they plan in every one of them.</summary>
    public static bool MayChange(CurrentUser user, IEnumerable<string> districts) =>
        user.Can(Permission.ManageProgrammes) && districts.All(d => PlansIn(user, d));

    /// <summary>Whether a programme's sessions are seen wherever they were held: national users, and its provider's staff (checked before).</summary>
    public static bool SeesAllSessions(CurrentUser user) => user.ScopeKind == ScopeKind.National || IsProviderStaff(user);

    /// <summary>Whether the user may record for a programme run by the provider named <paramref name="providerName"/> (null: none).</summary>
    public static bool Runs(CurrentUser user, string? providerName) =>
        user.Can(Permission.RecordContacts) && (!IsProviderStaff(user) || providerName == user.Agency);

    /// <summary><see cref="Runs"/> for users as a query: those who may record for a programme run by <paramref name="providerName"/>.</summary>
    public static IQueryable<Himaya.Features.Identity.AppUser> WhoRun(this IQueryable<Himaya.Features.Identity.AppUser> users, string? providerName)
    {
        var roles = Permissions.RolesWith(Permission.RecordContacts).ToList();
        return users.Where(u => u.Roles.Any(x => roles.Contains(x.Role)) && (!u.Roles.Any(x => x.Role == Roles.ServiceProvider) || u.Agency == providerName));
    }

    /// <summary>The children whose contacts, screenings and visits the user may record and read.</summary>
    public static IQueryable<Child> Reachable(this AppDbContext db, CurrentUser user)
    {
        if (!user.Can(Permission.RecordContacts)) return db.Children.Where(c => false);
        if (!IsProviderStaff(user)) return db.Children.VisibleTo(user);
        var visible = db.Children.VisibleTo(user).Select(c => c.Id);
        var agency = user.Agency;
        var theirs = from pa in db.Set<Participant>()
                     join p in db.Set<Programme>() on pa.ProgrammeId equals p.Id
                     join pr in db.Set<Provider>() on p.ProviderId equals pr.Id
                     where pr.Name == agency
                     select pa.ChildId;
        return db.Children.Where(c => c.DeletedAt == null && (visible.Contains(c.Id) || theirs.Contains(c.Id)));
    }
}
