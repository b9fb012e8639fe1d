using System.Text.Json;
using Himaya.Cli;

namespace Himaya.Tests.Cli;

/// <summary>The <c>himaya moda</c> command line is a contract (README): its arguments, its JSON shape, its exit codes.</summary>
public sealed class ModaVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("himaya-moda-").FullName;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Framework = """
        {"dimensions":[{"name":"health","weight":1,"indicators":["immunisation","skilled_birth"]},
        {"name":"water","weight":1,"indicators":["water"]},{"name":"education","weight":2,"indicators":["school"]}],"missing":"drop"}
        """;

    private const string Children = """
        id,immunisation,skilled_birth,water,school,district,sex,w
        1,1,0,1,1,A,M,1
        2,0,0,0,0,A,F,2
        3,1,,1,0,B,M,1
        4,0,1,0,1,B,F,1
        5,0,0,1,0,A,M,1
        """;

    [Fact]
    public void The_json_output_has_the_promised_shape_and_numbers()
    {
        var output = Path.Combine(_dir, "out.json");
        ModaVerb.Run(["moda", "--input", Write("c.csv", Children), "--framework", Write("f.json", Framework), "--k", "1,3", "--by", "district,sex",
            "--weight", "w", "--format", "json", "--output", output]).ShouldBe(0);
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        var root = doc.RootElement;
        (root.GetProperty("n").GetInt32(), root.GetProperty("nDropped").GetInt32()).ShouldBe((4, 1));
        root.GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()).ShouldBe(["health", "water", "education"]);
        var byK = root.GetProperty("byK");
        byK.GetArrayLength().ShouldBe(2);
        byK[0].GetProperty("k").GetDouble().ShouldBe(1);
        byK[0].GetProperty("H").GetDouble().ShouldBe(0.4, 1e-12);
        byK[0].GetProperty("A").GetDouble().ShouldBe(0.875, 1e-12);
        byK[0].GetProperty("M0").GetDouble().ShouldBe(0.35, 1e-12);
        byK[0].GetProperty("censoredHeadcount").GetProperty("education").GetDouble().ShouldBe(0.4, 1e-12);
        byK[0].GetProperty("contribution").EnumerateObject().Sum(p => p.Value.GetDouble()).ShouldBe(100, 1e-9);
        var distribution = root.GetProperty("distribution");
        distribution.GetProperty("exactly").GetProperty("0").GetDouble().ShouldBe(0.4, 1e-12);
        distribution.GetProperty("atLeast").GetProperty("1").GetDouble().ShouldBe(0.6, 1e-12);
        distribution.GetProperty("atLeast").TryGetProperty("0", out _).ShouldBeFalse();
        // Groups: each combination of district and sex that occurs.
        var groups = root.GetProperty("groups").EnumerateArray().ToList();
        groups.Select(g => g.GetProperty("by").GetProperty("district").GetString() + g.GetProperty("by").GetProperty("sex").GetString()).ShouldBe(["AF", "AM", "BF", "BM"]);
        var af = groups[0];
        af.GetProperty("share").GetDouble().ShouldBe(0.4, 1e-12); // child 2, weight 2 of 5
        af.GetProperty("byK")[0].GetProperty("H").GetDouble().ShouldBe(0);
        groups.Sum(g => g.GetProperty("share").GetDouble() * g.GetProperty("byK")[0].GetProperty("M0").GetDouble()).ShouldBe(0.35, 1e-12);
        root.GetProperty("framework").GetProperty("missing").GetString().ShouldBe("drop");
    }

    [Fact]
    public void The_overlap_of_three_dimensions_and_each_groups_share_of_M0_are_in_the_json()
    {
        var output = Path.Combine(_dir, "venn.json");
        ModaVerb.Run(["moda", "--input", Write("c.csv", Children), "--framework", Write("f.json", Framework), "--weight", "w", "--by", "district",
            "--venn", "health,water,education", "--output", output]).ShouldBe(0);
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        // Analysed: child 1 in all three (weight 1), 2 in none (2), 4 in health and education (1), 5 in water (1); 5 in all.
        var regions = doc.RootElement.GetProperty("overlaps").GetProperty("regions");
        regions.GetProperty("none").GetDouble().ShouldBe(0.4, 1e-12);
        regions.GetProperty("health+water+education").GetDouble().ShouldBe(0.2, 1e-12);
        regions.GetProperty("health+education").GetDouble().ShouldBe(0.2, 1e-12);
        regions.GetProperty("water").GetDouble().ShouldBe(0.2, 1e-12);
        regions.GetProperty("health").GetDouble().ShouldBe(0);
        regions.EnumerateObject().Count().ShouldBe(8);
        // District A holds children 1, 2, 5 (M0 0.25 × share 0.8), B child 4 (0.75 × 0.2): 0.2 + 0.15 = M0 0.35.
        var groups = doc.RootElement.GetProperty("groups").EnumerateArray().ToList();
        groups[0].GetProperty("byK")[0].GetProperty("contributionToM0").GetDouble().ShouldBe(100 * 0.2 / 0.35, 1e-9);
        groups.Sum(g => g.GetProperty("byK")[0].GetProperty("contributionToM0").GetDouble()).ShouldBe(100, 1e-9);
        ModaVerb.Run(["moda", "--input", Write("c.csv", Children), "--framework", Write("f.json", Framework), "--venn", "health,water,nutrition", "--output", output]).ShouldBe(2);
    }

    [Fact]
    public void A_cut_off_above_the_number_of_dimensions_is_reached_by_nobody()
    {
        var output = Path.Combine(_dir, "k.json");
        ModaVerb.Run(["moda", "--input", Write("c.csv", Children), "--framework", Write("f.json", Framework), "--k", "3,4", "--output", output]).ShouldBe(0);
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        var k4 = doc.RootElement.GetProperty("byK")[1];
        (k4.GetProperty("k").GetDouble(), k4.GetProperty("H").GetDouble(), k4.GetProperty("M0").GetDouble()).ShouldBe((4.0, 0.0, 0.0));
    }

    [Fact]
    public void The_csv_output_lists_the_same_numbers_one_per_line()
    {
        var output = Path.Combine(_dir, "out.csv");
        ModaVerb.Run(["moda", "--input", Write("c.csv", Children), "--framework", Write("f.json", Framework), "--weight", "w", "--by", "district",
            "--format", "csv", "--output", output]).ShouldBe(0);
        var lines = File.ReadAllLines(output);
        lines[0].ShouldBe("group,k,measure,name,value");
        lines.ShouldContain("(all),1,M0,,0.35");
        lines.ShouldContain("(all),,n,,4");
        lines.ShouldContain("district=A,,share,,0.8");
        lines.ShouldContain("(all),3,contribution,education,50");
    }

    [Theory]
    [InlineData("--framework", "f.json")] // no input
    [InlineData("--input", "c.csv", "--framework", "f.json", "--format", "xml")]
    [InlineData("--input", "c.csv", "--framework", "f.json", "--k", "0")]
    [InlineData("--input", "c.csv", "--framework", "f.json", "--k", "1,-2")]
    [InlineData("--input", "c.csv", "--framework", "f.json", "--by", "a,b,c")]
    [InlineData("--input", "c.csv", "--framework", "f.json", "--by", "nope")]
    [InlineData("--input", "c.csv", "--framework", "f.json", "--weight", "school")] // an indicator
    [InlineData("--input", "c.csv", "--framework", "bad.json")]
    [InlineData("--input", "missing.csv", "--framework", "f.json")]
    [InlineData("--input", "c.csv", "--framework", "f.json", "--unknown", "x")]
    public void Bad_arguments_or_input_exit_with_2_and_write_nothing(params string[] args)
    {
        Write("c.csv", Children);
        Write("f.json", Framework);
        Write("bad.json", """{"dimensions":[{"name":"x"}]}""");
        var output = Path.Combine(_dir, "out.json");
        var full = args.Select(a => a.EndsWith(".csv", StringComparison.Ordinal) || a.EndsWith(".json", StringComparison.Ordinal) ? Path.Combine(_dir, a) : a);
        ModaVerb.Run(["moda", .. full, "--output", output]).ShouldBe(2);
        File.Exists(output).ShouldBeFalse();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

public sealed class ModaVerbSurveyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("himaya-moda-survey-").FullName;

    [Fact]
    public void A_survey_file_with_its_design_gets_standard_errors_and_confidence_intervals()
    {
        File.WriteAllText(Path.Combine(_dir, "f.json"), """{"dimensions":[{"name":"d","indicators":["x"]}]}""");
        File.WriteAllText(Path.Combine(_dir, "s.csv"), "id,x,stratum,psu,wt\n1,1,A,a,1\n2,0,A,a,1\n3,0,A,b,1\n4,0,A,b,1\n5,1,B,c,1\n6,1,B,c,1\n7,1,B,d,1\n8,0,B,d,1\n9,0,B,e,1\n");
        var output = Path.Combine(_dir, "out.json");
        ModaVerb.Run(["moda", "--input", Path.Combine(_dir, "s.csv"), "--framework", Path.Combine(_dir, "f.json"), "--weight", "wt", "--strata", "stratum",
            "--cluster", "psu", "--output", output]).ShouldBe(0);
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        var k1 = doc.RootElement.GetProperty("byK")[0];
        k1.GetProperty("seH").GetDouble().ShouldBe(Math.Sqrt(232) / 81, 1e-12);
        k1.GetProperty("ciH").GetArrayLength().ShouldBe(2);
        doc.RootElement.GetProperty("variance").GetProperty("method").GetString()!.ShouldContain("Taylor linearisation");
        // The same file without a design or weight is taken as a census: no standard errors.
        ModaVerb.Run(["moda", "--input", Path.Combine(_dir, "s.csv"), "--framework", Path.Combine(_dir, "f.json"), "--output", output]).ShouldBe(0);
        using var plain = JsonDocument.Parse(File.ReadAllText(output));
        plain.RootElement.GetProperty("byK")[0].TryGetProperty("seH", out _).ShouldBeFalse();
        ModaVerb.Run(["moda", "--input", Path.Combine(_dir, "s.csv"), "--framework", Path.Combine(_dir, "f.json"), "--strata", "nope", "--output", output]).ShouldBe(2);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

public sealed class DotnetRunOutputTests
{
    [Fact]
    public void The_app_has_no_launch_settings_that_would_put_a_line_before_a_verbs_output()
    {
        // `dotnet run --project src/Himaya -- moda ...` is how outside checks run the verb; with a launchSettings.json the
        // SDK prints "Using launch settings from ..." on standard output first, and the JSON no longer parses.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Himaya.slnx"))) dir = dir.Parent;
        dir.ShouldNotBeNull("the repository root (Himaya.slnx) above the test binaries");
        File.Exists(Path.Combine(dir.FullName, "src", "Himaya", "Properties", "launchSettings.json")).ShouldBeFalse();
        File.Exists(Path.Combine(dir.FullName, "src", "Himaya", "Himaya.csproj")).ShouldBeTrue();
    }
}
