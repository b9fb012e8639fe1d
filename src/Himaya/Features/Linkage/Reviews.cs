using System.Globalization;
using System.Text.Json;
using Himaya.Platform;
using Himaya.Features.Registry;
using Himaya.Linkage.Linking;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Linkage;

/// <summary>One compared field of a proposed pair: the imported value, the registered one, and how they compare (same, similar, different, missing).</summary>
public sealed record ReviewField(string Field, string? Imported, string? Registered, string Agreement);

public sealed record ReviewItem(long Id, string Source, string FileName, int Row, double? Probability, Guid ChildId, IReadOnlyList<ReviewField> Fields, ReviewDecision? Decision);

public sealed record ReviewDecisionRequest(long? SourceRecordId, ReviewDecision? Decision);

/// <summary>
/// Clerical review of imported records whose match probability fell between the two thresholds: the imported record
/// beside the registered child it may be, field by field; the reviewer decides. "Match" links the record to the child;
/// "not a match" registers the record as a new child (and the pair is never proposed again); "unsure" leaves it in the
/// queue, marked. Reviewers see only pairs whose registered child is within their scope.
/// </summary>
public sealed class Reviews(AppDbContext db, AuditLog audit, AdminUnits units, ChildRecords children, TimeProvider clock)
{
    private const int QueueSize = 50;

    private static bool Allowed(CurrentUser user) => user.Can(Permission.ReadPersonalData) && user.Can(Permission.WriteRegistry);

