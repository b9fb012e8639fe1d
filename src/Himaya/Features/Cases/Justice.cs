using Himaya.Platform;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Cases;

public sealed record JusticeRequest(JusticeRole? Role, string? Matter, DateOnly? ContactOn);
/// <summary>A step on a justice record: legal-aid (text = provider), diversion (text = measure), diversion-complete (text = outcome),
/// hearing (on, text = court, outcome when held), hearing-outcome (hearingId, outcome), detention (on, text = place), detention-review (on, text = notes), release (on).</summary>
public sealed record JusticeStepRequest(DateOnly? On, string? Text, string? Outcome = null, long? HearingId = null);
public sealed record HearingView(long Id, DateOnly On, string Court, string? Outcome);
public sealed record JusticeView(long Id, JusticeRole Role, string Matter, DateOnly ContactOn, string? LegalAidBy, DateOnly? LegalAidOn, string? Diversion,
    DateOnly? DiversionStartOn, DateOnly? DiversionCompletedOn, string? DiversionOutcome, DateOnly? DetainedFrom, string? DetentionPlace, DateOnly? DetainedUntil,
    DateOnly? LastDetentionReviewOn, DateOnly? DetentionReviewDue, bool DetentionReviewOverdue, IReadOnlyList<HearingView> Hearings);

public sealed class Justice(AppDbContext db, StepFrame frame, TimeProvider clock)
{
    public const int FirstReviewDays = 2, ReviewEveryDays = 30;
    public static readonly IReadOnlyList<string> Steps = ["legal-aid", "diversion", "diversion-complete", "hearing", "hearing-outcome", "detention", "detention-review", "release"];
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The case's justice records (static: the case view reads them without depending on this service).</summary>
    public static async Task<List<JusticeView>> ViewsAsync(AppDbContext db, Guid caseId, DateOnly today, CancellationToken ct)
    {
        var records = await db.JusticeRecords.AsNoTracking().Where(j => j.CaseId == caseId).OrderBy(j => j.Id).ToListAsync(ct);
        var ids = records.Select(r => r.Id).ToList();
        var hearings = await db.CourtHearings.AsNoTracking().Where(h => ids.Contains(h.JusticeRecordId)).OrderBy(h => h.On).ToListAsync(ct);
        return [.. records.Select(j => new JusticeView(j.Id, j.Role, j.Matter, j.ContactOn, j.LegalAidBy, j.LegalAidOn, j.Diversion, j.DiversionStartOn, j.DiversionCompletedOn,
            j.DiversionOutcome, j.DetainedFrom, j.DetentionPlace, j.DetainedUntil, j.LastDetentionReviewOn, j.DetentionReviewDue, j.DetentionReviewDue < today,
            [.. hearings.Where(h => h.JusticeRecordId == j.Id).Select(h => new HearingView(h.Id, h.On, h.Court, h.Outcome))]))];
    }

    public Task<Outcome<CaseView>> AddAsync(CurrentUser user, Guid caseId, JusticeRequest r, CancellationToken ct) =>
        frame.RunAsync(user, frame.OnCase(user, caseId, Permission.WorkCases, x =>
        {
            var record = new JusticeRecord { CaseId = x.Case.Id, Role = r.Role!.Value, Matter = r.Matter!.Trim(), ContactOn = r.ContactOn!.Value, At = Now, ById = user.Id };
            db.JusticeRecords.Add(record);
            return Task.FromResult<StepResult>(new StepDone("justice", $"{record.Role}: {record.Matter}"));
        }, ct) with
        {
            Check = (_, e) =>
            {
                if (r.Role is null) e.Add(JusticeErrors.RoleRequired());
                Text(e, "matter", r.Matter, 1000, required: true);
                if (r.ContactOn is null) e.Add(JusticeErrors.ContactOnRequired());
                else if (r.ContactOn > Today) e.Add(PlatformErrors.FutureDate("contactOn"));
                return StepFrame.NoRefusal;
            },
            Open = x => x.Case.CanAddRecords(),
        }, ct);

    /// <summary>A step on one of the case's justice records (not found, like the case, when it is not there).</summary>
    public Task<Outcome<CaseView>> StepAsync(CurrentUser user, Guid caseId, long recordId, string step, JusticeStepRequest r, CancellationToken ct) =>
        frame.RunAsync(user, frame.OnCase(user, Permission.WorkCases, async () =>
            await frame.CaseAsync(user, caseId, ct) is { } x && await db.JusticeRecords.FirstOrDefaultAsync(j => j.Id == recordId && j.CaseId == caseId, ct) is { } j
                ? new OnJusticeRecord(x.Case, x.Child, j) : null,
            x => TakeAsync(user, x, step, r, ct), ct) with
        {
            Check = (x, e) =>
            {
                Validate(e, x.Record, step, r);
                return StepFrame.NoRefusal;
            },
            Open = x => x.Case.CanAddRecords(),
        }, ct);

