namespace Himaya.Features.Cases;

/// <summary>
/// The names of registered places where children are cared for (children's homes, group homes, boarding schools), for
/// forms to suggest: a placement that names its home as the register does is counted there. A feature that keeps such
/// a register provides it; with none, forms suggest nothing.
/// </summary>
public interface IRegisteredPlaces
{
    Task<IReadOnlyList<string>> CareNamesAsync(CancellationToken ct);
}
