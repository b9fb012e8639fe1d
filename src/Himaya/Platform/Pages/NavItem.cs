namespace Himaya.Platform;

/// <summary>A link a module adds to the main menu, shown to whom <paramref name="Show"/> allows (the server still checks).</summary>
public sealed record NavItem(string Href, string TextKey, Func<CurrentUser, bool> Show, int Order);

public static class NavItems
{
    public static IServiceCollection AddNavItem(this IServiceCollection services, string href, string textKey, Func<CurrentUser, bool> show, int order) =>
        services.AddSingleton(new NavItem(href, textKey, show, order));
}
