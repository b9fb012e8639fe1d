using Himaya.Features.Identity;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Services;

/// <summary>
/// The steps on a service after it was added: edit, update places, close, reopen, and a reviewer's decision. Each runs
/// in one frame: permission (403) → the service in the caller's keeping (<see cref="ServiceScope"/>; else 404) → what was
/// sent (400, nothing changed) → the version it was based on (409 with the service as it is now) → the service's own rule
/// (409 when its state refuses) → the change, the new version and the audit line in one transaction.
/// </summary>
public sealed class ServiceKeeping(AppDbContext db, AuditLog audit, AdminUnits units, DistrictBoundaries boundaries, TimeProvider clock)
{
    public const int MaxReason = 1000;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Outcome<ServiceView>> EditAsync(CurrentUser user, int id, ServiceEdit r, CancellationToken ct) =>
        RunAsync(user, id, Permission.EditServices, r.Version, (s, e) => CheckEditAsync(user, s, r, e, ct),
            s => s.Edit(ServiceFacts.From(r), r.Capacity, r.FreePlaces, ServiceScope.IsKeeper(user), user.Id, Now), ct);

    /// <summary>Capacity and free places at once; an omitted capacity stays as it is.</summary>
    public Task<Outcome<ServiceView>> PlacesAsync(CurrentUser user, int id, PlacesUpdate r, CancellationToken ct) =>
        RunAsync(user, id, Permission.EditServices, r.Version, (s, e) =>
        {
            if (r.Capacity is < 0 or > ServiceValidation.MaxCapacity) e.Add(ServiceErrors.Capacity("capacity"));
            if (r.FreePlaces is < 0 or > ServiceValidation.MaxCapacity) e.Add(ServiceErrors.Capacity("freePlaces"));
            else if (r.FreePlaces is { } free && (r.Capacity ?? s.Capacity) is { } cap && free > cap) e.Add(ServiceErrors.FreePlacesOverCapacity());
            return Task.CompletedTask;
        }, s => s.UpdatePlaces(r.Capacity ?? s.Capacity, r.FreePlaces), ct);

    public Task<Outcome<ServiceView>> CloseAsync(CurrentUser user, int id, ServiceVersion r, CancellationToken ct) =>
        RunAsync(user, id, Permission.EditServices, r.Version, (_, _) => Task.CompletedTask, s => s.Close(user.Id, Now), ct);

    public Task<Outcome<ServiceView>> ReopenAsync(CurrentUser user, int id, ServiceVersion r, CancellationToken ct) =>
        RunAsync(user, id, Permission.EditServices, r.Version, (_, _) => Task.CompletedTask, s => s.Reopen(ServiceScope.IsKeeper(user)), ct);

    public Task<Outcome<ServiceView>> ReviewAsync(CurrentUser user, int id, ReviewDecision r, CancellationToken ct) =>
        RunAsync(user, id, Permission.ManageServices, r.Version, (_, e) =>
        {
            if (r.Approve is null) e.Add(ServiceReviewErrors.ApproveOrReturn());
            else if (r.Approve == false && string.IsNullOrWhiteSpace(r.Reason)) e.Add(ServiceReviewErrors.ReasonRequired());
            if (r.Reason is { } reason && reason.Trim().Length > MaxReason) e.Add(PlatformErrors.TooLong("reason", MaxReason));
            return Task.CompletedTask;
        }, s =>
        {
            // A coordinator approves only what stays in their area; a change that reaches beyond it is the administrator's.
            if (r.Approve == true && s.WaitingChange() is { } w && w.Facts() is var f && !ServiceScope.KeepsArea(user, f.Districts, f.Nationwide))
                return ServiceReviewErrors.ChangeOutsideArea();
            return r.Approve == true ? s.Approve(user.Id, Now) : s.Return(r.Reason!.Trim(), user.Id, Now);
        }, ct);

