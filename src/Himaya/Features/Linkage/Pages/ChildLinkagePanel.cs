using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Linkage.Pages;

public sealed record ChildLinkageView(ChildDto Child, IReadOnlyList<ChildSource> Sources, IReadOnlyList<MergeSummary> Merged,
    IReadOnlyList<(Child Child, double Probability)> Duplicates, bool CanMerge, string? Refusal);

/// <summary>
/// On the child's profile (registry slot <c>child-profile</c>): the imported records the child is built from and, for
/// those who may merge, other records in their scope that are probably the same child, with merges to undo. The actions
/// post to <see cref="ChildLinkageModel"/>, which comes back here with a refusal to show when there is one.
/// </summary>
public sealed class ChildLinkagePanel(ICurrentUserSource users, Merges merges, IntakeMatching matching, ChildRecords records) : ViewComponent
{
    public const string RefusalKey = "Linkage.Refusal";

    public async Task<IViewComponentResult> InvokeAsync(ChildDto child)
    {
        var ct = HttpContext.RequestAborted;
        var me = await users.GetAsync(ct);
        if (me is null) return Content("");
        var sources = await merges.SourcesAsync(child.Id, ct);
        IReadOnlyList<MergeSummary> merged = [];
        IReadOnlyList<(Child, double)> duplicates = [];
        var canMerge = me.Can(Permission.DeleteRegistry);
        if (canMerge)
        {
            merged = await merges.ActiveMergesAsync(child.Id, ct);
            var (scored, _) = await matching.ScoreAsync(ChildMapping.IdentityOf(child), ct);
            var distinct = await merges.DistinctFromAsync(child.Id, ct);
            var ids = scored.Where(x => x.P >= IntakeMatching.ShowFrom && x.C.Id != child.Id && !distinct.Contains(x.C.Id)).Select(x => x.C.Id).Take(5).ToList();
            var visible = await records.VisibleAsync(me, ids, ct);
            duplicates = [.. scored.Where(x => visible.ContainsKey(x.C.Id)).Select(x => (visible[x.C.Id], x.P))];
        }
        var refusal = TempData[RefusalKey] as string;
        return View("/Features/Linkage/Pages/ChildLinkagePanel.cshtml", new ChildLinkageView(child, sources, merged, duplicates, canMerge, refusal));
    }
}
