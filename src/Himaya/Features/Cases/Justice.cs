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

public sealed class Justice(AppDbContext db, AuditLog audit, CaseViews views, TimeProvider clock)
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

    public async Task<Outcome<CaseView>> AddAsync(CurrentUser user, Guid caseId, JusticeRequest r, CancellationToken ct)
    {
        var (c, stop) = await CaseAsync(user, caseId, ct);
        if (stop is not null) return stop;
        var e = new FieldErrors();
        if (r.Role is null) e.Add(JusticeErrors.RoleRequired());
        Text(e, "matter", r.Matter, 1000, required: true);
        if (r.ContactOn is null) e.Add(JusticeErrors.ContactOnRequired());
        else if (r.ContactOn > Today) e.Add(PlatformErrors.FutureDate("contactOn"));
        if (!e.IsEmpty) return new Outcome<CaseView>.Invalid(e);
        if (Refuse(user, c!) is { } refused) return refused;
        var record = new JusticeRecord { CaseId = c!.Id, Role = r.Role!.Value, Matter = r.Matter!.Trim(), ContactOn = r.ContactOn!.Value, At = Now, ById = user.Id };
        db.JusticeRecords.Add(record);
        return await SaveAsync(user, c, "justice", $"{record.Role}: {record.Matter}", null, ct);
    }

    public async Task<Outcome<CaseView>> StepAsync(CurrentUser user, Guid caseId, long recordId, string step, JusticeStepRequest r, CancellationToken ct)
    {
        var (c, stop) = await CaseAsync(user, caseId, ct);
        if (stop is not null) return stop;
        var j = await db.JusticeRecords.FirstOrDefaultAsync(x => x.Id == recordId && x.CaseId == caseId, ct);
        if (j is null) return new Outcome<CaseView>.NotFound();
        var e = new FieldErrors();
        if (!Steps.Contains(step)) return Outcome<CaseView>.Refused(JusticeErrors.UnknownStep(string.Join(", ", Steps)));
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
        if (!e.IsEmpty) return new Outcome<CaseView>.Invalid(e);
        if (Refuse(user, c!) is { } refused) return refused;
        // The record's rules decide whether its state allows the step (a refused step changes nothing).
        string? detail = null;
        Refusal? rule = null;
        switch (step)
        {
            case "legal-aid": j.RecordLegalAid(r.Text!.Trim(), r.On!.Value); detail = j.LegalAidBy; break;
            case "diversion": rule = j.StartDiversion(r.Text!.Trim(), r.On!.Value); detail = j.Diversion; break;
            case "diversion-complete": rule = j.CompleteDiversion(r.On!.Value, r.Text!.Trim()); break;
            case "hearing":
                db.CourtHearings.Add(new CourtHearing { JusticeRecordId = j.Id, On = r.On!.Value, Court = r.Text!.Trim(), Outcome = string.IsNullOrWhiteSpace(r.Outcome) ? null : r.Outcome.Trim() });
                detail = $"{r.On:yyyy-MM-dd}, {r.Text!.Trim()}";
                break;
            case "hearing-outcome":
                var h = await db.CourtHearings.FirstOrDefaultAsync(x => x.Id == r.HearingId && x.JusticeRecordId == j.Id, ct);
                if (h is null) return Outcome<CaseView>.Refused(JusticeErrors.NoSuchHearing());
                rule = h.RecordOutcome(r.Outcome!.Trim(), Today);
                detail = $"{h.On:yyyy-MM-dd}";
                break;
            case "detention":
                if ((rule = j.Detain(r.On!.Value, r.Text!.Trim())) is null) await SetDetentionAsync(user, c!.ChildId, detained: true, ct);
                detail = j.DetentionPlace;
                break;
            case "detention-review": rule = j.ReviewDetention(r.On!.Value); break;
            case "release":
                if ((rule = j.Release(r.On!.Value)) is null) await SetDetentionAsync(user, c!.ChildId, detained: false, ct);
                break;
        }
        if (rule is not null) return Outcome<CaseView>.Refused(rule);
        return await SaveAsync(user, c!, "justice-" + step, detail, step is "diversion-complete" or "detention-review" ? r.Text!.Trim() : step == "hearing-outcome" ? r.Outcome!.Trim() : null, ct);
    }

    /// <summary>Deprivation of liberty shows in the child's registry record (care arrangement Detention), in its history; release returns it to Other.</summary>
    private async Task SetDetentionAsync(CurrentUser user, Guid childId, bool detained, CancellationToken ct)
    {
        var child = await db.Children.FirstAsync(x => x.Id == childId, ct);
        var to = detained ? CareArrangement.Detention : child.CareArrangement == CareArrangement.Detention ? CareArrangement.Other : child.CareArrangement;
        CaseRules.SetCareArrangement(db, child, to, user, Now);
    }

    private async Task<(Case? Case, Outcome<CaseView>? Stop)> CaseAsync(CurrentUser user, Guid caseId, CancellationToken ct)
    {
        if (!user.Can(Permission.WorkCases)) return (null, new Outcome<CaseView>.Forbidden());
        var c = await db.Cases.VisibleTo(user).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        return c is null ? (null, new Outcome<CaseView>.NotFound()) : (c, null);
    }

    private static Outcome<CaseView>? Refuse(CurrentUser user, Case c) =>
        user.Id != c.OwnerId && user.Id != c.SupervisorId ? new Outcome<CaseView>.Forbidden(CaseErrors.OnlyOwnerOrSupervisorWorks().Message)
        : c.Stage == CaseStage.Closed ? Outcome<CaseView>.Refused(CaseErrors.ClosedReopenFirst())
        : null;

    private async Task<Outcome<CaseView>> SaveAsync(CurrentUser user, Case c, string kind, string? detail, string? comment, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = Now, ById = user.Id, Kind = kind, Detail = detail is { Length: > 500 } ? detail[..500] : detail, Comment = comment });
        (c.UpdatedAt, c.UpdatedById) = (Now, user.Id);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, CaseWork.EntityType, c.Id.ToString("D"), kind), ct);
        await tx.CommitAsync(ct);
        return await views.ViewAsync(user, c.Id, ct) is { } v ? v : new Outcome<CaseView>.NotFound();
    }

    private static void Text(FieldErrors e, string field, string? value, int max, bool required) => CaseRules.Text(e, field, value, max, required);
}
