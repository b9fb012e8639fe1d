using System.Text;
using Himaya.Bench;
using Himaya.Generators;
using Himaya.Tests.Generators;

namespace Himaya.Tests.Bench;

/// <summary>`himaya-bench link-testset`: its arguments, and the files it writes (the sets themselves: Generators/LinkageTestSetTests).</summary>
public sealed class LinkTestSetVerbTests
{
    [Theory]
    [InlineData(new[] { "link-testset", "--records", "1000", "--output", "x.csv" }, 1000, null, 0.2, 0.5, 1)]
    [InlineData(new[] { "link-testset", "--records=1_000_000", "--duplicates=0.35", "--seed=-3", "--output=x.csv", "--labels=l.csv" }, 1_000_000, null, 0.35, 0.5, -3)]
    [InlineData(new[] { "link-testset", "--records", "500", "--records2", "300", "--overlap", "0.9", "--output", "a.csv", "--output2", "b.csv" }, 500, 300, 0.2, 0.9, 1)]
    public void Valid_verb_arguments_are_parsed(string[] args, int records, int? records2, double duplicates, double overlap, int seed)
    {
        var (parsed, error) = LinkTestSetVerb.Parse(args);
        error.ShouldBeNull();
        parsed.ShouldNotBeNull();
        (parsed.Records, parsed.Records2, parsed.Duplicates, parsed.Overlap, parsed.Seed).ShouldBe((records, records2, duplicates, overlap, seed));
    }

    [Theory]
    [InlineData(new[] { "link-testset", "--output", "x.csv" }, "--records N is required")]
    [InlineData(new[] { "link-testset", "--records", "0", "--output", "x.csv" }, "positive integer")]
    [InlineData(new[] { "link-testset", "--records", "ten", "--output", "x.csv" }, "positive integer")]
    [InlineData(new[] { "link-testset", "--records", "10" }, "--output FILE is required")]
    [InlineData(new[] { "link-testset", "--records", "10", "--duplicates", "0.7", "--output", "x.csv" }, "--duplicates must be a fraction from 0 to 0.5")]
    [InlineData(new[] { "link-testset", "--records", "10", "--duplicates", "-0.1", "--output", "x.csv" }, "--duplicates must be a fraction")]
    [InlineData(new[] { "link-testset", "--records", "10", "--overlap", "0.5", "--output", "x.csv" }, "--overlap needs --records2")]
    [InlineData(new[] { "link-testset", "--records", "10", "--records2", "10", "--output", "a.csv" }, "--output2 FILE is required")]
    [InlineData(new[] { "link-testset", "--records", "10", "--records2", "10", "--duplicates", "0.1", "--output", "a.csv", "--output2", "b.csv" }, "--duplicates is for a single file")]
    [InlineData(new[] { "link-testset", "--records", "10", "--records2", "30", "--overlap", "0.5", "--output", "a.csv", "--output2", "b.csv" }, "makes 15 copies of distinct A rows")]
    [InlineData(new[] { "link-testset", "--records", "10", "--output", "x.csv", "--labels", "x.csv" }, "must be different files")]
    [InlineData(new[] { "link-testset", "--records", "10", "--output", "x.csv", "--output2", "y.csv" }, "--output2 needs --records2")]
    [InlineData(new[] { "link-testset", "--records", "10", "--seed", "1.5", "--output", "x.csv" }, "--seed must be an integer")]
    [InlineData(new[] { "link-testset", "--records", "10", "--records", "20", "--output", "x.csv" }, "given twice")]
    [InlineData(new[] { "link-testset", "--records", "10", "--output", "x.csv", "--verbose" }, "unknown argument '--verbose'")]
    [InlineData(new[] { "link-testset", "--records", "10", "--output" }, "--output needs a value")]
    public void Bad_verb_arguments_are_refused_with_a_clear_message(string[] args, string message)
    {
        var (parsed, error) = LinkTestSetVerb.Parse(args);
        parsed.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(message);
        LinkTestSetVerb.Run(args).ShouldBe(2);
    }

    [Fact]
    public void The_verb_writes_the_files_and_labels_for_both_modes()
    {
        var dir = Path.Combine(Path.GetTempPath(), "himaya-testset-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            string P(string f) => Path.Combine(dir, f);
            LinkTestSetVerb.Run(["link-testset", "--records", "1,000", "--duplicates", "0.3", "--seed", "4", "--output", P("d.csv"), "--labels", P("dl.csv")]).ShouldBe(0);
            var data = File.ReadAllText(P("d.csv"), Encoding.UTF8);
            data.ShouldBe(LinkageTestSetTests.Csv(LinkageTestSet.Dedup(1_000, 0.3, 4)));
            File.ReadAllBytes(P("d.csv"))[0].ShouldBe((byte)'r'); // no byte-order mark
            File.ReadAllLines(P("dl.csv")).Length.ShouldBe(1_001);

            LinkTestSetVerb.Run(["link-testset", "--records", "800", "--records2", "600", "--overlap", "0.25", "--output", P("a.csv"), "--output2", P("b.csv"), "--labels", P("l.csv")]).ShouldBe(0);
            File.ReadAllLines(P("a.csv")).Length.ShouldBe(801);
            File.ReadAllLines(P("b.csv")).Length.ShouldBe(601);
            var labels = File.ReadAllLines(P("l.csv"));
            labels.Length.ShouldBe(1 + 800 + 600);
            labels.Skip(1).Select(l => l.Split(',')[1]).GroupBy(e => e).Count(g => g.Count() == 2).ShouldBe(150);

            LinkTestSetVerb.Run(["link-testset", "--records", "10", "--output", Path.Combine(dir, "missing", "x.csv")]).ShouldBe(1);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
