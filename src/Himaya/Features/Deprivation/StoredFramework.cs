namespace Himaya.Features.Deprivation;

/// <summary>A version of a deprivation framework defined by an administrator or analyst. Versions are never changed: saving makes the next one.</summary>
public sealed class StoredFramework
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; }
    /// <summary>The framework as <see cref="RegistryFrameworkJson"/> JSON.</summary>
    public required string Definition { get; set; }
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
}
