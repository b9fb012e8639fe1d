using Himaya.Deprivation;

namespace Himaya.Tests.Deprivation;

/// <summary>Small examples worked out by hand (the comments show the working), under both missing-data rules.</summary>
public sealed class EngineTests
{
    private static ChildTable Table(string csv, string? weight = null, params string[] by)
    {
        var (table, errors) = ChildTableCsv.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), Frameworks.Parse(csv),
            new ChildTableCsv.Options(WeightColumn: weight, GroupColumns: by));
        errors.ShouldBeEmpty();
        return table!;
    }

    private static class Frameworks
    {
        // Every column but id, district, sex and w is an indicator.
        public static IReadOnlyList<string> Parse(string csv) =>
            [.. csv.Split('\n')[0].Trim().Split(',').Where(c => c is not ("id" or "district" or "sex" or "w"))];
    }

    private static Framework Fw(string json)
    {
        var (f, errors) = Framework.Parse(json);
        errors.ShouldBeEmpty();
        return f!;
    }

    // health = immunisation ∪ skilled_birth (weight 1), water (1), education (2): normalised 1/4, 1/4, 1/2, so on the
    // k scale (× 3 dimensions) health and water count 0.75 each and education 1.5.
    private const string WeightedFramework = """
        {"dimensions":[{"name":"health","weight":1,"indicators":["immunisation","skilled_birth"]},
        {"name":"water","weight":1,"indicators":["water"]},{"name":"education","weight":2,"indicators":["school"]}],"missing":"drop"}
        """;

    private const string WeightedChildren = """
        id,immunisation,skilled_birth,water,school,district,w
        1,1,0,1,1,A,1
        2,0,0,0,0,A,2
        3,1,,1,0,B,1
        4,0,1,0,1,B,1
        5,0,0,1,0,A,1
        """;

    [Fact]
    public void Unequal_dimension_weights_and_sampling_weights_give_the_hand_computed_measures()
    {
        // Child 3 misses skilled_birth and is dropped. Scores: 1 → 0.75+0.75+1.5 = 3; 2 → 0 (weight 2); 4 → 0.75+1.5 = 2.25;
        // 5 → 0.75. Population 1+2+1+1 = 5.
        var r = Engine.Analyse(Fw(WeightedFramework), Table(WeightedChildren, "w", "district"));
        (r.Total.N, r.Total.NDropped, r.Total.Population).ShouldBe((4, 1, 5.0));
        var k1 = r.Total.ByK[0];
        // k = 1: children 1 and 4 (weight 2 of 5); A = (3 + 2.25) / (3 × 2) = 0.875.
        k1.H.ShouldBe(0.4, 1e-12);
        k1.A.ShouldBe(0.875, 1e-12);
        k1.M0.ShouldBe(0.35, 1e-12);
        k1.CensoredHeadcount.ShouldBe([0.4, 0.2, 0.4], tolerance: 1e-12);
        // Contribution of d = w_d × CH_d / M0: 0.25×0.4/0.35, 0.25×0.2/0.35, 0.5×0.4/0.35.
        k1.Contribution.ShouldBe([100 * 0.1 / 0.35, 100 * 0.05 / 0.35, 100 * 0.2 / 0.35], tolerance: 1e-9);
        // k = 3: only child 1.
        var k3 = r.Total.ByK[2];
        (k3.K, k3.H, k3.A, k3.M0).ShouldBe((3.0, 0.2, 1.0, 0.2));
        // Dimension counts: child 1 three, 2 none (weight 2), 4 two, 5 one.
        r.Total.Exactly.ShouldBe([0.4, 0.2, 0.2, 0.2], tolerance: 1e-12);
        r.Total.AtLeast.ShouldBe([1, 0.6, 0.4, 0.2], tolerance: 1e-12);

        // District A: children 1, 2 (w 2), 5 → population 4, share 4/5; poor at k = 1: child 1 only.
        var a = r.Groups.Single(g => g.By[0] == "A");
        (a.N, a.NDropped, a.Share).ShouldBe((3, 0, 0.8));
        a.ByK[0].H.ShouldBe(0.25, 1e-12);
        a.ByK[0].M0.ShouldBe(0.25, 1e-12);
        var b = r.Groups.Single(g => g.By[0] == "B");
        (b.N, b.NDropped, b.Share).ShouldBe((1, 1, 0.2));
        b.ByK[0].M0.ShouldBe(0.75, 1e-12); // child 4: 2.25 / 3
    }

    // A = a1 ∪ a2, B = b1, C = c1 ∩ c2; equal weights.
    private const string ObservedFramework = """
        {"dimensions":[{"name":"A","indicators":["a1","a2"]},{"name":"B","indicators":["b1"]},
        {"name":"C","indicators":["c1","c2"],"aggregation":"intersection"}],"missing":"observed"}
        """;

    private const string ObservedChildren = """
        id,a1,a2,b1,c1,c2
        1,1,,,1,1
        2,0,,1,1,
        3,,,0,0,1
        4,1,0,1,1,1
        """;

    [Fact]
    public void Under_the_observed_rule_a_child_counts_over_what_is_known()
    {
        // 1: A deprived (a1), B unknown, C deprived (both) → 2.   2: A not (a1 = 0), B deprived, C deprived (c1, the only one known) → 2.
        // 3: A unknown, B not, C not (c1 = 0) → 0.                4: all three → 3.
        var r = Engine.Analyse(Fw(ObservedFramework), Table(ObservedChildren));
        (r.Total.N, r.Total.NDropped).ShouldBe((4, 0));
        var k1 = r.Total.ByK[0];
        k1.H.ShouldBe(0.75, 1e-12);
        k1.A.ShouldBe(7.0 / 9, 1e-12);
        k1.M0.ShouldBe(7.0 / 12, 1e-12);
        k1.CensoredHeadcount.ShouldBe([0.5, 0.5, 0.75], tolerance: 1e-12);
        r.Total.ByK[1].H.ShouldBe(0.75, 1e-12);
        (r.Total.ByK[2].H, r.Total.ByK[2].A).ShouldBe((0.25, 1.0));
        // Uncensored rates among the children for whom the dimension (indicator) is known.
        r.Total.DimensionHeadcount.ShouldBe([2.0 / 3, 2.0 / 3, 0.75], tolerance: 1e-12);
        r.Indicators.ShouldBe(["a1", "a2", "b1", "c1", "c2"]);
        r.Total.IndicatorHeadcount.ShouldBe([2.0 / 3, 0, 2.0 / 3, 0.75, 1], tolerance: 1e-12);
    }

    [Fact]
    public void Under_the_drop_rule_a_child_with_any_missing_indicator_is_left_out()
    {
        var r = Engine.Analyse(Fw(ObservedFramework.Replace("\"observed\"", "\"drop\"", StringComparison.Ordinal)), Table(ObservedChildren));
        (r.Total.N, r.Total.NDropped).ShouldBe((1, 3));
        (r.Total.ByK[0].H, r.Total.ByK[2].H, r.Total.ByK[2].M0).ShouldBe((1.0, 1.0, 1.0));
    }

    [Fact]
    public void The_overlap_of_three_dimensions_has_seven_regions_and_none()
    {
        // Children deprived in: {A, C}, {B, C}, {}, {A, B, C}.
        var r = Engine.Analyse(Fw(ObservedFramework), Table(ObservedChildren));
        var o = r.Total.Overlaps(0, 1, 2);
        o.Length.ShouldBe(8);
        o[0b000].ShouldBe(0.25); // none
        o[0b101].ShouldBe(0.25); // A and C only
        o[0b110].ShouldBe(0.25); // B and C only
        o[0b111].ShouldBe(0.25); // all three
        o.Sum().ShouldBe(1, 1e-12);
    }

    [Fact]
    public void A_weighted_dimension_is_deprived_when_the_weighted_share_of_its_deprived_indicators_reaches_its_threshold()
    {
        // living = a (weight 2), b (1), c (1), threshold 0.5.
        // 1: a → 2/4 deprived.  2: b → 1/4 not.  3: b, c → 2/4 deprived.  4: a unknown, b → 1/2 of what is known, deprived.
        var f = Fw("""
            {"missing":"observed","dimensions":[{"name":"living","aggregation":"weighted","threshold":0.5,
              "indicators":[{"name":"a","weight":2},"b",{"name":"c","weight":1}]},{"name":"other","indicators":["x"]}]}
            """);
        f.Dimensions[0].IndicatorWeights.ShouldBe([2, 1, 1]);
        var r = Engine.Analyse(f, Table("""
            id,a,b,c,x
            1,1,0,0,0
            2,0,1,0,0
            3,0,1,1,0
            4,,1,0,0
            """));
        r.Total.DimensionHeadcount[0].ShouldBe(0.75);
        // Written back, the framework reads the same.
        Framework.Parse(f.ToJson()).Framework!.Dimensions[0].ShouldBeEquivalentTo(f.Dimensions[0]);
    }

    [Fact]
    public void Cut_offs_can_be_chosen_and_a_score_exactly_at_k_counts()
    {
        // Child 4 scores 2.25: poor at k = 2.25, not at 2.26.
        var r = Engine.Analyse(Fw(WeightedFramework), Table(WeightedChildren, "w"), [2.25, 2.26]);
        r.Total.ByK.Select(k => k.H).ShouldBe([0.4, 0.2], tolerance: 1e-12);
    }
}

