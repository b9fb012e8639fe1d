using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Cases.Pages;

/// <summary>
/// One case: where it stands, what to do next (the form for the current step only), plan, referrals, notes and history.
/// Every form posts the version it was shown; when someone else changed the case meanwhile, the page shows their change
/// and keeps what the user typed in the form, so nothing is lost.
/// </summary>
public sealed class CaseDetailModel(CaseWork work, Referrals referrals, CaseAttachments attachments, Himaya.Platform.AdminUnits units,
    AlternativeCareWork care, FosterCarers carers, Justice justice, Himaya.Features.Services.ServiceDirectory directory,
    Himaya.Features.Services.ServiceTaxonomy taxonomy, IEnumerable<IRegisteredPlaces> registers) : HimayaPage
{
    /// <summary>The registered homes the placement form suggests, so that a placement names its home as the register does.</summary>
    public List<string> RegisteredPlaces { get; private set; } = [];
    public IReadOnlyList<Himaya.Features.Services.ServiceTypeView> ServiceTypes { get; private set; } = [];
    /// <summary>Every type's name, retired ones too (a plan or a service keeps the types it had).</summary>
    public IReadOnlyDictionary<string, string> TypeNames { get; private set; } = new Dictionary<string, string>();
    public List<CarerMatch> CarerMatches { get; private set; } = [];
    public List<(UserRef User, string Areas)> Supervisors { get; private set; } = [];
    public Himaya.Platform.AdminUnits Units => units;
    public CaseView Case { get; private set; } = null!;
    public List<ServiceChoice> Services { get; private set; } = [];
    public string? Message { get; private set; }
    /// <summary>Set when the user's change was refused because the case changed meanwhile, or its state does not allow it.</summary>
    public string? Conflict { get; private set; }
    /// <summary>The form that was posted (its fields are refilled from the post).</summary>
    public string? Posted { get; private set; }

    /// <summary>What the user sent in a refused form, shown beside the conflict so it can be copied even when the form is no longer offered.</summary>
    public IEnumerable<(string Name, string Value)> PostedEntries => !Request.HasFormContentType ? []
        : Request.Form.Where(kv => kv.Key is not ("version" or "__RequestVerificationToken" or "referralId" or "referralVersion" or "decision") && !string.IsNullOrWhiteSpace(kv.Value.ToString()))
            .Select(kv => (kv.Key, kv.Value.ToString()));


    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (done is not null) Message = T["Case.Done." + done].ResourceNotFound ? T["Common.Saved"] : T["Case.Done." + done];
        return await LoadAsync(id, ct);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct, CaseView? current = null)
    {
        if (current is null)
        {
            switch (await work.GetAsync(Me, id, ct))
            {
                case Outcome<CaseView>.Ok ok: Case = ok.Value; break;
                case Outcome<CaseView>.Forbidden: return ForbiddenPage();
                default: return NotFoundPage();
            }
        }
        else Case = current;
        if (Case.Stage is not CaseStage.Closed || Case.Plan.Any(a => a.ServiceType is not null)) { ServiceTypes = await directory.TypesAsync(Culture, ct); TypeNames = await taxonomy.NamesAsync(Culture, ct); }
        if (Case.Can.Work && Case.Stage is not CaseStage.Closed && (await referrals.ServicesAsync(Me, Case.Child.Id, ct)) is Outcome<List<ServiceChoice>>.Ok s) Services = s.Value;
        if (Case.Can.Work && Case.Stage is not CaseStage.Closed && await carers.MatchAsync(Me, Case.Id, Culture, ct) is Outcome<List<CarerMatch>>.Ok m) CarerMatches = m.Value;
        if (Case.Can.Work && Case.Stage is not CaseStage.Closed) foreach (var register in registers) RegisteredPlaces.AddRange(await register.CareNamesAsync(ct));
        if (Case.Can.Work && Case.Stage is not CaseStage.Closed && Case.Transfer is null) Supervisors = [.. (await work.SupervisorsAsync(Culture, ct)).Where(x => x.User.Id != Case.Supervisor.Id)];
        return Page();
    }

    private async Task<IActionResult> ShowAsync<T>(Guid id, string form, Outcome<T> outcome, string done, CancellationToken ct)
    {
        Posted = form;
        switch (outcome)
        {
            case Outcome<T>.Ok: return Redirect($"/cases/{id}?done={done}#main");
            case Outcome<T>.NotFound: return NotFoundPage();
            case Outcome<T>.Forbidden f:
                // The role may act but this person may not (not the case's owner or supervisor): said by the refusal's code.
                if (f.Refusal is not { } reason) return ForbiddenPage();
                Conflict = reason.Localise(this.T);
                return await LoadAsync(id, ct);
            case Outcome<T>.Invalid bad: Errors = bad.Errors; return await LoadAsync(id, ct);
            case Outcome<T>.Conflict c:
                Conflict = Localise(c);
                return await LoadAsync(id, ct, c.Current as CaseView);
            default: return ForbiddenPage();
        }
    }

    private FormReader Form() => new(Request.Form, Errors);

    public async Task<IActionResult> OnPostInitialAsync(Guid id, CancellationToken ct)
    {
        var f = Form();
        var r = new InitialAssessmentRequest(f.Int("version"), f.Text("summary"), f.TriState("childSafe"), f.Enum<RiskLevel>("risk"));
        return await ShowAsync(id, "initial", Errors.IsEmpty ? await work.InitialAssessmentAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors), "initial", ct);
    }

    public async Task<IActionResult> OnPostComprehensiveAsync(Guid id, CancellationToken ct)
    {
        var f = Form();
        var wellbeing = new Dictionary<string, int>();
        foreach (var d in CaseCodes.WellbeingDomains) if (f.Int("wellbeing." + d) is { } v) wellbeing[d] = v;
        var r = new ComprehensiveAssessmentRequest(f.Int("version"), f.Text("familySituation"), wellbeing, f.Text("functioning"), f.Text("risks"), f.Text("strengths"));
        return await ShowAsync(id, "comprehensive", Errors.IsEmpty ? await work.ComprehensiveAssessmentAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors), "comprehensive", ct);
    }

    public const int PlanRows = 6;

    public async Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken ct)
    {
        var f = Form();
        var actions = new List<PlanActionInput>();
        // Blank rows are left out; a partly filled row is sent as it is, so its missing parts are named.
        for (var i = 0; i < PlanRows; i++)
        {
            var a = new PlanActionInput(f.Text($"goal{i}"), f.Text($"action{i}"), f.Text($"responsible{i}"), f.Date($"dueOn{i}"), f.Text($"serviceType{i}"));
            if (a is { Goal: null, Action: null, Responsible: null, DueOn: null }) continue;
            actions.Add(a);
        }
        var icp = f.Check("individualCarePlan");
        var r = new PlanRequest(f.Int("version"), actions, icp, icp ? [.. Request.Form["carePlanDomains"].Select(x => x ?? "")] : null, f.Int("reviewCycleMonths"));
        var outcome = Errors.IsEmpty ? await work.SubmitPlanAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors);
        // Errors of the n-th sent action belong to the n-th filled row of the form.
        if (outcome is Outcome<CaseView>.Invalid bad)
        {
            var rows = Enumerable.Range(0, PlanRows).Where(i => f.Text($"goal{i}") is not null || f.Text($"action{i}") is not null || f.Text($"responsible{i}") is not null || f.Text($"dueOn{i}") is not null).ToList();
            outcome = new Outcome<CaseView>.Invalid(Rename(bad.Errors, field =>
            {
                var m = System.Text.RegularExpressions.Regex.Match(field, @"^actions\[(\d+)\]\.(\w+)$");
                return m.Success && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < rows.Count
                    ? m.Groups[2].Value + rows[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] : field == "actions" ? "goal0" : field;
            }));
        }
        return await ShowAsync(id, "plan", outcome, "plan", ct);
    }

    public async Task<IActionResult> OnPostPlanDecisionAsync(Guid id, string? decision, CancellationToken ct)
    {
        var f = Form();
        var r = new DecisionRequest(f.Int("version"), decision switch { "approve" => true, "return" => false, _ => null }, f.Text("comment"));
        return await ShowAsync(id, "plan-decision", Errors.IsEmpty ? await work.DecidePlanAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors), r.Approve == true ? "plan-approved" : "plan-returned", ct);
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct)
    {
        var f = Form();
        var r = new ReviewRequest(f.Int("version"), f.Text("progress"), f.Date("nextReviewOn"));
        return await ShowAsync(id, "review", Errors.IsEmpty ? await work.ReviewAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors), "review", ct);
    }

    public async Task<IActionResult> OnPostClosureAsync(Guid id, CancellationToken ct)
    {
        var f = Form();
        var r = new ClosureRequest(f.Int("version"), f.Text("closureReason"), f.Text("closureOutcome"));
        var outcome = Errors.IsEmpty ? await work.RequestClosureAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors);
        if (outcome is Outcome<CaseView>.Invalid bad) outcome = new Outcome<CaseView>.Invalid(Rename(bad.Errors, ("reason", "closureReason"), ("outcome", "closureOutcome")));
        return await ShowAsync(id, "closure", outcome, "closure", ct);
    }

    public async Task<IActionResult> OnPostClosureDecisionAsync(Guid id, string? decision, CancellationToken ct)
    {
        var f = Form();
        var r = new DecisionRequest(f.Int("version"), decision switch { "approve" => true, "return" => false, _ => null }, f.Text("comment"));
        return await ShowAsync(id, "closure-decision", Errors.IsEmpty ? await work.DecideClosureAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors), r.Approve == true ? "closed" : "closure-returned", ct);
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct)
    {
        var f = Form();
        var r = new ReopenRequest(f.Int("version"), f.Text("reopenReason"));
        var outcome = Errors.IsEmpty ? await work.ReopenAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors);
        if (outcome is Outcome<CaseView>.Invalid bad) outcome = new Outcome<CaseView>.Invalid(Rename(bad.Errors, ("reason", "reopenReason")));
        return await ShowAsync(id, "reopen", outcome, "reopened", ct);
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken ct)
    {
        var f = Form();
        var r = new NoteRequest(f.Enum<NoteKind>("kind"), f.Date("on"), f.Text("text"), f.Check("sensitive"));
        return await ShowAsync(id, "note", Errors.IsEmpty ? await work.AddNoteAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors), "note", ct);
    }

    public async Task<IActionResult> OnPostReferAsync(Guid id, CancellationToken ct)
    {
        var f = Form();
        var r = new ReferRequest(f.Int("serviceId"), f.Text("referralReason"), f.Check("consentGiven"), f.Text("consentBy"), f.Date("consentOn"), f.Date("referralDueOn"));
        var outcome = Errors.IsEmpty ? await referrals.SendAsync(Me, id, r, ct) : new Outcome<ReferralView>.Invalid(Errors);
        if (outcome is Outcome<ReferralView>.Invalid bad) outcome = new Outcome<ReferralView>.Invalid(Rename(bad.Errors, ("reason", "referralReason"), ("dueOn", "referralDueOn")));
        return await ShowAsync(id, "refer", outcome, "referral-sent", ct);
    }

    public async Task<IActionResult> OnPostCancelReferralAsync(Guid id, Guid referralId, CancellationToken ct)
    {
        var f = Form();
        var r = new ReferralStepRequest(f.Int("referralVersion"), f.Text("cancelReason"));
        var outcome = Errors.IsEmpty ? await referrals.StepAsync(Me, referralId, ReferralStep.Cancel, r, ct) : new Outcome<ReferralView>.Invalid(Errors);
        if (outcome is Outcome<ReferralView>.Invalid bad) outcome = new Outcome<ReferralView>.Invalid(Rename(bad.Errors, ("text", "cancelReason")));
        return await ShowAsync(id, "cancel-" + referralId, outcome, "referral-cancelled", ct);
    }

    public async Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? file, string? description, string? sensitive, CancellationToken ct) =>
        await ShowAsync(id, "attach", await attachments.AddAsync(Me, id, file, description, sensitive is "true" or "on", ct), "attachment", ct);

    public async Task<IActionResult> OnPostTransferAsync(Guid id, CancellationToken ct)
    {
        var f = Form();
        var r = new TransferRequest(f.Int("version"), f.Int("toSupervisorId"), f.Text("toDistrictCode"), f.Text("transferReason"));
        var outcome = Errors.IsEmpty ? await work.RequestTransferAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors);
        if (outcome is Outcome<CaseView>.Invalid bad) outcome = new Outcome<CaseView>.Invalid(Rename(bad.Errors, ("reason", "transferReason")));
        return await ShowAsync(id, "transfer", outcome, "transfer-requested", ct);
    }

    public async Task<IActionResult> OnPostWithdrawTransferAsync(Guid id, CancellationToken ct)
    {
        var f = Form();
        var r = new WithdrawTransferRequest(f.Int("version"), null);
        var outcome = Errors.IsEmpty ? await work.WithdrawTransferAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors);
        return await ShowAsync(id, "withdraw-transfer", outcome, "transfer-withdrawn", ct);
    }

    public async Task<IActionResult> OnPostGatekeepingAsync(Guid id, CancellationToken ct)
    {
        var f = Form();
        var r = new GatekeepingRequest(f.Date("panelOn"), f.Text("panelMembers"), [.. Request.Form["optionsConsidered"].Select(x => x ?? "")], f.Text("decision"), f.Text("gatekeepingReasons"));
        var outcome = Errors.IsEmpty ? await care.GatekeepAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors);
        if (outcome is Outcome<CaseView>.Invalid bad) outcome = new Outcome<CaseView>.Invalid(Rename(bad.Errors, ("reasons", "gatekeepingReasons")));
        return await ShowAsync(id, "gatekeeping", outcome, "gatekeeping", ct);
    }

    public async Task<IActionResult> OnPostPlacementAsync(Guid id, CancellationToken ct)
    {
        var f = Form();
        var r = new PlacementRequest(f.Enum<PlacementType>("placementType"), f.Int("fosterCarerId"), f.Text("placeName"), f.Date("startOn"), null);
        var outcome = Errors.IsEmpty ? await care.PlaceAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors);
        if (outcome is Outcome<CaseView>.Invalid bad) outcome = new Outcome<CaseView>.Invalid(Rename(bad.Errors, ("type", "placementType")));
        return await ShowAsync(id, "placement", outcome, "placement", ct);
    }

    public async Task<IActionResult> OnPostEndPlacementAsync(Guid id, long placementId, CancellationToken ct)
    {
        var f = Form();
        var r = new EndPlacementRequest(f.Date("endOn"), f.Text("endReason"));
        var outcome = Errors.IsEmpty ? await care.EndPlacementAsync(Me, id, placementId, r, ct) : new Outcome<CaseView>.Invalid(Errors);
        if (outcome is Outcome<CaseView>.Invalid bad) outcome = new Outcome<CaseView>.Invalid(Rename(bad.Errors, ("reason", "endReason")));
        return await ShowAsync(id, "end-placement", outcome, "placement-ended", ct);
    }

    public async Task<IActionResult> OnPostReunifyAsync(Guid id, CancellationToken ct)
    {
        var f = Form();
        var r = new ReunificationRequest(f.Date("reunifiedOn"), f.Text("withWhom"), f.Text("reunificationPlan"));
        var outcome = Errors.IsEmpty ? await care.ReunifyAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors);
        if (outcome is Outcome<CaseView>.Invalid bad) outcome = new Outcome<CaseView>.Invalid(Rename(bad.Errors, ("plan", "reunificationPlan")));
        return await ShowAsync(id, "reunify", outcome, "reunified", ct);
    }

    public async Task<IActionResult> OnPostVisitAsync(Guid id, long visitId, CancellationToken ct)
    {
        var f = Form();
        var r = new VisitRequest(f.Date("doneOn"), f.Text("findings"));
        return await ShowAsync(id, "visit-" + visitId, Errors.IsEmpty ? await care.RecordVisitAsync(Me, id, visitId, r, ct) : new Outcome<CaseView>.Invalid(Errors), "monitoring-visit", ct);
    }

    public async Task<IActionResult> OnPostJusticeAsync(Guid id, CancellationToken ct)
    {
        var f = Form();
        var r = new JusticeRequest(f.Enum<JusticeRole>("justiceRole"), f.Text("matter"), f.Date("contactOn"));
        var outcome = Errors.IsEmpty ? await justice.AddAsync(Me, id, r, ct) : new Outcome<CaseView>.Invalid(Errors);
        if (outcome is Outcome<CaseView>.Invalid bad) outcome = new Outcome<CaseView>.Invalid(Rename(bad.Errors, ("role", "justiceRole")));
        return await ShowAsync(id, "justice", outcome, "justice", ct);
    }

    public async Task<IActionResult> OnPostJusticeStepAsync(Guid id, long recordId, string? step, CancellationToken ct)
    {
        var f = Form();
        var r = new JusticeStepRequest(f.Date("stepOn"), f.Text("stepText"), f.Text("stepOutcome"), f.Int("hearingId"));
        var outcome = Errors.IsEmpty ? await justice.StepAsync(Me, id, recordId, step ?? "", r, ct) : new Outcome<CaseView>.Invalid(Errors);
        if (outcome is Outcome<CaseView>.Invalid bad) outcome = new Outcome<CaseView>.Invalid(Rename(bad.Errors, ("on", "stepOn"), ("text", "stepText"), ("outcome", "stepOutcome")));
        return await ShowAsync(id, "justice-" + recordId, outcome, "justice", ct);
    }

    /// <summary>Several forms share the page, so fields the API calls alike get distinct form names.</summary>
    private static FieldErrors Rename(FieldErrors errors, params (string From, string To)[] names) =>
        Rename(errors, field => names.FirstOrDefault(n => n.From == field).To ?? field);

    /// <summary>Every error is a coded refusal (the use cases', the form reader's), so it moves to its new field with its code.</summary>
    private static FieldErrors Rename(FieldErrors errors, Func<string, string> name)
    {
        var result = new FieldErrors();
        foreach (var field in errors.All.Keys)
            foreach (var r in errors.CodedFor(field)) result.Add(r with { Field = name(field) });
        return result;
    }

    public bool IsOwnerOrSupervisor => Case.Can.Work;
    public bool CanApprove => Case.Can.Approve && Me.Can(Permission.ApproveCases);
}
