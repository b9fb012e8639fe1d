using Himaya.Deprivation;
using Himaya.Features.Deprivation;
using Himaya.Platform;

namespace Himaya.Tests.Deprivation;

/// <summary>The district map's figures: each district's own, small districts hidden, Baku as its city districts together.</summary>
public sealed class DistrictFiguresTests
{
    private static readonly AdminUnits Units = Load();
    private static readonly Framework Two = new([new Dimension("A", 1, ["a"]), new Dimension("B", 1, ["b"])]);

    private static AdminUnits Load()
    {
        var units = new AdminUnits();
        units.Load(AdminUnitLoader.ReadBundled());
        return units;
    }

    /// <summary>Children per district: (code, children, deprived in A only, deprived in A and B); the rest in neither.</summary>
    private static DeprivationResult Analyse(params (string Code, int N, int AOnly, int Both)[] districts)
    {
        var a = new List<sbyte>();
        var b = new List<sbyte>();
        var group = new List<int>();
        for (var g = 0; g < districts.Length; g++)
        {
            var (_, n, aOnly, both) = districts[g];
            for (var i = 0; i < n; i++)
            {
                a.Add(i < aOnly + both ? (sbyte)1 : (sbyte)0);
                b.Add(i >= aOnly && i < aOnly + both ? (sbyte)1 : (sbyte)0);
                group.Add(g);
            }
        }
        var table = new ChildTable(a.Count, ["a", "b"], [[.. a], [.. b]], null, ["district"], [[.. group]], [[.. districts.Select(d => d.Code)]]);
        return Suppression.Apply(Engine.Analyse(Two, table), 5);
    }

    [Fact]
    public void Each_district_has_its_own_figure_small_ones_hidden_and_the_rest_nothing()
    {
        var r = Analyse(("C-GAN", 20, 10, 0), ("R-QAX", 3, 1, 0), ("R-ZAQ", 2, 0, 0), ("R-SEK", 40, 0, 20));
        var m0 = DistrictFigures.Of(r, 0, headcount: false, Units);
        m0["C-GAN"].ShouldBe(new MapFigure(0.25, false)); // 10 children with a score of 1 of 2, over 20
        m0["R-SEK"].ShouldBe(new MapFigure(0.5, false));
        m0["R-QAX"].ShouldBe(MapFigure.Suppressed);
        m0["R-ZAQ"].ShouldBe(MapFigure.Suppressed);
        m0["R-AGS"].ShouldBe(MapFigure.NoData); // not in the analysis
        m0.Keys.ShouldNotContain("ER-GDA"); // economic regions are not on the map
        var h = DistrictFigures.Of(r, 0, headcount: true, Units);
        h["C-GAN"].Value.ShouldBe(0.5, 1e-12);
        h["R-SEK"].Value.ShouldBe(0.5, 1e-12);
    }

    [Fact]
    public void Baku_is_its_city_districts_together_weighted_by_their_children()
    {
        var r = Analyse(("BAK-NES", 10, 0, 10), ("BAK-YAS", 30, 0, 0), ("C-GAN", 20, 10, 0));
        var h = DistrictFigures.Of(r, 0, headcount: true, Units);
        h["BAK-NES"].Value.ShouldBe(1, 1e-12);
        h["BAK-YAS"].Value.ShouldBe(0, 1e-12);
        h["C-BAK"].Value.ShouldBe(0.25, 1e-12); // 10 deprived of 40, not the mean of 1 and 0
        DistrictFigures.Of(r, 0, headcount: false, Units)["C-BAK"].Value.ShouldBe(0.25, 1e-12);
        // At k = 2 only BAK-NES's ten count: still 10 of 40.
        DistrictFigures.Of(r, 1, headcount: true, Units)["C-BAK"].Value.ShouldBe(0.25, 1e-12);
    }

    [Fact]
    public void Baku_is_hidden_when_one_of_its_city_districts_is_and_plain_when_none_was_analysed()
    {
        var r = Analyse(("BAK-NES", 10, 0, 10), ("BAK-YAS", 30, 0, 0), ("BAK-SEB", 2, 1, 0), ("BAK-XAT", 3, 0, 0));
        DistrictFigures.Of(r, 0, headcount: true, Units)["C-BAK"].ShouldBe(MapFigure.Suppressed);
        DistrictFigures.Of(Analyse(("C-GAN", 20, 10, 0)), 0, headcount: true, Units)["C-BAK"].ShouldBe(MapFigure.NoData);
    }

    [Fact]
    public void A_district_whose_figure_alone_is_hidden_is_hidden_on_the_map()
    {
        // 40 children, 2 deprived: H would count two children.
        var r = Analyse(("C-GAN", 40, 2, 0), ("R-SEK", 40, 20, 0));
        DistrictFigures.Of(r, 0, headcount: true, Units)["C-GAN"].ShouldBe(MapFigure.Suppressed);
    }
}
