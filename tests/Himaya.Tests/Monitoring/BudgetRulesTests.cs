using System.Globalization;
using Himaya.Features.Monitoring;
using Himaya.Platform;
using Shouldly;

namespace Himaya.Tests.Monitoring;

/// <summary>The child-focused budget's arithmetic: share and per child by year, executed where every line has it.</summary>
public sealed class BudgetRulesTests
{
    private static BudgetLine L(int year, ChildRelevance relevance, decimal planned, decimal? executed = null) =>
        new() { Year = year, Programme = "p", Relevance = relevance, Planned = planned, Executed = executed };

    [Fact]
    public void A_year_counts_direct_and_indirect_spending_for_children_against_all_of_it()
    {
        var years = BudgetYear.Of([L(2024, ChildRelevance.Direct, 300), L(2024, ChildRelevance.Indirect, 100), L(2024, ChildRelevance.None, 600)],
            new Dictionary<int, decimal> { [2024] = 2_000 });
        var y = years.ShouldHaveSingleItem();
        (y.Total, y.Direct, y.Indirect, y.ChildShare, y.PerChild, y.Executed, y.Lines).ShouldBe((1_000m, 300m, 100m, 40.0m, 0.20m, false, 3));
    }

    [Fact]
    public void Executed_amounts_count_only_when_every_line_of_the_year_has_one_and_per_child_needs_a_population()
    {
        var years = BudgetYear.Of([L(2023, ChildRelevance.Direct, 100, 90), L(2023, ChildRelevance.None, 100, 110), L(2024, ChildRelevance.Direct, 100, 95), L(2024, ChildRelevance.None, 100)],
            new Dictionary<int, decimal>());
        (years[0].Year, years[0].Executed, years[0].Total, years[0].ChildShare).ShouldBe((2023, true, 200m, 45.0m));
        (years[1].Year, years[1].Executed, years[1].Total, years[1].ChildShare).ShouldBe((2024, false, 200m, 50.0m));
        years.ShouldAllBe(y => y.PerChild == null && y.ChildPopulation == null);
    }

    [Fact]
    public void A_line_needs_a_plausible_year_a_programme_and_amounts_not_below_zero()
    {
        BudgetLine.Check(2024, "Child benefit", 1, 0).ShouldBeEmpty();
        BudgetLine.Check(1999, " ", -1, -5).Select(r => $"{r.Field}:{r.Code}")
            .ShouldBe(["year:monitoring.budget-year", "programme:field.required", "planned:monitoring.positive", "executed:monitoring.positive"]);
        BudgetLine.Check(null, null, null, null).Select(r => r.Field).ShouldBe(["year", "programme", "planned"]);
    }
}
