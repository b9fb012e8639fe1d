using System.Globalization;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Monitoring;

/// <summary>
/// Indicators and their values: defined and imported by the people who keep the monitoring data
/// (<see cref="Permission.ManageIndicators"/>), read by everyone who sees aggregates, and, once published, by anyone.
/// Indicator values are aggregates, never a child's record; every write is audited in its transaction.
/// </summary>
public sealed class IndicatorStore(AppDbContext db, AuditLog audit, AdminUnits units, TimeProvider clock)
{
    /// <summary>The nation as SDMX names it (REF_AREA).</summary>
    public const string Nation = "AZE";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public bool IsPlace(string code) => code == Nation || units.Find(code) is not null;

    public async Task<Outcome<IndicatorView>> CreateAsync(CurrentUser user, IndicatorInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageIndicators)) return new Outcome<IndicatorView>.Forbidden();
        var e = new FieldErrors();
        var code = r.Code?.Trim();
        if (!Indicator.IsCode(code)) e.Add(MonitoringErrors.Code());
        else if (await db.Set<Indicator>().AnyAsync(i => i.Code == code, ct)) e.Add(MonitoringErrors.CodeTaken(code!));
        var (dimensions, articles) = Check(e, r);
        if (!e.IsEmpty) return new Outcome<IndicatorView>.Invalid(e);
        var i = new Indicator { Code = code!, NameAz = "", NameEn = "", NameRu = "", Status = r.Status ?? IndicatorStatus.Draft, CreatedAt = Now };
        Apply(i, r, dimensions, articles);
        db.Add(i);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Outcome<IndicatorView>.Invalid(new FieldErrors().Add(MonitoringErrors.CodeTaken(code!)));
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "indicator", i.Code, i.Status.ToString()), ct);
        await tx.CommitAsync(ct);
        return View(i, 0);
    }

    /// <summary>
    /// Replaces an indicator's names, definition and metadata, and moves its status one step (approve, publish, withdraw),
    /// against the version the editor read. Its code and values stay.
    /// </summary>
    public async Task<Outcome<IndicatorView>> UpdateAsync(CurrentUser user, string code, IndicatorInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageIndicators)) return new Outcome<IndicatorView>.Forbidden();
        var i = await db.Set<Indicator>().FirstOrDefaultAsync(x => x.Code == code, ct);
        if (i is null) return new Outcome<IndicatorView>.NotFound();
        var e = new FieldErrors();
        if (r.Code is not null && r.Code.Trim() != code) e.Add(MonitoringErrors.CodeFixed());
        if (r.Version is null) e.Add(PlatformErrors.Required("version"));
        var (dimensions, articles) = Check(e, r);
        var status = r.Status ?? i.Status;
        if (!Indicator.CanMove(i.Status, status)) e.Add(MonitoringErrors.StatusStep(i.Status.ToString(), status.ToString()));
        if (!e.IsEmpty) return new Outcome<IndicatorView>.Invalid(e);
        var count = await db.Set<IndicatorValue>().CountAsync(v => v.IndicatorId == i.Id, ct);
        if (r.Version != i.Version) return Outcome<IndicatorView>.Refused(MonitoringErrors.ChangedSince(r.Version!.Value, i.Version), View(i, count));
        var was = i.Status;
        Apply(i, r, dimensions, articles);
        i.Status = status;
        i.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<IndicatorView>.Refused(MonitoringErrors.ChangedSince(r.Version!.Value, r.Version.Value + 1));
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "indicator", i.Code, was == status ? "metadata" : $"{was} -> {status}"), ct);
        await tx.CommitAsync(ct);
        return View(i, count);
    }

    /// <summary>One value entered by hand (the import's rules: a known place, a canonical period, breakdowns by the known dimensions).</summary>
    public async Task<Outcome<ValuesView>> EnterValueAsync(CurrentUser user, string code, ValueInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageIndicators)) return new Outcome<ValuesView>.Forbidden();
        var indicator = await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (indicator is null) return new Outcome<ValuesView>.NotFound();
        var e = new FieldErrors();
        var period = Periods.FromSdmx(r.Period);
        if (period is null) e.Add(MonitoringErrors.Period());
        var place = r.Place?.Trim();
        if (string.IsNullOrEmpty(place)) e.Add(PlatformErrors.Required("place"));
        else if (!IsPlace(place)) e.Add(MonitoringErrors.UnknownPlace(place));
        // Dimension names as SDMX writes them (SEX), whatever case a JSON client's naming policy gave them.
        var parts = (r.Disaggregation ?? new Dictionary<string, string>()).Where(p => p.Value is { Length: > 0 } && p.Value != "_T")
            .Select(p => KeyValuePair.Create(p.Key.ToUpperInvariant(), p.Value)).ToList();
        foreach (var (dim, value) in parts)
            if (!Disaggregations.Dimensions.Contains(dim) || !Disaggregations.IsValue(value)) e.Add(MonitoringErrors.DimensionValue(dim));
        if (r.Value is null) e.Add(PlatformErrors.Required("value"));
        var obs = string.IsNullOrWhiteSpace(r.ObsStatus) ? null : r.ObsStatus.Trim();
        if (obs is { Length: > 8 } || (obs is not null && !obs.All(char.IsAsciiLetterUpper))) e.Add(MonitoringErrors.ObsStatus());
        if (!e.IsEmpty) return new Outcome<ValuesView>.Invalid(e);
        var key = Disaggregations.Key(parts);
        var v = await db.Set<IndicatorValue>().FirstOrDefaultAsync(x => x.IndicatorId == indicator.Id && x.Period == period && x.Place == place && x.Disaggregation == key, ct);
        if (v is null) db.Add(new IndicatorValue { IndicatorId = indicator.Id, Period = period!, Place = place!, Disaggregation = key, Value = r.Value!.Value, ObsStatus = obs, UpdatedAt = Now });
        else (v.Value, v.ObsStatus, v.UpdatedAt) = (r.Value!.Value, obs, Now);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            var detail = string.Create(CultureInfo.InvariantCulture, $"entered {place} {period}{(key.Length > 0 ? " " + key : "")}: {Numbers.Format(r.Value!.Value)}");
            await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "indicator-values", indicator.Code, detail), ct);
            await tx.CommitAsync(ct);
        }
        return await ValuesAsync(user, code, place, null, null, ct);
    }

    /// <summary>The checks a definition and an edit share; answers the breakdowns and CRC articles as they will be kept.</summary>
    private static (string Dimensions, string? Articles) Check(FieldErrors e, IndicatorInput r)
    {
        IndicatorNames.Check(e, r.Name, "name", MonitoringErrors.NameRequired, 300);
        if (r.Unit is null) e.Add(PlatformErrors.Required("unit"));
        if (r.Direction is null) e.Add(PlatformErrors.Required("direction"));
        if (r.Definition is { Length: > 4000 }) e.Add(PlatformErrors.TooLong("definition", 4000));
        foreach (var (language, text) in new[] { ("az", r.Definitions?.Az), ("en", r.Definitions?.En), ("ru", r.Definitions?.Ru) })
            e.Text("definitions." + language, text, 4000, required: false);
        if (r.Source is { Length: > 300 }) e.Add(PlatformErrors.TooLong("source", 300));
        if (r.Numerator is { Length: > 1000 }) e.Add(PlatformErrors.TooLong("numerator", 1000));
        if (r.Denominator is { Length: > 1000 }) e.Add(PlatformErrors.TooLong("denominator", 1000));
        var dims = (r.Disaggregations ?? []).Select(d => d?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        foreach (var d in dims.Where(d => !Disaggregations.Dimensions.Contains(d))) e.Add(MonitoringErrors.Dimension(d));
        var sdg = Clean(r.SdgTarget);
        if (sdg is not null && !Indicator.IsSdgTarget(sdg)) e.Add(MonitoringErrors.SdgTarget());
        var articles = Indicator.CrcArticleList(r.CrcArticles);
        if (articles is null) e.Add(MonitoringErrors.CrcArticles());
        return (string.Join(';', Disaggregations.Dimensions.Where(dims.Contains)), articles is { Count: > 0 } ? string.Join(';', articles) : null);
    }

    private void Apply(Indicator i, IndicatorInput r, string dimensions, string? articles)
    {
        (i.NameAz, i.NameEn, i.NameRu) = (r.Name!.Az!.Trim(), r.Name.En!.Trim(), r.Name.Ru!.Trim());
        // "definitions" gives it in each language; "definition" alone is the English, as before.
        (i.Unit, i.Direction, i.Source) = (r.Unit!.Value, r.Direction!.Value, Clean(r.Source));
        (i.DefinitionAz, i.Definition, i.DefinitionRu) = (Clean(r.Definitions?.Az), Clean(r.Definitions?.En) ?? Clean(r.Definition), Clean(r.Definitions?.Ru));
        (i.Numerator, i.Denominator, i.Dimensions, i.SdgTarget, i.CrcArticles) = (Clean(r.Numerator), Clean(r.Denominator), dimensions, Clean(r.SdgTarget), articles);
        i.UpdatedAt = Now;
    }

    public async Task<Outcome<IReadOnlyList<IndicatorView>>> ListAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<IReadOnlyList<IndicatorView>>.Forbidden();
        var rows = await db.Set<Indicator>().AsNoTracking().OrderBy(i => i.Code)
            .Select(i => new { I = i, N = db.Set<IndicatorValue>().Count(v => v.IndicatorId == i.Id) }).ToListAsync(ct);
        return rows.Select(x => View(x.I, x.N)).ToList();
    }

    /// <summary>
    /// The nation's picture for every indicator at once (the list's columns): its latest total, its next target after that,
    /// and whether it is on track, from two queries whatever the number of indicators.
    /// </summary>
    public Task<IReadOnlyDictionary<string, NationalPicture>> NationalAsync(CancellationToken ct) => PictureAsync(Nation, ct);

    /// <summary>The same picture for one place (a district's dashboard, the report pack): its own values and its own targets.</summary>
    public async Task<IReadOnlyDictionary<string, NationalPicture>> PictureAsync(string place, CancellationToken ct)
    {
        var totals = (await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.Place == place)
            .Select(v => new { v.IndicatorId, v.Period, v.Value, v.Disaggregation }).ToListAsync(ct)).Where(v => Disaggregations.IsTotal(v.Disaggregation)).ToList();
        var marks = await db.Set<IndicatorMark>().AsNoTracking().Where(m => m.Place == place).ToListAsync(ct);
        var indicators = await db.Set<Indicator>().AsNoTracking().Select(i => new { i.Id, i.Code, i.Direction }).ToListAsync(ct);
        var empty = new Dictionary<string, string>();
        var result = new Dictionary<string, NationalPicture>(StringComparer.Ordinal);
        foreach (var i in indicators)
        {
            var last = totals.Where(v => v.IndicatorId == i.Id).MaxBy(v => (Periods.Span(v.Period).To, v.Period.Length));
            if (last is null) continue;
            var latest = new ValueView(last.Period, place, Numbers.Plain(last.Value), empty, null);
            var own = marks.Where(m => m.IndicatorId == i.Id).Select(m => new MarkView(m.Kind, m.Place, m.Period, Numbers.Plain(m.Value))).ToList();
            var end = Periods.Span(last.Period).To;
            var target = own.Where(m => m.Kind == MarkKind.Target && Periods.Span(m.Period).To > end).MinBy(m => Periods.Span(m.Period).To);
            var baseline = own.Where(m => m.Kind == MarkKind.Baseline && Periods.Span(m.Period).To <= end).MaxBy(m => Periods.Span(m.Period).To);
            result[i.Code] = new NationalPicture(latest, target, target is null ? null : Trajectory.Assess(baseline, target, latest, i.Direction).Status);
        }
        return result;
    }

    /// <summary>One indicator as the list shows it, for whoever sees aggregates.</summary>
    public async Task<Outcome<IndicatorView>> GetAsync(CurrentUser user, string code, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<IndicatorView>.Forbidden();
        var row = await db.Set<Indicator>().AsNoTracking().Where(i => i.Code == code)
            .Select(i => new { I = i, N = db.Set<IndicatorValue>().Count(v => v.IndicatorId == i.Id) }).FirstOrDefaultAsync(ct);
        return row is null ? new Outcome<IndicatorView>.NotFound() : View(row.I, row.N);
    }

    /// <summary>
    /// Reads observations into their indicators: every line checked first (indicator and place known), then the good
    /// ones written in one transaction, a value already held for the same period, place and breakdown replaced.
    /// </summary>
    public async Task<Outcome<ImportResult>> ImportAsync(CurrentUser user, ParsedFile file, string format, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageIndicators)) return new Outcome<ImportResult>.Forbidden();
        if (file.Malformed is { } why) return new Outcome<ImportResult>.Invalid(new FieldErrors().Add(MonitoringErrors.FileUnreadable(why)));
        var codes = file.Rows.Select(r => r.Indicator).Distinct().ToList();
        var indicators = await db.Set<Indicator>().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var rejected = file.Rejected.ToList();
        var good = new List<(Observation Row, int IndicatorId, string Key)>();
        foreach (var row in file.Rows)
        {
            if (!indicators.TryGetValue(row.Indicator, out var id)) rejected.Add(new(row.Line, $"Unknown indicator '{row.Indicator}': define it first."));
            else if (!IsPlace(row.Place)) rejected.Add(new(row.Line, $"Unknown place '{row.Place}': AZE or an administrative unit's code."));
            else good.Add((row, id, Disaggregations.Key(row.Disaggregation)));
        }
        // The same observation twice in one file: the later line wins, as it would in two files.
        var distinct = good.GroupBy(g => (g.IndicatorId, g.Row.Period, g.Row.Place, g.Key)).Select(g => g.Last()).ToList();
        var ids = distinct.Select(d => d.IndicatorId).Distinct().ToList();
        var periods = distinct.Select(d => d.Row.Period).Distinct().ToList();
        var existing = (await db.Set<IndicatorValue>().Where(v => ids.Contains(v.IndicatorId) && periods.Contains(v.Period)).ToListAsync(ct))
            .ToDictionary(v => (v.IndicatorId, v.Period, v.Place, v.Disaggregation));
        int imported = 0, updated = 0;
        foreach (var (row, id, key) in distinct)
        {
            if (existing.TryGetValue((id, row.Period, row.Place, key), out var v))
            {
                if (v.Value != row.Value || v.ObsStatus != row.ObsStatus) { v.Value = row.Value; v.ObsStatus = row.ObsStatus; v.UpdatedAt = Now; }
                updated++;
            }
            else
            {
                db.Add(new IndicatorValue { IndicatorId = id, Period = row.Period, Place = row.Place, Disaggregation = key, Value = row.Value, ObsStatus = row.ObsStatus, UpdatedAt = Now });
                imported++;
            }
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var detail = string.Create(CultureInfo.InvariantCulture, $"{format}: {imported} new, {updated} replaced, {rejected.Count} lines left out; {string.Join(",", codes.Where(indicators.ContainsKey))}");
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Import, "indicator-values", "import", detail), ct);
        await tx.CommitAsync(ct);
        return new ImportResult(imported, updated, [.. rejected.OrderBy(r => r.Line)]);
    }

    /// <summary>An indicator's values, by place and year range; the public see published indicators only (others: 404).</summary>
    public async Task<Outcome<ValuesView>> ValuesAsync(CurrentUser? user, string code, string? place, int? from, int? to, CancellationToken ct)
    {
        if (user is not null && !user.Can(Permission.ViewAggregates)) return new Outcome<ValuesView>.Forbidden();
        var e = new FieldErrors();
        if (place is not null && !IsPlace(place)) e.Add(MonitoringErrors.UnknownPlace(place));
        if (from is { } f && to is { } t && t < f) e.Add(MonitoringErrors.YearRange());
        if (!e.IsEmpty) return new Outcome<ValuesView>.Invalid(e);
        var indicator = await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (indicator is null || (user is null && indicator.Status != IndicatorStatus.Published)) return new Outcome<ValuesView>.NotFound();
        var rows = await Values(indicator.Id, place).ToListAsync(ct);
        var values = rows.Where(v => (from is null || Periods.Year(v.Period) >= from) && (to is null || Periods.Year(v.Period) <= to))
            .Select(v => new ValueView(v.Period, v.Place, Numbers.Plain(v.Value), Disaggregations.Parse(v.Disaggregation), v.ObsStatus)).ToList();
        var marks = await db.Set<IndicatorMark>().AsNoTracking().Where(m => m.IndicatorId == indicator.Id && (place == null || m.Place == place)).ToListAsync(ct);
        var targets = marks.OrderBy(m => m.Place, StringComparer.Ordinal).ThenBy(m => m.Kind).ThenBy(m => m.Period, StringComparer.Ordinal)
            .Select(m => new MarkView(m.Kind, m.Place, m.Period, Numbers.Plain(m.Value))).ToList();
        return new ValuesView(indicator.Code, values, targets);
    }

    /// <summary>Sets a baseline or target (replacing one of the same kind, place and period); answers with every mark of the indicator.</summary>
    public async Task<Outcome<IReadOnlyList<MarkView>>> SetMarkAsync(CurrentUser user, string code, MarkInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageIndicators)) return new Outcome<IReadOnlyList<MarkView>>.Forbidden();
        var indicator = await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (indicator is null) return new Outcome<IReadOnlyList<MarkView>>.NotFound();
        var e = new FieldErrors();
        if (r.Kind is null) e.Add(PlatformErrors.Required("kind"));
        if (r.Place is null) e.Add(PlatformErrors.Required("place"));
        else if (!IsPlace(r.Place)) e.Add(MonitoringErrors.UnknownPlace(r.Place));
        var period = Periods.FromSdmx(r.Period);
        if (period is null) e.Add(MonitoringErrors.Period());
        if (r.Value is null) e.Add(PlatformErrors.Required("value"));
        if (!e.IsEmpty) return new Outcome<IReadOnlyList<MarkView>>.Invalid(e);
        var mark = await db.Set<IndicatorMark>().FirstOrDefaultAsync(m => m.IndicatorId == indicator.Id && m.Kind == r.Kind && m.Place == r.Place && m.Period == period, ct);
        if (mark is null) db.Add(mark = new IndicatorMark { IndicatorId = indicator.Id, Kind = r.Kind!.Value, Place = r.Place!, Period = period!, Value = r.Value!.Value, UpdatedAt = Now });
        else (mark.Value, mark.UpdatedAt) = (r.Value!.Value, Now);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            var detail = string.Create(CultureInfo.InvariantCulture, $"{mark.Kind} {mark.Place} {mark.Period}: {Numbers.Format(mark.Value)}");
            await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "indicator", indicator.Code, detail), ct);
            await tx.CommitAsync(ct);
        }
        var all = await db.Set<IndicatorMark>().AsNoTracking().Where(m => m.IndicatorId == indicator.Id).ToListAsync(ct);
        return all.OrderBy(m => m.Place, StringComparer.Ordinal).ThenBy(m => m.Kind).ThenBy(m => m.Period, StringComparer.Ordinal)
            .Select(m => new MarkView(m.Kind, m.Place, m.Period, Numbers.Plain(m.Value))).ToList();
    }

    /// <summary>The indicator with all its values, for an exchange file; null when there is no such indicator.</summary>
    public async Task<(Indicator Indicator, List<IndicatorValue> Values)?> ExportAsync(string code, CancellationToken ct)
    {
        var indicator = await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (indicator is null) return null;
        return (indicator, await Values(indicator.Id, null).ToListAsync(ct));
    }

    public Task RecordExportAsync(CurrentUser user, string code, string format, int count, CancellationToken ct) =>
        audit.RecordAsync(user, new AuditEvent(AuditActions.Read, "indicator-values", code, string.Create(CultureInfo.InvariantCulture, $"{format} export, {count} values")), ct);

    private IQueryable<IndicatorValue> Values(int indicatorId, string? place) =>
        db.Set<IndicatorValue>().AsNoTracking().Where(v => v.IndicatorId == indicatorId && (place == null || v.Place == place))
            .OrderBy(v => v.Place).ThenBy(v => v.Period).ThenBy(v => v.Disaggregation);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IndicatorView View(Indicator i, int values) =>
        new(i.Id, i.Code, new IndicatorNames(i.NameAz, i.NameEn, i.NameRu), i.Unit, i.Direction, i.Definition, i.Source, i.Status, values, i.Numerator,
            i.Denominator, i.Dimensions.Length == 0 ? [] : i.Dimensions.Split(';'), i.SdgTarget,
            i.Articles, i.Version, i.Definitions);
}