/// <summary>Standard errors for survey data (Taylor linearisation), checked against results worked out by hand.</summary>
public sealed class SurveyVarianceTests
{
    private static ChildTable One(sbyte[] deprived, int[]? strata = null, int[]? clusters = null, double[]? weights = null) =>
        new(deprived.Length, ["x"], [deprived], weights ?? [.. deprived.Select(_ => 1.0)], [], [], []) { Strata = strata, Clusters = clusters };

    private static readonly Framework OneDimension = new([new Dimension("d", 1, ["x"])]);

    [Fact]
    public void A_simple_random_sample_gives_the_textbook_standard_error()
    {
        // 3 deprived of 10, each child its own PSU, one stratum: var = p(1 - p) / (n - 1).
        var r = Engine.Analyse(OneDimension, One([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]));
        var k1 = r.Total.ByK[0];
        k1.H.ShouldBe(0.3, 1e-12);
        k1.SeH.ShouldBe(Math.Sqrt(0.3 * 0.7 / 9), 1e-12);
        k1.SeM0.ShouldBe(k1.SeH, 1e-12); // one dimension: M0 = H
        k1.CiH.Low.ShouldBe(0.3 - (1.959964 * k1.SeH), 1e-9);
        r.VarianceMethod.ShouldNotBeNull().ShouldContain("linearisation");
    }

