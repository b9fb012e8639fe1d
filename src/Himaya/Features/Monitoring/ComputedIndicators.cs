using System.Globalization;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Monitoring;

/// <summary>
/// Stores the indicators Himaya computes from its own records (every registered <see cref="IIndicatorSource"/>) for the
/// current year, for the nation and each district. A district figure with fewer than <see cref="TableSuppression.MinCell"/>
/// children or reports behind it (a count of 1–4 too) is not stored, as in every published table; a place no longer
/// computed loses this year's value rather than keep a stale one. Each indicator's definition says how it is counted.
/// One transaction: the indicators a first run creates, their values and the audit line.
/// </summary>
public sealed class ComputedIndicators(AppDbContext db, AuditLog audit, TimeProvider clock, IEnumerable<IIndicatorSource> sources)
{
    public const string Residential = RegistryCareIndicators.Residential;
    public const string FamilyBasedShare = RegistryCareIndicators.FamilyBasedShare;

    public sealed record Computed(string Code, int Values, string Period);

    /// <summary>An analyst's request (POST /api/v1/indicators/compute, the indicators page).</summary>
    public async Task<Outcome<IReadOnlyList<Computed>>> ComputeAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageIndicators)) return new Outcome<IReadOnlyList<Computed>>.Forbidden();
        return new Outcome<IReadOnlyList<Computed>>.Ok(await RunAsync(user, ct));
    }

    /// <summary>The schedule's run, audited as the system's own (no user).</summary>
    internal async Task<IReadOnlyList<Computed>> ComputeOnScheduleAsync(CancellationToken ct) => await RunAsync(null, ct);

    private async Task<IReadOnlyList<Computed>> RunAsync(CurrentUser? user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var thisYear = now.Year.ToString("0000", CultureInfo.InvariantCulture);
        var computed = new List<SourcedIndicator>();
        foreach (var source in sources) computed.AddRange(await source.ComputeAsync(now, ct));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = new List<Computed>();
        foreach (var c in computed)
        {
            var indicator = await db.Set<Indicator>().FirstOrDefaultAsync(i => i.Code == c.Code, ct);
            if (indicator is null)
            {
                db.Add(indicator = new Indicator
                {
                    Code = c.Code, NameAz = c.Name.Az!, NameEn = c.Name.En!, NameRu = c.Name.Ru!, Unit = c.Unit, Direction = c.Direction,
                    Status = IndicatorStatus.Approved, Source = "Himaya (computed)", CreatedAt = now, UpdatedAt = now,
                });
                await db.SaveChangesAsync(ct);
            }
            // The source's definition is the code's: a source that changes what it reads (a newer run) says so here.
            if (indicator.Definitions != c.Definition)
                (indicator.DefinitionAz, indicator.Definition, indicator.DefinitionRu, indicator.UpdatedAt) = (c.Definition.Az, c.Definition.En, c.Definition.Ru, now);
            var period = c.Period ?? thisYear;
            var kept = c.Values.Where(v => v.Place == IndicatorStore.Nation || v.Behind == 0 || v.Behind >= TableSuppression.MinCell).ToList();
            var existing = await db.Set<IndicatorValue>().Where(v => v.IndicatorId == indicator.Id && v.Period == period && v.Disaggregation == "").ToListAsync(ct);
            db.RemoveRange(existing.Where(v => !kept.Any(x => x.Place == v.Place)));
            foreach (var v in kept)
            {
                if (existing.FirstOrDefault(x => x.Place == v.Place) is { } old) (old.Value, old.UpdatedAt) = (v.Value, now);
                else db.Add(new IndicatorValue { IndicatorId = indicator.Id, Period = period, Place = v.Place, Value = v.Value, UpdatedAt = now });
            }
            result.Add(new Computed(c.Code, kept.Count, period));
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "indicator-values", "compute",
            (user is null ? "scheduled; " : "") + string.Join("; ", result.Select(r => $"{r.Code} {r.Period}: {r.Values} places"))), ct);
        await tx.CommitAsync(ct);
        return result;
    }
}
