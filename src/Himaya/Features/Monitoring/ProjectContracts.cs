namespace Himaya.Features.Monitoring;

/// <summary><c>POST /api/v1/projects</c>: a project with its funder's share of the budget, dates and districts.</summary>
public sealed record ProjectInput(string? Code, IndicatorNames? Name, string? Funder, string? Currency, decimal? Budget, decimal? FunderShare,
    DateOnly? Start, DateOnly? End, IReadOnlyList<string>? Districts);

/// <summary><c>POST /api/v1/projects/{code}/results</c>: an outcome, or an output under the outcome named by <c>parent</c>.</summary>
public sealed record ResultInput(ResultLevel? Level, string? Code, string? Parent, IndicatorNames? Statement, IndicatorUnit? Unit, string? Indicator);

/// <summary><c>POST /api/v1/projects/{code}/targets</c> and <c>…/progress</c>: a result's value for a place by the end of a period.</summary>
public sealed record ResultValueInput(string? Result, string? Place, string? Period, decimal? Value, string? Note);

public sealed record ProjectSummary(string Code, IndicatorNames Name, string Funder, string Currency, decimal Budget, decimal FunderShare,
    decimal CoFunding, DateOnly Start, DateOnly End, IReadOnlyList<string> Districts, int Results, int? Progress);

/// <summary>A target and what has been reached against it: the latest cumulative report up to the target's period.</summary>
public sealed record TargetView(string Place, string Period, decimal Target, decimal? Achieved, int? Percent);

public sealed record ProgressView(string Place, string Period, decimal Value, string? Note, DateTime ReportedAt);

public sealed record ResultView(string Code, ResultLevel Level, string? Parent, IndicatorNames Statement, IndicatorUnit Unit, string? Indicator,
    IReadOnlyList<TargetView> Targets, IReadOnlyList<ProgressView> Progress);

public sealed record ProjectView(ProjectSummary Project, IReadOnlyList<ResultView> Results);
