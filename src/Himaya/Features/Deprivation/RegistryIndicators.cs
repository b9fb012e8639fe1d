using Himaya.Features.Registry;

namespace Himaya.Features.Deprivation;

/// <summary>
/// What the registry knows about a child that deprivation indicators read (a value: built per child without allocating).
/// <c>ReceivesTsa</c> is the child's own record of targeted social assistance, or else its household's.
/// </summary>
public readonly record struct ChildFacts(DateOnly BirthDate, Sex Sex, string DistrictCode, Residence? Residence, Displacement Displacement, bool HasFunctionalDifficulty,
    Enrolment? Enrolment, Immunisation Immunisation, bool? BirthRegistered, CareArrangement CareArrangement, bool? ReceivesTsa,
    WaterSource? WaterSource, Sanitation? Sanitation, int? Rooms, int? People, bool? OfficialDisabilityStatus = null);

/// <summary>
/// A deprivation indicator computed from registry fields: 1 deprived, 0 not, -1 unknown. Outside its ages an indicator
/// does not apply and counts as not deprived (MODA's convention), so one framework serves the whole age group.
/// </summary>
public sealed record RegistryIndicator(string Id, int MinAge, int MaxAge, Func<ChildFacts, int, sbyte> Rule)
{
    /// <summary>A framework's own indicator keeps its definition (the "when" condition as JSON) to show and save it.</summary>
    public string? Definition { get; init; }

    public sbyte Value(ChildFacts c, int age) => age < MinAge || age > MaxAge ? (sbyte)0 : Rule(c, age);
}

/// <summary>
/// The indicators the registry can supply. Each rule is written out here and described in the UI texts
/// (<c>Indicator.{id}</c> and <c>IndicatorRule.{id}</c>). Nutrition and information have no registry field: they come
/// from survey microdata (`himaya moda` or, next, a survey upload).
/// </summary>
public static class RegistryIndicators
{
    private const sbyte Yes = 1, No = 0, Unknown = -1;

    public static readonly IReadOnlyList<RegistryIndicator> All =
    [
        // Health: a child of 1-4 not fully immunised for age (under 1 the schedule is not complete yet).
        new("not_fully_immunised", 1, 4, (c, _) => c.Immunisation switch
        {
            Immunisation.Full => No,
            Immunisation.Partial or Immunisation.None => Yes,
            _ => Unknown,
        }),
        // Early education: 3-4 and not in preschool.
        new("not_in_preschool", 3, 4, (c, _) => c.Enrolment switch
        {
            null => Unknown,
            Enrolment.NotEnrolled or Enrolment.NotOfAge => Yes,
            _ => No,
        }),
        // Education: 5-17 and not enrolled (from 6, compulsory school age, "not of age" is itself a gap).
        new("not_enrolled", 5, 17, (c, age) => c.Enrolment switch
        {
            null => Unknown,
            Enrolment.NotEnrolled => Yes,
            Enrolment.NotOfAge => age >= 6 ? Yes : No,
            _ => No,
        }),
        // Water: the household's main source is unprotected (unprotected well, surface water); "other" is unknown.
        new("unimproved_water", 0, 17, (c, _) => c.WaterSource switch
        {
            WaterSource.Piped or WaterSource.ProtectedWell or WaterSource.Tanker => No,
            WaterSource.UnprotectedWell or WaterSource.Surface => Yes,
            _ => Unknown,
        }),
        // Sanitation: unimproved, none, or shared with other households (the MDG definition).
        new("unimproved_sanitation", 0, 17, (c, _) => c.Sanitation switch
        {
            Sanitation.Improved => No,
            Sanitation.Shared or Sanitation.Unimproved or Sanitation.None => Yes,
            _ => Unknown,
        }),
        // Housing: more than 3 people per room.
        new("overcrowded", 0, 17, (c, _) => c.Rooms is > 0 && c.People is > 0 ? (c.People.Value > 3 * c.Rooms.Value ? Yes : No) : Unknown),
        // Protection: birth not registered.
        new("not_birth_registered", 0, 17, (c, _) => c.BirthRegistered switch { true => No, false => Yes, null => Unknown }),
        // Protection: living outside family care (residential institution, detention, street).
        new("outside_family_care", 0, 17, (c, _) => c.CareArrangement is CareArrangement.ResidentialInstitution or CareArrangement.Detention or CareArrangement.Street ? Yes : No),
    ];

    public static RegistryIndicator? Find(string id) => All.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));
}
