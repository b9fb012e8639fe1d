using System.Text.RegularExpressions;

namespace Himaya.Features.Monitoring;

/// <summary>
/// A child-rights indicator: a stable code (the UNICEF data warehouse's where one exists, e.g. CME_MRY0T4), its name in
/// each language, definition, unit and direction, and its values by period × place × disaggregation.
/// </summary>
public sealed partial class Indicator
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameAz { get; set; }
    public required string NameEn { get; set; }
    public required string NameRu { get; set; }
    public string? Definition { get; set; }
    public IndicatorUnit Unit { get; set; }
    public IndicatorDirection Direction { get; set; }
    public IndicatorStatus Status { get; set; } = IndicatorStatus.Draft;
    public string? Source { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    public string Name(string culture) => culture switch { "az" => NameAz, "ru" => NameRu, _ => NameEn };

    /// <summary>Upper-case letters, digits, '_', '-' and '.', starting with a letter, at most 60: SDMX and DHIS2 codes fit.</summary>
    public static bool IsCode(string? code) => code is { Length: > 0 and <= 60 } && CodePattern().IsMatch(code);

    [GeneratedRegex("^[A-Z][A-Z0-9_.-]*$")]
    private static partial Regex CodePattern();
}

/// <summary>
/// One observation: the indicator's value for a period (2024, 2024-Q1, 2024-03), a place (AZE for the nation, or an
/// administrative unit's code) and a disaggregation (its canonical key, e.g. "SEX=F;AGE=Y3T5"; empty for the total).
/// </summary>
public sealed class IndicatorValue
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public required string Period { get; set; }
    public required string Place { get; set; }
    public string Disaggregation { get; set; } = "";
    public decimal Value { get; set; }
    /// <summary>SDMX OBS_STATUS (A normal, E estimated, P provisional…), kept as given.</summary>
    public string? ObsStatus { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A baseline or a target of an indicator for a place and period (the total, not a breakdown). One per kind, place and period.</summary>
public sealed class IndicatorMark
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public MarkKind Kind { get; set; }
    public required string Place { get; set; }
    public required string Period { get; set; }
    public decimal Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}
