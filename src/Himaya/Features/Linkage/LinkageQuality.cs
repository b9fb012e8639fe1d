using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Linkage;

public sealed record ThresholdQuality(double Threshold, int Pairs, double? Precision, double? Recall, double? F1);
public sealed record QualityReport(int Match, int NotMatch, int Unsure, IReadOnlyList<ThresholdQuality> ByThreshold, int Linked, int Created, int Review, int Rejected);

/// <summary>
/// How good the matching is, judged by people: every pair a reviewer decided is a labelled example with the model's
/// probability at the time. For each threshold: of the decided pairs at or above it, the share that were the same
/// child (precision), and the share of all same-child decisions it would have caught (recall). Only pairs that reached
/// review are labelled, so this measures the band between the thresholds; the generated test sets (bench link) measure
/// the whole range. Counts only, no personal data.
/// </summary>
public sealed class LinkageQuality(AppDbContext db)
{
    public static readonly double[] Thresholds = [0.5, 0.6, 0.7, 0.8, 0.9];

    public async Task<Outcome<QualityReport>> ReportAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<QualityReport>.Forbidden();
        var decided = await db.MatchDecisions.Select(d => new { d.Decision, d.Probability }).ToListAsync(ct);
        var match = decided.Count(d => d.Decision == ReviewDecision.Match);
        var notMatch = decided.Count(d => d.Decision == ReviewDecision.NotMatch);
        var rows = new List<ThresholdQuality>();
        foreach (var t in Thresholds)
        {
            var above = decided.Where(d => d.Decision != ReviewDecision.Unsure && (d.Probability ?? 0) >= t).ToList();
            var correct = above.Count(d => d.Decision == ReviewDecision.Match);
            double? precision = above.Count == 0 ? null : (double)correct / above.Count;
            double? recall = match == 0 ? null : (double)correct / match;
            double? f1 = precision is { } p && recall is { } r && p + r > 0 ? 2 * p * r / (p + r) : null;
            rows.Add(new ThresholdQuality(t, above.Count, precision, recall, f1));
        }
        var totals = await db.ImportBatches.Where(b => b.Status != ImportStatus.RolledBack)
            .GroupBy(_ => 1).Select(g => new { Linked = g.Sum(b => b.Linked), Created = g.Sum(b => b.Created), Review = g.Sum(b => b.Review), Rejected = g.Sum(b => b.Rejected) })
            .FirstOrDefaultAsync(ct);
        return new QualityReport(match, notMatch, decided.Count - match - notMatch, rows, totals?.Linked ?? 0, totals?.Created ?? 0, totals?.Review ?? 0, totals?.Rejected ?? 0);
    }
}
