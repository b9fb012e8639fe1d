using System.Globalization;
using Himaya.Platform;
using Himaya.Linkage;

namespace Himaya.Features.Registry;

internal static class ChildMapping
{
    /// <summary>Copies validated input onto the entity, normalising identifiers and trimming text.</summary>
    public static void Apply(ChildInput i, Child c)
    {
        c.GivenName = i.GivenName!.Trim();
        c.Surname = i.Surname!.Trim();
        c.Patronymic = Blank(i.Patronymic);
        c.Sex = i.Sex!.Value;
        c.BirthDate = i.BirthDate!.Value;
        c.BirthDateEstimated = i.BirthDateEstimated;
        c.Fin = Fin.TryNormalise(i.Fin, out var fin) ? fin : null;
        c.BirthCertificateNumber = BirthCertificateNumber.TryNormalise(i.BirthCertificateNumber, out var cert) ? cert : null;
        c.BirthRegistered = i.BirthRegistered ?? (c.BirthCertificateNumber is not null ? true : null);
        c.SetFunctioning(i.Functioning);
        c.OfficialDisabilityStatus = i.OfficialDisabilityStatus;
        c.DisabilityCategory = Blank(i.DisabilityCategory);
        c.CareArrangement = i.CareArrangement!.Value;
        c.DistrictCode = i.DistrictCode!.Trim();
        c.Settlement = Blank(i.Settlement);
        c.Residence = i.Residence;
        c.Displacement = i.Displacement ?? Displacement.None;
        c.Enrolment = i.Enrolment;
        c.SchoolName = Blank(i.SchoolName);
        c.Immunisation = i.Immunisation ?? Immunisation.Unknown;
        c.ReceivesTsa = i.ReceivesTsa;
        c.HouseholdId = i.HouseholdId;
        c.RelationshipToHead = Blank(i.RelationshipToHead);
        c.AssignedWorkerId = i.AssignedWorkerId ?? c.AssignedWorkerId;
        var guardians = (i.Guardians ?? []).Select(g => (Name: g.FullName!.Trim(), Rel: g.Relationship!.Trim(), Phone: Blank(g.Phone))).ToList();
        if (!guardians.SequenceEqual(c.Guardians.Select(g => (Name: g.FullName, Rel: g.Relationship, g.Phone))))
        {
            c.Guardians.Clear();
            c.Guardians.AddRange(guardians.Select(g => new Guardian { FullName = g.Name, Relationship = g.Rel, Phone = g.Phone }));
        }
        c.RefreshSearchKeys();
    }

    public static ChildDto ToDto(Child c, AdminUnits units, DateOnly today, string culture) => new(
        c.Id, c.GivenName, c.Surname, c.Patronymic, c.Sex, c.BirthDate, c.BirthDateEstimated, c.AgeInYears(today),
        c.Fin, c.BirthCertificateNumber, c.BirthRegistered,
        c.FunctioningByDomain, c.HasFunctionalDifficulty, c.OfficialDisabilityStatus, c.DisabilityCategory,
        c.CareArrangement, c.DistrictCode, units.DisplayName(c.DistrictCode, culture), c.Settlement, c.Residence, c.Displacement,
        c.Enrolment, c.SchoolName, c.Immunisation, c.ReceivesTsa,
        c.HouseholdId, c.RelationshipToHead, [.. c.Guardians.OrderBy(g => g.Id).Select(g => new GuardianDto(g.FullName, g.Relationship, g.Phone))],
        c.AssignedWorkerId, c.CreatedAt, c.UpdatedAt, c.Version);

    public static ChildInput ToInput(Child c) => new()
    {
        GivenName = c.GivenName, Surname = c.Surname, Patronymic = c.Patronymic, Sex = c.Sex, BirthDate = c.BirthDate,
        BirthDateEstimated = c.BirthDateEstimated, Fin = c.Fin, BirthCertificateNumber = c.BirthCertificateNumber,
        BirthRegistered = c.BirthRegistered, Functioning = new(c.FunctioningByDomain), OfficialDisabilityStatus = c.OfficialDisabilityStatus,
        DisabilityCategory = c.DisabilityCategory, CareArrangement = c.CareArrangement, DistrictCode = c.DistrictCode,
        Settlement = c.Settlement, Residence = c.Residence, Displacement = c.Displacement, Enrolment = c.Enrolment,
        SchoolName = c.SchoolName, Immunisation = c.Immunisation, ReceivesTsa = c.ReceivesTsa, HouseholdId = c.HouseholdId,
        RelationshipToHead = c.RelationshipToHead, AssignedWorkerId = c.AssignedWorkerId, Version = c.Version,
        Guardians = [.. c.Guardians.OrderBy(g => g.Id).Select(g => new GuardianInput(g.FullName, g.Relationship, g.Phone))],
    };

    /// <summary>The fields the intake model compares, from a record as shown (to look for its duplicates).</summary>
    public static ChildInput IdentityOf(ChildDto d) => new()
    {
        GivenName = d.GivenName, Surname = d.Surname, Patronymic = d.Patronymic, Sex = d.Sex, BirthDate = d.BirthDate,
        Fin = d.Fin, BirthCertificateNumber = d.BirthCertificateNumber, DistrictCode = d.DistrictCode,
    };

    /// <summary>Flat field → value view used to record what an edit changed.</summary>
    public static Dictionary<string, string?> Fields(Child c) => new(StringComparer.Ordinal)
    {
        ["givenName"] = c.GivenName, ["surname"] = c.Surname, ["patronymic"] = c.Patronymic, ["sex"] = c.Sex.ToString(),
        ["birthDate"] = c.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["birthDateEstimated"] = B(c.BirthDateEstimated),
        ["fin"] = c.Fin, ["birthCertificateNumber"] = c.BirthCertificateNumber, ["birthRegistered"] = B(c.BirthRegistered),
        ["functioning"] = c.Functioning, ["officialDisabilityStatus"] = B(c.OfficialDisabilityStatus), ["disabilityCategory"] = c.DisabilityCategory,
        ["careArrangement"] = c.CareArrangement.ToString(), ["districtCode"] = c.DistrictCode, ["settlement"] = c.Settlement,
        ["residence"] = c.Residence?.ToString(), ["displacement"] = c.Displacement.ToString(), ["enrolment"] = c.Enrolment?.ToString(),
        ["schoolName"] = c.SchoolName, ["immunisation"] = c.Immunisation.ToString(), ["receivesTsa"] = B(c.ReceivesTsa),
        ["householdId"] = c.HouseholdId?.ToString(), ["relationshipToHead"] = c.RelationshipToHead,
        ["guardians"] = string.Join("; ", c.Guardians.Select(g => $"{g.FullName} ({g.Relationship}{(g.Phone is null ? "" : ", " + g.Phone)})")),
        ["assignedWorkerId"] = c.AssignedWorkerId?.ToString(CultureInfo.InvariantCulture),
    };

    private static string? B(bool? b) => b is null ? null : b.Value ? "true" : "false";

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
