using Himaya.Platform;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Cases;

/// <summary>What a step did, for the case's history: its kind, a short detail and the person's comment.</summary>
public sealed record StepDone(string Kind, string? Detail = null, string? Comment = null);

/// <summary>A step's end: refused by the record's rules (nothing saved) or done.</summary>
public sealed record StepResult(Refusal? Refused, StepDone? Done)
{
    public static implicit operator StepResult(Refusal r) => new(r, null);
    public static implicit operator StepResult(StepDone s) => new(null, s);
}

/// <summary>A case in the caller's scope and its child: what a step on a case works on.</summary>
public record OnCase(Case Case, Child Child);

/// <summary>
/// One step on a case or on a record of it: which permission, which record (none: 404), what it checks, the rule and the
/// change (<see cref="Apply"/>: the record's own method decides), and what is recorded and answered.
/// <see cref="StepFrame"/> runs every step in one order.
/// </summary>
public sealed record CaseStep<TRecord, TView>(Permission Permission, Func<Task<TRecord?>> Load, Func<TRecord, Task<StepResult>> Apply,
    Func<TRecord, Guid> CaseOf, Func<TRecord, StepDone, AuditEvent> Audit, Func<TRecord, Task<Outcome<TView>>> View) where TRecord : class
{
    /// <summary>
    /// What was sent (field errors) and the rules that need lookups first: a returned field error joins the others (400);
    /// a returned conflict waits until <see cref="Person"/> and <see cref="Open"/> have had their say (409).
    /// </summary>
    public Func<TRecord, FieldErrors, Task<Refusal?>> Check { get; init; } = (_, _) => StepFrame.NoRefusal;

    /// <summary>Who may take the step on this record: a refusal is a 403 whose reason is its English text.</summary>
    public Func<TRecord, Refusal?> Person { get; init; } = _ => null;

    /// <summary>The version the change was based on: a refusal is a 409 with the record as it is now (<see cref="Current"/>).</summary>
    public Func<TRecord, Refusal?> Stale { get; init; } = _ => null;

    /// <summary>Whether the record's state allows steps of this kind at all (a closed case takes no care records).</summary>
    public Func<TRecord, Refusal?> Open { get; init; } = _ => null;

    /// <summary>The record as it is now, sent back with a stale version or a change saved at the same moment.</summary>
    public Func<TRecord, Task<object?>> Current { get; init; } = _ => Task.FromResult<object?>(null);

    /// <summary>What the step changes beside its own records once done: the case touched, a version counted.</summary>
    public Action<TRecord> Changed { get; init; } = _ => { };

    /// <summary>The refusal when someone saved the record at the same moment (a 409); without one that is not expected.</summary>
    public Refusal? SavedAtSameMoment { get; init; }
}

/// <summary>
/// The one frame of the steps on cases and their records (case stages, notes, alternative care, justice, referrals,
/// transfers): permission (403) → the record in the caller's scope (404, before anything is said about it) → what was
/// sent (400) → the person (403 with a reason) → the version (409 with the record as it is now) → the record's state
/// (409) → in one transaction: the change, decided by the record's own rule method, the case's history event, the
/// version, the audit line.
/// </summary>
public sealed class StepFrame(AppDbContext db, AuditLog audit, CaseViews views, TimeProvider clock)
{
    public static readonly Task<Refusal?> NoRefusal = Task.FromResult<Refusal?>(null);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<TView>> RunAsync<TRecord, TView>(CurrentUser user, CaseStep<TRecord, TView> step, CancellationToken ct) where TRecord : class
    {
        if (!user.Can(step.Permission)) return new Outcome<TView>.Forbidden();
        var record = await step.Load();
        if (record is null) return new Outcome<TView>.NotFound();
        var e = new FieldErrors();
        var early = await step.Check(record, e);
        if (early is { IsFieldError: true }) e.Add(early);
        if (!e.IsEmpty) return new Outcome<TView>.Invalid(e);
        if (step.Person(record) is { } notTheirs) return new Outcome<TView>.Forbidden(notTheirs);
        if (step.Stale(record) is { } stale) return Outcome<TView>.Refused(stale, await step.Current(record));
        if ((step.Open(record) ?? early) is { } refused) return Outcome<TView>.Refused(refused);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await step.Apply(record);
        if (result.Refused is { } rule)
        {
            // The rule methods refuse before changing anything; the clear is for what a step may have staged beside them.
            db.ChangeTracker.Clear();
            return Outcome<TView>.Refused(rule);
        }
        var done = result.Done!;
        db.CaseEvents.Add(new CaseEvent { CaseId = step.CaseOf(record), At = Now, ById = user.Id, Kind = done.Kind, Detail = Cut(done.Detail), Comment = done.Comment });
        step.Changed(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (step.SavedAtSameMoment is not null)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<TView>.Refused(step.SavedAtSameMoment, await step.Current(record));
        }
        await audit.RecordInTransactionAsync(user, step.Audit(record, done), ct);
        await tx.CommitAsync(ct);
        return await step.View(record);
    }

    /// <summary>The case in the caller's scope with its child (tracked: a step may change the child's care arrangement).</summary>
    public async Task<OnCase?> CaseAsync(CurrentUser user, Guid caseId, CancellationToken ct) =>
        await db.Cases.VisibleTo(user).FirstOrDefaultAsync(x => x.Id == caseId, ct) is { } c
            ? new OnCase(c, await db.Children.FirstAsync(x => x.Id == c.ChildId, ct))
            : null;

    /// <summary>
    /// A step on a case in the caller's scope (and, with <paramref name="load"/>, a record of it): taken by the case's
    /// owner or supervisor, it touches the case, is audited as an update of the case by its kind and answers with the
    /// case as the caller now sees it.
    /// </summary>
    public CaseStep<T, CaseView> OnCase<T>(CurrentUser user, Permission permission, Func<Task<T?>> load, Func<T, Task<StepResult>> apply, CancellationToken ct)
        where T : OnCase =>
        new(permission, load, apply, x => x.Case.Id,
            (x, done) => new AuditEvent(AuditActions.Update, CaseWork.EntityType, x.Case.Id.ToString("D"), done.Kind),
            async x => await views.ViewAsync(user, x.Case.Id, ct) is { } v ? v : new Outcome<CaseView>.NotFound())
        {
            Person = x => x.Case.IsWorkedOnBy(user.Id) ? null : CaseErrors.OnlyOwnerOrSupervisorWorks(),
            Changed = x => x.Case.Touch(Now, user.Id),
        };

    public CaseStep<OnCase, CaseView> OnCase(CurrentUser user, Guid caseId, Permission permission, Func<OnCase, Task<StepResult>> apply, CancellationToken ct) =>
        OnCase(user, permission, () => CaseAsync(user, caseId, ct), apply, ct);

    /// <summary>The case as it is now, sent back with a conflict: that is a read of the case, so it is audited like one.</summary>
    public async Task<object?> CurrentCaseAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        var view = await views.ViewAsync(user, id, ct);
        if (view is not null) await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, CaseWork.EntityType, id.ToString("D"), "conflict: current version shown"), ct);
        return view;
    }

    private static string? Cut(string? detail) => detail is { Length: > 500 } ? detail[..500] : detail;
}