    public async Task<Outcome<List<ReviewItem>>> QueueAsync(CurrentUser user, string culture, CancellationToken ct)
    {
        if (!Allowed(user)) return new Outcome<List<ReviewItem>>.Forbidden();
        var visible = db.Children.VisibleTo(user).Select(c => c.Id);
        var ids = await db.SourceRecords.Where(r => r.Outcome == SourceOutcome.Review && r.CandidateId != null && visible.Contains(r.CandidateId!.Value))
            .OrderBy(r => db.Set<MatchDecision>().Any(d => d.SourceRecordId == r.Id && d.Decision == ReviewDecision.Unsure)).ThenByDescending(r => r.Probability).ThenBy(r => r.Id)
            .Select(r => r.Id).Take(QueueSize).ToListAsync(ct);
        var items = new List<ReviewItem>();
        foreach (var id in ids) if (await LoadAsync(user, id, culture, ct) is { } item) items.Add(item);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, "review", Detail: $"review queue; shown={items.Count}; children={string.Join(',', items.Select(i => i.ChildId.ToString("N")))}"), ct);
        return items;
    }

    public async Task<Outcome<ReviewItem>> GetAsync(CurrentUser user, long id, string culture, CancellationToken ct)
    {
        if (!Allowed(user)) return new Outcome<ReviewItem>.Forbidden();
        var item = await LoadAsync(user, id, culture, ct);
        if (item is null) return new Outcome<ReviewItem>.NotFound();
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, "child", ChildRecords.Id(item.ChildId), $"review of source record {id}"), ct);
        return item;
    }

    public async Task<Outcome<ReviewItem>> DecideAsync(CurrentUser user, ReviewDecisionRequest request, string culture, CancellationToken ct)
    {
        if (!Allowed(user)) return new Outcome<ReviewItem>.Forbidden();
        var errors = new FieldErrors();
        if (request.SourceRecordId is null) errors.Add(LinkageErrors.ReviewRecordRequired());
        if (request.Decision is null) errors.Add(LinkageErrors.DecisionRequired());
        if (!errors.IsEmpty) return new Outcome<ReviewItem>.Invalid(errors);
        var item = await LoadAsync(user, request.SourceRecordId!.Value, culture, ct);
        if (item is null) return new Outcome<ReviewItem>.NotFound();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var record = await db.SourceRecords.SingleAsync(r => r.Id == item.Id, ct);
        var batch = await db.ImportBatches.SingleAsync(b => b.Id == record.BatchId, ct);
        var decision = await db.MatchDecisions.FirstOrDefaultAsync(d => d.SourceRecordId == record.Id && d.ChildId == item.ChildId, ct);
        if (decision is null) db.MatchDecisions.Add(decision = new MatchDecision { SourceRecordId = record.Id, ChildId = item.ChildId });
        (decision.Decision, decision.Probability, decision.DecidedById, decision.DecidedAt) = (request.Decision!.Value, record.Probability, user.Id, clock.GetUtcNow().UtcDateTime);
        switch (request.Decision)
        {
            case ReviewDecision.Match:
                (record.Outcome, record.ChildId) = (SourceOutcome.Linked, item.ChildId);
                (batch.Review, batch.Linked) = (batch.Review - 1, batch.Linked + 1);
                break;
            case ReviewDecision.NotMatch:
                {
                    var mappingJson = await db.LinkSources.Where(s => s.Id == record.SourceId).Select(s => s.Mapping).SingleAsync(ct);
                    switch (await children.CreateAsync(user, SourceMapping.InputOf(mappingJson, record.MappedValues), ct))
                    {
                        case Outcome<Child>.Ok created:
                            (record.Outcome, record.ChildId) = (SourceOutcome.Created, created.Value.Id);
                            (batch.Review, batch.Created) = (batch.Review - 1, batch.Created + 1);
                            break;
                        case Outcome<Child>.Invalid bad:
                            return new Outcome<ReviewItem>.Invalid(bad.Errors);
                        case Outcome<Child>.Conflict conflict:
                            return Outcome<ReviewItem>.Refused(conflict.Refusal!, conflict.Current);
                        default:
                            return new Outcome<ReviewItem>.Forbidden();
                    }
                    break;
                }
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Review, "child", ChildRecords.Id(item.ChildId),
            string.Create(CultureInfo.InvariantCulture, $"source record {record.Id}: {request.Decision}; outcome {record.Outcome}")), ct);
        await tx.CommitAsync(ct);
        return item with { Decision = request.Decision };
    }

    /// <summary>A pair still waiting for review, when its registered child is within the user's scope.</summary>
    private async Task<ReviewItem?> LoadAsync(CurrentUser user, long id, string culture, CancellationToken ct)
    {
        var r = await db.SourceRecords.AsNoTracking().Where(x => x.Id == id && x.Outcome == SourceOutcome.Review && x.CandidateId != null)
            .Join(db.ImportBatches, x => x.BatchId, b => b.Id, (x, b) => new { Record = x, b.FileName, b.SourceId })
            .Join(db.LinkSources, x => x.SourceId, s => s.Id, (x, s) => new { x.Record, x.FileName, Source = s.Name, s.Mapping }).FirstOrDefaultAsync(ct);
        if (r is null) return null;
        var child = await db.Children.VisibleTo(user).AsNoTracking().FirstOrDefaultAsync(c => c.Id == r.Record.CandidateId, ct);
        if (child is null) return null;
        var fields = IntakeModel.Config.Fields;
        var imported = IntakeModel.Values(SourceMapping.InputOf(r.Mapping, r.Record.MappedValues));
        var registered = IntakeModel.Values(ChildMapping.ToInput(child));
        var data = LinkData.FromRecords(IntakeModel.Config, [("imported", imported), ("registered", registered)]);
        var result = new List<ReviewField>();
        for (var f = 0; f < fields.Count; f++)
        {
            var level = Comparisons.Compare(data.Fields[f], 0, 1);
            var top = Comparisons.Levels(fields[f].Kind).Length - 1;
            var agreement = level == Comparisons.Missing ? "missing" : level == top ? "same" : level == 0 ? "different" : "similar";
            string? Show(string? v) => fields[f].Column == "districtCode" && v is not null ? units.DisplayName(v, culture) : v;
            result.Add(new ReviewField(fields[f].Column, Show(imported[f]), Show(registered[f]), agreement));
        }
        var decision = await db.MatchDecisions.Where(d => d.SourceRecordId == id && d.ChildId == child.Id).Select(d => (ReviewDecision?)d.Decision).FirstOrDefaultAsync(ct);
        return new ReviewItem(id, r.Source, r.FileName, r.Record.RowNumber, r.Record.Probability, child.Id, result, decision);
    }
}
