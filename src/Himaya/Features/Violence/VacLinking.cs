using Himaya.Features.Cases;
using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Violence;

public sealed record LinkChildRequest(Guid? ChildId, int? Version);
public sealed record LinkCaseRequest(Guid? CaseId, int? Version);

/// <summary>
/// Joining a report to the registry and to a case, by a person: the registry's own duplicate check proposes the child
/// (the report's names, sex and birth date), someone who may read that child confirms, and an open case of that child
/// (or one opened for it) takes the report. Both through the report's step frame, so scope, version and audit hold.
/// </summary>
public sealed class VacLinking(AppDbContext db, VacWork work, IntakeMatching matching)
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

    /// <summary>The open cases of the report's confirmed child that the user may see (to link one).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Number)>> OpenCasesAsync(CurrentUser user, Guid childId, CancellationToken ct) =>
        (await db.Cases.AsNoTracking().VisibleTo(user).Where(c => c.ChildId == childId && c.Stage != CaseStage.Closed)
            .Select(c => new { c.Id, c.Number }).ToListAsync(ct)).Select(c => (c.Id, c.Number)).ToList();
}
