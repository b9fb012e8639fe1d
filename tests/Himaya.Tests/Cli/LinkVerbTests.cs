using Himaya.Generators;
using Himaya.Cli;
using Himaya.Features.Linkage;

namespace Himaya.Tests.Cli;

/// <summary>The <c>himaya link</c> command line is a contract (README): files in, files out, exit codes.</summary>
public sealed class LinkVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("himaya-link-").FullName;

    private const string ConfigJson = """
        {"id":"rec_id","fields":[{"column":"given_name","kind":"name"},{"column":"surname","kind":"name"},
        {"column":"patronymic","kind":"patronymic"},{"column":"sex","kind":"sex"},{"column":"date_of_birth","kind":"date","format":"yyyy-MM-dd"},
        {"column":"fin","kind":"id"},{"column":"district","kind":"district"}]}
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string WriteSet(string name, IEnumerable<TestRecord> rows, string? labels = null)
    {
        var list = rows.ToList();
        using (var w = new StreamWriter(Path.Combine(_dir, name))) LinkageTestSet.WriteCsv(w, list);
        if (labels is not null) { using var l = new StreamWriter(Path.Combine(_dir, labels)); LinkageTestSet.WriteLabels(l, list); }
        return Path.Combine(_dir, name);
    }

    [Fact]
    public void One_input_is_deduplicated_into_id_and_cluster_id_for_every_record()
    {
        var rows = LinkageTestSet.Dedup(3_000, 0.2, seed: 21);
        var input = WriteSet("in.csv", rows, "labels.csv");
        var output = Path.Combine(_dir, "out.csv");
        var model = Path.Combine(_dir, "model.json");
        LinkVerb.Run(["link", "--input", input, "--config", Write("link.json", ConfigJson), "--output", output, "--labels", Path.Combine(_dir, "labels.csv"), "--model", model]).ShouldBe(0);

        var lines = File.ReadAllLines(output);
        lines[0].ShouldBe("id,cluster_id");
        var pairs = lines.Skip(1).Select(l => l.Split(',')).ToList();
        pairs.Select(p => p[0]).ShouldBe(rows.Select(r => r.RecId));
        // A cluster is named after one of its own records.
        var ids = rows.Select(r => r.RecId).ToHashSet();
        pairs.ShouldAllBe(p => ids.Contains(p[1]));
        pairs.Count(p => p[0] != p[1]).ShouldBeInRange(450, 650); // 600 duplicates, give or take what is missed or over-merged
        File.ReadAllText(model).ShouldContain("\"Prior\"");
    }

    [Fact]
    public void Two_inputs_are_linked_into_pairs_with_their_probability()
    {
        var (a, b) = LinkageTestSet.Link(2_000, 1_000, 0.5, seed: 22);
        var output = Path.Combine(_dir, "pairs.csv");
        LinkVerb.Run(["link", "--input", WriteSet("a.csv", a), "--input2", WriteSet("b.csv", b), "--config", Write("link.json", ConfigJson),
            "--output", output, "--threshold", "0.95"]).ShouldBe(0);
        var lines = File.ReadAllLines(output);
        lines[0].ShouldBe("id_a,id_b,match_probability");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        rows.Count.ShouldBeInRange(450, 550);
        var aIds = a.Select(r => r.RecId).ToHashSet();
        var bIds = b.Select(r => r.RecId).ToHashSet();
        rows.ShouldAllBe(r => aIds.Contains(r[0]) && bIds.Contains(r[1]) && double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture) >= 0.95);
    }

    [Theory]
    [InlineData("""{"id":"rec_id","fields":[{"column":"surname","kind":"nmae"}]}""", "in.csv")]
    [InlineData("""{"id":"rec_id","fields":[{"column":"postcode","kind":"exact"}]}""", "in.csv")]
    [InlineData("""{"id":"nope","fields":[{"column":"surname","kind":"name"}]}""", "in.csv")]
    [InlineData("""{"id":"rec_id","fields":[{"column":"surname","kind":"name"}]}""", "ragged.csv")]
    [InlineData("""{"id":"rec_id","fields":[{"column":"surname","kind":"name"}]}""", "duplicate-ids.csv")]
    public void A_bad_config_or_input_exits_2_and_writes_nothing(string config, string inputName)
    {
        Write("in.csv", "rec_id,surname\n1,Məmmədov\n2,Mamedov\n");
        Write("ragged.csv", "rec_id,surname\n1,Məmmədov\n2\n");
        Write("duplicate-ids.csv", "rec_id,surname\n1,Məmmədov\n1,Mamedov\n");
        var output = Path.Combine(_dir, "out.csv");
        LinkVerb.Run(["link", "--input", Path.Combine(_dir, inputName), "--config", Write("c.json", config), "--output", output]).ShouldBe(2);
        File.Exists(output).ShouldBeFalse();
    }

    [Theory]
    [InlineData("--threshold", "1.5")]
    [InlineData("--threshold", "abc")]
    [InlineData("--frobnicate", "x")]
    public void Bad_arguments_exit_2(string option, string value) =>
        LinkVerb.Run(["link", "--input", "a.csv", "--config", "c.json", "--output", "o.csv", option, value]).ShouldBe(2);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
