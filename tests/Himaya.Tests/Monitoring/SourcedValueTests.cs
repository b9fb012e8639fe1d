using Himaya.Features.Monitoring;
using Shouldly;

namespace Himaya.Tests.Monitoring;

/// <summary>How a computed indicator's percentages are made: per place, the nation first as the places summed, nothing where nothing counts.</summary>
public sealed class SourcedValueTests
{
    [Fact]
    public void The_nation_comes_first_from_the_places_summed_and_an_empty_place_has_no_value()
    {
        var values = SourcedValue.Percentages([("C-GAN", 3, 1), ("C-SIR", 0, 0), ("C-BAK", 7, 7)]);
        values.Select(v => (v.Place, v.Value, v.Behind)).ShouldBe([(IndicatorStore.Nation, 80.0m, 10), ("C-GAN", 33.3m, 3), ("C-BAK", 100.0m, 7)]);
        SourcedValue.Percentages([]).ShouldBeEmpty();
    }
}
