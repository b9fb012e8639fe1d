using Himaya.Platform;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Cases;

/// <summary>
/// The receiving side of a transfer: the supervisor it is addressed to sees what they need to decide (child, stage, risk,
/// reason; not the case file, which is not theirs yet), then accepts with a new owner from their team — ownership,
/// district and supervisor change only then — or declines with a reason. A transfer to another district moves the
/// child's registry record with it, in its history.
/// </summary>
/// <summary>The answer to a transfer: accepted, the case as the receiver now sees it; declined, no case (it stays out of their scope).</summary>
public sealed record TransferDecision(Guid CaseId, bool Accepted, CaseView? Case);

public sealed class CaseTransfers(AppDbContext db, AuditLog audit, CaseWork work, CaseViews views, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<List<TransferItem>>> IncomingAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ApproveCases)) return new Outcome<List<TransferItem>>.Forbidden();
        var me = user.Id;
        var rows = await db.Cases.AsNoTracking().Where(c => c.TransferToSupervisorId == me)
            .Join(db.Children, c => c.ChildId, ch => ch.Id, (c, ch) => new { c, ch.Surname, ch.GivenName, ch.Patronymic, ch.BirthDate })
            .OrderBy(x => x.c.TransferRequestedAt).Take(200).ToListAsync(ct);
        var names = await views.NamesAsync(rows.Select(r => r.c.TransferRequestedById ?? r.c.OwnerId), ct);
        var today = DateOnly.FromDateTime(Now);
        var items = new List<TransferItem>();
        var workersIn = new Dictionary<string, List<UserRef>>(StringComparer.Ordinal); // once per district, not per transfer
        foreach (var r in rows)
        {
            var district = r.c.TransferToDistrict!;
            if (!workersIn.TryGetValue(district, out var workers)) workersIn[district] = workers = (await work.StaffForAsync(district, ct)).Workers;
            items.Add(new TransferItem(r.c.Id, r.c.Number, $"{r.Surname} {r.GivenName} {r.Patronymic}".Trim(), Child.AgeOn(r.BirthDate, today), r.c.Stage, r.c.Risk,
                r.c.DistrictCode, r.c.TransferToDistrict!, r.c.TransferReason ?? "", names.TryGetValue(r.c.TransferRequestedById ?? 0, out var u) ? u.UserName : "",
                r.c.TransferRequestedAt ?? r.c.UpdatedAt, r.c.Version, workers));
        }
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, "case-transfer", null, $"ids={string.Join(',', items.Select(i => i.CaseId.ToString("N")))}"), ct);
        return items;
    }

    public async Task<Outcome<TransferDecision>> DecideAsync(CurrentUser user, Guid id, TransferDecisionRequest r, CancellationToken ct)
    {
        if (!user.Can(Permission.ApproveCases)) return new Outcome<TransferDecision>.Forbidden();
        var me = user.Id;
        // Addressed to someone else (or no transfer at all): not found, the case is not this user's business.
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id && x.TransferToSupervisorId == me, ct);
        if (c is null) return new Outcome<TransferDecision>.NotFound();
        var e = new FieldErrors();
        if (r.Version is null) e.Add(CaseErrors.TransferVersionRequired());
        if (r.Accept is null) e.Add(CaseErrors.AcceptOrDecline());
        if (r.Accept == false && string.IsNullOrWhiteSpace(r.Comment)) e.Add(CaseErrors.DeclineReasonRequired());
        if (r.Comment is { Length: > 2000 }) e.Add(PlatformErrors.TooLong("comment", 2000));
        AppUser? owner = null;
        if (r.Accept == true)
        {
            if (r.NewOwnerId is null) e.Add(CaseErrors.NewOwnerRequired());
            else
            {
                var (workers, _) = await work.StaffForAsync(c.TransferToDistrict!, ct);
                if (workers.All(w => w.Id != r.NewOwnerId)) e.Add(CaseErrors.NewOwnerNotCovering());
                else owner = await db.Users.AsNoTracking().FirstAsync(u => u.Id == r.NewOwnerId, ct);
            }
        }
        if (!e.IsEmpty) return new Outcome<TransferDecision>.Invalid(e);
        if (r.Version != c.Version) return Outcome<TransferDecision>.Refused(CaseErrors.TransferCaseChangedSince(r.Version ?? 0, c.Version));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var from = c.DistrictCode;
        string kind;
        if (r.Accept == true)
        {
            kind = "transfer-accepted";
            if (c.TransferToDistrict != c.DistrictCode)
            {
                var child = await db.Children.FirstAsync(x => x.Id == c.ChildId, ct);
                if (child.DistrictCode != c.TransferToDistrict)
                {
                    db.RecordChanges.Add(RecordHistory.Diff(ChildRecords.EntityType, child.Id, "update", new Dictionary<string, string?> { ["districtCode"] = child.DistrictCode },
                        new Dictionary<string, string?> { ["districtCode"] = c.TransferToDistrict }, user, Now));
                    (child.DistrictCode, child.UpdatedAt) = (c.TransferToDistrict!, Now);
                    child.Version++;
                }
            }
            (c.DistrictCode, c.OwnerId, c.SupervisorId, c.Agency) = (c.TransferToDistrict!, owner!.Id, me, owner.Agency);
        }
        else kind = "transfer-declined";
        db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = Now, ById = me, Kind = kind, Detail = r.Accept == true ? $"{from} → {c.DistrictCode}; owner {owner!.UserName}" : null, Comment = string.IsNullOrWhiteSpace(r.Comment) ? null : r.Comment.Trim() });
        (c.TransferToSupervisorId, c.TransferToDistrict, c.TransferReason, c.TransferRequestedAt, c.TransferRequestedById) = (null, null, null, null, null);
        (c.UpdatedAt, c.UpdatedById) = (Now, me);
        c.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<TransferDecision>.Refused(CaseErrors.TransferCaseChangedAtSameMoment());
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, CaseWork.EntityType, c.Id.ToString("D"), kind), ct);
        await tx.CommitAsync(ct);
        // Accepted, the case is now in the receiver's scope; declined, it is not: then the answer is only that it was done.
        return new TransferDecision(c.Id, r.Accept == true, await views.ViewAsync(user, c.Id, ct));
    }
}
