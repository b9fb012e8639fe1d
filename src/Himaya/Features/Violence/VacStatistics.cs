using System.Globalization;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Violence;

public sealed record VacStatCell(IReadOnlyDictionary<string, string> By, int? Count, bool Suppressed);

/// <summary>The contract's statistics: counts by the chosen dimensions, small cells suppressed; the share of reports first
/// answered within their deadline; how many reports were about a child reported before (repeat victimisation).</summary>
public sealed record VacStatisticsResult(IReadOnlyList<VacStatCell> Cells, double? RespondedInTime, int? Total, int? RepeatReports);

/// <summary>
/// Aggregates of violence reports for analysts and coordinators: no report, no name, no cell that could point at a child
/// (see <see cref="TableSuppression"/>). Limited to the caller's area; the same figures for anyone with the same area.
/// </summary>
public sealed class VacStatistics(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Dimensions = ["type", "district", "month", "sex", "ageGroup", "disability"];

    private sealed record Row(ViolenceType Type, string DistrictCode, DateTime ReportedAt, Himaya.Features.Registry.Sex? Sex,
        DateOnly? BirthDate, int? ApproximateAge, bool? Disability, DateTime ResponseDueAt, DateTime? FirstRespondedAt, int EarlierReports);

    public static (IReadOnlyList<string> By, FieldErrors Errors) ParseBy(string? by)
    {
        var e = new FieldErrors();
        var list = (by ?? "type").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        foreach (var d in list.Where(d => !Dimensions.Contains(d, StringComparer.Ordinal))) e.Add(VacErrors.UnknownDimension(d));
        if (list.Count == 0) e.Add(VacErrors.UnknownDimension(by ?? ""));
        return (list, e);
    }

    public async Task<Outcome<VacStatisticsResult>> ComputeAsync(CurrentUser user, string? by, CancellationToken ct) =>
        await ComputeAsync(user, [by], ct) switch
        {
            Outcome<IReadOnlyList<VacStatisticsResult>>.Ok ok => ok.Value[0],
            Outcome<IReadOnlyList<VacStatisticsResult>>.Invalid bad => new Outcome<VacStatisticsResult>.Invalid(bad.Errors),
            _ => new Outcome<VacStatisticsResult>.Forbidden(),
        };

    /// <summary>Several tables from one reading and with one audit line (a page charts more than the table it shows).
    /// Together they give away no more than each alone: anyone who may see one may ask for each of the others.</summary>
    public async Task<Outcome<IReadOnlyList<VacStatisticsResult>>> ComputeAsync(CurrentUser user, IReadOnlyList<string?> tables, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<IReadOnlyList<VacStatisticsResult>>.Forbidden();
        var parsed = tables.Select(ParseBy).ToList();
        if (parsed.FirstOrDefault(p => !p.Errors.IsEmpty) is { Errors: { } errors }) return new Outcome<IReadOnlyList<VacStatisticsResult>>.Invalid(errors);
        var q = db.VacReports.AsNoTracking();
        q = user.ScopeKind switch
        {
            ScopeKind.National => q,
            ScopeKind.Areas => q.Where(r => user.Districts.Contains(r.DistrictCode)),
            _ => q.Where(r => r.AssignedToId == user.Id),
        };
        var rows = await q.Select(r => new Row(r.Type, r.DistrictCode, r.ReportedAt, r.ChildSex, r.ChildBirthDate, r.ChildApproximateAge,
            r.ChildDisability, r.ResponseDueAt, r.FirstRespondedAt, r.EarlierReports)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var results = parsed.Select(p => Tabulate(rows, p.By, now)).ToList();
        var detail = string.Join("; ", parsed.Select((p, i) => $"by {string.Join(',', p.By)}: {results[i].Cells.Count} cells"));
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Analysis, "vac-statistics", Detail: detail), ct);
        return new Outcome<IReadOnlyList<VacStatisticsResult>>.Ok(results);
    }

    private static VacStatisticsResult Tabulate(List<Row> rows, IReadOnlyList<string> dims, DateTime now)
    {
        var groups = rows.GroupBy(r => string.Join('\u001f', dims.Select(d => Value(r, d))), StringComparer.Ordinal)
            .Select(g => (Key: dims.Select(d => Value(g.First(), d)).ToArray(), Count: g.Count()))
            .OrderBy(g => string.Join('\u001f', g.Key), StringComparer.Ordinal).ToList();
        var hidden = TableSuppression.Hidden([.. groups.Select(g => g.Key)], [.. groups.Select(g => g.Count)]);
        var cells = groups.Select((g, i) => new VacStatCell(
            dims.Select((d, j) => (d, v: g.Key[j])).ToDictionary(x => x.d, x => x.v, StringComparer.Ordinal),
            hidden[i] ? null : g.Count, hidden[i])).ToList();

        // Due or answered: a report still inside its deadline and unanswered has not yet succeeded or failed.
        var judged = rows.Where(r => r.FirstRespondedAt is not null || r.ResponseDueAt < now).ToList();
        double? inTime = judged.Count < TableSuppression.MinCell ? null
            : Math.Round((double)judged.Count(r => r.FirstRespondedAt is { } f && f <= r.ResponseDueAt) / judged.Count, 4);
        var repeats = rows.Count(r => r.EarlierReports > 0);
        return new VacStatisticsResult(cells, inTime, Shown(rows.Count), Shown(repeats));
    }

    private static int? Shown(int n) => n is > 0 and < TableSuppression.MinCell ? null : n;

    private static string Value(Row r, string dimension) => dimension switch
    {
        "type" => r.Type.ToString(),
        "district" => r.DistrictCode,
        "month" => r.ReportedAt.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        "sex" => r.Sex?.ToString() ?? "Unknown",
        "ageGroup" => AgeGroup(r),
        "disability" => r.Disability switch { true => "Yes", false => "No", null => "Unknown" },
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    /// <summary>Age when reported: 0–4, 5–9, 10–14, 15–17, or Unknown.</summary>
    private static string AgeGroup(Row r)
    {
        var day = DateOnly.FromDateTime(r.ReportedAt);
        int? age = r.BirthDate is { } b ? day.Year - b.Year - (day < b.AddYears(day.Year - b.Year) ? 1 : 0) : r.ApproximateAge;
        return age switch { null => "Unknown", < 5 => "0-4", < 10 => "5-9", < 15 => "10-14", _ => "15-17" };
    }
}
