using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Violence.Pages;

/// <summary>
/// Marks a coordination follow-up done, from wherever it was listed (the mechanism, a meeting, my work), and goes back
/// there. Its owner or the district's coordinator may; a refusal is shown here with the way back.
/// </summary>
public sealed class FollowUpDoneModel(CoordinationWork work) : HimayaPage
{
    public string? Refused { get; private set; }
    public string Back { get; private set; } = "/my-work";

    public IActionResult OnGet() => Redirect("/my-work");

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var parse = new FieldErrors();
        var f = new FormReader(Request.Form, parse);
        if (f.Text("back") is { } back && Url.IsLocalUrl(back) && !back.StartsWith("//", StringComparison.Ordinal)) Back = back;
        switch (await work.MarkDoneAsync(Me, id, new DoneRequest(f.Text("note")), ct))
        {
            case Outcome<FollowUpView>.Ok: return Redirect(Back);
            case Outcome<FollowUpView>.Conflict c: Refused = Localise(c); return Page();
            case Outcome<FollowUpView>.Invalid bad: Refused = bad.Errors.TextFor("note", T); return Page();
            case Outcome<FollowUpView>.Forbidden: return Forbid();
            default: return NotFound();
        }
    }
}
