namespace Himaya.Platform;

/// <summary>An administrative unit from the reference file (economic region, city, rayon, city district).</summary>
public sealed class AdminUnit
{
    public required string Code { get; set; }
    public required string NameAz { get; set; }
    public required string NameEn { get; set; }
    public required string Kind { get; set; }
    public string? ParentCode { get; set; }

    /// <summary>Whether children can be registered here: economic regions and Baku city itself are containers.</summary>
    public bool IsLeafDistrict { get; set; }
}
