namespace Himaya.Features.Cases;

/// <summary>Deadlines of case work (configuration section <c>Cases</c>). Defaults follow common case-management standards.</summary>
public sealed class CaseOptions
{
    /// <summary>Initial assessment deadline by risk level, in hours from opening (high 24 h, medium 72 h, low 7 days).</summary>
    public int InitialAssessmentHoursHigh { get; set; } = 24;
    public int InitialAssessmentHoursMedium { get; set; } = 72;
    public int InitialAssessmentHoursLow { get; set; } = 168;
    /// <summary>Comprehensive assessment within this many days of the initial one.</summary>
    public int ComprehensiveAssessmentDays { get; set; } = 30;
    /// <summary>Case plan within this many days of the comprehensive assessment.</summary>
    public int PlanDays { get; set; } = 14;
    /// <summary>A service should accept or decline a referral within this many days.</summary>
    public int ReferralResponseDays { get; set; } = 3;
    /// <summary>Review cycle of a plan unless the plan sets one (months).</summary>
    public int ReviewCycleMonths { get; set; } = 3;

    public TimeSpan InitialAssessmentWindow(RiskLevel risk) => TimeSpan.FromHours(risk switch
    {
        RiskLevel.High => InitialAssessmentHoursHigh,
        RiskLevel.Medium => InitialAssessmentHoursMedium,
        _ => InitialAssessmentHoursLow,
    });
}
