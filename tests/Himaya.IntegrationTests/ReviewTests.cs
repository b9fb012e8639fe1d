using Himaya.Features.Registry;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Himaya.Features.Linkage;
using Microsoft.EntityFrameworkCore;

namespace Himaya.IntegrationTests;

public sealed class ReviewsOnSqlite(SqliteApp app) : ReviewTests(app), IClassFixture<SqliteApp>;
public sealed class ReviewsOnPostgres(PostgresApp app) : ReviewTests(app), IClassFixture<PostgresApp>;

/// <summary>Pairs between the thresholds wait for a person: shown side by side within scope, decided once, and the decision applied.</summary>
public abstract class ReviewTests(HimayaApp app)
{
    /// <summary>Imports two rows, then puts both in the review queue against the given child (which probabilities land there is the model's business; the queue's is what follows).</summary>
    private async Task<long[]> TwoForReviewAsync(HttpClient ganja, string tag, Guid candidate)
    {
        var content = ImportTests.Csv(
            $"1,Baxışlı{tag},Elnur,Vasif oğlu,M,{DateTime.UtcNow.AddYears(-9):21.MM.yyyy},,C-GAN",
            $"2,Baxışlı{tag},Elnur,,M,{DateTime.UtcNow.AddYears(-9):12.MM.yyyy},,C-GAN");
        var res = await ganja.PostAsJsonAsync("/api/v1/imports", new { source = "Review source " + tag, fileName = "rv.csv", content, mapping = ImportTests.Mapping });
        var batchId = Guid.Parse((await res.JsonAsync()).GetProperty("id").GetString()!);
        await using var db = app.NewDbContext();
        var records = await db.SourceRecords.Where(r => r.BatchId == batchId).OrderBy(r => r.RowNumber).ToListAsync();
        foreach (var r in records)
        {
            if (r.ChildId is { } made && r.Outcome == SourceOutcome.Created)
                await db.Children.Where(c => c.Id == made).ExecuteUpdateAsync(s => s.SetProperty(c => c.DeletedAt, DateTime.UtcNow));
            (r.Outcome, r.ChildId, r.CandidateId, r.Probability) = (SourceOutcome.Review, null, candidate, 0.7);
        }
        var batch = await db.ImportBatches.SingleAsync(b => b.Id == batchId);
        (batch.Linked, batch.Created, batch.Review) = (0, 0, 2);
        await db.SaveChangesAsync();
        return [.. records.Select(r => r.Id)];
    }

    [Fact]
    public async Task A_reviewer_sees_the_pair_side_by_side_and_each_decision_is_applied_once()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var tag = new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + (c % 20))).ToArray());
        var existing = TestData.Child(district: "C-GAN", surname: "Baxışov" + tag, givenName: "Elnur");
        existing["birthDate"] = DateTime.UtcNow.AddYears(-9).ToString("yyyy-MM-21");
        var childId = Guid.Parse((await TestData.CreateChildAsync(ganja, existing)).GetProperty("id").GetString()!);
        var ids = await TwoForReviewAsync(ganja, tag, childId);

        var queue = await (await ganja.GetAsync("/api/v1/reviews")).JsonAsync();
        var item = queue.EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == ids[0]);
        var fields = item.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!, f => f.GetProperty("agreement").GetString());
        fields["givenName"].ShouldBe("same");
        fields["surname"].ShouldBe("similar"); // Baxışlı / Baxışov: same stem
        fields["birthDate"].ShouldBe("same");
        fields["fin"].ShouldBe("missing");
        item.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "surname").GetProperty("registered").GetString().ShouldBe("Baxışov" + tag);

        // Out of scope: not in Shirvan's queue, and Shirvan cannot decide it.
        var shirvan = await app.ClientForAsync("worker.shirvan");
        (await (await shirvan.GetAsync("/api/v1/reviews")).JsonAsync()).EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetInt64() == ids[0]);
        (await shirvan.PostAsJsonAsync("/api/v1/reviews/decision", new { sourceRecordId = ids[0], decision = "Match" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The first is the same child; the second is not (a cousin with the same name): it becomes a new child.
        (await ganja.PostAsJsonAsync("/api/v1/reviews/decision", new { sourceRecordId = ids[0], decision = "Match" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ganja.PostAsJsonAsync("/api/v1/reviews/decision", new { sourceRecordId = ids[1], decision = "NotMatch" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = app.NewDbContext())
        {
            var first = await db.SourceRecords.SingleAsync(r => r.Id == ids[0]);
            (first.Outcome, first.ChildId).ShouldBe((SourceOutcome.Linked, (Guid?)childId));
            var second = await db.SourceRecords.SingleAsync(r => r.Id == ids[1]);
            second.Outcome.ShouldBe(SourceOutcome.Created);
            second.ChildId.ShouldNotBe(childId);
            (await db.Children.SingleAsync(c => c.Id == second.ChildId)).Surname.ShouldBe("Baxışlı" + tag);
            (await db.MatchDecisions.Where(d => ids.Contains(d.SourceRecordId)).Select(d => d.Decision).OrderBy(d => d).ToListAsync())
                .ShouldBe([ReviewDecision.Match, ReviewDecision.NotMatch]);
            var batch = await db.ImportBatches.SingleAsync(b => b.Id == first.BatchId);
            (batch.Linked, batch.Created, batch.Review).ShouldBe((1, 1, 0));
        }
        // Decided pairs leave the queue and cannot be decided twice.
        (await (await ganja.GetAsync("/api/v1/reviews")).JsonAsync()).EnumerateArray().ShouldNotContain(i => ids.Contains(i.GetProperty("id").GetInt64()));
        (await ganja.PostAsJsonAsync("/api/v1/reviews/decision", new { sourceRecordId = ids[1], decision = "Match" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The decisions are the labelled sample: an analyst (no personal data) sees precision by threshold.
        var quality = await (await (await app.ClientForAsync("analyst")).GetAsync("/api/v1/linkage/quality")).JsonAsync();
        quality.GetProperty("match").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        quality.GetProperty("notMatch").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var atHalf = quality.GetProperty("byThreshold").EnumerateArray().First();
        atHalf.GetProperty("threshold").GetDouble().ShouldBe(0.5);
        atHalf.GetProperty("pairs").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        atHalf.GetProperty("precision").GetDouble().ShouldBeInRange(0.0, 1.0);
        quality.GetProperty("linked").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Theory]
    [InlineData("{}", "sourceRecordId")]
    [InlineData("""{"sourceRecordId":1}""", "decision")]
    [InlineData("""{"sourceRecordId":1,"decision":"Maybe"}""", "decision")]
    public async Task A_bad_decision_is_refused_naming_the_field(string json, string field)
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var res = await ganja.PostAsync("/api/v1/reviews/decision", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await res.JsonAsync()).ErrorFields().ShouldContain(field);
    }
}
