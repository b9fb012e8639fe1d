using Himaya.Platform;

namespace Himaya.Features.Institutions;

/// <summary>
/// A residential care or detention institution on the register: where it is, who runs it, how many children it is built
/// for. The children it holds are counted from current placements and detentions that name it (never listed here).
/// </summary>
public sealed class Institution
{
    public const int MaxCapacity = 5000;

    public int Id { get; set; }
    public required string Name { get; set; }
    public InstitutionKind Kind { get; set; }
    public required string DistrictCode { get; set; }
    public int Capacity { get; set; }
    public string Operator { get; set; } = "";
    public string Address { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public static IEnumerable<Refusal> Check(int? capacity)
    {
        if (capacity is null) yield return PlatformErrors.Required("capacity");
        else if (capacity is < 1 or > MaxCapacity) yield return InstitutionErrors.Capacity(MaxCapacity);
    }

    /// <summary>
    /// Whether a placement's or detention's place is this institution. Case workers type the place, so the comparison
    /// ignores case, surrounding spaces and doubled spaces; the register's name is what they are asked to use.
    /// </summary>
    public bool Holds(string? place) => place is not null && Key(place) == Key(Name);

    /// <summary>
    /// The name compared: spaces collapsed, upper case by Azerbaijani rules (i → İ, ı → I), then the two capitals taken as
    /// one, since people type the dotted and dotless i either way (the invariant culture would tell "NÖMRƏLİ" from "nömrəli").
    /// </summary>
    public static string Key(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .ToUpper(Azerbaijani).Replace('İ', 'I');

    private static readonly System.Globalization.CultureInfo Azerbaijani = System.Globalization.CultureInfo.GetCultureInfo("az");

    /// <summary>Children held as a percentage of the places it is built for (over 100 when crowded).</summary>
    public int Occupancy(int children) => Capacity <= 0 ? 0 : (int)Math.Round(100m * children / Capacity, MidpointRounding.AwayFromZero);
}
