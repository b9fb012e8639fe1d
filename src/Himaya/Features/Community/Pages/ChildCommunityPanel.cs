using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Community.Pages;

/// <summary>On the child's profile: the child's latest screenings and the way to screen (registry slot <c>child-profile</c>).</summary>
public sealed class ChildCommunityPanel(ICurrentUserSource users, Screenings screenings) : ViewComponent
{
    public sealed record ChildScreenings(Guid ChildId, IReadOnlyList<ScreeningView> Latest);

    public async Task<IViewComponentResult> InvokeAsync(ChildDto child)
    {
        var me = await users.GetAsync(HttpContext.RequestAborted);
        if (me is null || !me.Can(Permission.RecordContacts)) return Content("");
        var latest = await screenings.ForChildAsync(me, child.Id, null, HttpContext.RequestAborted) is Outcome<IReadOnlyList<ScreeningView>>.Ok ok
            ? [.. ok.Value.GroupBy(s => s.Instrument).Select(g => g.First())] : new List<ScreeningView>();
        return View("/Features/Community/Pages/ChildCommunityPanel.cshtml", new ChildScreenings(child.Id, latest));
    }
}
