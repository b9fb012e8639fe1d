using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Institutions.Pages;

/// <summary>
/// One monitoring visit: the checklist, private interviews (their notes shown only within the mandate), findings with
/// recommendations, and the report that fixes the visit. Each form is the API's call of the same name.
/// </summary>
public sealed class VisitPageModel(VisitWork work) : HimayaPage
{
    public VisitView Visit { get; private set; } = null!;
    /// <summary>The checklist items sent, in the order sent: the API names an item's errors by that position.</summary>
    private List<string> _sent = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostChecklistAsync(Guid id, CancellationToken ct)
    {
        _sent = [.. Checklists.Care.Concat(Checklists.Detention).Where(item => !string.IsNullOrEmpty(Value("answer." + item)))];
        var answers = _sent.Select(item => new CheckInput(item, Value("answer." + item), Value("note." + item))).ToList();
        return SendAsync(id, "checklist", () => work.AnswerAsync(Me, id, new(answers), ct), ct);
    }

    public Task<IActionResult> OnPostInterviewAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, "interview", () => work.InterviewAsync(Me, id, new(Value("interviewee"), Value("ageGroup"), Value("consent") is "true" or "on", Value("notes")), ct), ct);

    public async Task<IActionResult> OnPostFindingAsync(Guid id, CancellationToken ct)
    {
        var e = new FieldErrors();
        var due = new FormReader(Request.Form, e).Date("dueOn");
        if (!e.IsEmpty) { Errors = e; return await LoadAsync(id, ct) ?? Page(); }
        return await SendAsync(id, "finding", () => work.FindAsync(Me, id, new(Value("item"), Value("severity"), Value("finding"), Value("recommendation"), Value("addressee"), due), ct), ct);
    }

    public Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, "report", () => work.ReportAsync(Me, id, new(Value("summary")), ct), ct);

    private async Task<IActionResult> SendAsync(Guid id, string form, Func<Task<Outcome<VisitView>>> act, CancellationToken ct)
    {
        switch (await act())
        {
            case Outcome<VisitView>.Ok: return Redirect($"/institutions/visits/{id}#{form}-form");
            case Outcome<VisitView>.Invalid bad: Errors = bad.Errors; break;
            case Outcome<VisitView>.Conflict c: Errors = new FieldErrors().Add(c.Refusal ?? InstitutionErrors.VisitReported()); break;
            case Outcome<VisitView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        switch (await work.GetAsync(Me, id, ct))
        {
            case Outcome<VisitView>.Ok ok: Visit = ok.Value; return null;
            case Outcome<VisitView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
    }

    /// <summary>The error of one checklist item's field, wherever the API placed it among the answers sent.</summary>
    public string? ItemError(string item, string field) => _sent.IndexOf(item) is var n and >= 0 ? ErrorFor($"answers[{n}].{field}") : null;

    public IEnumerable<(string, string)> AnswerOptions => Ui.EnumOptions<CheckAnswer>(T);

    public IEnumerable<(string, string)> ItemOptions => Visit.Checklist.Select(c => (c.Item, T["Checklist." + c.Item].Value));

    public IEnumerable<(string, string)> AgeOptions => VisitInterview.AgeGroups.Select(a => (a, a));
}
