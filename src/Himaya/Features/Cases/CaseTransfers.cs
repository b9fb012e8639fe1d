using Himaya.Platform;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Cases;

/// <summary>The answer to a transfer: accepted, the case as the receiver now sees it; declined, no case (it stays out of their scope).</summary>
public sealed record TransferDecision(Guid CaseId, bool Accepted, CaseView? Case);

/// <summary>
/// The receiving side of a transfer: the supervisor it is addressed to sees what they need to decide (child, stage, risk,
/// reason; not the case file, which is not theirs yet), then accepts with a new owner from their team — ownership,
/// district and supervisor change only then — or declines with a reason. A transfer to another district moves the
/// child's registry record with it, in its history.
/// </summary>
public sealed class CaseTransfers(AppDbContext db, AuditLog audit, CaseWork work, CaseViews views, StepFrame frame, TimeProvider clock)
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

    /// <summary>
    /// The addressee's answer (a transfer addressed to someone else, or none, is not found: the case is not their business),
    /// based on the case's version; accepted, a transfer to another district moves the child's registry record with it.
    /// </summary>
    public Task<Outcome<TransferDecision>> DecideAsync(CurrentUser user, Guid id, TransferDecisionRequest r, CancellationToken ct)
    {
        var me = user.Id;
        AppUser? owner = null;
        return frame.RunAsync(user, new CaseStep<Case, TransferDecision>(Permission.ApproveCases,
            () => db.Cases.FirstOrDefaultAsync(x => x.Id == id && x.TransferToSupervisorId == me, ct),
            async c =>
            {
                var from = c.DistrictCode;
                if (r.Accept != true) return c.DeclineTransfer() ?? (StepResult)new StepDone("transfer-declined", null, Clean(r.Comment));
                if (c.TransferToDistrict != c.DistrictCode) await MoveChildAsync(user, c.ChildId, c.TransferToDistrict!, ct);
                return c.AcceptTransfer(owner!.Id, owner.Agency) ?? (StepResult)new StepDone("transfer-accepted", $"{from} → {c.DistrictCode}; owner {owner.UserName}", Clean(r.Comment));
            },
            c => c.Id,
            (c, done) => new AuditEvent(AuditActions.Update, CaseWork.EntityType, c.Id.ToString("D"), done.Kind),
            // Accepted, the case is now in the receiver's scope; declined, it is not: then the answer is only that it was done.
            async c => new TransferDecision(c.Id, r.Accept == true, await views.ViewAsync(user, c.Id, ct)))
        {
            Check = async (c, e) =>
            {
                if (r.Version is null) e.Add(CaseErrors.TransferVersionRequired());
                if (r.Accept is null) e.Add(CaseErrors.AcceptOrDecline());
                if (r.Accept == false && string.IsNullOrWhiteSpace(r.Comment)) e.Add(CaseErrors.DeclineReasonRequired());
                if (r.Comment is { Length: > 2000 }) e.Add(PlatformErrors.TooLong("comment", 2000));
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
                return null;
            },
            Stale = c => r.Version != c.Version ? CaseErrors.TransferCaseChangedSince(r.Version ?? 0, c.Version) : null,
            Changed = c =>
            {
                c.Touch(frame.Now, me);
                c.Version++;
            },
            SavedAtSameMoment = CaseErrors.TransferCaseChangedAtSameMoment(),
        }, ct);
    }

    /// <summary>The child's registry record follows the case to its new district, as a change in the child's history.</summary>
    private async Task MoveChildAsync(CurrentUser user, Guid childId, string district, CancellationToken ct)
    {
        var child = await db.Children.FirstAsync(x => x.Id == childId, ct);
        if (child.DistrictCode == district) return;
        db.RecordChanges.Add(RecordHistory.Diff(ChildRecords.EntityType, child.Id, "update", new Dictionary<string, string?> { ["districtCode"] = child.DistrictCode },
            new Dictionary<string, string?> { ["districtCode"] = district }, user, Now));
        (child.DistrictCode, child.UpdatedAt) = (district, Now);
        child.Version++;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
