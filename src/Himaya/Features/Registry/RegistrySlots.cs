namespace Himaya.Features.Registry;

/// <summary>
/// The slots of the registry's pages that other features fill with panels (<see cref="Himaya.Platform.PagePanel"/>).
/// The child profile passes its <see cref="ChildDto"/> as <c>child</c>; the dashboard passes nothing.
/// </summary>
public static class RegistrySlots
{
    public const string ChildProfile = "registry.child-profile";
    public const string Dashboard = "registry.dashboard";
}
