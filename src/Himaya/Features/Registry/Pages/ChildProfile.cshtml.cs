using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Registry.Pages;

public sealed class ChildProfileModel(ChildRecords records, AdminUnits units, Himaya.Features.Linkage.Merges merges, Himaya.Features.Linkage.IntakeMatching matching,
    Himaya.Features.Cases.CaseLists cases) : HimayaPage
{
    public IReadOnlyList<Himaya.Features.Cases.CaseListItem> Cases { get; private set; } = [];
    /// <summary>Who holds the child's open case when it is outside the user's caseload.</summary>
    public string? OpenCaseHeldBy { get; private set; }
    public bool CanOpenCase => Me.Can(Permission.WorkCases) && OpenCaseHeldBy is null && !Cases.Any(c => c.Stage != Himaya.Features.Cases.CaseStage.Closed);

    public ChildDto Child { get; private set; } = null!;
    public IReadOnlyList<RecordChange> History { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Access { get; private set; } = [];
    public bool Saved { get; private set; }
    public IReadOnlyList<Himaya.Features.Linkage.ChildSource> Sources { get; private set; } = [];
    public IReadOnlyList<Himaya.Features.Linkage.MergeSummary> Merged { get; private set; } = [];
    /// <summary>For those who may merge: other records in their scope that are probably this child.</summary>
    public IReadOnlyList<(Child Child, double Probability)> Duplicates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        var outcome = await records.GetAsync(Me, id, ct);
        if (outcome is Outcome<Child>.Forbidden) return ForbiddenPage();
        if (outcome is not Outcome<Child>.Ok ok) return NotFoundPage();
        Child = ChildMapping.ToDto(ok.Value, units, Today, Culture);
        History = await records.HistoryAsync(id, ct);
        Access = await records.AccessLogAsync(id, ct);
        Saved = saved;
        Sources = await merges.SourcesAsync(id, ct);
        if (Me.Can(Permission.ReadCases) || Me.Can(Permission.WorkCases)) (Cases, OpenCaseHeldBy) = await cases.ForChildAsync(Me, id, ct);
        if (CanDelete)
        {
            Merged = await merges.ActiveMergesAsync(id, ct);
            var (scored, _) = await matching.ScoreAsync(ChildMapping.ToInput(ok.Value), ct);
            var distinct = await merges.DistinctFromAsync(id, ct);
            var ids = scored.Where(x => x.P >= Himaya.Features.Linkage.IntakeMatching.ShowFrom && x.C.Id != id && !distinct.Contains(x.C.Id)).Select(x => x.C.Id).Take(5).ToList();
            var visible = await records.VisibleAsync(Me, ids, ct);
            Duplicates = [.. scored.Where(x => visible.ContainsKey(x.C.Id)).Select(x => (visible[x.C.Id], x.P))];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var outcome = await records.DeleteAsync(Me, id, ct);
        return outcome switch
        {
            Outcome<bool>.Ok => Redirect("/children"),
            Outcome<bool>.Forbidden => ForbiddenPage(),
            _ => NotFoundPage(),
        };
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid id, Guid duplicateId, CancellationToken ct) =>
        await ShowAsync(id, await merges.MergeAsync(Me, id, new Himaya.Features.Linkage.MergeRequest(duplicateId), ct), _ => $"/children/{id}", ct);

    public async Task<IActionResult> OnPostDistinctAsync(Guid id, Guid otherId, CancellationToken ct) =>
        await ShowAsync(id, await merges.MarkDistinctAsync(Me, id, new Himaya.Features.Linkage.DistinctRequest(otherId), ct), _ => $"/children/{id}", ct);

    public async Task<IActionResult> OnPostUnmergeAsync(Guid id, long mergeId, CancellationToken ct) =>
        await ShowAsync(id, await merges.UnmergeAsync(Me, id, new Himaya.Features.Linkage.UnmergeRequest(mergeId), ct), _ => $"/children/{id}", ct);

    public async Task<IActionResult> OnPostSplitAsync(Guid id, long sourceRecordId, CancellationToken ct) =>
        await ShowAsync(id, await merges.SplitAsync(Me, id, new Himaya.Features.Linkage.SplitRequest(sourceRecordId), ct), c => $"/children/{c.Id}?saved=true", ct);

    /// <summary>After a merge-family action: on to <paramref name="next"/>, or this page again with the refusal beside it.</summary>
    private async Task<IActionResult> ShowAsync<T>(Guid id, Outcome<T> outcome, Func<T, string> next, CancellationToken ct)
    {
        switch (outcome)
        {
            case Outcome<T>.Ok ok: return Redirect(next(ok.Value));
            case Outcome<T>.Forbidden: return ForbiddenPage();
            case Outcome<T>.NotFound: return NotFoundPage();
            case Outcome<T>.Invalid bad: Errors = bad.Errors; break;
            case Outcome<T>.Conflict c: Errors = FieldErrors.Single(c.Field, c.Message); break;
        }
        return await OnGetAsync(id, false, ct); // it does not touch Errors
    }

    public AdminUnits Units => units;
    public bool CanEdit => Me.Can(Permission.WriteRegistry);
    public bool CanDelete => Me.Can(Permission.DeleteRegistry);
}
