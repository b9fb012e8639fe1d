using System.Globalization;
using Himaya.Platform;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Linkage;

public sealed record MergeRequest(Guid? DuplicateId);
public sealed record UnmergeRequest(long? MergeId);
public sealed record SplitRequest(long? SourceRecordId);
public sealed record DistinctRequest(Guid? OtherId);
public sealed record MergeSummary(long Id, Guid SurvivorId, Guid MergedId, int MovedSourceRecords, DateTime MergedAt, DateTime? UnmergedAt);
public sealed record ChildSource(long Id, string Source, string FileName, int Row, string? SourceRecordId, SourceOutcome Outcome, double? Probability, DateTime ImportedAt);

/// <summary>
/// Two registry records found to be one child become one: the duplicate's imported source records move to the
/// survivor, and the duplicate is archived with a pointer to it. Everything moved is remembered, so an unmerge (also how a
/// reviewer splits a cluster) restores the previous state exactly. Supervisors and administrators only, within scope;
/// both directions audited.
/// </summary>
public sealed class Merges(AppDbContext db, AuditLog audit, ChildRecords children, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<MergeSummary>> MergeAsync(CurrentUser user, Guid survivorId, MergeRequest request, CancellationToken ct)
    {
        if (!user.Can(Permission.DeleteRegistry)) return new Outcome<MergeSummary>.Forbidden();
        var survivor = await db.Children.VisibleTo(user).FirstOrDefaultAsync(c => c.Id == survivorId, ct);
        if (survivor is null) return new Outcome<MergeSummary>.NotFound();
        if (request.DuplicateId is not { } duplicateId) return Outcome<MergeSummary>.Refused(LinkageErrors.DuplicateRequired());
        if (duplicateId == survivorId) return Outcome<MergeSummary>.Refused(LinkageErrors.IntoItself());
        var duplicate = await db.Children.VisibleTo(user).FirstOrDefaultAsync(c => c.Id == duplicateId, ct);
        if (duplicate is null) return Outcome<MergeSummary>.Refused(LinkageErrors.NoSuchRecord("duplicateId"));
        if (survivor.Fin is { } a && duplicate.Fin is { } b && a != b)
            return Outcome<MergeSummary>.Refused(LinkageErrors.DifferentFins());

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.SourceRecords.Where(r => r.ChildId == duplicateId).ToListAsync(ct);
        foreach (var r in moved) r.ChildId = survivorId;
        duplicate.MergedIntoId = survivorId;
        duplicate.DeletedAt = Now;
        duplicate.Version++;
        var merge = new ChildMerge
        {
            SurvivorId = survivorId, MergedId = duplicateId, MovedSourceRecords = string.Join(',', moved.Select(r => r.Id.ToString(CultureInfo.InvariantCulture))),
            MergedById = user.Id, MergedAt = Now,
        };
        db.ChildMerges.Add(merge);
        db.RecordChanges.Add(Change(survivorId, user, AuditActions.Merge, $"merged {duplicateId:D} into this record"));
        db.RecordChanges.Add(Change(duplicateId, user, AuditActions.Merge, $"merged into {survivorId:D}"));
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Merge, "child", ChildRecords.Id(survivorId), $"merged {duplicateId:D}; source records moved={moved.Count}"), ct);
        await tx.CommitAsync(ct);
        return Summary(merge, moved.Count);
    }

    public async Task<Outcome<MergeSummary>> UnmergeAsync(CurrentUser user, Guid survivorId, UnmergeRequest request, CancellationToken ct)
    {
        if (!user.Can(Permission.DeleteRegistry)) return new Outcome<MergeSummary>.Forbidden();
        if (!await db.Children.VisibleTo(user).AnyAsync(c => c.Id == survivorId, ct)) return new Outcome<MergeSummary>.NotFound();
        if (request.MergeId is not { } mergeId) return Outcome<MergeSummary>.Refused(LinkageErrors.MergeRequired());
        var merge = await db.ChildMerges.FirstOrDefaultAsync(m => m.Id == mergeId && m.SurvivorId == survivorId, ct);
        if (merge is null) return Outcome<MergeSummary>.Refused(LinkageErrors.NoSuchMerge());
        if (merge.UnmergedAt is not null) return Outcome<MergeSummary>.Refused(LinkageErrors.AlreadyUndone());
        var merged = await db.Children.FirstAsync(c => c.Id == merge.MergedId, ct);
        if (merged.MergedIntoId != survivorId) return Outcome<MergeSummary>.Refused(LinkageErrors.MergedRecordChanged());

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = merge.MovedSourceRecords.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToList();
        var back = await db.SourceRecords.Where(r => ids.Contains(r.Id) && r.ChildId == survivorId).ToListAsync(ct);
        foreach (var r in back) r.ChildId = merge.MergedId;
        merged.MergedIntoId = null;
        merged.DeletedAt = null;
        merged.Version++;
        (merge.UnmergedById, merge.UnmergedAt) = (user.Id, Now);
        db.RecordChanges.Add(Change(survivorId, user, AuditActions.Unmerge, $"unmerged {merge.MergedId:D} from this record"));
        db.RecordChanges.Add(Change(merge.MergedId, user, AuditActions.Unmerge, $"restored from {survivorId:D}"));
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Unmerge, "child", ChildRecords.Id(survivorId), $"unmerged {merge.MergedId:D}; source records moved back={back.Count}"), ct);
        await tx.CommitAsync(ct);
        return Summary(merge, back.Count);
    }

    /// <summary>
    /// Splits one imported record off a child it was wrongly linked to: the record becomes a child of its own (registered
    /// from the record's values, in the same transaction), and the link is kept as a "not a match" decision so the pair
    /// is not proposed again.
    /// </summary>
    public async Task<Outcome<Child>> SplitAsync(CurrentUser user, Guid childId, SplitRequest request, CancellationToken ct)
    {
        if (!user.Can(Permission.DeleteRegistry)) return new Outcome<Child>.Forbidden();
        if (!await db.Children.VisibleTo(user).AnyAsync(c => c.Id == childId, ct)) return new Outcome<Child>.NotFound();
        if (request.SourceRecordId is not { } recordId) return Outcome<Child>.Refused(LinkageErrors.SplitRecordRequired());
        var record = await db.SourceRecords.FirstOrDefaultAsync(r => r.Id == recordId && r.ChildId == childId, ct);
        if (record is null) return Outcome<Child>.Refused(LinkageErrors.NoSuchSourceRecord());
        var input = SourceMapping.InputOf(await db.LinkSources.Where(s => s.Id == record.SourceId).Select(s => s.Mapping).SingleAsync(ct), record.MappedValues);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await children.CreateAsync(user, input, ct);
        if (created is not Outcome<Child>.Ok ok) return created;
        record.ChildId = ok.Value.Id;
        record.Outcome = SourceOutcome.Created;
        var decision = await db.MatchDecisions.FirstOrDefaultAsync(d => d.SourceRecordId == recordId && d.ChildId == childId, ct);
        if (decision is null) db.MatchDecisions.Add(decision = new MatchDecision { SourceRecordId = recordId, ChildId = childId });
        (decision.Decision, decision.Probability, decision.DecidedById, decision.DecidedAt) = (ReviewDecision.NotMatch, record.Probability, user.Id, Now);
        db.RecordChanges.Add(Change(childId, user, AuditActions.Split, $"imported record {recordId} split off into {ok.Value.Id:D}"));
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Split, "child", ChildRecords.Id(childId), $"source record {recordId} split off into {ok.Value.Id:D}"), ct);
        await tx.CommitAsync(ct);
        return ok.Value;
    }

    /// <summary>Records that two registered children are different children, so the pair is not offered as a duplicate again.</summary>
    public async Task<Outcome<bool>> MarkDistinctAsync(CurrentUser user, Guid childId, DistinctRequest request, CancellationToken ct)
    {
        if (!user.Can(Permission.DeleteRegistry)) return new Outcome<bool>.Forbidden();
        if (!await db.Children.VisibleTo(user).AnyAsync(c => c.Id == childId, ct)) return new Outcome<bool>.NotFound();
        if (request.OtherId is not { } otherId || otherId == childId) return Outcome<bool>.Refused(LinkageErrors.OtherRequired());
        if (!await db.Children.VisibleTo(user).AnyAsync(c => c.Id == otherId, ct)) return Outcome<bool>.Refused(LinkageErrors.NoSuchRecord("otherId"));
        var (first, second) = childId.CompareTo(otherId) < 0 ? (childId, otherId) : (otherId, childId);
        if (!await db.DistinctChildren.AnyAsync(d => d.FirstId == first && d.SecondId == second, ct))
        {
            db.DistinctChildren.Add(new DistinctChildren { FirstId = first, SecondId = second, DecidedById = user.Id, DecidedAt = Now });
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(user, new AuditEvent(AuditActions.Review, "child", ChildRecords.Id(childId), $"not the same child as {otherId:D}"), ct);
        }
        return true;
    }

    /// <summary>Children judged different from this one.</summary>
    public async Task<HashSet<Guid>> DistinctFromAsync(Guid childId, CancellationToken ct) =>
        [.. await db.DistinctChildren.Where(d => d.FirstId == childId || d.SecondId == childId).Select(d => d.FirstId == childId ? d.SecondId : d.FirstId).ToListAsync(ct)];

    /// <summary>Merges into this child that can still be undone.</summary>
    public async Task<List<MergeSummary>> ActiveMergesAsync(Guid childId, CancellationToken ct) =>
        (await db.ChildMerges.Where(m => m.SurvivorId == childId && m.UnmergedAt == null).OrderBy(m => m.Id).ToListAsync(ct))
            .Select(m => Summary(m, m.MovedSourceRecords.Split(',', StringSplitOptions.RemoveEmptyEntries).Length)).ToList();

    /// <summary>The records from other services this child is built from, with their provenance (for a caller that has checked scope).</summary>
    public async Task<List<ChildSource>> SourcesAsync(Guid childId, CancellationToken ct) =>
        (await db.SourceRecords.Where(r => r.ChildId == childId)
            .Join(db.ImportBatches, r => r.BatchId, b => b.Id, (r, b) => new { r.Id, r.RowNumber, r.SourceRecordId, r.Outcome, r.Probability, r.ImportedAt, b.FileName, b.SourceId })
            .Join(db.LinkSources, x => x.SourceId, s => s.Id, (x, s) => new { x.Id, Source = s.Name, x.FileName, x.RowNumber, x.SourceRecordId, x.Outcome, x.Probability, x.ImportedAt })
            .OrderBy(x => x.Id).ToListAsync(ct))
            .Select(x => new ChildSource(x.Id, x.Source, x.FileName, x.RowNumber, x.SourceRecordId, x.Outcome, x.Probability, x.ImportedAt)).ToList();

    private RecordChange Change(Guid childId, CurrentUser user, string action, string what) => new()
    {
        EntityType = "child", EntityId = childId, At = Now, UserId = user.Id, UserName = user.UserName, Action = action,
        Changes = System.Text.Json.JsonSerializer.Serialize(new[] { new { field = "record", from = (string?)null, to = what } }),
    };

    private static MergeSummary Summary(ChildMerge m, int moved) => new(m.Id, m.SurvivorId, m.MergedId, moved, m.MergedAt, m.UnmergedAt);
}
