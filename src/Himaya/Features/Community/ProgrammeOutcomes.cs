using Himaya.Features.Monitoring;
using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Community;

/// <summary>
/// Outcomes of a programme's children over time, by screening instrument: how many were screened, how many again, and
/// how their scores and concerns moved from their first screening to their latest (an aggregate, for whoever sees aggregates).
/// </summary>
public sealed class ProgrammeOutcomes(AppDbContext db, Instruments instruments)
{
    public async Task<Outcome<OutcomesView>> ForAsync(CurrentUser user, int programmeId, string? period, string language, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<OutcomesView>.Forbidden();
        string? canonical = null;
        if (!string.IsNullOrWhiteSpace(period) && (canonical = Programme.Period(period)) is null)
            return new Outcome<OutcomesView>.Invalid(new FieldErrors().Add(CommunityErrors.Period("period")));
        if (!await db.Set<Programme>().AnyAsync(p => p.Id == programmeId, ct)) return new Outcome<OutcomesView>.NotFound();
        var screenings = db.Set<Screening>().Where(s => s.ProgrammeId == programmeId);
        if (canonical is not null)
        {
            var (from, to) = Periods.Span(canonical);
            screenings = screenings.Where(s => s.Date >= from && s.Date <= to);
        }
        // A merged duplicate's screenings are the record's it was merged into.
        var rows = await (from s in screenings
                          join c in db.Children on s.ChildId equals c.Id
                          where c.DeletedAt == null || c.MergedIntoId != null
                          select new { s.Instrument, s.Version, Child = c.MergedIntoId ?? c.Id, s.Date, s.At, s.Score, s.Concern }).ToListAsync(ct);
        var list = rows.GroupBy(r => (r.Instrument, r.Version)).OrderBy(g => g.Key.Instrument, StringComparer.Ordinal).ThenBy(g => g.Key.Version)
            .Select(g => InstrumentOutcome.Of(g.Key.Instrument, g.Key.Version, instruments.Find(g.Key.Instrument, g.Key.Version)?.Title.In(language) ?? g.Key.Instrument,
                g.Select(r => new ScoreOn(r.Child, r.Date, r.At, r.Score, r.Concern))).Suppressed()).ToList();
        return new Outcome<OutcomesView>.Ok(new OutcomesView(programmeId, canonical, list));
    }
}

/// <summary>One screening's result for the outcome figures: whose, when (the day, then the moment it was recorded), the score, a concern.</summary>
public sealed record ScoreOn(Guid Child, DateOnly Date, DateTime At, int Score, bool Concern);

public sealed record OutcomesView(int ProgrammeId, string? Period, IReadOnlyList<InstrumentOutcome> Instruments);

/// <summary>
/// One instrument version's outcomes: children screened, those screened again (<paramref name="Rescreened"/>); for those,
/// the mean score first and latest, how many scored lower or higher the latest time (every instrument here scores a
/// difficulty: lower is better) and how many were at the threshold (a concern) first and latest; and, of all screened,
/// how many are at the threshold at their latest screening. Null: hidden as too few (<see cref="Suppressed"/>).
/// </summary>
public sealed record InstrumentOutcome(string Instrument, int Version, string Title, int? Screened, int? Rescreened, decimal? FirstMean, decimal? LatestMean,
    int? Improved, int? Worsened, int? ConcernFirst, int? ConcernLatest, int? ConcernNow)
{
    /// <summary>
    /// The figures as shown to those who see aggregates: with fewer than <see cref="TableSuppression.MinCell"/> children
    /// screened again, nothing about them (a mean of one child is that child's score); with fewer screened, nothing at all.
    /// </summary>
    public InstrumentOutcome Suppressed()
    {
        static int? Small(int? n) => n is > 0 and < TableSuppression.MinCell ? null : n;
        if (Screened < TableSuppression.MinCell) return new(Instrument, Version, Title, null, null, null, null, null, null, null, null, null);
        if (Rescreened < TableSuppression.MinCell) return this with { Rescreened = null, FirstMean = null, LatestMean = null, Improved = null, Worsened = null, ConcernFirst = null, ConcernLatest = null, ConcernNow = Small(ConcernNow) };
        return this with { Improved = Small(Improved), Worsened = Small(Worsened), ConcernFirst = Small(ConcernFirst), ConcernLatest = Small(ConcernLatest), ConcernNow = Small(ConcernNow) };
    }

    public static InstrumentOutcome Of(string instrument, int version, string title, IEnumerable<ScoreOn> screenings)
    {
        var byChild = screenings.GroupBy(s => s.Child).Select(g => g.OrderBy(s => s.Date).ThenBy(s => s.At).ToList()).ToList();
        var again = byChild.Where(l => l.Count >= 2).Select(l => (First: l[0], Latest: l[^1])).ToList();
        decimal? Mean(Func<(ScoreOn First, ScoreOn Latest), int> score) => again.Count == 0 ? null : Math.Round((decimal)again.Average(score), 1);
        return new InstrumentOutcome(instrument, version, title, byChild.Count, again.Count, Mean(x => x.First.Score), Mean(x => x.Latest.Score),
            again.Count(x => x.Latest.Score < x.First.Score), again.Count(x => x.Latest.Score > x.First.Score),
            again.Count(x => x.First.Concern), again.Count(x => x.Latest.Concern), byChild.Count(l => l[^1].Concern));
    }
}
