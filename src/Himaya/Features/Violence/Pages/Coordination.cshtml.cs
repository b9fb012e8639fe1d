using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Violence.Pages;

/// <summary>A district's coordination mechanism: who sits on it, and its meetings (calling one builds the agenda).</summary>
public sealed class CoordinationModel(CoordinationWork work, AdminUnits units) : HimayaPage
{
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    public MechanismView? Mechanism { get; private set; }
    public IReadOnlyList<(string Value, string Text)> Districts { get; private set; } = [];
    public string? Sent { get; private set; }
    public string? LeaveRefused { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostMemberAsync(CancellationToken ct)
    {
        Sent = "member";
        var f = new FormReader(Request.Form, Errors);
        var outcome = await work.AddMemberAsync(Me, new MemberRequest(District, f.Text("agency"), f.Text("personName"), f.Text("role")), ct);
        return await AfterAsync(outcome, ct);
    }

    public async Task<IActionResult> OnPostLeaveAsync(int memberId, CancellationToken ct)
    {
        Sent = "leave";
        var parse = new FieldErrors();
        var outcome = await work.LeaveAsync(Me, memberId, new LeaveRequest(new FormReader(Request.Form, parse).Date("leftOn")), ct);
        if (!parse.IsEmpty && outcome is not Outcome<MemberView>.Forbidden and not Outcome<MemberView>.NotFound)
        {
            Errors = parse;
            return await LoadAsync(ct);
        }
        if (outcome is Outcome<MemberView>.Conflict c)
        {
            LeaveRefused = Localise(c);
            return await LoadAsync(ct);
        }
        return await AfterAsync(outcome, ct);
    }

    public async Task<IActionResult> OnPostMeetingAsync(CancellationToken ct)
    {
        Sent = "meeting";
        var parse = new FieldErrors();
        var f = new FormReader(Request.Form, parse);
        var outcome = await work.CallMeetingAsync(Me, new MeetingRequest(District, f.Date("heldOn"), f.Text("notes")), ct);
        if (outcome is Outcome<MeetingView>.Ok ok) return Redirect($"/vac/coordination/meetings/{ok.Value.Id}");
        Errors = outcome is Outcome<MeetingView>.Invalid bad ? VacForm.Merge(parse, bad.Errors) : parse;
        return outcome is Outcome<MeetingView>.Forbidden ? Forbid() : await LoadAsync(ct);
    }

    private async Task<IActionResult> AfterAsync<T>(Outcome<T> outcome, CancellationToken ct)
    {
        switch (outcome)
        {
            case Outcome<T>.Ok: return Redirect($"/vac/coordination?district={District}");
            case Outcome<T>.Invalid bad: Errors = bad.Errors; return await LoadAsync(ct);
            case Outcome<T>.Forbidden: return Forbid();
            default: return NotFound();
        }
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (!Me.Can(Permission.TriageVacReports)) return Forbid();
        Districts = [.. DistrictChoices.For(units, Culture).Where(d => Me.ScopeKind == ScopeKind.National || Me.Districts.Contains(d.Value))];
        District ??= Districts.Count == 1 || Me.ScopeKind != ScopeKind.National ? Districts.FirstOrDefault().Value : null;
        if (District is null) return Page();
        switch (await work.GetAsync(Me, District, ct))
        {
            case Outcome<MechanismView>.Ok ok: Mechanism = ok.Value; return Page();
            case Outcome<MechanismView>.Invalid bad: Errors = bad.Errors; return Page();
            case Outcome<MechanismView>.Forbidden: return Forbid();
            default: return NotFound();
        }
    }
}
