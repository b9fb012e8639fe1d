namespace Himaya.Features.Coverage;

/// <summary>
/// Which children of the registry need a type of service, besides those whose open case plans it and has no accepted
/// referral for it: children deprived (in the default framework) in one of <see cref="Dimensions"/>, and, when
/// <see cref="Difficulty"/>, children with a functional difficulty; in either case only at <see cref="MinAge"/>–<see cref="MaxAge"/>.
/// </summary>
public sealed record ServiceNeed(string Type, IReadOnlyList<string> Dimensions, bool Difficulty, int MinAge = 0, int MaxAge = 17);

public static class ServiceNeeds
{
    /// <summary>
    /// The registry's measure of need per type of the shipped taxonomy. A type without a line here (MHPSS, HIV testing,
    /// youth services, mine-risk education, or one an administrator adds) has no registry measure: only case plans count
    /// its need, which the coverage page says.
    /// </summary>
    public static readonly IReadOnlyList<ServiceNeed> All =
    [
        new("preschool", ["education"], false, 3, 5),
        new("ecd-parenting", ["education", "health"], false, 0, 5),
        new("health", ["health"], false, 0, 17),
        new("inclusive-education", ["education"], true, 5, 17),
        new("rehabilitation", [], true),
        new("day-care", [], true),
        new("social-work", ["protection"], false),
        new("family-support", ["protection", "housing"], false),
        new("foster-care", ["protection"], false),
        new("shelter", ["protection"], false),
        new("legal-aid", ["protection"], false),
        new("social-protection", ["housing", "water", "sanitation"], false),
    ];

    public static ServiceNeed For(string type) => All.FirstOrDefault(n => n.Type == type) ?? new ServiceNeed(type, [], false);
}
