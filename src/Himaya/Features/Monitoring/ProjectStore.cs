using System.Globalization;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Monitoring;

/// <summary>
/// Projects and their results frameworks: defined, given targets and reported on by the people who keep the monitoring
/// data (<see cref="Permission.ManageIndicators"/>), read by everyone who sees aggregates. Counts of children reached,
/// never a child; every write is audited in its transaction.
/// </summary>
public sealed class ProjectStore(AppDbContext db, AuditLog audit, AdminUnits units, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<ProjectSummary>> CreateAsync(CurrentUser user, ProjectInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageIndicators)) return new Outcome<ProjectSummary>.Forbidden();
        var e = new FieldErrors();
        var code = r.Code?.Trim();
        if (!Indicator.IsCode(code)) e.Add(MonitoringErrors.Code());
        else if (await db.Set<Project>().AnyAsync(p => p.Code == code, ct)) e.Add(MonitoringErrors.CodeTaken(code!));
        IndicatorNames.Check(e, r.Name, "name", MonitoringErrors.NameRequired, 300);
        if (string.IsNullOrWhiteSpace(r.Funder)) e.Add(PlatformErrors.Required("funder"));
        else if (r.Funder.Trim().Length > 200) e.Add(PlatformErrors.TooLong("funder", 200));
        var currency = string.IsNullOrWhiteSpace(r.Currency) ? "EUR" : r.Currency.Trim();
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)) e.Add(MonitoringErrors.Currency());
        foreach (var refusal in Project.Check(r.Budget, r.FunderShare, r.Start, r.End)) e.Add(refusal);
        var districts = (r.Districts ?? []).Select(d => d?.Trim() ?? "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var d in districts)
            if (units.Find(d) is not { IsLeafDistrict: true }) e.Add(PlatformErrors.UnknownDistrict("districts"));
        if (!e.IsEmpty) return new Outcome<ProjectSummary>.Invalid(e);
        var p = new Project
        {
            Code = code!, NameAz = r.Name!.Az!.Trim(), NameEn = r.Name.En!.Trim(), NameRu = r.Name.Ru!.Trim(), Funder = r.Funder!.Trim(), Currency = currency,
            Budget = r.Budget!.Value, FunderShare = r.FunderShare!.Value, Start = r.Start!.Value, End = r.End!.Value, Districts = string.Join(';', districts), CreatedAt = Now,
        };
        db.Add(p);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Outcome<ProjectSummary>.Invalid(new FieldErrors().Add(MonitoringErrors.CodeTaken(code!)));
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "project", p.Code,
            string.Create(CultureInfo.InvariantCulture, $"{p.Funder} {Numbers.Format(p.FunderShare)} of {Numbers.Format(p.Budget)} {p.Currency}")), ct);
        await tx.CommitAsync(ct);
        return Summary(p, 0, null);
    }

    public async Task<Outcome<IReadOnlyList<ProjectSummary>>> ListAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<IReadOnlyList<ProjectSummary>>.Forbidden();
        var projects = await db.Set<Project>().AsNoTracking().OrderBy(p => p.Start).ThenBy(p => p.Code).ToListAsync(ct);
        var results = await db.Set<ProjectResult>().AsNoTracking().ToListAsync(ct);
        var (targets, progress) = await ValuesAsync(results.Select(x => x.Id).ToList(), ct);
        return projects.Select(p =>
        {
            var own = results.Where(x => x.ProjectId == p.Id).ToList();
            return Summary(p, own.Count, Overall(own, targets, progress));
        }).ToList();
    }

    public async Task<Outcome<ProjectView>> GetAsync(CurrentUser user, string code, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<ProjectView>.Forbidden();
        var p = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        if (p is null) return new Outcome<ProjectView>.NotFound();
        var results = await db.Set<ProjectResult>().AsNoTracking().Where(x => x.ProjectId == p.Id).ToListAsync(ct);
        var (targets, progress) = await ValuesAsync(results.Select(x => x.Id).ToList(), ct);
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => results.Select(x => x.IndicatorId).Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        var codes = results.ToDictionary(x => x.Id, x => x.Code);
        var views = Ordered(results).Select(x =>
        {
            var reports = progress.Where(g => g.ResultId == x.Id).ToList();
            var aims = targets.Where(t => t.ResultId == x.Id).OrderBy(t => t.Place == IndicatorStore.Nation ? 0 : 1).ThenBy(t => t.Place, StringComparer.Ordinal)
                .ThenBy(t => t.Period, StringComparer.Ordinal).Select(t =>
                {
                    var achieved = ResultProgress.Achieved(reports, t.Place, t.Period);
                    return new TargetView(t.Place, t.Period, Numbers.Plain(t.Value), achieved is { } a ? Numbers.Plain(a) : null, ResultProgress.Percent(achieved, t.Value));
                }).ToList();
            var reported = reports.OrderBy(g => g.Place, StringComparer.Ordinal).ThenBy(g => Periods.Span(g.Period).To)
                .Select(g => new ProgressView(g.Place, g.Period, Numbers.Plain(g.Value), g.Note, g.ReportedAt)).ToList();
            return new ResultView(x.Code, x.Level, x.ParentId is { } pid ? codes[pid] : null, new(x.StatementAz, x.StatementEn, x.StatementRu), x.Unit,
                x.IndicatorId is { } iid ? indicators.GetValueOrDefault(iid) : null, aims, reported);
        }).ToList();
        return new ProjectView(Summary(p, results.Count, Overall(results, targets, progress)), views);
    }

    public async Task<Outcome<ProjectView>> AddResultAsync(CurrentUser user, string code, ResultInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageIndicators)) return new Outcome<ProjectView>.Forbidden();
        var p = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        if (p is null) return new Outcome<ProjectView>.NotFound();
        var e = new FieldErrors();
        if (r.Level is null) e.Add(PlatformErrors.Required("level"));
        var resultCode = r.Code?.Trim();
        if (string.IsNullOrEmpty(resultCode)) e.Add(PlatformErrors.Required("code"));
        else if (resultCode.Length > 20) e.Add(PlatformErrors.TooLong("code", 20));
        else if (await db.Set<ProjectResult>().AnyAsync(x => x.ProjectId == p.Id && x.Code == resultCode, ct)) e.Add(MonitoringErrors.ResultCodeTaken(resultCode));
        IndicatorNames.Check(e, r.Statement, "statement", MonitoringErrors.StatementRequired, 1000);
        if (r.Unit is null) e.Add(PlatformErrors.Required("unit"));
        ProjectResult? parent = null;
        if (r.Level == ResultLevel.Output)
        {
            // An output serves an outcome of the same project; an outcome stands at the top.
            parent = string.IsNullOrWhiteSpace(r.Parent) ? null
                : await db.Set<ProjectResult>().AsNoTracking().FirstOrDefaultAsync(x => x.ProjectId == p.Id && x.Code == r.Parent.Trim(), ct);
            if (parent is not { Level: ResultLevel.Outcome }) e.Add(MonitoringErrors.ParentOutcome());
        }
        else if (r.Level == ResultLevel.Outcome && !string.IsNullOrWhiteSpace(r.Parent)) e.Add(MonitoringErrors.ParentOutcome());
        int? indicatorId = null;
        if (!string.IsNullOrWhiteSpace(r.Indicator))
        {
            indicatorId = await db.Set<Indicator>().Where(i => i.Code == r.Indicator.Trim()).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
            if (indicatorId is null) e.Add(MonitoringErrors.UnknownIndicator(r.Indicator.Trim()));
        }
        if (!e.IsEmpty) return new Outcome<ProjectView>.Invalid(e);
        var result = new ProjectResult
        {
            ProjectId = p.Id, ParentId = parent?.Id, Level = r.Level!.Value, Code = resultCode!, StatementAz = r.Statement!.Az!.Trim(), StatementEn = r.Statement.En!.Trim(),
            StatementRu = r.Statement.Ru!.Trim(), Unit = r.Unit!.Value, IndicatorId = indicatorId,
        };
        db.Add(result);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return new Outcome<ProjectView>.Invalid(new FieldErrors().Add(MonitoringErrors.ResultCodeTaken(resultCode!)));
            }
            await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "project", p.Code, $"{result.Level} {result.Code} added"), ct);
            await tx.CommitAsync(ct);
        }
        return await GetAsync(user, code, ct);
    }

    /// <summary>A result's target for a place and period; the same place and period again replaces it.</summary>
    public Task<Outcome<ProjectView>> SetTargetAsync(CurrentUser user, string code, ResultValueInput r, CancellationToken ct) =>
        SetValueAsync(user, code, r, target: true, ct);

    /// <summary>A progress report (cumulative from the start) for a place and period; the same place and period again replaces it.</summary>
    public Task<Outcome<ProjectView>> ReportProgressAsync(CurrentUser user, string code, ResultValueInput r, CancellationToken ct) =>
        SetValueAsync(user, code, r, target: false, ct);

    private async Task<Outcome<ProjectView>> SetValueAsync(CurrentUser user, string code, ResultValueInput r, bool target, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageIndicators)) return new Outcome<ProjectView>.Forbidden();
        var p = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        if (p is null) return new Outcome<ProjectView>.NotFound();
        var e = new FieldErrors();
        ProjectResult? result = null;
        if (string.IsNullOrWhiteSpace(r.Result)) e.Add(PlatformErrors.Required("result"));
        else if ((result = await db.Set<ProjectResult>().AsNoTracking().FirstOrDefaultAsync(x => x.ProjectId == p.Id && x.Code == r.Result.Trim(), ct)) is null)
            e.Add(MonitoringErrors.UnknownResult(r.Result.Trim()));
        var place = r.Place?.Trim();
        if (string.IsNullOrEmpty(place)) e.Add(PlatformErrors.Required("place"));
        else if (!p.Reaches(place)) e.Add(MonitoringErrors.PlaceOutsideProject(place));
        var period = Periods.FromSdmx(r.Period);
        if (period is null) e.Add(MonitoringErrors.Period());
        else if (!p.Covers(period)) e.Add(MonitoringErrors.OutsideProject(period));
        if (r.Value is null) e.Add(PlatformErrors.Required("value"));
        else if (r.Value < 0) e.Add(MonitoringErrors.Positive("value"));
        if (r.Note is { Length: > 2000 }) e.Add(PlatformErrors.TooLong("note", 2000));
        if (!e.IsEmpty) return new Outcome<ProjectView>.Invalid(e);
        var value = r.Value!.Value;
        if (target)
        {
            var t = await db.Set<ResultTarget>().FirstOrDefaultAsync(x => x.ResultId == result!.Id && x.Place == place && x.Period == period, ct);
            if (t is null) db.Add(new ResultTarget { ResultId = result!.Id, Place = place!, Period = period!, Value = value });
            else t.Value = value;
        }
        else
        {
            var g = await db.Set<ResultProgress>().FirstOrDefaultAsync(x => x.ResultId == result!.Id && x.Place == place && x.Period == period, ct);
            var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
            if (g is null) db.Add(new ResultProgress { ResultId = result!.Id, Place = place!, Period = period!, Value = value, Note = note, ReportedById = user.Id, ReportedAt = Now });
            else (g.Value, g.Note, g.ReportedById, g.ReportedAt) = (value, note, user.Id, Now);
        }
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            var detail = string.Create(CultureInfo.InvariantCulture, $"{(target ? "target" : "progress")} {result!.Code} {place} {period}: {Numbers.Format(value)}");
            await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "project", p.Code, detail), ct);
            await tx.CommitAsync(ct);
        }
        return await GetAsync(user, code, ct);
    }

    private async Task<(List<ResultTarget>, List<ResultProgress>)> ValuesAsync(List<int> resultIds, CancellationToken ct) =>
        (await db.Set<ResultTarget>().AsNoTracking().Where(t => resultIds.Contains(t.ResultId)).ToListAsync(ct),
         await db.Set<ResultProgress>().AsNoTracking().Where(g => resultIds.Contains(g.ResultId)).ToListAsync(ct));

    /// <summary>Outcomes in code order, each followed by its outputs.</summary>
    private static IEnumerable<ProjectResult> Ordered(List<ProjectResult> results) =>
        results.Where(x => x.ParentId is null).OrderBy(x => x.Code, StringComparer.Ordinal)
            .SelectMany(o => results.Where(x => x.ParentId == o.Id).OrderBy(x => x.Code, StringComparer.Ordinal).Prepend(o));

    /// <summary>
    /// The project's progress at a glance: the mean achievement of its outputs' whole-project targets (place AZE, the
    /// last period of each), capped at 100 each so one overshoot hides no shortfall; null before any report.
    /// </summary>
    private static int? Overall(List<ProjectResult> results, List<ResultTarget> targets, List<ResultProgress> progress)
    {
        var shares = results.Where(x => x.Level == ResultLevel.Output).Select(x =>
        {
            var t = targets.Where(t => t.ResultId == x.Id && t.Place == IndicatorStore.Nation).MaxBy(t => Periods.Span(t.Period).To);
            return t is null ? null : ResultProgress.Percent(ResultProgress.Achieved(progress.Where(g => g.ResultId == x.Id), t.Place, t.Period), t.Value);
        }).Where(s => s is not null).Select(s => Math.Min(100, s!.Value)).ToList();
        return shares.Count == 0 ? null : (int)Math.Round(shares.Average(), MidpointRounding.AwayFromZero);
    }

    private static ProjectSummary Summary(Project p, int results, int? progress) =>
        new(p.Code, new(p.NameAz, p.NameEn, p.NameRu), p.Funder, p.Currency, Numbers.Plain(p.Budget), Numbers.Plain(p.FunderShare), Numbers.Plain(p.CoFunding),
            p.Start, p.End, p.DistrictList, results, progress);
}
