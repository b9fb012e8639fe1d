using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Cases.Pages;

/// <summary>On the dashboard, for those who work cases or answer referrals: how much is due, and how much of it late.</summary>
public sealed class DueWorkPanel(ICurrentUserSource users, CaseLists cases) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = await users.GetAsync(HttpContext.RequestAborted);
        if (me is null || !(me.Can(Permission.ReadCases) || me.Can(Permission.RespondReferrals))
            || await cases.MyWorkAsync(me, HttpContext.RequestAborted) is not Outcome<List<WorkItem>>.Ok work) return Content("");
        return View("/Features/Cases/Pages/DueWorkPanel.cshtml", (Due: work.Value.Count, Overdue: work.Value.Count(i => i.Overdue)));
    }
}
