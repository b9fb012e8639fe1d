using System.Globalization;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Monitoring;

/// <summary><c>POST /api/v1/budget/lines</c>: one line of the public budget (AZN).</summary>
public sealed record BudgetLineInput(int? Year, BudgetSector? Sector, string? Programme, ChildRelevance? Relevance, decimal? Planned, decimal? Executed, string? Source);

public sealed record BudgetLineView(long Id, int Year, BudgetSector Sector, string Programme, ChildRelevance Relevance, decimal Planned, decimal? Executed, string? Source);

public sealed record BudgetSummary(string Currency, IReadOnlyList<BudgetYear> Years);

/// <summary>
/// The child-focused budget: lines kept by the people who keep the monitoring data (<see cref="Permission.ManageIndicators"/>),
/// one by one or as a file; the summary by year (child share, spending per child) for everyone who sees aggregates.
/// </summary>
public sealed class BudgetStore(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The columns of a budget file, in this order, with a header line.</summary>
    public const string Header = "year,sector,programme,relevance,planned,executed,source";

    public async Task<Outcome<BudgetLineView>> AddAsync(CurrentUser user, BudgetLineInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageIndicators)) return new Outcome<BudgetLineView>.Forbidden();
        var e = new FieldErrors();
        foreach (var refusal in BudgetLine.Check(r.Year, r.Programme, r.Planned, r.Executed)) e.Add(refusal);
        if (r.Sector is null) e.Add(PlatformErrors.Required("sector"));
        if (r.Relevance is null) e.Add(PlatformErrors.Required("relevance"));
        if (r.Source is { Length: > 300 }) e.Add(PlatformErrors.TooLong("source", 300));
        if (!e.IsEmpty) return new Outcome<BudgetLineView>.Invalid(e);
        var line = New(user, r.Year!.Value, r.Sector!.Value, r.Programme!, r.Relevance!.Value, r.Planned!.Value, r.Executed, r.Source);
        db.Add(line);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "budget-line", line.Id.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{line.Year} {line.Sector} {line.Relevance}: {line.Planned}")), ct);
        await tx.CommitAsync(ct);
        return View(line);
    }

    /// <summary>
    /// A budget file (<see cref="Header"/>): every line checked first, each problem named by line and column; one bad line
    /// and nothing of the file is kept (a budget half-imported would give a wrong child share).
    /// </summary>
    public async Task<Outcome<int>> ImportAsync(CurrentUser user, string text, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageIndicators)) return new Outcome<int>.Forbidden();
        var e = new FieldErrors();
        var rows = Csv.Lines(text);
        if (rows.Count == 0 || string.Join(',', rows[0].Fields).Trim() != Header) return new Outcome<int>.Invalid(e.Add(MonitoringErrors.BudgetHeader(Header)));
        var lines = new List<BudgetLine>();
        foreach (var (number, f) in rows.Skip(1))
        {
            if (f.All(x => x.Trim().Length == 0)) continue;
            var at = $"line{number}";
            if (f.Count != 7) { e.Add(MonitoringErrors.BudgetColumns(at, f.Count)); continue; }
            for (var c = 0; c < f.Count; c++) f[c] = f[c].Trim();
            // A value that does not read is named once, by its own problem; the rules then check what did read.
            var unread = new HashSet<string>(StringComparer.Ordinal);
            var year = int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
            if (year is null && f[0].Length > 0) { e.Add(PlatformErrors.WholeNumber($"{at}.year")); unread.Add("year"); }
            var sector = EnumNames.TryParse<BudgetSector>(f[1], ignoreCase: true, out var s) ? s : (BudgetSector?)null;
            if (sector is null) e.Add(PlatformErrors.OneOf($"{at}.sector", EnumNames.List<BudgetSector>()));
            var relevance = EnumNames.TryParse<ChildRelevance>(f[3], ignoreCase: true, out var rel) ? rel : (ChildRelevance?)null;
            if (relevance is null) e.Add(PlatformErrors.OneOf($"{at}.relevance", EnumNames.List<ChildRelevance>()));
            decimal? Amount(string column, string value)
            {
                if (value.Length == 0) return null;
                if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)) return d;
                e.Add(PlatformErrors.Number($"{at}.{column}"));
                unread.Add(column);
                return null;
            }
            var planned = Amount("planned", f[4]);
            var executed = Amount("executed", f[5]);
            foreach (var refusal in BudgetLine.Check(year, f[2], planned, executed).Where(r => !unread.Contains(r.Field)))
                e.Add(refusal with { Field = $"{at}.{refusal.Field}" });
            if (f[6].Length > 300) e.Add(PlatformErrors.TooLong($"{at}.source", 300));
            if (year is not null && sector is not null && relevance is not null && planned is >= 0)
                lines.Add(New(user, year.Value, sector.Value, f[2], relevance.Value, planned.Value, executed, f[6]));
        }
        if (!e.IsEmpty) return new Outcome<int>.Invalid(e);
        if (lines.Count == 0) return new Outcome<int>.Invalid(e.Add(MonitoringErrors.BudgetEmpty()));
        db.AddRange(lines);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Import, "budget-line", "import",
            string.Create(CultureInfo.InvariantCulture, $"{lines.Count} lines, years {lines.Min(l => l.Year)}–{lines.Max(l => l.Year)}")), ct);
        await tx.CommitAsync(ct);
        return lines.Count;
    }

    public async Task<Outcome<BudgetSummary>> SummaryAsync(CurrentUser user, int? from, int? to, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<BudgetSummary>.Forbidden();
        if (from is { } f && to is { } t && t < f) return new Outcome<BudgetSummary>.Invalid(new FieldErrors().Add(MonitoringErrors.YearRange()));
        var lines = await db.Set<BudgetLine>().AsNoTracking().Where(l => (from == null || l.Year >= from) && (to == null || l.Year <= to)).ToListAsync(ct);
        var population = (await db.Set<IndicatorValue>().AsNoTracking()
                .Where(v => v.Place == IndicatorStore.Nation && db.Set<Indicator>().Any(i => i.Id == v.IndicatorId && i.Code == BudgetYear.PopulationIndicator))
                .Select(v => new { v.Period, v.Value, v.Disaggregation }).ToListAsync(ct))
            .Where(v => v.Period.Length == 4 && Disaggregations.IsTotal(v.Disaggregation)).ToDictionary(v => Periods.Year(v.Period), v => v.Value);
        return new BudgetSummary("AZN", BudgetYear.Of(lines, population));
    }

    public async Task<Outcome<IReadOnlyList<BudgetLineView>>> LinesAsync(CurrentUser user, int? year, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<IReadOnlyList<BudgetLineView>>.Forbidden();
        var lines = await db.Set<BudgetLine>().AsNoTracking().Where(l => year == null || l.Year == year).OrderBy(l => l.Year).ThenBy(l => l.Sector).ThenBy(l => l.Id).ToListAsync(ct);
        return lines.Select(View).ToList();
    }

    private BudgetLine New(CurrentUser user, int year, BudgetSector sector, string programme, ChildRelevance relevance, decimal planned, decimal? executed, string? source) => new()
    {
        Year = year, Sector = sector, Programme = programme.Trim(), Relevance = relevance, Planned = planned, Executed = executed,
        Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim(), CreatedById = user.Id, CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    private static BudgetLineView View(BudgetLine l) => new(l.Id, l.Year, l.Sector, l.Programme, l.Relevance, l.Planned, l.Executed, l.Source);
}
