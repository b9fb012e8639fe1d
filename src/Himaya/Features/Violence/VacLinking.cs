using Himaya.Features.Cases;
using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Violence;

public sealed record LinkChildRequest(Guid? ChildId, int? Version);
public sealed record LinkCaseRequest(Guid? CaseId, int? Version);
/// <summary>Registers the reported child: the report's names, sex and birth date unless given here; the district is the report's.</summary>
public sealed record RegisterChildRequest(int? Version, bool? ConfirmNew, string? GivenName, string? Surname, string? Patronymic, Sex? Sex,
    DateOnly? BirthDate, CareArrangement? CareArrangement);
/// <summary>Opens a case for the report's confirmed child (the fields of <see cref="OpenCaseRequest"/>) and links it.</summary>
public sealed record OpenCaseForReportRequest(int? Version, string? Reason, IReadOnlyList<string>? Concerns, RiskLevel? Risk, int? OwnerId,
    int? SupervisorId);

/// <summary>
/// Joining a report to the registry and to a case, by a person: the registry's own duplicate check proposes the child
/// (the report's names, sex and birth date), someone who may read that child confirms, and an open case of that child
/// (or one opened for it) takes the report. Both through the report's step frame, so scope, version and audit hold.
/// </summary>
public sealed class VacLinking(AppDbContext db, VacWork work, IntakeMatching matching, ChildRecords children, CaseWork cases, AdminUnits units,
    TimeProvider clock)
{
    /// <summary>Registry children that are probably the reported child (the duplicate check's answer, scope included).</summary>
    public async Task<Outcome<IntakeMatches>> MatchesAsync(CurrentUser user, Guid id, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.TriageVacReports)) return new Outcome<IntakeMatches>.Forbidden();
        var report = await db.VacReports.AsNoTracking().DetailsVisibleTo(user).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return new Outcome<IntakeMatches>.NotFound();
        var input = new ChildInput
        {
            GivenName = report.ChildGivenName, Surname = report.ChildSurname, Patronymic = report.ChildPatronymic,
            Sex = report.ChildSex, BirthDate = report.ChildBirthDate, DistrictCode = report.DistrictCode,
        };
        // Without names and a birth date the duplicate check has nothing to look up by: no candidates, not an error.
        if (input.GivenName is null || input.Surname is null || input.BirthDate is null) return new IntakeMatches([], 0);
        return await matching.FindAsync(user, input, culture, ct);
    }

    public async Task<Outcome<VacReportView>> LinkChildAsync(CurrentUser user, Guid id, LinkChildRequest r, CancellationToken ct)
    {
        var e = new FieldErrors();
        if (r.ChildId is null) e.Add(PlatformErrors.Required("childId"));
        if (r.Version is null) e.Add(VacErrors.VersionRequired());
        return await work.StepAsync(user, id, r.Version, Permission.TriageVacReports, async (report, _) =>
        {
            var childId = r.ChildId!.Value;
            if (!await db.Children.AsNoTracking().VisibleTo(user).AnyAsync(c => c.Id == childId, ct)) return VacErrors.NoSuchChild();
            return report.LinkChild(childId);
        }, _ => $"child {r.ChildId} confirmed", ct, e);
    }

    public async Task<Outcome<VacReportView>> LinkCaseAsync(CurrentUser user, Guid id, LinkCaseRequest r, CancellationToken ct)
    {
        var e = new FieldErrors();
        if (r.CaseId is null) e.Add(PlatformErrors.Required("caseId"));
        if (r.Version is null) e.Add(VacErrors.VersionRequired());
        return await work.StepAsync(user, id, r.Version, Permission.TriageVacReports, async (report, _) =>
        {
            var caseId = r.CaseId!.Value;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).Where(c => c.Id == caseId).Select(c => new { c.ChildId, c.Stage }).FirstOrDefaultAsync(ct);
            if (found is null) return VacErrors.NoSuchCase();
            if (found.Stage == CaseStage.Closed) return VacErrors.CaseClosed();
            return report.LinkCase(caseId, found.ChildId);
        }, _ => $"case {r.CaseId} linked", ct, e);
    }

    /// <summary>
    /// No registry child is the reported one: register it through the registry's own path (its validation, scope, "sent
    /// twice" check and audit) with the report's details, and link the report to it, in one transaction. The registry's
    /// duplicate check runs first unless the caller confirms the child is new (<c>confirmNew</c>).
    /// </summary>
    public async Task<Outcome<VacReportView>> RegisterChildAsync(CurrentUser user, Guid id, RegisterChildRequest r, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.TriageVacReports) || !user.Can(Permission.WriteRegistry)) return new Outcome<VacReportView>.Forbidden();
        var report = await db.VacReports.AsNoTracking().DetailsVisibleTo(user).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (report is null) return new Outcome<VacReportView>.NotFound();
        var input = ChildFrom(report, r);
        var e = ChildValidator.Validate(input, units, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), isUpdate: false);
        if (r.Version is null) e.Add(VacErrors.VersionRequired());
        // Before the step's transaction: the duplicate check writes its own audit line.
        var alike = e.IsEmpty && report.ChildId is null && r.ConfirmNew != true
            && await matching.FindAsync(user, input, culture, ct) is Outcome<IntakeMatches>.Ok { Value.Matches.Count: > 0 } found ? found.Value.Matches.Count : 0;
        return await work.StepAsync(user, id, r.Version, Permission.TriageVacReports, async (tracked, _) =>
        {
            if (tracked.IsClosed) return VacErrors.Closed();
            if (tracked.ChildId is not null) return VacErrors.ChildAlreadyConfirmed();
            if (alike > 0) return VacErrors.PossibleDuplicates(alike);
            return await children.CreateAsync(user, input, ct) switch
            {
                Outcome<Child>.Ok ok => tracked.LinkChild(ok.Value.Id),
                Outcome<Child>.Conflict c when c.Refusal is { } refusal => refusal,
                Outcome<Child>.Invalid bad => bad.Errors.All.Keys.SelectMany(bad.Errors.CodedFor).First(),
                _ => VacErrors.NoSuchChild(),
            };
        }, x => $"child {x.ChildId} registered from the report and confirmed", ct, e);
    }

    /// <summary>The registry record a report describes: what the caller sent, else what the report says; the report's district.</summary>
    public static ChildInput ChildFrom(VacReport report, RegisterChildRequest r) => new()
    {
        GivenName = r.GivenName ?? report.ChildGivenName, Surname = r.Surname ?? report.ChildSurname,
        Patronymic = r.Patronymic ?? report.ChildPatronymic, Sex = r.Sex ?? report.ChildSex, BirthDate = r.BirthDate ?? report.ChildBirthDate,
        CareArrangement = r.CareArrangement, DistrictCode = report.DistrictCode,
    };

    /// <summary>
    /// Opens a case for the report's confirmed child through the Cases opening path (its permission, rules, numbering and
    /// audit) and links the report to it, in one transaction: a refusal of either leaves neither.
    /// </summary>
    public async Task<Outcome<VacReportView>> OpenCaseAsync(CurrentUser user, Guid id, OpenCaseForReportRequest r, CancellationToken ct)
    {
        if (!user.Can(Permission.TriageVacReports) || !user.Can(Permission.WorkCases)) return new Outcome<VacReportView>.Forbidden();
        var e = new FieldErrors();
        if (r.Version is null) e.Add(VacErrors.VersionRequired());
        FieldErrors? caseErrors = null;
        var outcome = await work.StepAsync(user, id, r.Version, Permission.TriageVacReports, async (report, _) =>
        {
            if (report.IsClosed) return VacErrors.Closed();
            if (report.ChildId is not { } childId) return VacErrors.ChildNotConfirmed();
            if (report.CaseId is not null) return VacErrors.CaseAlreadyLinked();
            var opened = await cases.OpenAsync(user, new OpenCaseRequest(childId, r.Reason, r.Concerns, r.Risk, r.OwnerId, r.SupervisorId, "violence-report"), ct);
            switch (opened)
            {
                case Outcome<CaseView>.Ok ok: return report.LinkCase(ok.Value.Id, childId);
                case Outcome<CaseView>.Invalid bad: caseErrors = bad.Errors; return bad.Errors.All.Keys.SelectMany(bad.Errors.CodedFor).First();
                case Outcome<CaseView>.Conflict c when c.Refusal is { } refusal: return refusal;
                default: return VacErrors.NoSuchChild();
            }
        }, x => $"case {x.CaseId} opened for the report and linked", ct, e);
        // The case's own field errors, all of them (the step frame carries one refusal).
        return caseErrors is not null && outcome is Outcome<VacReportView>.Invalid ? new Outcome<VacReportView>.Invalid(caseErrors) : outcome;
    }

    /// <summary>What a new case for the report starts from on the page: its concern from the type of violence, its risk from the triage.</summary>
    public static (string Concern, RiskLevel Risk) CaseDefaults(ViolenceType type, ReportRisk risk) => (type switch
    {
        ViolenceType.Physical => "physical-abuse",
        ViolenceType.Sexual or ViolenceType.OnlineAbuse => "sexual-abuse",
        ViolenceType.Emotional or ViolenceType.Bullying => "emotional-abuse",
        ViolenceType.Neglect => "neglect",
        ViolenceType.ChildLabour or ViolenceType.Exploitation => "child-labour",
        ViolenceType.Trafficking => "trafficking",
        ViolenceType.ChildMarriage => "child-marriage",
        _ => "other",
    }, risk switch { ReportRisk.Immediate or ReportRisk.High => RiskLevel.High, ReportRisk.Medium => RiskLevel.Medium, _ => RiskLevel.Low });

    /// <summary>The open cases of the report's confirmed child that the user may see (to link one).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Number)>> OpenCasesAsync(CurrentUser user, Guid childId, CancellationToken ct) =>
        (await db.Cases.AsNoTracking().VisibleTo(user).Where(c => c.ChildId == childId && c.Stage != CaseStage.Closed)
            .Select(c => new { c.Id, c.Number }).ToListAsync(ct)).Select(c => (c.Id, c.Number)).ToList();
}
