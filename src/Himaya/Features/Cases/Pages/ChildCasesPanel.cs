using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Cases.Pages;

public sealed record ChildCasesView(ChildDto Child, IReadOnlyList<CaseListItem> Cases, string? OpenCaseHeldBy, bool CanOpenCase);

/// <summary>The child's cases on the child's profile, and the way to open one (registry slot <c>child-profile</c>).</summary>
public sealed class ChildCasesPanel(ICurrentUserSource users, CaseLists cases) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ChildDto child)
    {
        var me = await users.GetAsync(HttpContext.RequestAborted);
        // The section is shown to those who read cases; nothing is looked up for anyone else.
        if (me is null || !me.Can(Permission.ReadCases)) return Content("");
        var (list, heldBy) = await cases.ForChildAsync(me, child.Id, HttpContext.RequestAborted);
        var canOpen = me.Can(Permission.WorkCases) && heldBy is null && !list.Any(c => c.Stage != CaseStage.Closed);
        return View("/Features/Cases/Pages/ChildCasesPanel.cshtml", new ChildCasesView(child, list, heldBy, canOpen));
    }
}
