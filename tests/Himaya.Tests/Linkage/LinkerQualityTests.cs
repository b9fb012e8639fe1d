using Himaya.Generators;
using Himaya.Features.Linkage;
using Himaya.Linkage.Linking;

namespace Himaya.Tests.Linkage;

/// <summary>The whole engine (training without labels, blocking, scoring, clustering) on small generated sets with known answers.</summary>
public class LinkerQualityTests
{
    internal static readonly LinkConfig Config = LinkConfig.Parse("""
        {"id":"rec_id","fields":[{"column":"given_name","kind":"name"},{"column":"surname","kind":"surname"},
        {"column":"patronymic","kind":"patronymic"},{"column":"sex","kind":"sex"},{"column":"date_of_birth","kind":"date"},
        {"column":"fin","kind":"id"},{"column":"district","kind":"district"}]}
        """).Config!;

    internal static (string, string?[]) Row(TestRecord r) => (r.RecId, [r.GivenName, r.Surname, r.Patronymic, r.Sex, r.DateOfBirth, r.Fin, r.District]);

    [Fact]
    public void Deduplicating_a_generated_set_finds_the_duplicates_without_merging_siblings()
    {
        var rows = LinkageTestSet.Dedup(8_000, 0.2, seed: 11);
        var data = LinkData.FromRecords(Config, rows.Select(Row).ToList());
        var run = Linker.Run(data);
        var clusters = Linker.Clusters(data, run, Config.MatchThreshold);
        var quality = Quality.OfClusters(clusters, rows.Select(r => (string?)r.EntityId).ToArray());
        quality.Precision.ShouldBeGreaterThanOrEqualTo(0.97, quality.ToString());
        quality.Recall.ShouldBeGreaterThanOrEqualTo(0.95, quality.ToString());
    }

    [Fact]
    public void Linking_two_generated_files_pairs_the_shared_children()
    {
        var (a, b) = LinkageTestSet.Link(6_000, 3_000, 0.5, seed: 12);
        var data = LinkData.FromRecords(Config, a.Select(Row).ToList(), b.Select(Row).ToList());
        var run = Linker.Run(data);
        var links = Linker.Links(data, run, Config.MatchThreshold);
        links.ShouldAllBe(l => l.A < data.SizeA && l.B >= data.SizeA && l.P >= Config.MatchThreshold);
        var entityOfA = a.ToDictionary(r => r.EntityId, r => r.RecId);
        var truth = b.Where(r => entityOfA.ContainsKey(r.EntityId)).Select(r => (entityOfA[r.EntityId], r.RecId)).ToList();
        truth.Count.ShouldBe(1_500);
        var quality = Quality.OfPairs(links.Select(l => (data.Ids[l.A], data.Ids[l.B])), truth);
        quality.Precision.ShouldBeGreaterThanOrEqualTo(0.97, quality.ToString());
        quality.Recall.ShouldBeGreaterThanOrEqualTo(0.95, quality.ToString());
    }

    [Fact]
    public void The_trained_model_values_a_shared_birth_date_and_penalises_a_different_one()
    {
        var rows = LinkageTestSet.Dedup(8_000, 0.2, seed: 13);
        var data = LinkData.FromRecords(Config, rows.Select(Row).ToList());
        var model = Linker.Run(data).Model;
        var dob = model.Fields.Single(f => f.Column == "date_of_birth");
        dob.Weight(dob.Top).ShouldBeGreaterThan(8);
        dob.Weight(0).ShouldBeLessThan(-3);
        // A rare surname shared is worth more than the commonest one shared (term-frequency adjustment).
        model.Fields.Single(f => f.Column == "surname").TermFrequency.ShouldBeTrue();
        model.Prior.ShouldBeInRange(1e-6, 1e-3);
    }

    [Fact]
    public void Term_frequency_makes_a_rare_shared_surname_count_more_than_a_common_one()
    {
        var rows = LinkageTestSet.Dedup(8_000, 0.2, seed: 14).ToList();
        var data = LinkData.FromRecords(Config, rows.Select(Row).ToList());
        var model = Linker.Run(data).Model;
        var surname = data.Fields[1];
        // Two records agreeing on surname only (all else missing would be ideal; compare the surname contribution alone).
        var common = Enumerable.Range(0, data.Count).MaxBy(i => surname.ValueId[i] < 0 ? 0 : surname.Count[surname.ValueId[i]]);
        var rare = Enumerable.Range(0, data.Count).Where(i => surname.ValueId[i] >= 0).MinBy(i => surname.Count[surname.ValueId[i]]);
        double Contribution(int i)
        {
            var fw = model.Fields[1];
            return fw.Weight(fw.Top) + Math.Log2(fw.U[fw.Top] / ((double)surname.Count[surname.ValueId[i]] / surname.NonMissing));
        }
        Contribution(rare).ShouldBeGreaterThan(Contribution(common) + 3);
        Span<int> levels = stackalloc int[20];
        model.Score(data, common, common, levels).ShouldBeGreaterThan(0); // the same record agrees with itself on everything
    }
}

public class LinkerDeterminismTests
{
    [Fact]
    public void The_same_input_gives_the_same_model_and_the_same_clusters()
    {
        var rows = LinkageTestSet.Dedup(3_000, 0.2, seed: 15);
        (string Model, string[] Clusters) Once()
        {
            var data = LinkData.FromRecords(LinkerQualityTests.Config, rows.Select(LinkerQualityTests.Row).ToList());
            var run = Linker.Run(data);
            return (System.Text.Json.JsonSerializer.Serialize(run.Model), Linker.Clusters(data, run, 0.9));
        }
        var (m1, c1) = Once();
        var (m2, c2) = Once();
        m2.ShouldBe(m1);
        c2.ShouldBe(c1);
    }
}
