namespace Himaya.Features.Monitoring;

/// <summary>The sector a budget line belongs to, as the child-focused budget brief groups public spending.</summary>
public enum BudgetSector { Education, Health, SocialProtection, ChildProtection, Justice, Other }

/// <summary>
/// How much of a line is for children: directly (child benefits, schools, child-protection services), indirectly (a
/// share of a wider programme reaches them: family benefits, primary health care), or not at all.
/// </summary>
public enum ChildRelevance { Direct, Indirect, None }

/// <summary>A line of the public budget for a year: planned, and executed once the year's report is in.</summary>
public sealed class BudgetLine
{
    public long Id { get; set; }
    public int Year { get; set; }
    public BudgetSector Sector { get; set; }
    public required string Programme { get; set; }
    public ChildRelevance Relevance { get; set; }
    /// <summary>AZN, as the state budget is written.</summary>
    public decimal Planned { get; set; }
    public decimal? Executed { get; set; }
    public string? Source { get; set; }
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The rules of a line before it is kept: a plausible year, amounts not below zero, a programme named.</summary>
    public static IEnumerable<Platform.Refusal> Check(int? year, string? programme, decimal? planned, decimal? executed)
    {
        if (year is null) yield return Platform.PlatformErrors.Required("year");
        else if (year is < 2000 or > 2100) yield return MonitoringErrors.BudgetYear();
        if (string.IsNullOrWhiteSpace(programme)) yield return Platform.PlatformErrors.Required("programme");
        else if (programme.Trim().Length > 300) yield return Platform.PlatformErrors.TooLong("programme", 300);
        if (planned is null) yield return Platform.PlatformErrors.Required("planned");
        else if (planned < 0) yield return MonitoringErrors.Positive("planned");
        if (executed < 0) yield return MonitoringErrors.Positive("executed");
    }
}

/// <summary>
/// A year of the child-focused budget: all spending, the part for children (direct, and indirect apart), their share, and
/// per child when the child population of the year is known (the indicator DM_POP_U18 at AZE). Executed amounts where
/// every line of the year has one, planned otherwise, and it says which.
/// </summary>
public sealed record BudgetYear(int Year, bool Executed, decimal Total, decimal Direct, decimal Indirect, decimal? ChildShare, decimal? ChildPopulation,
    decimal? PerChild, int Lines)
{
    /// <summary>The child population indicator (UNICEF's code): spending per child divides by its national value for the year.</summary>
    public const string PopulationIndicator = "DM_POP_U18";

    public static IReadOnlyList<BudgetYear> Of(IEnumerable<BudgetLine> lines, IReadOnlyDictionary<int, decimal> population) =>
        [.. lines.GroupBy(l => l.Year).OrderBy(g => g.Key).Select(g =>
        {
            var executed = g.All(l => l.Executed is not null);
            decimal Amount(BudgetLine l) => executed ? l.Executed!.Value : l.Planned;
            var total = g.Sum(Amount);
            var direct = g.Where(l => l.Relevance == ChildRelevance.Direct).Sum(Amount);
            var indirect = g.Where(l => l.Relevance == ChildRelevance.Indirect).Sum(Amount);
            var share = total == 0 ? (decimal?)null : Math.Round((direct + indirect) / total * 100m, 1);
            var children = population.TryGetValue(g.Key, out var p) && p > 0 ? p : (decimal?)null;
            var perChild = children is { } c ? Math.Round((direct + indirect) / c, 2) : (decimal?)null;
            return new BudgetYear(g.Key, executed, total, direct, indirect, share, children, perChild, g.Count());
        })];
}
