using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Deprivation.Pages;

/// <summary>Outreach tasks in the user's scope: the open ones to act on, closed ones with their outcome.</summary>
public sealed class OutreachPageModel(Outreach outreach, AdminUnits units) : HimayaPage
{
    [FromQuery(Name = "status")] public string? StatusText { get; set; }
    [FromQuery(Name = "district")] public string? District { get; set; }

    public List<OutreachItem> Items { get; private set; } = [];
    public string? Message { get; private set; }
    public IEnumerable<(string, string)> DistrictOptions => units.Districts.Where(d => Me.ScopeKind != ScopeKind.Areas || Me.Districts.Contains(d.Code))
        .Select(d => (d.Code, units.DisplayName(d.Code, Culture))).OrderBy(d => d.Item2, StringComparer.CurrentCulture);

    public async Task<IActionResult> OnGetAsync(string? started, CancellationToken ct)
    {
        if (!Me.Can(Permission.ReadPersonalData)) return ForbiddenPage();
        if (started is not null) Message = T["Outreach.StartedMessage"];
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        OutreachStatus? status = StatusText switch { null or "" => OutreachStatus.Open, "all" => null, _ => EnumNames.TryParse<OutreachStatus>(StatusText, false, out var s) ? s : OutreachStatus.Open };
        switch (await outreach.ListAsync(Me, status, District, Culture, ct))
        {
            case Outcome<List<OutreachItem>>.Ok ok: Items = ok.Value; break;
            case Outcome<List<OutreachItem>>.Invalid bad: Errors = bad.Errors; break;
            default: return ForbiddenPage();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(Guid childId, string? note, string? returnUrl, CancellationToken ct)
    {
        switch (await outreach.StartAsync(Me, new StartOutreachRequest(childId, note), Culture, ct))
        {
            case Outcome<OutreachItem>.Ok: return Redirect("/outreach?started=1");
            case Outcome<OutreachItem>.Forbidden: return ForbiddenPage();
            case Outcome<OutreachItem>.NotFound: return NotFoundPage();
            case Outcome<OutreachItem>.Conflict c: Message = Localise(c); return await LoadAsync(ct);
            // The start form is on another page: what was wrong is said in the message here.
            case Outcome<OutreachItem>.Invalid bad:
                Message = string.Join(" ", bad.Errors.All.Keys.SelectMany(bad.Errors.CodedFor).Select(r => r.Localise(T)));
                return await LoadAsync(ct);
            default: return ForbiddenPage();
        }
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, string? status, string? outcome, CancellationToken ct)
    {
        switch (await outreach.CloseAsync(Me, id, new CloseOutreachRequest(status, outcome), Culture, ct))
        {
            case Outcome<OutreachItem>.Ok: return Redirect("/outreach");
            case Outcome<OutreachItem>.Forbidden: return ForbiddenPage();
            case Outcome<OutreachItem>.NotFound: return NotFoundPage();
            case Outcome<OutreachItem>.Conflict c: Message = Localise(c); return await LoadAsync(ct);
            case Outcome<OutreachItem>.Invalid bad: Errors = bad.Errors; ClosingId = id; return await LoadAsync(ct);
            default: return ForbiddenPage();
        }
    }

    /// <summary>The task whose close form had errors (its messages are shown beside it).</summary>
    public Guid? ClosingId { get; private set; }
}
