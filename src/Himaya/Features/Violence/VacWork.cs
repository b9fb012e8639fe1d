using Himaya.Features.Identity;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Himaya.Features.Violence;

/// <param name="EscalatedToMe">Only the reports escalated by the clock to the caller (see <see cref="VacEscalations"/>).</param>
public sealed record VacQuery(ReportStatus? Status, bool Mine, bool Overdue, string? District, int Page, bool EscalatedToMe = false);

/// <summary>A report as the caller may see it: its details, or (for whoever only reported it) where it stands.</summary>
public sealed record VacReportRead(VacReportView? Details, ReporterStatusView? Status);

/// <summary>
/// Reading reports and answering them: the list, one report, assignment, actions and closure. Every read and change is
/// checked against <see cref="VacScope"/> on the server and written to the audit trail.
/// </summary>
public sealed class VacWork(AppDbContext db, AuditLog audit, TimeProvider clock, IOptions<VacOptions> options, AdminUnits units)
{
    public const int PageSize = 50;
    private TimeSpan ToCoordinator => TimeSpan.FromHours(options.Value.CoordinatorAfterHours);

    public async Task<Outcome<VacReportList>> ListAsync(CurrentUser user, VacQuery q, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadVacReports)) return new Outcome<VacReportList>.Forbidden();
        var e = new FieldErrors();
        if (q.Page < 1) e.Add(PlatformErrors.PageStartsAtOne("page"));
        if (q.District is { Length: > 0 } d && !units.IsDistrict(d)) e.Add(PlatformErrors.UnknownDistrict("district"));
        if (!e.IsEmpty) return new Outcome<VacReportList>.Invalid(e);
        var now = clock.GetUtcNow().UtcDateTime;
        var reports = db.VacReports.AsNoTracking().DetailsVisibleTo(user);
        if (q.Status is { } s) reports = reports.Where(r => r.Status == s);
        else reports = reports.Where(r => r.Status != ReportStatus.Closed);
        if (q.Mine) reports = reports.Where(r => r.AssignedToId == user.Id);
        if (q.Overdue) reports = reports.Where(r => r.Status != ReportStatus.Closed && r.FirstRespondedAt == null && r.ResponseDueAt < now);
        if (q.District is { Length: > 0 } district) reports = reports.Where(r => r.DistrictCode == district);
        if (q.EscalatedToMe) reports = reports.EscalatedTo(user, now, ToCoordinator);
        var total = await reports.CountAsync(ct);
        var page = await reports.OrderBy(r => r.ResponseDueAt).ThenBy(r => r.Id)
            .Skip((q.Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var names = await NamesAsync(page.Select(r => r.AssignedToId), ct);
        var items = page.Select(r => new VacReportSummary(r.Id, r.Reference, r.Type, r.DistrictCode, r.Risk, r.Status, r.ReportedAt,
            r.ResponseDueAt, r.IsOverdue(now), r.EscalationAt(now, ToCoordinator), r.AssignedToId, Name(names, r.AssignedToId))).ToList();
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, "vac-report",
            Detail: $"list: status {q.Status?.ToString() ?? "open"}, mine {q.Mine}, overdue {q.Overdue}, escalated to me {q.EscalatedToMe}, page {q.Page}: {items.Count} of {total}"), ct);
        return new VacReportList(items, total, q.Page, PageSize);
    }

    /// <summary>Reports the caller made, newest first, with their status only.</summary>
    public async Task<Outcome<IReadOnlyList<ReporterStatusView>>> MadeByAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ReportViolence)) return new Outcome<IReadOnlyList<ReporterStatusView>>.Forbidden();
        var list = await db.VacReports.AsNoTracking().MadeBy(user).OrderByDescending(r => r.ReportedAt).Take(200)
            .Select(r => new ReporterStatusView(r.Id, r.Reference, r.Type, r.DistrictCode, r.ReportedAt, r.Status)).ToListAsync(ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, "vac-report", Detail: $"own reports: {list.Count}"), ct);
        return list;
    }

    public async Task<Outcome<VacReportRead>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadVacReports)) return new Outcome<VacReportRead>.Forbidden();
        var report = await db.VacReports.AsNoTracking().DetailsVisibleTo(user).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is not null)
        {
            var view = await ViewAsync(user, report, ct);
            await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, "vac-report", id.ToString(),
                VacScope.SeesReporter(user) ? "details with reporter" : "details"), ct);
            return new VacReportRead(view, null);
        }
        var own = await db.VacReports.AsNoTracking().MadeBy(user).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (own is null) return new Outcome<VacReportRead>.NotFound();
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, "vac-report", id.ToString(), "status"), ct);
        return new VacReportRead(null, new ReporterStatusView(own.Id, own.Reference, own.Type, own.DistrictCode, own.ReportedAt, own.Status));
    }

    public async Task<Outcome<VacReportView>> AssignAsync(CurrentUser user, Guid id, AssignRequest r, CancellationToken ct)
    {
        var e = new FieldErrors();
        if (r.WorkerId is null) e.Add(PlatformErrors.Required("workerId"));
        return await StepAsync(user, id, null, Permission.TriageVacReports, async (report, now) =>
        {
            if (!await CoversAsync(r.WorkerId!.Value, report.DistrictCode, ct)) return VacErrors.NotAWorkerHere();
            return report.Assign(r.WorkerId.Value, now);
        }, report => $"assigned to user {r.WorkerId}", ct, e);
    }

    public async Task<Outcome<VacReportView>> ActAsync(CurrentUser user, Guid id, ActionRequest r, CancellationToken ct)
    {
        var e = new FieldErrors();
        if (r.Kind is null) e.Add(PlatformErrors.Required("kind"));
        if (r.On is null) e.Add(PlatformErrors.Required("on"));
        if (string.IsNullOrWhiteSpace(r.Note)) e.Add(VacErrors.NoteRequired());
        else if (r.Note.Length > 2000) e.Add(PlatformErrors.TooLong("note", 2000));
        return await StepAsync(user, id, null, Permission.RespondVacReports, (report, now) =>
        {
            var refusal = report.Record(r.Kind!.Value, r.On!.Value, DateOnly.FromDateTime(now), now);
            if (refusal is null)
                db.VacResponseActions.Add(new VacResponseAction
                {
                    ReportId = report.Id, Kind = r.Kind.Value, On = r.On.Value, Note = r.Note!.Trim(), At = now, ById = user.Id,
                });
            return Task.FromResult(refusal);
        }, report => $"action {r.Kind}", ct, e);
    }

    public async Task<Outcome<VacReportView>> CloseAsync(CurrentUser user, Guid id, CloseRequest r, CancellationToken ct)
    {
        var e = new FieldErrors();
        if (r.Reason is null) e.Add(PlatformErrors.Required("reason"));
        if (r.Version is null) e.Add(VacErrors.VersionRequired());
        if (r.Note is { Length: > 2000 }) e.Add(PlatformErrors.TooLong("note", 2000));
        return await StepAsync(user, id, r.Version, Permission.RespondVacReports,
            (report, now) => Task.FromResult(report.Close(r.Reason!.Value, VacValidation.Clean(r.Note), now)), report => $"closed: {r.Reason}", ct, e);
    }

    /// <summary>
    /// The frame of every change: permission, scope (need-to-know: only who sees the details may act), the version when
    /// the change overwrites something, the rule on the report, then the change and its audit line in one transaction.
    /// A refusal changes nothing. The request's own field errors (<paramref name="invalid"/>) are answered after the scope
    /// check, so a report out of reach is 404 whatever was sent.
    /// </summary>
    internal async Task<Outcome<VacReportView>> StepAsync(CurrentUser user, Guid id, int? version, Permission permission,
        Func<VacReport, DateTime, Task<Refusal?>> apply, Func<VacReport, string> describe, CancellationToken ct, FieldErrors? invalid = null)
    {
        if (!user.Can(permission)) return new Outcome<VacReportView>.Forbidden();
        var report = await db.VacReports.DetailsVisibleTo(user).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return new Outcome<VacReportView>.NotFound();
        // A social worker acts on the reports assigned to them; seeing a report (hotline) is not answering it.
        if (!VacScope.SeesAllInArea(user) && report.AssignedToId != user.Id) return new Outcome<VacReportView>.NotFound();
        if (invalid is { IsEmpty: false }) return new Outcome<VacReportView>.Invalid(invalid);
        if (version is { } v && v != report.Version)
            return Outcome<VacReportView>.Refused(VacErrors.ChangedSince(v, report.Version), await ViewAsync(user, report, ct));
        var now = clock.GetUtcNow().UtcDateTime;
        // Opened before the rule runs: a step that writes elsewhere too (registering the child, opening a case) does it in
        // this transaction, so a refusal or a lost race undoes that as well.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await apply(report, now) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return Outcome<VacReportView>.Refused(refusal);
        }
        report.Version++;
        report.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.VacReports.AsNoTracking().FirstAsync(r => r.Id == id, ct);
            return Outcome<VacReportView>.Refused(VacErrors.ChangedSince(report.Version - 1, current.Version), await ViewAsync(user, current, ct));
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "vac-report", id.ToString(), describe(report)), ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(user, report, ct);
    }

    /// <summary>Who may take a report of the district (for the assignment list): active social workers and supervisors covering it.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> WorkersForAsync(string district, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Include(x => x.Roles).Include(x => x.ScopeAreas)
            .Where(u => u.IsActive && u.Roles.Any(r => r.Role == Roles.SocialWorker || r.Role == Roles.Supervisor)).ToListAsync(ct);
        return [.. users.Where(u => u.ScopeKind == ScopeKind.National || u.ScopeAreas.Any(a => units.SelfAndDescendants(a.AdminUnitCode).Contains(district)))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal).Select(u => (u.Id, u.DisplayName))];
    }

    /// <summary>A social worker or supervisor, active, whose area covers the district.</summary>
    private async Task<bool> CoversAsync(int userId, string district, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().Include(x => x.Roles).Include(x => x.ScopeAreas).FirstOrDefaultAsync(x => x.Id == userId && x.IsActive, ct);
        if (u is null || !u.Roles.Any(r => r.Role is Roles.SocialWorker or Roles.Supervisor)) return false;
        return u.ScopeKind == ScopeKind.National || u.ScopeAreas.Any(a => units.SelfAndDescendants(a.AdminUnitCode).Contains(district));
    }

    private async Task<VacReportView> ViewAsync(CurrentUser user, VacReport r, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var actions = await db.VacResponseActions.AsNoTracking().Where(a => a.ReportId == r.Id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        var names = await NamesAsync(actions.Select(a => (int?)a.ById).Append(r.AssignedToId), ct);
        return new VacReportView(r.Id, r.Reference, r.Channel, r.Type, r.Description, r.DistrictCode, r.Place, r.OccurredOn, r.ImmediateDanger,
            new VacChildView(r.ChildGivenName, r.ChildSurname, r.ChildPatronymic, r.ChildSex, r.ChildBirthDate, r.ChildApproximateAge,
                r.ChildDisability, r.ChildId),
            new VacPerpetratorInput(r.PerpetratorRelation, r.PerpetratorDescription),
            VacScope.SeesReporter(user) ? new VacReporterInput(r.ReporterName, r.ReporterPhone, r.ReporterRelation) : null,
            r.Risk, r.EarlierReports, r.ReportedAt, r.ResponseDueAt, r.Status, r.IsOverdue(now), r.EscalationAt(now, ToCoordinator),
            r.AssignedToId, Name(names, r.AssignedToId), r.FirstRespondedAt, r.CaseId,
            [.. actions.Select(a => new VacActionView(a.Kind, a.On, a.Note, a.At, Name(names, a.ById) ?? ""))],
            r.ClosureReason, r.ClosureNote, r.ClosedAt, r.Version);
    }

    private async Task<Dictionary<int, string>> NamesAsync(IEnumerable<int?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private static string? Name(Dictionary<int, string> names, int? id) => id is { } i && names.TryGetValue(i, out var n) ? n : null;
}