    /// <summary>What an edit sends, as a new service is checked (ServiceCatalogue), against the other services and the caller's area.</summary>
    private async Task CheckEditAsync(CurrentUser user, Service s, ServiceEdit r, FieldErrors e, CancellationToken ct)
    {
        var basic = ServiceValidation.Service(r.AsInput(s.ProviderId ?? 0), units, boundaries);
        foreach (var field in basic.All.Keys) foreach (var coded in basic.CodedFor(field)) e.Add(coded);
        var name = ServiceValidation.Clean(r.Name);
        if (name is not null && await db.Services.AnyAsync(x => x.Name == name && x.Id != s.Id, ct)) e.Add(ServiceErrors.ServiceNameTaken());
        var types = ServiceFacts.Sorted(r.Types?.Select(t => t.Trim()));
        // A type retired since stays allowed on the services that had it.
        var had = s.Types.Select(t => t.TypeCode).ToList();
        var known = await db.ServiceTypes.AsNoTracking().Where(t => (t.Active || had.Contains(t.Code)) && types.Contains(t.Code)).Select(t => t.Code).ToListAsync(ct);
        if (types.FirstOrDefault(t => !known.Contains(t)) is { } unknown) e.Add(ServiceErrors.UnknownType(unknown));
        ServiceScope.CheckArea(user, r.Districts, r.Nationwide, units, e);
    }

    private async Task<Outcome<ServiceView>> RunAsync(CurrentUser user, int id, Permission permission, int? version,
        Func<Service, FieldErrors, Task> check, Func<Service, ServiceRule> rule, CancellationToken ct)
    {
        if (!user.Can(permission)) return new Outcome<ServiceView>.Forbidden();
        var s = await LoadAsync(db, user, id, tracked: true, ct);
        if (s is null) return new Outcome<ServiceView>.NotFound();
        var e = new FieldErrors();
        if (version is null) e.Add(ServiceReviewErrors.VersionRequired());
        await check(s, e);
        if (!e.IsEmpty) return new Outcome<ServiceView>.Invalid(e);
        if (version != s.Version) return Outcome<ServiceView>.Refused(ServiceReviewErrors.ChangedSince(version!.Value, s.Version), await ViewAsync(db, s, ct));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var done = rule(s);
        if (done.Refused is { } refused)
        {
            db.ChangeTracker.Clear();
            return Outcome<ServiceView>.Refused(refused);
        }
        s.Version++;
        s.UpdatedAt = Now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var now = await LoadAsync(db, user, id, tracked: false, ct);
            return Outcome<ServiceView>.Refused(ServiceReviewErrors.SavedAtSameMoment(), now is null ? null : await ViewAsync(db, now, ct));
        }
        catch (DbUpdateException)
        {
            // The one unique fact is the name: taken by another service saved at the same moment.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new Outcome<ServiceView>.Invalid(new FieldErrors().Add(ServiceErrors.ServiceNameTaken()));
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "service", s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{done.Done}; v{s.Version}"), ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(db, s, ct);
    }

    /// <summary>The service in the caller's keeping, with its types, districts and the change waiting, or null.</summary>
    public static async Task<Service?> LoadAsync(AppDbContext db, CurrentUser user, int id, bool tracked, CancellationToken ct)
    {
        var q = db.Services.KeptBy(user).Include(s => s.Types).Include(s => s.Districts)
            .Include(s => s.Changes.Where(c => c.Status == ChangeStatus.Waiting)).AsSplitQuery();
        return await (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(s => s.Id == id, ct);
    }

    /// <summary>The service as its keepers see it: the directory's facts, the last review's reason and the change waiting.</summary>
    public static async Task<ServiceView> ViewAsync(AppDbContext db, Service s, CancellationToken ct)
    {
        PendingChangeView? pending = null;
        if (s.WaitingChange() is { } w)
        {
            var facts = w.Facts();
            var by = await db.Users.AsNoTracking().Where(u => u.Id == w.ProposedById).Select(u => u.UserName).FirstOrDefaultAsync(ct);
            pending = new PendingChangeView(w.Id, facts, facts.Differences(s.CurrentFacts()), by ?? "?", w.ProposedAt);
        }
        return ServiceCatalogue.View(s, s.Agency) with { ReviewNote = s.ReviewNote, PendingChange = pending };
    }
}
