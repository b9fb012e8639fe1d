using Himaya.Deprivation;

namespace Himaya.Features.Deprivation;

/// <summary>One age group of a framework: its ages (inclusive, completed years) and its dimensions over registry indicators.</summary>
public sealed record AgeGroup(string Id, int MinAge, int MaxAge, Framework Framework);

/// <summary>A deprivation framework over the registry: versioned; every result names the version that produced it.</summary>
public sealed record RegistryFramework(string Id, string Version, IReadOnlyList<AgeGroup> AgeGroups)
{
    /// <summary>Indicators this framework defines for itself (conditions over registry fields), besides the built-in ones.</summary>
    public IReadOnlyList<RegistryIndicator> OwnIndicators { get; init; } = [];

    /// <summary>An indicator by id: the framework's own first, then the built-in catalogue.</summary>
    public RegistryIndicator? Indicator(string id) => OwnIndicators.FirstOrDefault(i => i.Id == id) ?? RegistryIndicators.Find(id);

    public AgeGroup? Group(string? id) => id is null ? AgeGroups[0] : AgeGroups.FirstOrDefault(g => string.Equals(g.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// The default Azerbaijan framework, on the MODA dimensions the registry can measure (health, education, water,
    /// sanitation, housing, protection; nutrition and information need survey data), equal weights, union within a
    /// dimension, MODA's missing-data rule (drop).
    /// </summary>
    public static readonly RegistryFramework Azerbaijan = new("az-moda", "1",
    [
        new("0-4", 0, 4, new Framework(
        [
            new Dimension("health", 1, ["not_fully_immunised"]),
            new Dimension("education", 1, ["not_in_preschool"]),
            new Dimension("water", 1, ["unimproved_water"]),
            new Dimension("sanitation", 1, ["unimproved_sanitation"]),
            new Dimension("housing", 1, ["overcrowded"]),
            new Dimension("protection", 1, ["not_birth_registered", "outside_family_care"]),
        ], MissingRule.Drop, "az-moda 0-4", "1")),
        new("5-17", 5, 17, new Framework(
        [
            new Dimension("education", 1, ["not_enrolled"]),
            new Dimension("water", 1, ["unimproved_water"]),
            new Dimension("sanitation", 1, ["unimproved_sanitation"]),
            new Dimension("housing", 1, ["overcrowded"]),
            new Dimension("protection", 1, ["not_birth_registered", "outside_family_care"]),
        ], MissingRule.Drop, "az-moda 5-17", "1")),
    ]);
}
