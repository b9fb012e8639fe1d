namespace Himaya.Features.Services;

/// <summary>
/// One entry of the shared service taxonomy (social work, MHPSS, legal aid, …): a stable code and its name in each
/// language. The list ships with the schema; an administrator adds to it (codes are never renamed, only retired).
/// </summary>
public sealed class ServiceType
{
    public required string Code { get; set; }
    public required string NameAz { get; set; }
    public required string NameEn { get; set; }
    public required string NameRu { get; set; }
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;

    public string NameIn(string culture) => culture switch { "en" => NameEn, "ru" => NameRu, _ => NameAz };
}
