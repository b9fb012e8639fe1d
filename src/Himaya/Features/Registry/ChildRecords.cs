using Himaya.Features.Identity;
using System.Globalization;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Registry;

/// <summary>Register, read, edit and archive one child. Each call is authorised by role and scope and audited.</summary>
public sealed class ChildRecords(AppDbContext db, AuditLog audit, AdminUnits units, TimeProvider clock)
{
    public const string EntityType = "child";
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<Outcome<Child>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadPersonalData)) return await DeniedAsync(user, id, "read", ct);
        var child = await db.Children.VisibleTo(user).Include(c => c.Guardians).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (child is null) return await NotFoundAsync(user, id, "read", ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, EntityType, Id(id)), ct);
        return child;
    }

    /// <summary>Those of the given children the user may see (no audit line: the caller shows at most names, and records the read it makes).</summary>
    public async Task<Dictionary<Guid, Child>> VisibleAsync(CurrentUser user, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.Children.VisibleTo(user).AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);

    public async Task<Outcome<Child>> CreateAsync(CurrentUser user, ChildInput input, CancellationToken ct) =>
        user.Can(Permission.WriteRegistry) ? await AddAsync(user, input, ct) : await DeniedAsync(user, null, "create", ct);

    /// <summary>
    /// A child a programme meets, registered with the few fields known there by those who register participants (an
    /// NGO's staff need not keep the registry otherwise): the same checks, history and audit as any registration.
    /// </summary>
    public async Task<Outcome<Child>> RegisterParticipantAsync(CurrentUser user, ChildInput input, CancellationToken ct) =>
        user.Can(Permission.RegisterParticipants) ? await AddAsync(user, input, ct) : await DeniedAsync(user, null, "create", ct);

    private async Task<Outcome<Child>> AddAsync(CurrentUser user, ChildInput input, CancellationToken ct)
    {
        var errors = ChildValidator.Validate(input, units, Today, isUpdate: false);
        if (!errors.IsEmpty) return new Outcome<Child>.Invalid(errors);
        if (!RegistryScope.MayPlaceIn(user, input.DistrictCode!.Trim()))
            return Outcome<Child>.Refused(RegistryErrors.DistrictOutsideScope());
        var child = new Child { GivenName = "", Surname = "", DistrictCode = "" };
        ChildMapping.Apply(input, child);
        if (await CheckReferencesAsync(user, child, null, ct) is { } bad) return bad;
        if (await IsDuplicateSubmissionAsync(user, child, ct))
            return Outcome<Child>.Refused(RegistryErrors.SentTwice());

        child.Id = Guid.CreateVersion7();
        child.CreatedById = user.Id;
        child.Agency = user.Agency;
        if (user.ScopeKind == ScopeKind.Caseload && child.AssignedWorkerId is null) child.AssignedWorkerId = user.Id;
        child.CreatedAt = child.UpdatedAt = Now;
        child.Version = 1;
        // Its own transaction, or the caller's (an import applies a row and its provenance together).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Children.Add(child);
        db.RecordChanges.Add(RecordHistory.Diff(EntityType, child.Id, AuditActions.Create, new Dictionary<string, string?>(), ChildMapping.Fields(child), user, Now));
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, EntityType, Id(child.Id)), ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return child;
    }

    public async Task<Outcome<Child>> UpdateAsync(CurrentUser user, Guid id, ChildInput input, CancellationToken ct)
    {
        if (!user.Can(Permission.WriteRegistry)) return await DeniedAsync(user, id, "update", ct);
        var child = await db.Children.VisibleTo(user).Include(c => c.Guardians).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (child is null) return await NotFoundAsync(user, id, "update", ct);
        var errors = ChildValidator.Validate(input, units, Today, isUpdate: true);
        if (!errors.IsEmpty) return new Outcome<Child>.Invalid(errors);
        if (input.Version != child.Version)
            return Outcome<Child>.Refused(RegistryErrors.ChildChangedSince(input.Version.GetValueOrDefault(), child.Version));
        if (input.DistrictCode!.Trim() != child.DistrictCode && !RegistryScope.MayWriteIn(user, input.DistrictCode.Trim()))
            return Outcome<Child>.Refused(RegistryErrors.DistrictOutsideScope());

        var before = ChildMapping.Fields(child);
        ChildMapping.Apply(input, child);
        if (await CheckReferencesAsync(user, child, id, ct) is { } bad)
        {
            db.ChangeTracker.Clear(); // nothing of a refused edit may ride along with a later SaveChanges (e.g. an audit append)
            return bad;
        }
        var change = RecordHistory.Diff(EntityType, id, AuditActions.Update, before, ChildMapping.Fields(child), user, Now);
        if (change.Changes == "[]") return child; // nothing changed: no new version, no history line
        child.UpdatedAt = Now;
        child.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.RecordChanges.Add(change);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<Child>.Refused(RegistryErrors.ChildSavedAtSameMoment());
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, EntityType, Id(id), "fields: " + string.Join(',', RecordHistory.Read(change).Select(f => f.Field))), ct);
        await tx.CommitAsync(ct);
        return child;
    }

    public async Task<Outcome<bool>> DeleteAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        if (!user.Can(Permission.DeleteRegistry))
        {
            await audit.RecordAsync(user, new AuditEvent(AuditActions.Denied, EntityType, Id(id), "delete", false), ct);
            return new Outcome<bool>.Forbidden();
        }
        var child = await db.Children.VisibleTo(user).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (child is null)
        {
            await audit.RecordAsync(user, new AuditEvent(AuditActions.Denied, EntityType, Id(id), "delete: not found or out of scope", false), ct);
            return new Outcome<bool>.NotFound();
        }
        return await Archiving.ArchiveAsync(db, audit, user, child, EntityType, id, Now, ct);
    }

    public Task<IReadOnlyList<RecordChange>> HistoryAsync(Guid id, CancellationToken ct) => RecordHistory.OfAsync(db, EntityType, id, ct);

    public async Task<IReadOnlyList<AuditEntry>> AccessLogAsync(Guid id, CancellationToken ct)
    {
        var key = Id(id);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == EntityType && a.EntityId == key).OrderByDescending(a => a.Id).Take(200).ToListAsync(ct);
    }

    private async Task<Outcome<Child>?> CheckReferencesAsync(CurrentUser user, Child child, Guid? selfId, CancellationToken ct)
    {
        if (child.HouseholdId is { } hid && !await db.Households.VisibleTo(user).AnyAsync(h => h.Id == hid, ct))
            return Outcome<Child>.Refused(RegistryErrors.HouseholdNotFound());
        if (child.AssignedWorkerId is { } wid && !await db.Users.AnyAsync(u => u.Id == wid && u.IsActive, ct))
            return Outcome<Child>.Refused(RegistryErrors.WorkerNotFound());
        // Registry-wide identifier checks come last and are audited with the record they hit: saying "already
        // registered" is what intake needs, but it must not become an unrecorded way to probe other districts.
        if (child.Fin is { } fin && await db.Children.Where(c => c.Fin == fin && c.Id != selfId && c.DeletedAt == null).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct) is { } finOwner)
        {
            db.ChangeTracker.Clear(); // the refused edit must not be saved with the audit line
            await audit.RecordAsync(user, new AuditEvent(AuditActions.Denied, EntityType, Id(finOwner), "duplicate FIN offered", false), ct);
            return Outcome<Child>.Refused(RegistryErrors.FinTaken());
        }
        if (child.BirthCertificateNumber is { } cert && await db.Children.Where(c => c.BirthCertificateNumber == cert && c.Id != selfId && c.DeletedAt == null).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct) is { } certOwner)
        {
            db.ChangeTracker.Clear();
            await audit.RecordAsync(user, new AuditEvent(AuditActions.Denied, EntityType, Id(certOwner), "duplicate birth certificate number offered", false), ct);
            return Outcome<Child>.Refused(RegistryErrors.CertificateTaken());
        }
        return null;
    }

    private async Task<bool> IsDuplicateSubmissionAsync(CurrentUser user, Child child, CancellationToken ct)
    {
        var since = Now.AddMinutes(-10);
        return await db.Children.AnyAsync(c => c.CreatedById == user.Id && c.CreatedAt >= since && c.DeletedAt == null
            && c.SurnameKey == child.SurnameKey && c.GivenNameKey == child.GivenNameKey && c.BirthDate == child.BirthDate && c.DistrictCode == child.DistrictCode, ct);
    }

    private async Task<Outcome<Child>> DeniedAsync(CurrentUser user, Guid? id, string what, CancellationToken ct)
    {
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Denied, EntityType, id is null ? null : Id(id.Value), what + ": role not allowed", false), ct);
        return new Outcome<Child>.Forbidden();
    }

    private async Task<Outcome<Child>> NotFoundAsync(CurrentUser user, Guid id, string what, CancellationToken ct)
    {
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Denied, EntityType, Id(id), what + ": not found or out of scope", false), ct);
        return new Outcome<Child>.NotFound();
    }

    internal static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
