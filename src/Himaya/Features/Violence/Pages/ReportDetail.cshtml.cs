using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Violence.Pages;

/// <summary>
/// One report and its response: what was reported (the reporter only for triage roles), its deadline and escalation,
/// and the forms for the next step: assignment (supervisor, coordinator), actions and closure (who is answering it).
/// </summary>
public sealed class ReportDetailModel(VacWork work, VacLinking linking, Himaya.Features.Cases.CaseWork cases) : HimayaPage
{
    public VacReportView? Report { get; private set; }
    public ReporterStatusView? StatusOnly { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Workers { get; private set; } = [];
    public string? Conflict { get; private set; }
    /// <summary>For triage roles while no child is confirmed: registry children who may be the reported one.</summary>
    public IReadOnlyList<Himaya.Features.Registry.IntakeMatch> Matches { get; private set; } = [];
    /// <summary>The confirmed child's open cases the user may see, while no case is linked.</summary>
    public IReadOnlyList<(Guid Id, string Number)> OpenCases { get; private set; } = [];
    /// <summary>Who may own and supervise a case opened for the report (the report's district).</summary>
    public IReadOnlyList<Himaya.Features.Cases.UserRef> CaseWorkers { get; private set; } = [];
    public IReadOnlyList<Himaya.Features.Cases.UserRef> CaseSupervisors { get; private set; } = [];
    /// <summary>The registry's duplicate check found children like the one being registered: the user must say it is new.</summary>
    public bool DuplicateWarning { get; private set; }
    /// <summary>Which form was sent (its errors are shown beside it).</summary>
    public string? Sent { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) => StepAsync(id, "assign", errors =>
        work.AssignAsync(Me, id, new AssignRequest(new FormReader(Request.Form, errors).Int("workerId")), ct), ct);

    public Task<IActionResult> OnPostActionAsync(Guid id, CancellationToken ct) => StepAsync(id, "action", errors =>
    {
        var f = new FormReader(Request.Form, errors);
        return work.ActAsync(Me, id, new ActionRequest(f.Enum<ResponseAction>("kind"), f.Date("on"), f.Text("note")), ct);
    }, ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => StepAsync(id, "close", errors =>
    {
        var f = new FormReader(Request.Form, errors);
        return work.CloseAsync(Me, id, new CloseRequest(f.Enum<ReportClosure>("reason"), f.Text("closureNote"), f.Int("version")), ct);
    }, ct, rename: ("note", "closureNote"));

    /// <param name="rename">A field the page names differently from the API (two forms on one page, one field name).</param>
    public Task<IActionResult> OnPostChildAsync(Guid id, CancellationToken ct) => StepAsync(id, "child", errors =>
    {
        var f = new FormReader(Request.Form, errors);
        return linking.LinkChildAsync(Me, id, new LinkChildRequest(f.Guid("childId"), f.Int("version")), ct);
    }, ct);

    public Task<IActionResult> OnPostCaseAsync(Guid id, CancellationToken ct) => StepAsync(id, "case", errors =>
    {
        var f = new FormReader(Request.Form, errors);
        return linking.LinkCaseAsync(Me, id, new LinkCaseRequest(f.Guid("caseId"), f.Int("version")), ct);
    }, ct);

    public Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken ct) => StepAsync(id, "register", errors =>
    {
        var f = new FormReader(Request.Form, errors);
        return linking.RegisterChildAsync(Me, id, new RegisterChildRequest(f.Int("version"), f.Text("confirmNew") is "true" or "on", f.Text("givenName"),
            f.Text("surname"), f.Text("patronymic"), f.Enum<Himaya.Features.Registry.Sex>("sex"), f.Date("birthDate"),
            f.Enum<Himaya.Features.Registry.CareArrangement>("careArrangement")), Culture, ct);
    }, ct);

    public Task<IActionResult> OnPostOpenCaseAsync(Guid id, CancellationToken ct) => StepAsync(id, "open-case", errors =>
    {
        var f = new FormReader(Request.Form, errors);
        return linking.OpenCaseAsync(Me, id, new OpenCaseForReportRequest(f.Int("version"), f.Text("caseReason"), [.. Request.Form["concerns"].Select(x => x ?? "")],
            f.Enum<Himaya.Features.Cases.RiskLevel>("risk"), f.Int("ownerId"), f.Int("supervisorId")), ct);
    }, ct, rename: ("reason", "caseReason"));

    private async Task<IActionResult> StepAsync(Guid id, string form, Func<FieldErrors, Task<Outcome<VacReportView>>> step, CancellationToken ct,
        (string Api, string Page)? rename = null)
    {
        Sent = form;
        var parse = new FieldErrors();
        var outcome = await step(parse);
        if (!parse.IsEmpty && outcome is not Outcome<VacReportView>.Forbidden and not Outcome<VacReportView>.NotFound)
        {
            Errors = outcome is Outcome<VacReportView>.Invalid bad ? VacForm.Merge(parse, bad.Errors) : parse;
            return await LoadAsync(id, ct);
        }
        switch (outcome)
        {
            case Outcome<VacReportView>.Ok: return Redirect($"/vac/{id}");
            case Outcome<VacReportView>.Invalid bad: Errors = rename is { } x ? VacForm.Rename(bad.Errors, x.Api, x.Page) : bad.Errors; return await LoadAsync(id, ct);
            case Outcome<VacReportView>.Conflict c:
                Conflict = Localise(c);
                DuplicateWarning = c.Refusal?.Code == VacErrors.PossibleDuplicates(0).Code;
                return await LoadAsync(id, ct);
            case Outcome<VacReportView>.Forbidden: return Forbid();
            default: return NotFound();
        }
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        switch (await work.GetAsync(Me, id, ct))
        {
            case Outcome<VacReportRead>.Ok ok:
                Report = ok.Value.Details;
                StatusOnly = ok.Value.Status;
                if (Report is { Status: not ReportStatus.Closed } r && Me.Can(Permission.TriageVacReports))
                {
                    Workers = await work.WorkersForAsync(r.DistrictCode, ct);
                    if (r.Child.RegistryId is { } child)
                    {
                        if (r.CaseId is null)
                        {
                            OpenCases = await linking.OpenCasesAsync(Me, child, ct);
                            if (Me.Can(Permission.WorkCases)) (CaseWorkers, CaseSupervisors) = await cases.StaffForAsync(r.DistrictCode, ct);
                        }
                    }
                    else if (await linking.MatchesAsync(Me, id, Culture, ct) is Outcome<Himaya.Features.Registry.IntakeMatches>.Ok m)
                        Matches = [.. m.Value.Matches.Where(x => x.InScope)];
                }
                return Page();
            case Outcome<VacReportRead>.Forbidden: return Forbid();
            default: return NotFound();
        }
    }
}
