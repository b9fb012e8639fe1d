using System.Security.Cryptography;
using Himaya.Features.Registry;
using Himaya.Linkage;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Himaya.Features.Violence;

/// <summary>
/// Takes a report in, from any of the three doors (public form, hotline, signed-in reporter): validates it, triages it
/// (risk level and first-response deadline) and stores it for its district, with its audit line, in one transaction.
/// </summary>
public sealed class VacIntake(AppDbContext db, AuditLog audit, AdminUnits units, TimeProvider clock, IOptions<VacOptions> options)
{
    private const string ReferenceLetters = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public async Task<Outcome<ReportCreated>> ReportAsync(CurrentUser user, VacReportInput input, CancellationToken ct)
    {
        if (!user.Can(Permission.ReportViolence)) return new Outcome<ReportCreated>.Forbidden();
        var channel = user.Roles.Contains(Roles.HotlineOperator, StringComparer.Ordinal) ? ReportChannel.Hotline : ReportChannel.Staff;
        var stored = await StoreAsync(input, channel, user.Id, (report, ct) => audit.RecordInTransactionAsync(user, Created(report), ct), ct);
        return stored switch
        {
            Outcome<VacReport>.Ok ok => new ReportCreated(ok.Value.Id, ok.Value.Reference, ok.Value.Risk, ok.Value.ResponseDueAt),
            Outcome<VacReport>.Invalid bad => new Outcome<ReportCreated>.Invalid(bad.Errors),
            _ => throw new InvalidOperationException("Unexpected outcome."),
        };
    }

    /// <summary>The public form: nobody signed in. The audit line names no person, only the address it came from.</summary>
    public async Task<Outcome<PublicReportReceipt>> ReportPublicAsync(VacReportInput input, string? ip, CancellationToken ct)
    {
        var stored = await StoreAsync(input, ReportChannel.Public, null,
            (report, ct) => audit.RecordAsInTransactionAsync(null, "public", "", ip, Created(report), ct), ct);
        return stored switch
        {
            Outcome<VacReport>.Ok ok => new PublicReportReceipt(ok.Value.Reference),
            Outcome<VacReport>.Invalid bad => new Outcome<PublicReportReceipt>.Invalid(bad.Errors),
            _ => throw new InvalidOperationException("Unexpected outcome."),
        };
    }

    private static AuditEvent Created(VacReport r) =>
        new(AuditActions.Create, "vac-report", r.Id.ToString(), $"{r.Channel} report, {r.Type}, risk {r.Risk}, district {r.DistrictCode}");

    private async Task<Outcome<VacReport>> StoreAsync(VacReportInput input, ReportChannel channel, int? reporterId,
        Func<VacReport, CancellationToken, Task> recordAudit, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var errors = VacValidation.Validate(input, units, today);
        if (!errors.IsEmpty) return new Outcome<VacReport>.Invalid(errors);

        var report = Build(input, channel, reporterId, now);
        report.EarlierReports = await EarlierReportsAsync(report, now, ct);
        report.Risk = Triage.Assess(report.ImmediateDanger, report.Type, report.ChildAgeOn(today), report.EarlierReports);
        report.ResponseDueAt = now + options.Value.DeadlineFor(report.DistrictCode, report.Risk);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.VacReports.Add(report);
        await db.SaveChangesAsync(ct);
        await recordAudit(report, ct);
        await tx.CommitAsync(ct);
        return report;
    }

    private static VacReport Build(VacReportInput i, ReportChannel channel, int? reporterId, DateTime now)
    {
        var c = i.Child;
        var r = new VacReport
        {
            Id = Guid.CreateVersion7(),
            Reference = NewReference(),
            Channel = channel,
            Type = i.Type!.Value,
            Description = i.Description!.Trim(),
            DistrictCode = i.DistrictCode!.Trim(),
            Place = VacValidation.Clean(i.Place),
            OccurredOn = i.OccurredOn,
            ImmediateDanger = i.ImmediateDanger == true,
            ChildGivenName = VacValidation.Clean(c?.GivenName),
            ChildSurname = VacValidation.Clean(c?.Surname),
            ChildPatronymic = VacValidation.Clean(c?.Patronymic),
            ChildSex = c?.Sex,
            ChildBirthDate = c?.BirthDate,
            ChildApproximateAge = c?.BirthDate is null ? c?.ApproximateAge : null,
            ChildDisability = c?.Disability,
            PerpetratorRelation = VacValidation.Clean(i.Perpetrator?.Relation),
            PerpetratorDescription = VacValidation.Clean(i.Perpetrator?.Description),
            ReporterName = VacValidation.Clean(i.Reporter?.Name),
            ReporterPhone = VacValidation.Clean(i.Reporter?.Phone),
            ReporterRelation = VacValidation.Clean(i.Reporter?.Relation),
            ReportedById = reporterId,
            ReportedAt = now,
            Status = ReportStatus.New,
            UpdatedAt = now,
        };
        r.ChildKey = ChildKeyOf(r.ChildGivenName, r.ChildSurname);
        r.ReporterPhoneKey = PhoneKeyOf(r.ReporterPhone);
        return r;
    }

    /// <summary>The same child, as far as a report can tell: the same folded given name and surname (spelling and script
    /// aside) in the same district, within the last year. A report without both names is never counted as a repeat.</summary>
    public static string? ChildKeyOf(string? givenName, string? surname) =>
        NameFolding.Fold(givenName) is { Length: > 0 } g && NameFolding.Fold(surname) is { Length: > 0 } s ? $"{g}|{s}" : null;

    /// <summary>The same phone whatever its writing: its last nine digits ("+994 50 123 45 67" and "050 1234567" agree); null under seven digits.</summary>
    public static string? PhoneKeyOf(string? phone)
    {
        var digits = new string([.. (phone ?? "").Where(char.IsAsciiDigit)]);
        return digits.Length < 7 ? null : digits[Math.Max(0, digits.Length - 9)..];
    }

    private async Task<int> EarlierReportsAsync(VacReport r, DateTime now, CancellationToken ct)
    {
        if (r.ChildKey is null) return 0;
        var since = now.AddYears(-1);
        return await db.VacReports.CountAsync(x => x.DistrictCode == r.DistrictCode && x.ChildKey == r.ChildKey && x.ReportedAt >= since, ct);
    }

    public static string NewReference() =>
        "VAC-" + string.Create(8, 0, (span, _) =>
        {
            for (var k = 0; k < span.Length; k++) span[k] = ReferenceLetters[RandomNumberGenerator.GetInt32(ReferenceLetters.Length)];
        });
}
