namespace Himaya.Features.Cases;

/// <summary>Fixed code lists of case work. Codes are stored and sent as they are; the UI texts translate them (Case.Concern.*, …).</summary>
public static class CaseCodes
{
    public static readonly IReadOnlyList<string> Concerns =
    [
        "physical-abuse", "sexual-abuse", "emotional-abuse", "neglect", "domestic-violence", "child-labour", "child-marriage",
        "trafficking", "separated", "street", "out-of-school", "disability-exclusion", "in-conflict-with-law", "mental-health", "other",
    ];

    /// <summary>Wellbeing domains of the comprehensive assessment, each rated 1 (serious concern) to 4 (no concern).</summary>
    public static readonly IReadOnlyList<string> WellbeingDomains =
        ["health", "education", "emotional", "relationships", "safety", "identity", "selfCare", "living"];

    /// <summary>Domains of the standardised individual care plan for a child with disabilities.</summary>
    public static readonly IReadOnlyList<string> CarePlanDomains =
        ["health", "rehabilitation", "assistive-devices", "education", "communication", "mobility", "selfCare", "social-inclusion", "family-support"];

    public static readonly IReadOnlyList<string> ClosureReasons =
        ["goals-achieved", "no-longer-at-risk", "turned-18", "moved-away", "family-declined", "child-died", "other"];

    public static readonly IReadOnlyList<string> OpenedFrom = ["child", "most-deprived", "outreach", "referral", "violence-report", "screening", "home-visit"];
}