    [Fact]
    public void A_stratified_cluster_sample_gives_the_hand_computed_standard_error()
    {
        // Stratum 0: PSU a (1, 0), PSU b (0, 0); stratum 1: PSU c (1, 1), PSU d (1, 0), PSU e (0). R = 4/9, X = 9.
        // PSU totals U = (Y - R X) / X: a 1/81, b -8/81 | c 10/81, d 1/81, e -4/81.
        // Stratum 0: 2/1 × (4.5² + 4.5²)/81² = 81/81²; stratum 1: 3/2 × (906/9)/81² = 151/81². SE = √232 / 81.
        sbyte[] x = [1, 0, 0, 0, 1, 1, 1, 0, 0];
        int[] strata = [0, 0, 0, 0, 1, 1, 1, 1, 1];
        int[] clusters = [0, 0, 1, 1, 2, 2, 3, 3, 4];
        var r = Engine.Analyse(OneDimension, One(x, strata, clusters));
        r.Total.ByK[0].H.ShouldBe(4.0 / 9, 1e-12);
        r.Total.ByK[0].SeH.ShouldBe(Math.Sqrt(232) / 81, 1e-12);
        r.SinglePsuStrata.ShouldBe(0);
    }

    [Fact]
    public void A_subgroup_is_estimated_as_a_domain_and_a_census_gets_no_standard_errors()
    {
        // A group holding every child has the total's standard error.
        sbyte[] x = [1, 0, 1, 1, 0, 0, 1, 0];
        var weights = new[] { 1.0, 2, 1, 3, 1, 1, 2, 1 };
        var all = new ChildTable(8, ["x"], [x], weights, ["g"], [new int[8]], [["all"]]);
        var r = Engine.Analyse(OneDimension, all);
        r.Groups.Single().ByK[0].SeH.ShouldBe(r.Total.ByK[0].SeH, 1e-12);
        r.Total.ByK[0].SeH.ShouldBeGreaterThan(0);
        // No weight and no design: the registry, a census.
        var census = Engine.Analyse(OneDimension, new ChildTable(8, ["x"], [x], null, [], [], []));
        double.IsNaN(census.Total.ByK[0].SeH).ShouldBeTrue();
        census.VarianceMethod.ShouldBeNull();
    }
}
