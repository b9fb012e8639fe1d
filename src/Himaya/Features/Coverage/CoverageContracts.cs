using System.Text.Json.Serialization;

namespace Himaya.Features.Coverage;

/// <summary>
/// One district's need against supply for a type of service (the README's contract: <c>districtCode, need, capacity,
/// freePlaces, gap</c>). <c>need</c> and <c>gap</c> are null when suppressed (1–4 children, for roles that work no cases).
/// </summary>
public sealed record DistrictCoverage(string DistrictCode, int? Need, int Capacity, int FreePlaces, int? Gap, int Services,
    int FromCases, int ReferralsAccepted, int ReferralsDeclined, int ReferralsDeclinedForCapacity, double? MedianDaysToAccept, bool Suppressed);

public sealed record NationwideSupply(int Services, int Capacity, int FreePlaces);

public sealed record CoverageResult(string Type, IReadOnlyList<DistrictCoverage> Districts, NationwideSupply Nationwide,
    bool RegistryMeasure, DateTime RegistryReadAt)
{
    [JsonIgnore] public IReadOnlyList<DistrictCoverage> Deserts => [.. Districts.Where(d => d.Gap > 0)];
}
