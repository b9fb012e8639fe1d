using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Linkage.Pages;

/// <summary>
/// The merge-family actions of the child's profile (the <see cref="ChildLinkagePanel"/> posts here): on success on to
/// the record, on a refusal back to the profile, which shows it in the panel.
/// </summary>
public sealed class ChildLinkageModel(Merges merges) : HimayaPage
{
    public IActionResult OnGet(Guid id) => Redirect($"/children/{id}");

    public async Task<IActionResult> OnPostMergeAsync(Guid id, Guid duplicateId, CancellationToken ct) =>
        Next(id, await merges.MergeAsync(Me, id, new MergeRequest(duplicateId), ct), _ => $"/children/{id}");

    public async Task<IActionResult> OnPostDistinctAsync(Guid id, Guid otherId, CancellationToken ct) =>
        Next(id, await merges.MarkDistinctAsync(Me, id, new DistinctRequest(otherId), ct), _ => $"/children/{id}");

    public async Task<IActionResult> OnPostUnmergeAsync(Guid id, long mergeId, CancellationToken ct) =>
        Next(id, await merges.UnmergeAsync(Me, id, new UnmergeRequest(mergeId), ct), _ => $"/children/{id}");

    public async Task<IActionResult> OnPostSplitAsync(Guid id, long sourceRecordId, CancellationToken ct) =>
        Next(id, await merges.SplitAsync(Me, id, new SplitRequest(sourceRecordId), ct), c => $"/children/{c.Id}?saved=true");

    private IActionResult Next<TValue>(Guid id, Outcome<TValue> outcome, Func<TValue, string> next)
    {
        switch (outcome)
        {
            case Outcome<TValue>.Ok ok: return Redirect(next(ok.Value));
            case Outcome<TValue>.Forbidden: return ForbiddenPage();
            case Outcome<TValue>.NotFound: return NotFoundPage();
            case Outcome<TValue>.Invalid bad:
                TempData[ChildLinkagePanel.RefusalKey] = string.Join(" ", bad.Errors.All.Keys.SelectMany(bad.Errors.CodedFor).Select(r => r.Localise(T)));
                break;
            case Outcome<TValue>.Conflict c: TempData[ChildLinkagePanel.RefusalKey] = Localise(c); break;
        }
        return Redirect($"/children/{id}");
    }
}
