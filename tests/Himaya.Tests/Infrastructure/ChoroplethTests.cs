using System.Globalization;
using System.Text.Json;
using Himaya.Platform;

namespace Himaya.Tests.Infrastructure;

/// <summary>A figure per district as the map's colour classes and legend.</summary>
public sealed class ChoroplethTests
{
    private static readonly CultureInfo En = new("en-GB");

    private static Choropleth Of(bool percent, params (string Code, MapFigure Figure)[] figures) =>
        Choropleth.Of(figures.ToDictionary(f => f.Code, f => f.Figure), c => "name of " + c, v => v.ToString("F3", CultureInfo.InvariantCulture),
            percent, En, "hidden: fewer than 5 children", "no data");

    [Theory]
    [InlineData(0.23, 0.05)]
    [InlineData(0.63, 0.2)]
    [InlineData(1.0, 0.2)]
    [InlineData(0.0042, 0.001)]
    [InlineData(0.5, 0.1)]
    [InlineData(7, 2)]
    [InlineData(0, 0.01)]
    public void Classes_are_round_steps_that_cover_the_largest_value_in_at_most_five(double max, double step)
    {
        Choropleth.Step(max).ShouldBe(step, 1e-12);
        Math.Ceiling((max / step) - 1e-9).ShouldBeLessThanOrEqualTo(5);
    }

    [Fact]
    public void Districts_take_the_class_of_their_value_and_the_legend_names_each_range()
    {
        var map = Of(true, ("A", new(0.63, false)), ("B", new(0.2, false)), ("C", new(0.05, false)), ("D", new(0.45, false)));
        // Steps of 20 %: four classes spread over the five shades, light to dark.
        map.Legend.Select(k => (k.Class, k.Label)).ShouldBe([("dm-c0", "0%–20%"), ("dm-c1", "20%–40%"), ("dm-c3", "40%–60%"), ("dm-c4", "60%–80%")]);
        map.Areas["A"].ShouldBe(new ChoroplethArea("name of A", "0.630", "dm-c4"));
        map.Areas["B"].Class.ShouldBe("dm-c1"); // a bound belongs to the class above it
        map.Areas["C"].Class.ShouldBe("dm-c0");
        map.Areas["D"].Class.ShouldBe("dm-c3");
    }

    [Fact]
    public void Hidden_districts_are_hatched_and_those_without_data_plain_each_with_its_legend_line()
    {
        var map = Of(false, ("A", new(0.23, false)), ("H", MapFigure.Suppressed), ("N", MapFigure.NoData));
        map.Areas["H"].ShouldBe(new ChoroplethArea("name of H", "hidden: fewer than 5 children", Choropleth.HiddenClass));
        map.Areas["N"].ShouldBe(new ChoroplethArea("name of N", "no data", Choropleth.NoDataClass));
        map.Legend[0].Label.ShouldBe("0.00–0.05");
        map.Legend.Count.ShouldBe(5 + 2);
        map.Legend[^2].ShouldBe(new ChoroplethKey(Choropleth.HiddenClass, "hidden: fewer than 5 children"));
        map.Legend[^1].ShouldBe(new ChoroplethKey(Choropleth.NoDataClass, "no data"));
        // Without either, neither is in the legend; with nothing to show, only they are.
        Of(false, ("A", new(0.23, false))).Legend.ShouldAllBe(k => k.Class.StartsWith("dm-c"));
        Of(false, ("H", MapFigure.Suppressed)).Legend.Select(k => k.Class).ShouldBe([Choropleth.HiddenClass]);
    }

    [Fact]
    public void When_every_value_is_zero_there_is_one_class_the_lightest()
    {
        var map = Of(true, ("A", new(0, false)), ("B", new(0, false)));
        map.Areas["A"].Class.ShouldBe("dm-c0");
        map.Legend.Select(k => (k.Class, k.Label)).ShouldBe([("dm-c0", "0%–1%")]);
    }

    [Fact]
    public void The_json_block_is_what_the_script_reads_and_cannot_end_its_script_element()
    {
        var map = Choropleth.Of(new Dictionary<string, MapFigure> { ["X"] = new(0.1, false) }, _ => "</script><b>", _ => "10 %", true, En, "h", "n");
        var json = map.Json();
        json.ShouldNotContain("<");
        using var doc = JsonDocument.Parse(json);
        var x = doc.RootElement.GetProperty("X");
        x.GetProperty("name").GetString().ShouldBe("</script><b>");
        x.GetProperty("label").GetString().ShouldBe("10 %");
        x.GetProperty("cls").GetString().ShouldBe("dm-c4");
    }
}
