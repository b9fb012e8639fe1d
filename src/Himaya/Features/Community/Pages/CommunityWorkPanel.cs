using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Community.Pages;

/// <summary>In "my work": home visits due, overdue or lately missed for the families the user visits, and the cases community work proposes in their area.</summary>
public sealed class CommunityWorkPanel(ICurrentUserSource users, HomeVisits visits, CaseProposals proposals) : ViewComponent
{
    public sealed record Work(IReadOnlyList<VisitAlert> Visits, IReadOnlyList<ProposalView> Proposals, bool DecidesProposals);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var me = await users.GetAsync(ct);
        if (me is null || (!me.Can(Permission.RecordContacts) && !me.Can(Permission.WorkCases))) return Content("");
        var alerts = await visits.AlertsAsync(me, ct);
        var open = me.Can(Permission.WorkCases) && await proposals.ListAsync(me, nameof(ProposalStatus.Open), ct) is Outcome<IReadOnlyList<ProposalView>>.Ok ok ? ok.Value : [];
        if (alerts.Count == 0 && open.Count == 0 && !me.Can(Permission.WorkCases)) return Content("");
        return View("/Features/Community/Pages/CommunityWorkPanel.cshtml", new Work(alerts, open, me.Can(Permission.WorkCases)));
    }
}
