namespace Himaya.Features.Monitoring;

/// <summary>
/// A funded project and its results framework: who pays (a funder's share of the budget, the rest co-funding), when it
/// runs, and where (its districts). Its outcomes and outputs (<see cref="ProjectResult"/>) carry targets by place and
/// period and the progress reported against them.
/// </summary>
public sealed class Project
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameAz { get; set; }
    public required string NameEn { get; set; }
    public required string NameRu { get; set; }
    public required string Funder { get; set; }
    /// <summary>ISO 4217, e.g. EUR.</summary>
    public required string Currency { get; set; }
    public decimal Budget { get; set; }
    /// <summary>What the funder gives; the rest of the budget is co-funding.</summary>
    public decimal FunderShare { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    /// <summary>The districts it works in, codes joined by ';' in code order.</summary>
    public string Districts { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public string Name(string culture) => culture switch { "az" => NameAz, "ru" => NameRu, _ => NameEn };
    public decimal CoFunding => Budget - FunderShare;
    public IReadOnlyList<string> DistrictList => Districts.Length == 0 ? [] : Districts.Split(';');

    /// <summary>The rules of a project's money and time, before anything is stored: each broken one is a field error.</summary>
    public static IEnumerable<Platform.Refusal> Check(decimal? budget, decimal? funderShare, DateOnly? start, DateOnly? end)
    {
        if (budget is null) yield return Platform.PlatformErrors.Required("budget");
        else if (budget <= 0) yield return MonitoringErrors.Positive("budget");
        if (funderShare is null) yield return Platform.PlatformErrors.Required("funderShare");
        else if (funderShare < 0) yield return MonitoringErrors.Positive("funderShare");
        else if (budget is > 0 && funderShare > budget) yield return MonitoringErrors.ShareAboveBudget();
        if (start is null) yield return Platform.PlatformErrors.Required("start");
        if (end is null) yield return Platform.PlatformErrors.Required("end");
        else if (start is not null && end < start) yield return MonitoringErrors.EndBeforeStart();
    }

    /// <summary>Whether targets and reports may name this place: the whole project (AZE) or one of its districts.</summary>
    public bool Reaches(string place) => place == IndicatorStore.Nation || DistrictList.Contains(place);

    /// <summary>Whether a period (2025, 2025-Q3, 2025-07) lies within the project's dates: targets and progress must.</summary>
    public bool Covers(string period)
    {
        var (from, to) = Periods.Span(period);
        return from <= End && to >= Start;
    }
}

/// <summary>An outcome (a change for children) or one of the outputs that lead to it, with its own unit of measure.</summary>
public sealed class ProjectResult
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    /// <summary>The outcome an output serves; null for an outcome.</summary>
    public int? ParentId { get; set; }
    public ResultLevel Level { get; set; }
    /// <summary>Its number in the framework: 1, 1.2…</summary>
    public required string Code { get; set; }
    public required string StatementAz { get; set; }
    public required string StatementEn { get; set; }
    public required string StatementRu { get; set; }
    public IndicatorUnit Unit { get; set; }
    /// <summary>The monitoring indicator it feeds, if any.</summary>
    public int? IndicatorId { get; set; }

    public string Statement(string culture) => culture switch { "az" => StatementAz, "ru" => StatementRu, _ => StatementEn };
}

/// <summary>A result's target for a place (AZE for the project as a whole, or a district) by the end of a period.</summary>
public sealed class ResultTarget
{
    public int Id { get; set; }
    public int ResultId { get; set; }
    public required string Place { get; set; }
    public required string Period { get; set; }
    public decimal Value { get; set; }
}

/// <summary>
/// A progress report: how far a result has got in a place by the end of a period, counted from the project's start
/// (children reached so far, not in that period alone). The same place and period again replaces it.
/// </summary>
public sealed class ResultProgress
{
    public long Id { get; set; }
    public int ResultId { get; set; }
    public required string Place { get; set; }
    public required string Period { get; set; }
    public decimal Value { get; set; }
    public string? Note { get; set; }
    public int ReportedById { get; set; }
    public DateTime ReportedAt { get; set; }

    /// <summary>
    /// What a target has reached: the latest report for its place up to the end of its period (reports are cumulative);
    /// null when nothing has been reported yet.
    /// </summary>
    public static decimal? Achieved(IEnumerable<ResultProgress> reports, string place, string targetPeriod)
    {
        var end = Periods.Span(targetPeriod).To;
        return reports.Where(r => r.Place == place && Periods.Span(r.Period).To <= end)
            .OrderByDescending(r => Periods.Span(r.Period).To).ThenByDescending(r => r.Period.Length).Select(r => (decimal?)r.Value).FirstOrDefault();
    }

    /// <summary>Achievement as a percentage of the target, whole; null without a report or for a zero target.</summary>
    public static int? Percent(decimal? achieved, decimal target) =>
        achieved is { } a && target != 0 ? (int)Math.Round(a / target * 100m, MidpointRounding.AwayFromZero) : null;
}
