using System.Globalization;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Monitoring;

/// <summary>One indicator's line in the report pack: where it stands at the place, against its baseline and next target.</summary>
public sealed record ReportLine(string Code, IndicatorNames Name, IndicatorUnit Unit, IndicatorDirection Direction, IndicatorStatus Status, string? SdgTarget,
    IReadOnlyList<int> CrcArticles, IndicatorNames Definition, string? Source, ValueView? Latest, MarkView? NextTarget, TrackStatus? Track, ValueView? National);

/// <summary>A group of lines: a CRC cluster (its key) or an SDG (its number); "none" for indicators linked to neither.</summary>
public sealed record ReportSection(string Key, IReadOnlyList<ReportLine> Lines);

/// <summary>The CRC / SDG report pack for a place: every approved or published indicator once under each framework.</summary>
public sealed record ReportPackView(string Place, DateTime At, IReadOnlyList<ReportSection> Crc, IReadOnlyList<ReportSection> Sdg);

/// <summary>
/// Builds the report pack the partners take to the Committee on the Rights of the Child and to the SDG reviews: the
/// indicators grouped by the Committee's clusters and by goal, each with its latest value, target and whether it is on
/// track, at the nation or one place. Drafts are left out; aggregates only.
/// </summary>
public sealed class ReportPack(AppDbContext db, IndicatorStore store, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ReportPackView>> BuildAsync(CurrentUser user, string? place, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<ReportPackView>.Forbidden();
        var at = string.IsNullOrWhiteSpace(place) ? IndicatorStore.Nation : place.Trim();
        if (!store.IsPlace(at)) return new Outcome<ReportPackView>.Invalid(new FieldErrors().Add(MonitoringErrors.UnknownPlace(at)));
        var picture = await store.PictureAsync(at, ct);
        // A district's pack doubles as its dashboard: each line beside the nation's latest figure.
        var nation = at == IndicatorStore.Nation ? null : await store.NationalAsync(ct);
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.Status != IndicatorStatus.Draft).OrderBy(i => i.Code).ToListAsync(ct);
        var lines = indicators.Select(i =>
        {
            var p = picture.GetValueOrDefault(i.Code);
            return new ReportLine(i.Code, new IndicatorNames(i.NameAz, i.NameEn, i.NameRu), i.Unit, i.Direction, i.Status, i.SdgTarget, i.Articles,
                i.Definitions, i.Source, p?.Latest, p?.NextTarget, p?.Track, nation?.GetValueOrDefault(i.Code)?.Latest);
        }).ToList();
        var crc = CrcClusters.All.Select(c => c.Key).Append(CrcClusters.None)
            .Select(k => new ReportSection(k, [.. lines.Where(l => CrcClusters.Of(l.CrcArticles) == k)])).Where(s => s.Lines.Count > 0).ToList();
        var sdg = lines.GroupBy(l => CrcClusters.Goal(l.SdgTarget))
            .OrderBy(g => g.Key == CrcClusters.None ? int.MaxValue : int.Parse(g.Key, CultureInfo.InvariantCulture))
            .Select(g => new ReportSection(g.Key, [.. g.OrderBy(l => l.SdgTarget, StringComparer.Ordinal).ThenBy(l => l.Code, StringComparer.Ordinal)])).ToList();
        return new ReportPackView(at, clock.GetUtcNow().UtcDateTime, crc, sdg);
    }

    /// <summary>A download of the pack (PDF, CSV or XLSX) is recorded like every export.</summary>
    public Task RecordExportAsync(CurrentUser user, string place, string format, CancellationToken ct) =>
        audit.RecordAsync(user, new AuditEvent(AuditActions.Export, "report-pack", place, format), ct);
}
