using Himaya.Platform;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Cases.Pages;

/// <summary>Counts only: the team's caseload and overdue work per worker, and cases by stage per district.</summary>
public sealed class TeamModel(CaseLists lists, CaseTransfers transfers) : HimayaPage
{
    public CaseDashboard Board { get; private set; } = null!;
    public List<TransferItem> Transfers { get; private set; } = [];
    public string? Message { get; private set; }
    public Guid? FailedId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        if (done is not null) Message = T["Transfer.Done." + done];
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (!Me.Can(Permission.ReadCases)) return ForbiddenPage();
        if (await lists.DashboardAsync(Me, ct) is not Outcome<CaseDashboard>.Ok ok) return ForbiddenPage();
        Board = ok.Value;
        if (Me.Can(Permission.ApproveCases) && await transfers.IncomingAsync(Me, ct) is Outcome<List<TransferItem>>.Ok t) Transfers = t.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostTransferAsync(Guid caseId, string? decision, CancellationToken ct)
    {
        var f = new FormReader(Request.Form, Errors);
        var r = new TransferDecisionRequest(f.Int("version"), decision switch { "accept" => true, "decline" => false, _ => null }, f.Int("newOwnerId"), f.Text("comment"));
        switch (Errors.IsEmpty ? await transfers.DecideAsync(Me, caseId, r, ct) : new Outcome<TransferDecision>.Invalid(Errors))
        {
            case Outcome<TransferDecision>.Ok ok: return Redirect(ok.Value.Accepted ? $"/cases/{caseId}?done=transfer-accepted" : "/cases/team?done=declined");
            case Outcome<TransferDecision>.Invalid bad: Errors = bad.Errors; FailedId = caseId; return await LoadAsync(ct);
            case Outcome<TransferDecision>.Conflict c: Message = Localise(c); FailedId = caseId; return await LoadAsync(ct);
            case Outcome<TransferDecision>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
    }
}
