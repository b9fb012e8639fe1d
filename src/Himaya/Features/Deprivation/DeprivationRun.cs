namespace Himaya.Features.Deprivation;

/// <summary>
/// A stored analysis, to track change over time: what produced it (framework and version, age group, data source,
/// scope, when) and its result as the `moda` JSON (as its author saw it, small cells suppressed where they were).
/// </summary>
public sealed class DeprivationRun
{
    public Guid Id { get; set; }
    /// <summary>Who may see it: "national", or the district codes of the author's scope (comma-separated), or "caseload:{user}".</summary>
    public required string Scope { get; set; }
    public required string Framework { get; set; }
    public required string FrameworkVersion { get; set; }
    public required string AgeGroup { get; set; }
    /// <summary>Disaggregations, comma-separated (empty: none).</summary>
    public string Disaggregations { get; set; } = "";
    /// <summary>"registry", or "survey: {file name}".</summary>
    public required string Source { get; set; }
    public string? Label { get; set; }
    public required string Result { get; set; }
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When the data were read (the registry reading, or the survey upload).</summary>
    public DateTime DataAsOf { get; set; }
}
