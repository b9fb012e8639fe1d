using Himaya.Features.Cases;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Community.Pages;

/// <summary>
/// A proposed case: what the screening or home visit found, and the decision — open the case (the Cases opening's
/// fields, the findings as its reason unless rewritten) or decline it with a reason.
/// </summary>
public sealed class CaseProposalPageModel(CaseProposals store, CaseWork cases) : HimayaPage
{
    public ProposalView Proposal { get; private set; } = null!;
    public List<UserRef> Workers { get; private set; } = [];
    public List<UserRef> Supervisors { get; private set; } = [];
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        var e = new FieldErrors();
        var f = new FormReader(Request.Form, e);
        var input = new OpenProposedCaseInput([.. Values("concerns")], f.Text("risk"), f.Int("ownerId"), f.Int("supervisorId"), f.Text("reason"));
        if (e.IsEmpty)
            switch (await store.OpenCaseAsync(Me, id, input, ct))
            {
                case Outcome<ProposalView>.Ok ok: return Redirect($"/cases/{ok.Value.CaseId}?done=opened");
                case Outcome<ProposalView>.Invalid bad: e = bad.Errors; break;
                case Outcome<ProposalView>.Conflict c: Conflict = Localise(c); break;
                case Outcome<ProposalView>.NotFound: return NotFoundPage();
                default: return ForbiddenPage();
            }
        Errors = e;
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct)
    {
        switch (await store.DeclineAsync(Me, id, new DeclineInput(Value("declineReason")), ct))
        {
            case Outcome<ProposalView>.Ok: return Redirect($"/case-proposals/{id}");
            case Outcome<ProposalView>.Invalid bad:
                // The decline form's reason has its own name on the page (the opening form has a reason too).
                Errors = new FieldErrors();
                foreach (var r in bad.Errors.CodedFor("reason")) Errors.Add(r with { Field = "declineReason" });
                break;
            case Outcome<ProposalView>.Conflict c: Conflict = Localise(c); break;
            case Outcome<ProposalView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        switch (await store.GetAsync(Me, id, ct))
        {
            case Outcome<ProposalView>.Ok ok: Proposal = ok.Value; break;
            case Outcome<ProposalView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
        (Workers, Supervisors) = await cases.StaffForAsync(Proposal.DistrictCode, ct);
        return null;
    }
}
