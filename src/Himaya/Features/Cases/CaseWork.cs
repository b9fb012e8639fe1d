using System.Text.Json;
using Himaya.Platform;
using Himaya.Features.Services;
using Himaya.Features.Deprivation;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Himaya.Features.Cases;

/// <summary>
/// A case from opening to closure: the case's own methods decide whether a stage change is allowed (<see cref="Case"/>);
/// each step runs in the one frame (<see cref="StepFrame"/>), which checks that the caller is the case's owner or
/// supervisor (approvals: its supervisor only) and that the change is based on the current version, and makes it one
/// transaction with its history event and audit line. This class says what each step validates, looks up and records.
/// </summary>
public sealed class CaseWork(AppDbContext db, AuditLog audit, AdminUnits units, CaseViews views, StepFrame frame, IOptions<CaseOptions> options, TimeProvider clock)
{
    public const string EntityType = "case";
    private CaseOptions O => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>Opens a case: in its own transaction, or in the caller's when one is open (it then commits or undoes both).</summary>
    public async Task<Outcome<CaseView>> OpenAsync(CurrentUser user, OpenCaseRequest r, CancellationToken ct)
    {
        if (!user.Can(Permission.WorkCases)) return new Outcome<CaseView>.Forbidden();
        var e = new FieldErrors();
        if (r.ChildId is null) e.Add(CaseErrors.WhichChild());
        Text(e, "reason", r.Reason, 2000, required: true);
        if (r.Concerns is null || r.Concerns.Count == 0) e.Add(CaseErrors.ConcernsRequired());
        else if (r.Concerns.FirstOrDefault(c => !CaseCodes.Concerns.Contains(c)) is { } bad) e.Add(CaseErrors.UnknownConcern(bad));
        if (r.Risk is null) e.Add(CaseErrors.RiskRequired());
        if (r.OpenedFrom is { } from && !CaseCodes.OpenedFrom.Contains(from)) e.Add(CaseErrors.UnknownOpenedFrom());
        if (!e.IsEmpty && r.ChildId is null) return new Outcome<CaseView>.Invalid(e);

        var child = await db.Children.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(c => c.Id == r.ChildId, ct);
        if (child is null) return new Outcome<CaseView>.NotFound();

        var ownerId = r.OwnerId ?? (user.Roles.Contains(Roles.SocialWorker) ? user.Id : (int?)null);
        AppUser? owner = null, supervisor = null;
        if (ownerId is null) e.Add(CaseErrors.OwnerRequired());
        else if ((owner = await StaffAsync(ownerId.Value, Roles.SocialWorker, child.DistrictCode, ct)) is null)
            e.Add(CaseErrors.OwnerNotCovering());
        if (r.SupervisorId is { } sid)
        {
            if ((supervisor = await StaffAsync(sid, Roles.Supervisor, child.DistrictCode, ct)) is null)
                e.Add(CaseErrors.SupervisorNotCovering());
        }
        else if ((supervisor = await DefaultSupervisorAsync(child.DistrictCode, ct)) is null)
            e.Add(CaseErrors.NoSupervisorCovers());
        if (owner is not null && supervisor is not null && owner.Id == supervisor.Id) e.Add(CaseErrors.SupervisorIsOwner());
        OutreachTask? task = null;
        if (r.OutreachTaskId is { } tid)
        {
            task = await db.OutreachTasks.FirstOrDefaultAsync(t => t.Id == tid && t.ChildId == child.Id, ct);
            if (task is null || task.Status != OutreachStatus.Open) e.Add(CaseErrors.NoOpenOutreachTask());
        }
        if (!e.IsEmpty) return new Outcome<CaseView>.Invalid(e);

        if (await db.Cases.AnyAsync(c => c.ChildId == child.Id && c.Stage != CaseStage.Closed, ct))
            return Outcome<CaseView>.Refused(CaseErrors.ChildHasOpenCase());

        var now = Now;
        var @case = new Case
        {
            Id = Guid.CreateVersion7(), Number = "", ChildId = child.Id, DistrictCode = child.DistrictCode, Agency = owner!.Agency,
            OwnerId = owner.Id, SupervisorId = supervisor!.Id, Stage = CaseStage.InitialAssessment, Risk = r.Risk!.Value,
            Reason = r.Reason!.Trim(), Concerns = string.Join(',', r.Concerns!.Distinct()), OpenedFrom = r.OpenedFrom ?? (task is null ? "child" : "outreach"),
            OutreachTaskId = task?.Id, OpenedAt = now, OpenedById = user.Id, DueAt = now + O.InitialAssessmentWindow(r.Risk.Value),
            UpdatedAt = now, UpdatedById = user.Id, Version = 1,
        };
        // Numbers run per year; two openings at once may pick the same one, and the unique index sends the second round again.
        // Inside a caller's transaction (a violence report linked to the case it opens, in one step) there is no second
        // round: the failed statement spoils the caller's transaction too, so the clash goes up and the caller's work is undone.
        var callers = db.Database.CurrentTransaction is not null;
        for (var attempt = 0; ; attempt++)
        {
            await using var tx = callers ? null : await db.Database.BeginTransactionAsync(ct);
            var year = now.Year;
            var prefix = year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";
            var last = await db.Cases.Where(c => c.Number.StartsWith(prefix)).OrderByDescending(c => c.Number).Select(c => c.Number).FirstOrDefaultAsync(ct);
            var next = last is null ? 1 : int.Parse(last[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
            @case.Number = prefix + next.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            db.Cases.Add(@case);
            db.CaseEvents.Add(new CaseEvent { CaseId = @case.Id, At = Now, ById = user.Id, Kind = "opened", Detail = $"risk={@case.Risk}; from={@case.OpenedFrom}" });
            @case.Touch(Now, user.Id);
            if (task is not null) (task.Status, task.Outcome, task.ClosedById, task.ClosedAt) = (OutreachStatus.Done, "Case " + @case.Number + " opened.", user.Id, now);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 4 && tx is not null)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (task is not null) task = await db.OutreachTasks.FirstAsync(t => t.Id == task.Id, ct);
                // The other opening may have been for the same child: then it is a conflict, not a numbering race.
                if (await db.Cases.AnyAsync(c => c.ChildId == child.Id && c.Stage != CaseStage.Closed, ct))
                    return Outcome<CaseView>.Refused(CaseErrors.ChildHasOpenCase());
                continue;
            }
            await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, EntityType, @case.Id.ToString("D"), $"number={@case.Number}; child={ChildRecords.Id(child.Id)}"), ct);
            if (tx is not null) await tx.CommitAsync(ct);
            break;
        }
        return await views.ViewAsync(user, @case.Id, ct) is { } v ? v : new Outcome<CaseView>.NotFound();
    }

    public async Task<Outcome<CaseView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadCases)) return new Outcome<CaseView>.Forbidden();
        var view = await views.ViewAsync(user, id, ct);
        if (view is null) return new Outcome<CaseView>.NotFound();
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, EntityType, id.ToString("D"), $"child={ChildRecords.Id(view.Child.Id)}"), ct);
        return view;
    }

    public Task<Outcome<CaseView>> InitialAssessmentAsync(CurrentUser user, Guid id, InitialAssessmentRequest r, CancellationToken ct) =>
        ChangeAsync(user, id, r.Version, Role.Worker, e =>
        {
            Text(e, "summary", r.Summary, 4000, required: true);
            if (r.ChildSafe is null) e.Add(CaseErrors.ChildSafeRequired());
            if (r.Risk is null) e.Add(CaseErrors.RiskRequired());
        },
        (c, _) =>
        {
            if (c.RecordInitialAssessment(r.Risk!.Value, Now.AddDays(O.ComprehensiveAssessmentDays)) is { } refused) return refused;
            AddAssessment(c, user, AssessmentKind.Initial, new { summary = r.Summary!.Trim(), childSafe = r.ChildSafe, risk = r.Risk.ToString() });
            return new StepDone("initial-assessment", $"risk={c.Risk}; safe={r.ChildSafe}");
        }, ct);

    public Task<Outcome<CaseView>> ComprehensiveAssessmentAsync(CurrentUser user, Guid id, ComprehensiveAssessmentRequest r, CancellationToken ct) =>
        ChangeAsync(user, id, r.Version, Role.Worker, e =>
        {
            Text(e, "familySituation", r.FamilySituation, 4000, required: true);
            Text(e, "risks", r.Risks, 4000, required: true);
            Text(e, "strengths", r.Strengths, 4000, required: true);
            Text(e, "functioning", r.Functioning, 4000, required: false);
            if (r.Wellbeing is null) e.Add(CaseErrors.WellbeingRequired());
            else
            {
                foreach (var k in r.Wellbeing.Keys.Where(k => !CaseCodes.WellbeingDomains.Contains(k))) e.Add(CaseErrors.UnknownWellbeingDomain("wellbeing." + k));
                foreach (var d in CaseCodes.WellbeingDomains)
                    if (!r.Wellbeing.TryGetValue(d, out var v) || v is < 1 or > 4) e.Add(CaseErrors.WellbeingRating("wellbeing." + d));
            }
        },
        (c, child) =>
        {
            if (c.RecordComprehensiveAssessment(child.HasFunctionalDifficulty, !string.IsNullOrWhiteSpace(r.Functioning), Now.AddDays(O.PlanDays)) is { } refused)
                return refused;
            AddAssessment(c, user, AssessmentKind.Comprehensive, new
            {
                familySituation = r.FamilySituation!.Trim(), wellbeing = r.Wellbeing, functioning = r.Functioning?.Trim(), risks = r.Risks!.Trim(), strengths = r.Strengths!.Trim(),
            });
            return new StepDone("comprehensive-assessment");
        }, ct);

    public async Task<Outcome<CaseView>> SubmitPlanAsync(CurrentUser user, Guid id, PlanRequest r, CancellationToken ct)
    {
        var types = (await db.ServiceTypes.AsNoTracking().Where(t => t.Active).Select(t => t.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return await ChangeAsync(user, id, r.Version, Role.Worker, e =>
        {
            if (r.Actions is null || r.Actions.Count == 0) e.Add(CaseErrors.ActionsRequired());
            else if (r.Actions.Count > 50) e.Add(CaseErrors.TooManyActions(50));
            else
                for (var i = 0; i < r.Actions.Count; i++)
                {
                    var a = r.Actions[i];
                    Text(e, $"actions[{i}].goal", a.Goal, 500, required: true);
                    Text(e, $"actions[{i}].action", a.Action, 500, required: true);
                    Text(e, $"actions[{i}].responsible", a.Responsible, 200, required: true);
                    if (a.DueOn is null) e.Add(CaseErrors.ActionDueRequired($"actions[{i}].dueOn"));
                    else if (a.DueOn < Today) e.Add(CaseErrors.ActionDueInPast($"actions[{i}].dueOn"));
                    else if (a.DueOn > Today.AddYears(3)) e.Add(CaseErrors.ActionDueTooFar($"actions[{i}].dueOn"));
                    if (a.ServiceType is { Length: > 0 } type && !types.Contains(type)) e.Add(CaseErrors.UnknownServiceType($"actions[{i}].serviceType", type));
                }
            if (r.IndividualCarePlan == true)
            {
                if (r.CarePlanDomains is null || r.CarePlanDomains.Count == 0) e.Add(CaseErrors.CarePlanDomainsRequired());
                else if (r.CarePlanDomains.FirstOrDefault(d => !CaseCodes.CarePlanDomains.Contains(d)) is { } bad) e.Add(CaseErrors.UnknownCarePlanDomain(bad));
                if (r.ReviewCycleMonths is null or < 1 or > 12) e.Add(CaseErrors.CarePlanReviewCycle());
            }
            else if (r.ReviewCycleMonths is < 1 or > 12) e.Add(CaseErrors.ReviewCycle());
        },
        (c, child) =>
        {
            if (c.SubmitPlan(child.HasFunctionalDifficulty, r.IndividualCarePlan == true, r.CarePlanDomains ?? [], r.ReviewCycleMonths) is { } refused) return refused;
            db.CasePlanActions.RemoveRange(db.CasePlanActions.Where(a => a.CaseId == c.Id));
            var i = 0;
            foreach (var a in r.Actions!)
                db.CasePlanActions.Add(new CasePlanAction { CaseId = c.Id, Position = i++, Goal = a.Goal!.Trim(), Action = a.Action!.Trim(), Responsible = a.Responsible!.Trim(), DueOn = a.DueOn!.Value,
                    ServiceType = string.IsNullOrEmpty(a.ServiceType) ? null : a.ServiceType });
            return new StepDone("plan-submitted", $"{r.Actions!.Count} actions{(c.IndividualCarePlan ? "; individual care plan" : "")}");
        }, ct);
    }

    public Task<Outcome<CaseView>> DecidePlanAsync(CurrentUser user, Guid id, DecisionRequest r, CancellationToken ct) =>
        ChangeAsync(user, id, r.Version, Role.Supervisor, e => Decision(e, r),
        (c, _) =>
        {
            if (c.DecidePlan(r.Approve == true, Today, O.ReviewCycleMonths) is { } refused) return refused;
            return r.Approve != true ? new StepDone("plan-returned", null, r.Comment!.Trim())
                : new StepDone("plan-approved", $"next review {c.NextReviewOn:yyyy-MM-dd}", Clean(r.Comment));
        }, ct);

    public Task<Outcome<CaseView>> ReviewAsync(CurrentUser user, Guid id, ReviewRequest r, CancellationToken ct) =>
        ChangeAsync(user, id, r.Version, Role.Worker, e =>
        {
            Text(e, "progress", r.Progress, 4000, required: true);
            if (r.NextReviewOn is null) e.Add(CaseErrors.NextReviewRequired());
            else if (r.NextReviewOn <= Today) e.Add(CaseErrors.NextReviewAfterToday());
            else if (r.NextReviewOn > Today.AddYears(1)) e.Add(CaseErrors.NextReviewWithinYear());
        },
        (c, _) =>
        {
            if (c.Review(r.NextReviewOn!.Value) is { } refused) return refused;
            AddAssessment(c, user, AssessmentKind.Review, new { progress = r.Progress!.Trim(), nextReviewOn = r.NextReviewOn });
            return new StepDone("review", $"next review {r.NextReviewOn:yyyy-MM-dd}");
        }, ct);

    public Task<Outcome<CaseView>> RequestClosureAsync(CurrentUser user, Guid id, ClosureRequest r, CancellationToken ct) =>
        ChangeAsync(user, id, r.Version, Role.Worker, e =>
        {
            if (r.Reason is null || !CaseCodes.ClosureReasons.Contains(r.Reason)) e.Add(CaseErrors.ClosureReasonRequired(string.Join(", ", CaseCodes.ClosureReasons)));
            Text(e, "outcome", r.Outcome, 4000, required: true);
        },
        async (c, _) =>
        {
            var open = c.CanRequestClosure() is null ? await OpenReferralsAsync(c.Id) : "";
            if (c.RequestClosure(r.Reason!, r.Outcome!.Trim(), open) is { } refused) return refused;
            return new StepDone("closure-requested", r.Reason, c.ClosureOutcome);
        }, ct);

    public Task<Outcome<CaseView>> DecideClosureAsync(CurrentUser user, Guid id, DecisionRequest r, CancellationToken ct) =>
        ChangeAsync(user, id, r.Version, Role.Supervisor, e => Decision(e, r),
        async (c, _) =>
        {
            var open = r.Approve == true && c.CanDecideClosure() is null ? await OpenReferralsAsync(c.Id) : "";
            if (c.DecideClosure(r.Approve == true, open, Now) is { } refused) return refused;
            return r.Approve != true ? new StepDone("closure-returned", null, r.Comment!.Trim()) : new StepDone("closed", c.ClosureReason, Clean(r.Comment));
        }, ct);

    public Task<Outcome<CaseView>> ReopenAsync(CurrentUser user, Guid id, ReopenRequest r, CancellationToken ct) =>
        ChangeAsync(user, id, r.Version, Role.Worker, e => Text(e, "reason", r.Reason, 2000, required: true),
        async (c, _) =>
        {
            var other = c.CanReopen() is null && await db.Cases.AnyAsync(o => o.ChildId == c.ChildId && o.Id != c.Id && o.Stage != CaseStage.Closed, ct);
            if (c.Reopen(other, Now + O.InitialAssessmentWindow(c.Risk)) is { } refused) return refused;
            return new StepDone("reopened", null, r.Reason!.Trim());
        }, ct);

    public Task<Outcome<CaseView>> RequestTransferAsync(CurrentUser user, Guid id, TransferRequest r, CancellationToken ct) =>
        ChangeAsync(user, id, r.Version, Role.Worker, e =>
        {
            if (r.ToSupervisorId is null) e.Add(CaseErrors.TransferSupervisorRequired());
            if (r.ToDistrictCode is { Length: > 0 } d && units.Find(d) is null) e.Add(PlatformErrors.UnknownDistrict("toDistrictCode"));
            Text(e, "reason", r.Reason, 2000, required: true);
        },
        async (c, _) =>
        {
            var district = r.ToDistrictCode is { Length: > 0 } d ? d : c.DistrictCode;
            var covers = await StaffAsync(r.ToSupervisorId!.Value, Roles.Supervisor, district, ct) is not null;
            if (c.RequestTransfer(r.ToSupervisorId.Value, district, r.Reason!.Trim(), covers, Now, user.Id) is { } refused) return refused;
            return new StepDone("transfer-requested", district, c.TransferReason);
        }, ct);

    /// <summary>The owner or supervisor takes back a transfer that is still waiting; nothing of the case had changed hands.</summary>
    public Task<Outcome<CaseView>> WithdrawTransferAsync(CurrentUser user, Guid id, WithdrawTransferRequest r, CancellationToken ct) =>
        ChangeAsync(user, id, r.Version, Role.Worker, e => Text(e, "reason", r.Reason, 2000, required: false),
        (c, _) =>
        {
            var to = c.TransferToDistrict;
            if (c.WithdrawTransfer() is { } refused) return refused;
            return new StepDone("transfer-withdrawn", to, string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim());
        }, ct);

    public Task<Outcome<CaseView>> AddNoteAsync(CurrentUser user, Guid id, NoteRequest r, CancellationToken ct)
    {
        var noteId = Guid.CreateVersion7();
        return frame.RunAsync(user, frame.OnCase(user, id, Permission.WorkCases, x =>
        {
            var note = new CaseNote { Id = noteId, CaseId = x.Case.Id, Kind = r.Kind!.Value, On = r.On!.Value, Text = r.Text!.Trim(), Sensitive = r.Sensitive == true, At = Now, ById = user.Id };
            db.CaseNotes.Add(note);
            // Notes are appended, never edited, so they need no version; the history names the kind, never the content.
            return Task.FromResult<StepResult>(new StepDone("note", $"{note.Kind}{(note.Sensitive ? "; sensitive" : "")}"));
        }, ct) with
        {
            Check = (x, e) =>
            {
                if (r.Kind is null) e.Add(CaseErrors.NoteKindRequired(string.Join(", ", Enum.GetNames<NoteKind>())));
                if (r.On is null) e.Add(CaseErrors.NoteDateRequired());
                else if (r.On > Today) e.Add(PlatformErrors.FutureDate("on"));
                else if (r.On < DateOnly.FromDateTime(x.Case.OpenedAt)) e.Add(CaseErrors.NoteBeforeOpening());
                Text(e, "text", r.Text, 8000, required: true);
                return StepFrame.NoRefusal;
            },
            Person = x => x.Case.IsWorkedOnBy(user.Id) ? null : CaseErrors.OnlyOwnerOrSupervisorWrites(),
            Open = x => x.Case.CanAddNote(),
            Audit = (x, _) => new AuditEvent(AuditActions.Create, "case-note", noteId.ToString("D"), $"case={x.Case.Id:D}"),
        }, ct);
    }

    private enum Role { Worker, Supervisor }

    /// <summary>
    /// A versioned change of the case (its state machine's steps): the owner or supervisor takes it (approvals: the
    /// supervisor alone), based on the version sent; the case's own method decides whether its state allows it; the
    /// case counts a new version.
    /// </summary>
    private Task<Outcome<CaseView>> ChangeAsync(CurrentUser user, Guid id, int? version, Role role, Action<FieldErrors> validate,
        Func<Case, Child, Task<StepResult>> change, CancellationToken ct) =>
        frame.RunAsync(user, frame.OnCase(user, id, role == Role.Supervisor ? Permission.ApproveCases : Permission.WorkCases, x => change(x.Case, x.Child), ct) with
        {
            Check = (_, e) =>
            {
                if (version is null) e.Add(CaseErrors.VersionRequired());
                validate(e);
                return StepFrame.NoRefusal;
            },
            Person = x => role == Role.Supervisor
                ? user.Id == x.Case.SupervisorId ? null : CaseErrors.OnlySupervisorDecides()
                : x.Case.IsWorkedOnBy(user.Id) ? null : CaseErrors.OnlyOwnerOrSupervisorWorks(),
            Stale = x => x.Case.CheckVersion(version!.Value),
            Current = x => frame.CurrentCaseAsync(user, x.Case.Id, ct),
            Changed = x =>
            {
                x.Case.Touch(Now, user.Id);
                x.Case.Version++;
            },
            SavedAtSameMoment = CaseErrors.SavedAtSameMoment(),
        }, ct);

    private Task<Outcome<CaseView>> ChangeAsync(CurrentUser user, Guid id, int? version, Role role, Action<FieldErrors> validate,
        Func<Case, Child, StepResult> change, CancellationToken ct) =>
        ChangeAsync(user, id, version, role, validate, (c, child) => Task.FromResult(change(c, child)), ct);

    private static void Decision(FieldErrors e, DecisionRequest r)
    {
        if (r.Approve is null) e.Add(CaseErrors.ApproveOrReturn());
        if (r.Approve == false && string.IsNullOrWhiteSpace(r.Comment)) e.Add(CaseErrors.ReturnReasonRequired());
        Text(e, "comment", r.Comment, 2000, required: false);
    }

    private void AddAssessment(Case c, CurrentUser user, AssessmentKind kind, object content) =>
        db.CaseAssessments.Add(new CaseAssessment { CaseId = c.Id, Kind = kind, Content = JsonSerializer.Serialize(content, Json.Options), At = Now, ById = user.Id });

    private async Task<string> OpenReferralsAsync(Guid caseId)
    {
        var open = await db.Referrals.Where(x => x.CaseId == caseId && (x.Status == ReferralStatus.Sent || x.Status == ReferralStatus.Accepted || x.Status == ReferralStatus.Delivered))
            .Join(db.Services, x => x.ServiceId, s => s.Id, (x, s) => s.Name).ToListAsync();
        return string.Join(", ", open);
    }

    /// <summary>An active user with the role whose area covers the district (national users cover every district).</summary>
    private async Task<AppUser?> StaffAsync(int userId, string role, string district, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().Include(x => x.Roles).Include(x => x.ScopeAreas).FirstOrDefaultAsync(x => x.Id == userId && x.IsActive, ct);
        return u is not null && u.RoleNames.Contains(role) && Covers(u, district) ? u : null;
    }

    /// <summary>Who may own and who may supervise a case in this district (for the opening form's choices).</summary>
    public async Task<(List<UserRef> Workers, List<UserRef> Supervisors)> StaffForAsync(string district, CancellationToken ct)
    {
        var staff = await db.Users.AsNoTracking().Include(x => x.Roles).Include(x => x.ScopeAreas)
            .Where(x => x.IsActive && x.Roles.Any(r => r.Role == Roles.SocialWorker || r.Role == Roles.Supervisor)).OrderBy(x => x.UserName).ToListAsync(ct);
        var covering = staff.Where(u => Covers(u, district)).ToList();
        return ([.. covering.Where(u => u.RoleNames.Contains(Roles.SocialWorker)).Select(u => new UserRef(u.Id, u.UserName, u.DisplayName))],
            [.. covering.Where(u => u.RoleNames.Contains(Roles.Supervisor)).Select(u => new UserRef(u.Id, u.UserName, u.DisplayName))]);
    }

    /// <summary>Every active supervisor with the areas they cover (the transfer form's choices).</summary>
    public async Task<List<(UserRef User, string Areas)>> SupervisorsAsync(string culture, CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking().Include(x => x.ScopeAreas)
            .Where(x => x.IsActive && x.Roles.Any(r => r.Role == Roles.Supervisor)).OrderBy(x => x.UserName).ToListAsync(ct);
        return [.. rows.Select(u => (new UserRef(u.Id, u.UserName, u.DisplayName),
            u.ScopeKind == ScopeKind.National ? "*" : string.Join(", ", u.ScopeAreas.Select(a => units.DisplayName(a.AdminUnitCode, culture)))))];
    }

    private async Task<AppUser?> DefaultSupervisorAsync(string district, CancellationToken ct)
    {
        var candidates = await db.Users.AsNoTracking().Include(x => x.Roles).Include(x => x.ScopeAreas)
            .Where(x => x.IsActive && x.Roles.Any(r => r.Role == Roles.Supervisor)).OrderBy(x => x.Id).ToListAsync(ct);
        // Prefer the supervisor of the district itself over a national one.
        return candidates.Where(u => u.ScopeKind == ScopeKind.Areas && Covers(u, district)).FirstOrDefault()
            ?? candidates.FirstOrDefault(u => Covers(u, district));
    }

    private bool Covers(AppUser u, string district) => u.ScopeKind switch
    {
        ScopeKind.National => true,
        ScopeKind.Areas => CurrentUserAccessor.Build(u, units, null).Districts.Contains(district),
        _ => false,
    };

    private static void Text(FieldErrors e, string field, string? value, int max, bool required) => CaseRules.Text(e, field, value, max, required);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
