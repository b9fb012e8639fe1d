using Microsoft.AspNetCore.Mvc;

namespace Himaya.Platform;

/// <summary>
/// A section one feature shows on a page another feature owns: a child's cases on the child's profile, the sources and
/// possible duplicates of the record, due work on the dashboard. The owning page names a slot and what it passes; modules
/// register view components into the slot; the page shows them in order. So the lower feature names none of the higher.
/// </summary>
public sealed record PagePanel(string Slot, Type Component, int Order);

public static class PagePanels
{
    public static IServiceCollection AddPanel<TComponent>(this IServiceCollection services, string slot, int order) where TComponent : ViewComponent =>
        services.AddSingleton(new PagePanel(slot, typeof(TComponent), order));

    public static IEnumerable<PagePanel> For(this IEnumerable<PagePanel> panels, string slot) =>
        panels.Where(p => p.Slot == slot).OrderBy(p => p.Order);
}
