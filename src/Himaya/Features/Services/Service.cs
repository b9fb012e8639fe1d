using Himaya.Features.Registry;

namespace Himaya.Features.Services;

/// <summary>Why a service cannot take a child; <see cref="Service.Ineligibility"/> answers it.</summary>
public enum Ineligible { Age, Sex, Disability, District, Closed }

/// <summary>
/// A service children can be referred to and the public can find: its types in the shared taxonomy, the districts it
/// serves (none listed and <see cref="Nationwide"/>: the whole country), where it is, whom it takes (ages, sex,
/// disability), its capacity and free places. Its users are the staff of its provider's agency (<see cref="Agency"/>):
/// they answer the referrals sent to it.
/// </summary>
public sealed partial class Service
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? ProviderId { get; set; }
    /// <summary>The provider's name: referrals are routed to the users of this agency.</summary>
    public required string Agency { get; set; }
    public string? Description { get; set; }
    public ServiceStatus Status { get; set; } = ServiceStatus.Public;
    public bool Nationwide { get; set; }
    public int MinAge { get; set; }
    public int MaxAge { get; set; } = 17;
    public SexEligibility Sex { get; set; }
    /// <summary>Only for children with a functional difficulty or a disability (rehabilitation, inclusive education).</summary>
    public bool DisabilityOnly { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Phone { get; set; }
    public string? OpeningHours { get; set; }
    /// <summary>Language codes it works in, comma-separated (az,ru,en,…).</summary>
    public string? Languages { get; set; }
    /// <summary>What it costs a family ("free", a fee); null when not said.</summary>
    public string? Cost { get; set; }
    public int? Capacity { get; set; }
    public int? FreePlaces { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<ServiceTypeLink> Types { get; set; } = [];
    public List<ServiceDistrict> Districts { get; set; } = [];

    public bool TakesReferrals => Status == ServiceStatus.Public;

    /// <summary>
    /// Why this service cannot take a child of this age, sex, disability and district (<paramref name="inDistrict"/>
    /// says whether one of its districts contains the child's), or null when it can. Capacity is not a reason here:
    /// a full service may still be asked, and a decline for capacity is recorded as such.
    /// </summary>
    public Ineligible? Ineligibility(int age, Sex? sex, bool disability, bool inDistrict)
    {
        if (!TakesReferrals) return Ineligible.Closed;
        if (age < MinAge || age > MaxAge) return Ineligible.Age;
        if ((Sex == SexEligibility.Girls && sex == Registry.Sex.M) || (Sex == SexEligibility.Boys && sex == Registry.Sex.F)) return Ineligible.Sex;
        if (DisabilityOnly && !disability) return Ineligible.Disability;
        if (!Nationwide && !inDistrict) return Ineligible.District;
        return null;
    }
}

public sealed class ServiceTypeLink
{
    public int ServiceId { get; set; }
    public required string TypeCode { get; set; }
}

public sealed class ServiceDistrict
{
    public int ServiceId { get; set; }
    public required string DistrictCode { get; set; }
}
