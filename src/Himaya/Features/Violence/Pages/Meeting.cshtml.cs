using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Violence.Pages;

/// <summary>One meeting: its agenda (the district's open reports when it was called, overdue first) and its decisions.</summary>
public sealed class MeetingModel(CoordinationWork work) : HimayaPage
{
    public MeetingView? Meeting { get; private set; }
    /// <summary>Users who may own a follow-up (then they mark it done themselves).</summary>
    public IReadOnlyList<(int Id, string Name)> Owners { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var parse = new FieldErrors();
        var f = new FormReader(Request.Form, parse);
        var outcome = await work.DecideAsync(Me, id, new DecisionRequest(f.Guid("reportId"), f.Text("text"), f.Text("owner"), f.Date("dueOn"), f.Int("ownerUserId")), ct);
        switch (outcome)
        {
            case Outcome<MeetingView>.Ok when parse.IsEmpty: return Redirect($"/vac/coordination/meetings/{id}");
            case Outcome<MeetingView>.Forbidden: return Forbid();
            case Outcome<MeetingView>.NotFound: return NotFound();
        }
        Errors = outcome is Outcome<MeetingView>.Invalid bad ? VacForm.Merge(parse, bad.Errors) : parse;
        return await LoadAsync(id, ct);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        switch (await work.GetMeetingAsync(Me, id, ct))
        {
            case Outcome<MeetingView>.Ok ok:
                Meeting = ok.Value;
                Owners = await work.OwnersForAsync(ok.Value.DistrictCode, ct);
                return Page();
            case Outcome<MeetingView>.Forbidden: return Forbid();
            default: return NotFound();
        }
    }
}
