using System.Text.RegularExpressions;
using Himaya.Platform;

namespace Himaya.Features.Services;

/// <summary>
/// One entry of the shared service taxonomy (social work, MHPSS, legal aid, …): a stable code and its name in each
/// language. The list ships with the schema; an administrator adds to it (codes are never renamed, only retired).
/// </summary>
public sealed partial class ServiceType
{
    public required string Code { get; set; }
    public required string NameAz { get; set; }
    public required string NameEn { get; set; }
    public required string NameRu { get; set; }
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;

    public const int MaxCode = 40;
    public const int MaxName = 200;

    /// <summary>Lowercase words of letters and digits joined by single hyphens ("hiv-testing-youth").</summary>
    public static bool IsCode(string code) => code.Length <= MaxCode && CodePattern().IsMatch(code);

    /// <summary>What a new type must hold, by the JSON field names; whether the code is taken is the caller's (a database fact).</summary>
    public static FieldErrors Check(ServiceTypeInput r)
    {
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(r.Code)) e.Add(PlatformErrors.Required("code"));
        else if (!IsCode(r.Code.Trim())) e.Add(ProviderErrors.TypeCode());
        foreach (var (field, name) in new[] { ("nameAz", r.NameAz), ("nameEn", r.NameEn), ("nameRu", r.NameRu) })
        {
            if (string.IsNullOrWhiteSpace(name)) e.Add(PlatformErrors.Required(field));
            else if (name.Trim().Length > MaxName) e.Add(PlatformErrors.TooLong(field, MaxName));
        }
        return e;
    }

    /// <summary>No longer offered for new services, contracts or plans; what already names it keeps it.</summary>
    public Refusal? Retire()
    {
        if (!Active) return ProviderErrors.TypeAlreadyRetired(Code);
        Active = false;
        return null;
    }

    public string NameIn(string culture) => culture switch { "en" => NameEn, "ru" => NameRu, _ => NameAz };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
