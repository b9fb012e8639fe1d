using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Institutions.Pages;

/// <summary>
/// One institution: capacity against the children it holds, its visits, and every recommendation with its follow-up.
/// Monitors of the mandate open visits and verify; the authority answers recommendations.
/// </summary>
public sealed class InstitutionPageModel(VisitWork work, InstitutionRegister register, AdminUnits units) : HimayaPage
{
    public InstitutionView View { get; private set; } = null!;
    /// <summary>The recommendation whose form was sent (its errors are shown beside that form only).</summary>
    public long? SentFinding { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostVisitAsync(int id, CancellationToken ct)
    {
        var e = new FieldErrors();
        var on = new FormReader(Request.Form, e).Date("visitedOn");
        if (e.IsEmpty)
        {
            switch (await work.OpenAsync(Me, id, new(on, Value("kind"), Value("team")), ct))
            {
                case Outcome<VisitView>.Ok ok: return Redirect($"/institutions/visits/{ok.Value.Visit.Id}");
                case Outcome<VisitView>.Invalid bad: e = bad.Errors; break;
                case Outcome<VisitView>.NotFound: return NotFoundPage();
                default: return ForbiddenPage();
            }
        }
        Errors = e;
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>The authority corrects the register's entry against the version it read; refused, the form comes back with its values.</summary>
    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        var e = new FieldErrors();
        var form = new FormReader(Request.Form, e);
        var (capacity, version) = (form.Int("capacity"), form.Int("version"));
        if (e.IsEmpty)
        {
            switch (await register.UpdateAsync(Me, id, new(Value("name"), Value("kind"), Value("districtCode"), capacity, Value("operator"), Value("address"), version), ct))
            {
                case Outcome<InstitutionSummary>.Ok: return Redirect($"/institutions/{id}");
                case Outcome<InstitutionSummary>.Invalid bad: e = bad.Errors; break;
                case Outcome<InstitutionSummary>.Conflict c: e = new FieldErrors().Add(c.Refusal ?? InstitutionErrors.Stale()); break;
                case Outcome<InstitutionSummary>.NotFound: return NotFoundPage();
                default: return ForbiddenPage();
            }
        }
        Errors = e;
        Editing = true;
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>The edit form was sent and refused: it opens with what was sent.</summary>
    public bool Editing { get; private set; }

    /// <summary>A field of the edit form: what was sent when it was refused, else the register's value.</summary>
    public string? EditValue(string name, string? current) => Editing ? Value(name) : current;

    public IEnumerable<(string, string)> DistrictOptions =>
        DistrictChoices.For(units, Culture).Where(d => Me.ScopeKind == ScopeKind.National || Me.Districts.Contains(d.Value));

    public Task<IActionResult> OnPostResponseAsync(int id, long finding, CancellationToken ct) =>
        FollowAsync(id, finding, () => work.RespondAsync(Me, finding, new(Value("status"), Value("note")), ct), ct);

    public Task<IActionResult> OnPostVerifyAsync(int id, long finding, CancellationToken ct) =>
        FollowAsync(id, finding, () => work.VerifyAsync(Me, finding, new(Value("confirmed") switch { "true" => true, "false" => false, _ => null }, Value("note")), ct), ct);

    private async Task<IActionResult> FollowAsync(int id, long finding, Func<Task<Outcome<FindingView>>> act, CancellationToken ct)
    {
        switch (await act())
        {
            case Outcome<FindingView>.Ok: return Redirect($"/institutions/{id}#finding-{finding}");
            case Outcome<FindingView>.Invalid bad: Errors = bad.Errors; break;
            case Outcome<FindingView>.Conflict c: Errors = new FieldErrors().Add(c.Refusal ?? InstitutionErrors.Stale()); break;
            case Outcome<FindingView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
        SentFinding = finding;
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        switch (await work.InstitutionAsync(Me, id, ct))
        {
            case Outcome<InstitutionView>.Ok ok: View = ok.Value; return null;
            case Outcome<InstitutionView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
    }

    public InstitutionSummary Institution => View.Institution;

    public string District(string code) => units.DisplayName(code, Culture);

    public bool Answers => InstitutionScope.Answers(Me, Institution.DistrictCode);

    public string? ErrorIn(long finding, string field) => SentFinding == finding ? ErrorFor(field) : null;

    public IEnumerable<(string, string)> ResponseOptions =>
        VisitFinding.Responses.Select(s => (s.ToString(), Ui.EnumText(T, s)));
}
