using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Violence;

/// <summary>What the person taking a call knows so far: the child's names with the district or birth date, the caller's phone.</summary>
public sealed record EarlierReportsQuery(string? GivenName, string? Surname, string? DistrictCode, DateOnly? BirthDate, string? Phone);

/// <summary>An earlier report found during a call. <see cref="Reporter"/> only for roles that may know who reported.</summary>
public sealed record EarlierReportView(Guid Id, string Reference, ViolenceType Type, string DistrictCode, DateTime ReportedAt, ReportStatus Status,
    ReportRisk RiskLevel, string? ChildName, DateOnly? ChildBirthDate, bool SameChild, bool SameCaller,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] VacReporterInput? Reporter);

/// <param name="NotShown">Further matching reports in the caller's area that they may not open (need-to-know): their number only.</param>
public sealed record EarlierReports(IReadOnlyList<EarlierReportView> Items, int NotShown);

/// <summary>
/// Earlier reports about the same child, or from the same phone, while a new report is being taken: the same child as
/// the repeat count of triage sees it (<see cref="VacIntake.ChildKeyOf"/>: folded given name and surname) in the same
/// district or with the same birth year; the same caller by the phone's last digits (only for roles that may know
/// reporters, or the lookup would tell who called). Only reports the user may open are shown; each lookup is audited
/// with the reports it showed.
/// </summary>
public sealed class VacEarlierReports(AppDbContext db, AuditLog audit, AdminUnits units)
{
    public const int MaxShown = 20;

    public async Task<Outcome<EarlierReports>> FindAsync(CurrentUser user, EarlierReportsQuery q, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadVacReports)) return new Outcome<EarlierReports>.Forbidden();
        var e = new FieldErrors();
        var key = VacIntake.ChildKeyOf(q.GivenName, q.Surname);
        var district = VacValidation.Clean(q.DistrictCode);
        if (district is not null && !units.IsDistrict(district)) e.Add(PlatformErrors.UnknownDistrict("districtCode"));
        var phone = VacValidation.Clean(q.Phone);
        if (phone is not null && !VacScope.SeesReporter(user)) e.Add(VacErrors.PhoneLookupNotAllowed());
        else if (phone is { Length: > 32 }) e.Add(PlatformErrors.TooLong("phone", 32));
        var phoneKey = VacIntake.PhoneKeyOf(phone);
        if (e.IsEmpty && phone is not null && phoneKey is null) e.Add(VacErrors.Phone("phone"));
        var byChild = key is not null && (district is not null || q.BirthDate is not null);
        // Said on the field the caller gave, so a name alone is told what else it needs.
        if (e.IsEmpty && !byChild && phoneKey is null) e.Add(VacErrors.LookupNeedsNameOrPhone(q.GivenName is not null && q.Surname is null ? "givenName" : "surname"));
        if (!e.IsEmpty) return new Outcome<EarlierReports>.Invalid(e);

        var (from, to) = q.BirthDate is { } b ? (new DateOnly(b.Year, 1, 1), new DateOnly(b.Year, 12, 31)) : (DateOnly.MinValue, DateOnly.MinValue);
        var hasYear = q.BirthDate is not null;
        var matching = db.VacReports.AsNoTracking().Where(r =>
            (byChild && r.ChildKey == key && ((district != null && r.DistrictCode == district)
                || (hasYear && r.ChildBirthDate >= from && r.ChildBirthDate <= to)))
            || (phoneKey != null && r.ReporterPhoneKey == phoneKey));
        var shown = await matching.DetailsVisibleTo(user).OrderByDescending(r => r.ReportedAt).Take(MaxShown).ToListAsync(ct);
        var inArea = user.ScopeKind switch
        {
            ScopeKind.National => matching,
            ScopeKind.Areas => matching.Where(r => user.Districts.Contains(r.DistrictCode)),
            _ => matching.Where(r => false),
        };
        var notShown = Math.Max(0, await inArea.CountAsync(ct) - shown.Count);
        var seesReporter = VacScope.SeesReporter(user);
        var items = shown.Select(r => new EarlierReportView(r.Id, r.Reference, r.Type, r.DistrictCode, r.ReportedAt, r.Status, r.Risk,
            string.Join(" ", new[] { r.ChildSurname, r.ChildGivenName, r.ChildPatronymic }.Where(x => x is not null)) is { Length: > 0 } n ? n : null,
            r.ChildBirthDate, byChild && r.ChildKey == key, phoneKey is not null && r.ReporterPhoneKey == phoneKey,
            seesReporter ? new VacReporterInput(r.ReporterName, r.ReporterPhone, r.ReporterRelation) : null)).ToList();
        // By shape, not words: which criteria were used, and the ids of the reports shown (each of them read).
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, "vac-report",
            Detail: $"earlier reports: by child {(byChild ? (district is not null ? "name+district" : "") + (hasYear ? " name+birth year" : "") : "no")}, "
                + $"by phone {phoneKey is not null}: {items.Count} shown [{string.Join(",", items.Select(i => i.Id))}], {notShown} not shown"), ct);
        return new EarlierReports(items, notShown);
    }
}
