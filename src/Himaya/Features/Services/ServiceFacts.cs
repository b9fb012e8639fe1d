using System.Globalization;

namespace Himaya.Features.Services;

/// <summary>
/// The public facts of a service: what the directory shows about it (capacity and free places are operational, not
/// among them). A provider's staff change these on a public service only through a coordinator's review. Lists are kept
/// sorted and texts trimmed, so two sets of facts are the same when they say the same.
/// </summary>
public sealed record ServiceFacts(string Name, string? Description, IReadOnlyList<string> Types, IReadOnlyList<string> Districts, bool Nationwide,
    string? Address, double? Latitude, double? Longitude, int AgeMin, int AgeMax, SexEligibility Sex, bool DisabilityOnly, string? Phone,
    string? OpeningHours, IReadOnlyList<string> Languages, string? Cost)
{
    /// <summary>The facts as sent (already validated): texts trimmed, empty ones null, lists distinct and sorted.</summary>
    public static ServiceFacts From(ServiceEdit r) => new(ServiceValidation.Clean(r.Name)!, ServiceValidation.Clean(r.Description),
        Sorted(r.Types?.Select(t => t.Trim())), Sorted(r.Districts), r.Nationwide == true, ServiceValidation.Clean(r.Address), r.Latitude, r.Longitude,
        r.AgeMin ?? 0, r.AgeMax ?? ServiceValidation.MaxAge, r.Sex ?? SexEligibility.Any, r.DisabilityOnly == true, ServiceValidation.Clean(r.Phone),
        ServiceValidation.Clean(r.OpeningHours), Sorted(r.Languages), ServiceValidation.Clean(r.Cost));

    public static IReadOnlyList<string> Sorted(IEnumerable<string>? values) =>
        [.. (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The JSON names of the facts that differ from <paramref name="other"/>, in the form's order (none: the same).</summary>
    public IReadOnlyList<string> Differences(ServiceFacts other)
    {
        var d = new List<string>();
        void Check(string field, bool same) { if (!same) d.Add(field); }
        Check("name", Name == other.Name);
        Check("types", Types.SequenceEqual(other.Types, StringComparer.Ordinal));
        Check("districts", Districts.SequenceEqual(other.Districts, StringComparer.Ordinal));
        Check("nationwide", Nationwide == other.Nationwide);
        Check("address", Address == other.Address);
        Check("latitude", Latitude == other.Latitude);
        Check("longitude", Longitude == other.Longitude);
        Check("ageMin", AgeMin == other.AgeMin);
        Check("ageMax", AgeMax == other.AgeMax);
        Check("sex", Sex == other.Sex);
        Check("disabilityOnly", DisabilityOnly == other.DisabilityOnly);
        Check("phone", Phone == other.Phone);
        Check("openingHours", OpeningHours == other.OpeningHours);
        Check("languages", Languages.SequenceEqual(other.Languages, StringComparer.Ordinal));
        Check("cost", Cost == other.Cost);
        Check("description", Description == other.Description);
        return d;
    }

    /// <summary>One fact as plain text (lists comma-separated; an enum by its name), for pages that set two versions side by side.</summary>
    public string? Text(string field) => field switch
    {
        "name" => Name,
        "types" => string.Join(", ", Types),
        "districts" => string.Join(", ", Districts),
        "nationwide" => Nationwide ? "true" : "false",
        "address" => Address,
        "latitude" => Latitude?.ToString(CultureInfo.InvariantCulture),
        "longitude" => Longitude?.ToString(CultureInfo.InvariantCulture),
        "ageMin" => AgeMin.ToString(CultureInfo.InvariantCulture),
        "ageMax" => AgeMax.ToString(CultureInfo.InvariantCulture),
        "sex" => Sex.ToString(),
        "disabilityOnly" => DisabilityOnly ? "true" : "false",
        "phone" => Phone,
        "openingHours" => OpeningHours,
        "languages" => string.Join(", ", Languages),
        "cost" => Cost,
        "description" => Description,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a fact of a service."),
    };
}
