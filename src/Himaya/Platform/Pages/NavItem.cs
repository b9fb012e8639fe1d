namespace Himaya.Platform;

/// <summary>A link a module adds to the main menu, shown to whom <paramref name="Show"/> allows (the server still checks).</summary>
/// <param name="Badge">A count shown beside the link when above zero (work waiting for this user), if the module gives one.</param>
public sealed record NavItem(string Href, string TextKey, Func<CurrentUser, bool> Show, int Order, NavBadge? Badge = null);

/// <summary>What a menu link's count means (<paramref name="TextKey"/>, with the count as {0}: read out by screen readers) and how to count it.</summary>
public sealed record NavBadge(string TextKey, Func<IServiceProvider, CurrentUser, CancellationToken, Task<int>> Count);

/// <summary>A link a module adds to the menu of people who have not signed in (the public's ways in: report, find a service).</summary>
public sealed record PublicNavItem(string Href, string TextKey, int Order);

public static class NavItems
{
    public static IServiceCollection AddPublicNavItem(this IServiceCollection services, string href, string textKey, int order) =>
        services.AddSingleton(new PublicNavItem(href, textKey, order));

    public static IServiceCollection AddNavItem(this IServiceCollection services, string href, string textKey, Func<CurrentUser, bool> show, int order,
        NavBadge? badge = null) =>
        services.AddSingleton(new NavItem(href, textKey, show, order, badge));
}
