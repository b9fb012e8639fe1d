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
    /// <summary>The definition in English; <see cref="DefinitionAz"/> and <see cref="DefinitionRu"/> in the other two languages.</summary>
    public string? Definition { get; set; }
    public string? DefinitionAz { get; set; }
    public string? DefinitionRu { get; set; }

    public IndicatorNames Definitions => new(DefinitionAz, Definition, DefinitionRu);
    public IndicatorUnit Unit { get; set; }
    public IndicatorDirection Direction { get; set; }
    public IndicatorStatus Status { get; set; } = IndicatorStatus.Draft;
    public string? Source { get; set; }
    /// <summary>What is counted, and what it is counted out of (for a percentage or rate), said in words.</summary>
    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    /// <summary>The breakdowns its values may carry (SEX;AGE…), from <see cref="Disaggregations.Dimensions"/>.</summary>
    public string Dimensions { get; set; } = "";
    /// <summary>The SDG target or indicator it reports on (4.2.2), and the CRC articles it monitors (28;29).</summary>
    public string? SdgTarget { get; set; }
    public string? CrcArticles { get; set; }

    /// <summary>The CRC articles as numbers (stored as "28;29").</summary>
    public IReadOnlyList<int> Articles => CrcArticles is null ? [] : [.. CrcArticles.Split(';').Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture))];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    public string Name(string culture) => culture switch { "az" => NameAz, "ru" => NameRu, _ => NameEn };

    /// <summary>
    /// A status moves one step at a time: a draft is approved before it is published, and a published indicator is
    /// withdrawn to approved (its values leave the public API) before it can go back to draft.
    /// </summary>
    public static bool CanMove(IndicatorStatus from, IndicatorStatus to) => Math.Abs((int)to - (int)from) <= 1;

    /// <summary>An SDG goal.target or goal.target.indicator as the UN writes them: 4.2, 4.2.2, 16.2.1, 5.a.1.</summary>
    public static bool IsSdgTarget(string? text) => text is not null && SdgPattern().IsMatch(text);

    /// <summary>CRC articles as numbers 1–54, in order and once each; null when any is not one.</summary>
    public static IReadOnlyList<int>? CrcArticleList(IEnumerable<int>? articles)
    {
        var list = (articles ?? []).ToList();
        return list.All(a => a is >= 1 and <= 54) ? [.. list.Distinct().Order()] : null;
    }

    [GeneratedRegex("^([1-9]|1[0-7])\\.([1-9]|10|[a-c])(\\.[1-9][0-9]?)?$")]
    private static partial Regex SdgPattern();

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
