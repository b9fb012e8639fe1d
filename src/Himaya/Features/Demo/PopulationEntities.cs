using Himaya.Features.Registry;
using Himaya.Platform;
using G = Himaya.Generators;

namespace Himaya.Features.Demo;

/// <summary>One generated household as registry entities: the household (its <see cref="Household.Members"/> filled) and its children.</summary>
public sealed record GeneratedHousehold(Household Household, IReadOnlyList<Child> Children);

/// <summary>
/// The synthetic population of Himaya.Generators as registry entities, for <see cref="BulkLoader"/>: the generator's
/// plain records plus what storing them adds (owner, the demo agency, version 1, today's midnight as the timestamps,
/// folded search keys). Streams as the generator does. The generator's enums have the registry's members and values
/// (a test pins that), so they map by a cast.
/// </summary>
public static class PopulationEntities
{
    public const string Agency = "Demo";

    /// <summary>As <see cref="G.SyntheticPopulation.Generate"/>, with <paramref name="createdById"/> as every record's owner.</summary>
    public static IEnumerable<GeneratedHousehold> Generate(int children, int seed, IReadOnlyList<AdminUnit> districts, DateOnly today, int createdById,
        IReadOnlyDictionary<string, int>? minimumChildren = null)
    {
        ArgumentNullException.ThrowIfNull(districts);
        var at = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return G.SyntheticPopulation.Generate(children, seed, [.. districts.Select(ToPlace)], today, minimumChildren)
            .Select(h => ToEntities(h, createdById, at));
    }

    public static G.Place ToPlace(AdminUnit u) => new(u.Code, u.NameAz, u.Kind, u.ParentCode, u.IsLeafDistrict);

    public static GeneratedHousehold ToEntities(G.SyntheticHousehold h, int createdById, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(h);
        var household = new Household
        {
            Id = h.Id,
            DistrictCode = h.DistrictCode,
            Residence = (Residence)h.Residence,
            Settlement = h.Settlement,
            Address = h.Address,
            HeadName = h.HeadName,
            Rooms = h.Rooms,
            People = h.People,
            WaterSource = (WaterSource?)h.WaterSource,
            Sanitation = (Sanitation?)h.Sanitation,
            ReceivesTsa = h.ReceivesTsa,
            OtherIncomeSupport = h.OtherIncomeSupport,
            CreatedById = createdById,
            Agency = Agency,
            CreatedAt = at,
            UpdatedAt = at,
            Version = 1,
        };
        foreach (var m in h.Members)
        {
            household.Members.Add(new HouseholdMember
            {
                HouseholdId = h.Id, FullName = m.FullName, Relationship = m.Relationship, Sex = (Sex)m.Sex, BirthYear = m.BirthYear, IsHead = m.IsHead,
            });
        }
        var children = new List<Child>(h.Children.Count);
        foreach (var c in h.Children) children.Add(ToEntity(c, h, createdById, at));
        return new GeneratedHousehold(household, children);
    }

    private static Child ToEntity(G.SyntheticChild c, G.SyntheticHousehold h, int createdById, DateTime at)
    {
        var child = new Child
        {
            Id = c.Id,
            GivenName = c.GivenName,
            Surname = c.Surname,
            Patronymic = c.Patronymic,
            Sex = (Sex)c.Sex,
            BirthDate = c.BirthDate,
            BirthDateEstimated = c.BirthDateEstimated,
            Fin = c.Fin,
            BirthCertificateNumber = c.BirthCertificateNumber,
            BirthRegistered = c.BirthRegistered,
            OfficialDisabilityStatus = c.OfficialDisabilityStatus,
            DisabilityCategory = c.DisabilityCategory,
            CareArrangement = (CareArrangement)c.CareArrangement,
            DistrictCode = h.DistrictCode,
            Settlement = h.Settlement,
            Residence = (Residence)h.Residence,
            Displacement = (Displacement)c.Displacement,
            Enrolment = (Enrolment?)c.Enrolment,
            SchoolName = c.SchoolName,
            Immunisation = (Immunisation)c.Immunisation,
            ReceivesTsa = c.ReceivesTsa,
            HouseholdId = h.Id,
            RelationshipToHead = c.RelationshipToHead,
            CreatedById = createdById,
            Agency = Agency,
            CreatedAt = at,
            UpdatedAt = at,
            Version = 1,
        };
        if (c.Functioning is { } asked) child.SetFunctioning(asked.ToDictionary(kv => (FunctioningDomain)kv.Key, kv => (Difficulty)kv.Value));
        foreach (var g in c.Guardians)
            child.Guardians.Add(new Guardian { ChildId = c.Id, FullName = g.FullName, Relationship = g.Relationship, Phone = g.Phone });
        child.RefreshSearchKeys();
        return child;
    }
}
