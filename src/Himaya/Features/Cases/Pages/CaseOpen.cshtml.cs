using Himaya.Platform;
using Himaya.Features.Registry;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Cases.Pages;

/// <summary>Opening a case for a registered child: reason, concerns, initial risk, owner and supervisor.</summary>
public sealed class CaseOpenModel(CaseWork work, ChildRecords children) : HimayaPage
{
    [FromQuery(Name = "childId")] public Guid? ChildId { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "outreachTaskId")] public Guid? OutreachTaskId { get; set; }

    public Child? Child { get; private set; }
    public List<UserRef> Workers { get; private set; } = [];
    public List<UserRef> Supervisors { get; private set; } = [];
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Me.Can(Permission.WorkCases)) return ForbiddenPage();
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (ChildId is null) return NotFoundPage();
        if (await children.GetAsync(Me, ChildId.Value, ct) is not Outcome<Child>.Ok ok) return NotFoundPage();
        Child = ok.Value;
        (Workers, Supervisors) = await work.StaffForAsync(Child.DistrictCode, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Me.Can(Permission.WorkCases)) return ForbiddenPage();
        var f = new FormReader(Request.Form, Errors);
        ChildId = f.Guid("childId");
        From = f.Text("from");
        OutreachTaskId = f.Guid("outreachTaskId");
        var r = new OpenCaseRequest(ChildId, f.Text("reason"), [.. Request.Form["concerns"].Select(x => x ?? "")], f.Enum<RiskLevel>("risk"), f.Int("ownerId"), f.Int("supervisorId"), From, OutreachTaskId);
        if (!Errors.IsEmpty) return await LoadAsync(ct);
        switch (await work.OpenAsync(Me, r, ct))
        {
            case Outcome<CaseView>.Ok opened: return Redirect($"/cases/{opened.Value.Id}?done=opened");
            case Outcome<CaseView>.Invalid bad: Errors = bad.Errors; return await LoadAsync(ct);
            case Outcome<CaseView>.Conflict c: Conflict = Localise(c); return await LoadAsync(ct);
            case Outcome<CaseView>.Forbidden: return ForbiddenPage();
            default: return NotFoundPage();
        }
    }
}
