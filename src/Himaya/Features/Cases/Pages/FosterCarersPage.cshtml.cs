using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Cases.Pages;

/// <summary>The foster carer register in the user's districts: register a family, then assessment, training, approval and reviews.</summary>
public sealed class FosterCarersPageModel(FosterCarers carers, AdminUnits units) : HimayaPage
{
    public List<FosterCarerView> Carers { get; private set; } = [];
    public string? Message { get; private set; }
    public int? FailedId { get; private set; }
    public bool Registering { get; private set; }
    public IEnumerable<(string, string)> DistrictOptions => units.Districts.Where(d => Me.ScopeKind != ScopeKind.Areas || Me.Districts.Contains(d.Code))
        .Select(d => (d.Code, units.DisplayName(d.Code, Culture))).OrderBy(d => d.Item2, StringComparer.CurrentCulture);

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        if (done is not null) Message = T["Carers.Done"];
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (await carers.ListAsync(Me, Culture, ct) is not Outcome<List<FosterCarerView>>.Ok ok) return ForbiddenPage();
        Carers = ok.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken ct)
    {
        var f = new FormReader(Request.Form, Errors);
        var r = new FosterCarerInput(f.Text("name"), f.Text("districtCode"), f.Text("address"), f.Text("phone"), f.Date("appliedOn"), f.Int("capacity"), f.Int("minAge"), f.Int("maxAge"), f.Check("acceptsDisability"));
        switch (Errors.IsEmpty ? await carers.CreateAsync(Me, r, Culture, ct) : new Outcome<FosterCarerView>.Invalid(Errors))
        {
            case Outcome<FosterCarerView>.Ok: return Redirect("/foster-carers?done=1");
            case Outcome<FosterCarerView>.Invalid bad: Errors = bad.Errors; Registering = true; return await LoadAsync(ct);
            default: return ForbiddenPage();
        }
    }

    public async Task<IActionResult> OnPostStepAsync(int carerId, string? step, CancellationToken ct)
    {
        if (step is not ("assessment" or "training" or "approval" or "review")) return BadRequest();
        var f = new FormReader(Request.Form, Errors);
        var r = new CarerStepRequest(f.Int("version"), f.Date("on"), f.Text("summary"), f.Text("outcome"));
        switch (Errors.IsEmpty ? await carers.StepAsync(Me, carerId, step, r, Culture, ct) : new Outcome<FosterCarerView>.Invalid(Errors))
        {
            case Outcome<FosterCarerView>.Ok: return Redirect("/foster-carers?done=1");
            case Outcome<FosterCarerView>.Invalid bad: Errors = bad.Errors; FailedId = carerId; return await LoadAsync(ct);
            case Outcome<FosterCarerView>.Conflict c: Message = Localise(c); FailedId = carerId; return await LoadAsync(ct);
            case Outcome<FosterCarerView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
    }
}
