namespace Himaya.Features.Violence;

/// <summary>
/// The first-response deadlines, in hours, per risk level; a district may set its own (its coordination mechanism's
/// agreement). Bound from configuration section <c>Vac</c>.
/// </summary>
public sealed class VacOptions
{
    public Dictionary<ReportRisk, int> DeadlineHours { get; set; } = new()
    {
        [ReportRisk.Immediate] = 24, [ReportRisk.High] = 72, [ReportRisk.Medium] = 168, [ReportRisk.Low] = 336,
    };

    /// <summary>District code → its own deadlines (levels it leaves out keep the national ones).</summary>
    public Dictionary<string, Dictionary<ReportRisk, int>> Districts { get; set; } = [];

    /// <summary>How long after the deadline an unanswered report goes on from the supervisor to the district coordinator.</summary>
    public int CoordinatorAfterHours { get; set; } = 24;

    public PublicReportLimits PublicLimits { get; set; } = new();

    public TimeSpan DeadlineFor(string districtCode, ReportRisk risk) => TimeSpan.FromHours(
        Districts.TryGetValue(districtCode, out var own) && own.TryGetValue(risk, out var h) ? h : DeadlineHours[risk]);
}

/// <summary>
/// The risk level of a new report from its answers. Immediate danger is always <see cref="ReportRisk.Immediate"/>;
/// otherwise the type sets a base level, raised one step for a very young child (under 5) and one for each earlier
/// report about the same child (up to <see cref="ReportRisk.High"/>: only danger now makes a report immediate).
/// </summary>
public static class Triage
{
    public static ReportRisk Assess(bool immediateDanger, ViolenceType type, int? ageYears, int earlierReports)
    {
        if (immediateDanger) return ReportRisk.Immediate;
        var level = BaseLevel(type);
        if (ageYears is < 5) level = Raise(level);
        for (var i = 0; i < Math.Min(earlierReports, 2); i++) level = Raise(level);
        return level;
    }

    private static ReportRisk BaseLevel(ViolenceType type) => type switch
    {
        ViolenceType.Sexual or ViolenceType.Trafficking or ViolenceType.ChildMarriage or ViolenceType.Exploitation => ReportRisk.High,
        ViolenceType.Physical or ViolenceType.Neglect or ViolenceType.ChildLabour or ViolenceType.OnlineAbuse => ReportRisk.Medium,
        _ => ReportRisk.Low,
    };

    private static ReportRisk Raise(ReportRisk r) => r == ReportRisk.Low ? ReportRisk.Medium : ReportRisk.High;
}
