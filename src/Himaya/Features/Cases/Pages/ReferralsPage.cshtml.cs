using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Cases.Pages;

/// <summary>Referrals to the user's agency, to answer step by step; and those sent from the user's cases.</summary>
public sealed class ReferralsPageModel(Referrals referrals) : HimayaPage
{
    [FromQuery(Name = "box")] public string? Box { get; set; }
    public List<ReferralView> Items { get; private set; } = [];
    public string? Message { get; private set; }
    public Guid? FailedId { get; private set; }
    public string CurrentBox => Box is "sent" or "incoming" ? Box : Me.Can(Permission.RespondReferrals) && !Me.Can(Permission.ReadCases) ? "incoming" : Me.Can(Permission.ReadCases) ? "sent" : "incoming";

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        if (done is not null) Message = T["Referral.Done." + done];
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        switch (await referrals.ListAsync(Me, CurrentBox, null, ct))
        {
            case Outcome<List<ReferralView>>.Ok ok: Items = ok.Value; return Page();
            default: return ForbiddenPage();
        }
    }

    public async Task<IActionResult> OnPostStepAsync(Guid referralId, string? step, CancellationToken ct)
    {
        Box = "incoming";
        var f = new FormReader(Request.Form, Errors);
        // "Decline: no free place" is a decline that says why in a way coverage can count.
        var full = step == "DeclineNoCapacity";
        if (full) step = nameof(ReferralStep.Decline);
        if (!EnumNames.TryParse<ReferralStep>(step, false, out var s) || s == ReferralStep.Cancel) return BadRequest();
        var r = new ReferralStepRequest(f.Int("version"), f.Text("text"), full ? true : null);
        switch (Errors.IsEmpty ? await referrals.StepAsync(Me, referralId, s, r, ct) : new Outcome<ReferralView>.Invalid(Errors))
        {
            case Outcome<ReferralView>.Ok: return Redirect($"/referrals?box=incoming&done={s.ToString().ToLowerInvariant()}");
            case Outcome<ReferralView>.Invalid bad: Errors = bad.Errors; FailedId = referralId; return await LoadAsync(ct);
            case Outcome<ReferralView>.Conflict c: Message = Localise(c); FailedId = referralId; return await LoadAsync(ct);
            case Outcome<ReferralView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
    }
}