    private void Validate(FieldErrors e, JusticeRecord j, string step, JusticeStepRequest r)
    {
        if (!Steps.Contains(step))
        {
            e.Add(JusticeErrors.UnknownStep(string.Join(", ", Steps)));
            return;
        }
        var needsDate = step != "hearing-outcome";
        if (needsDate && r.On is null) e.Add(JusticeErrors.DateRequired());
        else if (needsDate && step != "hearing" && r.On > Today) e.Add(PlatformErrors.FutureDate("on"));
        else if (needsDate && r.On < j.ContactOn) e.Add(JusticeErrors.BeforeContact());
        switch (step)
        {
            case "legal-aid": Text(e, "text", r.Text, 200, true); break;
            case "diversion": Text(e, "text", r.Text, 500, true); break;
            case "diversion-complete": Text(e, "text", r.Text, 2000, true); break;
            case "hearing":
                Text(e, "text", r.Text, 200, true);
                Text(e, "outcome", r.Outcome, 2000, false);
                if (r.Outcome is { Length: > 0 } && r.On > Today) e.Add(JusticeErrors.FutureHearingOutcome());
                break;
            case "hearing-outcome":
                Text(e, "outcome", r.Outcome, 2000, true);
                if (r.HearingId is null) e.Add(JusticeErrors.HearingRequired());
                break;
            case "detention": Text(e, "text", r.Text, 200, true); break;
            case "detention-review": Text(e, "text", r.Text, 2000, true); break;
        }
    }

    /// <summary>The step itself: the record's (or the hearing's) own method decides whether its state allows it.</summary>
    private async Task<StepResult> TakeAsync(CurrentUser user, OnJusticeRecord x, string step, JusticeStepRequest r, CancellationToken ct)
    {
        var j = x.Record;
        var text = r.Text?.Trim();
        switch (step)
        {
            case "legal-aid":
                j.RecordLegalAid(text!, r.On!.Value);
                return new StepDone("justice-legal-aid", text);
            case "diversion":
                return j.StartDiversion(text!, r.On!.Value) ?? (StepResult)new StepDone("justice-diversion", text);
            case "diversion-complete":
                return j.CompleteDiversion(r.On!.Value, text!) ?? (StepResult)new StepDone("justice-diversion-complete", null, text);
            case "hearing":
                db.CourtHearings.Add(new CourtHearing { JusticeRecordId = j.Id, On = r.On!.Value, Court = text!, Outcome = string.IsNullOrWhiteSpace(r.Outcome) ? null : r.Outcome.Trim() });
                return new StepDone("justice-hearing", $"{r.On:yyyy-MM-dd}, {text}");
            case "hearing-outcome":
                var h = await db.CourtHearings.FirstOrDefaultAsync(c => c.Id == r.HearingId && c.JusticeRecordId == j.Id, ct);
                if (h is null) return JusticeErrors.NoSuchHearing();
                return h.RecordOutcome(r.Outcome!.Trim(), Today) ?? (StepResult)new StepDone("justice-hearing-outcome", $"{h.On:yyyy-MM-dd}", h.Outcome);
            case "detention":
                if (j.Detain(r.On!.Value, text!) is { } notDetained) return notDetained;
                SetDetention(user, x.Child, detained: true);
                return new StepDone("justice-detention", text);
            case "detention-review":
                return j.ReviewDetention(r.On!.Value) ?? (StepResult)new StepDone("justice-detention-review", null, text);
            default:
                if (j.Release(r.On!.Value) is { } notReleased) return notReleased;
                SetDetention(user, x.Child, detained: false);
                return new StepDone("justice-release");
        }
    }

    /// <summary>Deprivation of liberty shows in the child's registry record (care arrangement Detention), in its history; release returns it to Other.</summary>
    private void SetDetention(CurrentUser user, Child child, bool detained)
    {
        var to = detained ? CareArrangement.Detention : child.CareArrangement == CareArrangement.Detention ? CareArrangement.Other : child.CareArrangement;
        CaseRules.SetCareArrangement(db, child, to, user, Now);
    }

    private static void Text(FieldErrors e, string field, string? value, int max, bool required) => CaseRules.Text(e, field, value, max, required);
}

/// <summary>A justice record of a case in the caller's scope: what a justice step works on.</summary>
public sealed record OnJusticeRecord(Case Case, Child Child, JusticeRecord Record) : OnCase(Case, Child);
