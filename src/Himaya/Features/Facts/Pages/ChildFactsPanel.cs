using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Facts.Pages;

/// <summary>On the child's profile: each fact's current value with its source and date, and what other sources said (registry slot <c>child-profile</c>).</summary>
public sealed class ChildFactsPanel(ICurrentUserSource users, ChildFacts facts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ChildDto child)
    {
        var me = await users.GetAsync(HttpContext.RequestAborted);
        if (me is null || await facts.ForChildAsync(me, child.Id, HttpContext.RequestAborted) is not Outcome<ChildFactsView>.Ok { Value.Facts.Count: > 0 } ok) return Content("");
        return View("/Features/Facts/Pages/ChildFactsPanel.cshtml", ok.Value);
    }
}
