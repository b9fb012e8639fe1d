using Himaya.Platform;
using Himaya.Linkage;

namespace Himaya.Features.Registry;

/// <summary>A child in the registry: one row per child, personal data plus the facts that deprivation and case work need.</summary>
public sealed class Child : IArchivable
{
    public Guid Id { get; set; }
    public required string GivenName { get; set; }
    public required string Surname { get; set; }
    public string? Patronymic { get; set; }
    public Sex Sex { get; set; }
    public DateOnly BirthDate { get; set; }
    public bool BirthDateEstimated { get; set; }
    public string? Fin { get; set; }
    public string? BirthCertificateNumber { get; set; }
    public bool? BirthRegistered { get; set; }

    /// <summary>Functioning by domain (only domains that were asked), as "Domain=Level;..." — small, rarely filtered.</summary>
    public string Functioning { get; set; } = "";
    /// <summary>Derived from <see cref="Functioning"/>: any domain "a lot" or "cannot do at all". Kept as a column to filter on.</summary>
    public bool HasFunctionalDifficulty { get; set; }
    public bool? OfficialDisabilityStatus { get; set; }
    public string? DisabilityCategory { get; set; }

    public CareArrangement CareArrangement { get; set; }
    public required string DistrictCode { get; set; }
    public string? Settlement { get; set; }
    public Residence? Residence { get; set; }
    public Displacement Displacement { get; set; }
    public Enrolment? Enrolment { get; set; }
    public string? SchoolName { get; set; }
    public Immunisation Immunisation { get; set; }
    public bool? ReceivesTsa { get; set; }

    public Guid? HouseholdId { get; set; }
    public Household? Household { get; set; }
    public string? RelationshipToHead { get; set; }
    public List<Guardian> Guardians { get; set; } = [];

    // Folded search keys (see Himaya.Linkage.NameFolding); maintained by SetNames.
    public string SurnameKey { get; set; } = "";
    public string GivenNameKey { get; set; } = "";
    public string PatronymicKey { get; set; } = "";

    public int CreatedById { get; set; }
    public int? AssignedWorkerId { get; set; }
    public string Agency { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    /// <summary>Set when this record was merged into another child's (it is then archived); cleared by unmerge.</summary>
    public Guid? MergedIntoId { get; set; }
    /// <summary>Optimistic concurrency: the client sends the version it read; a mismatch is refused.</summary>
    public int Version { get; set; }

    public void RefreshSearchKeys()
    {
        SurnameKey = NameFolding.Fold(Surname);
        GivenNameKey = NameFolding.Fold(GivenName);
        PatronymicKey = NameFolding.FoldPatronymic(Patronymic);
    }

    public IReadOnlyDictionary<FunctioningDomain, Difficulty> FunctioningByDomain => FunctioningCodec.Parse(Functioning);

    public void SetFunctioning(IReadOnlyDictionary<FunctioningDomain, Difficulty>? byDomain)
    {
        Functioning = FunctioningCodec.Format(byDomain);
        HasFunctionalDifficulty = FunctioningCodec.HasDifficulty(byDomain);
    }

    public int AgeInYears(DateOnly today) => AgeOn(BirthDate, today);

    /// <summary>
    /// Completed years on <paramref name="today"/>, by the rule every age filter uses (age a means born on or before
    /// today − a years): a child born on 29 February turns a year older on 1 March in other years.
    /// </summary>
    public static int AgeOn(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        if (birth > today.AddYears(-age)) age--;
        return age;
    }
}

public sealed class Guardian
{
    public long Id { get; set; }
    public Guid ChildId { get; set; }
    public required string FullName { get; set; }
    public required string Relationship { get; set; }
    public string? Phone { get; set; }
}

internal static class FunctioningCodec
{
    public static Dictionary<FunctioningDomain, Difficulty> Parse(string text)
    {
        var result = new Dictionary<FunctioningDomain, Difficulty>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && EnumNames.TryParse<FunctioningDomain>(part[..eq], false, out var d) && EnumNames.TryParse<Difficulty>(part[(eq + 1)..], false, out var l))
                result[d] = l;
        }
        return result;
    }

    public static string Format(IReadOnlyDictionary<FunctioningDomain, Difficulty>? byDomain) =>
        byDomain is null ? "" : string.Join(';', byDomain.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"));

    // Anxiety and depression are asked as frequency; we record "daily" as ALot, following the module's cut-off.
    public static bool HasDifficulty(IReadOnlyDictionary<FunctioningDomain, Difficulty>? byDomain) =>
        byDomain is not null && byDomain.Values.Any(v => v >= Difficulty.ALot);
}
