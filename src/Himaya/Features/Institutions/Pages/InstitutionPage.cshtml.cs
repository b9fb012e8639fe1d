using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Institutions.Pages;

/// <summary>
/// One institution: capacity against the children it holds, its visits, and every recommendation with its follow-up.
/// Monitors of the mandate open visits and verify; the authority answers recommendations.
/// </summary>
public sealed class InstitutionPageModel(VisitWork work, AdminUnits units) : HimayaPage
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
