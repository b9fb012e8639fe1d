using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Community.Pages;

/// <summary>
/// One family's home visiting: the schedule from the child's age with each point's status, and the visit form — the
/// point's checks, the milestones for the child's age today, caregiver wellbeing and home safety (a delay or a safety
/// concern proposes a case, linked from here).
/// </summary>
public sealed class HomeVisitingPageModel(HomeVisits store, Instruments instruments) : HimayaPage
{
    public EnrolmentView Family { get; private set; } = null!;
    public Guid? Proposal { get; private set; }
    public bool Saved { get; private set; }
    public string? Conflict { get; private set; }

    public Instrument Milestones => instruments.Find(HomeVisits.MilestonesInstrument)!;

    /// <summary>The visit's date the form is drawn for: the one sent (or asked for when the date was moved), else today.</summary>
    [BindProperty(SupportsGet = true, Name = "date")] public DateOnly? Date { get; set; }

    public DateOnly VisitDate => Date is { } d && d >= Family.BirthDate && d <= Today ? d : Today;

    /// <summary>The milestones asked of the child on the visit's date.</summary>
    public IReadOnlyList<InstrumentItem> MilestonesNow => Milestones.ItemsFor(Screenings.MonthsOld(Family.BirthDate, VisitDate));

    /// <summary>
    /// The days for which the milestones shown are the ones asked (the child's age band): a date moved outside them
    /// redraws the form (site.js); null when none are shown.
    /// </summary>
    public (DateOnly From, DateOnly Until)? Band => MilestonesNow.Count == 0 ? null
        : (Screenings.FirstDayAged(Family.BirthDate, MilestonesNow.Max(i => i.FromMonths)), Screenings.FirstDayAged(Family.BirthDate, MilestonesNow.Min(i => i.ToMonths)).AddDays(-1));

    /// <summary>The workers the family can be handed over to (empty: the user may not change the family).</summary>
    public IReadOnlyList<WorkerChoice> Workers { get; private set; } = [];
    public bool Ended { get; private set; }
    public bool HandedOver { get; private set; }

    /// <summary>The visit to make now (its window holds today); none when today's is made, then <see cref="Next"/> says when.</summary>
    public PointView? Current => Family.Schedule.FirstOrDefault(p => p.Status is VisitStatus.Due or VisitStatus.Overdue);

    public PointView? Next => Family.Schedule.FirstOrDefault(p => p.Status == VisitStatus.Upcoming);

    public async Task<IActionResult> OnGetAsync(Guid id, bool? saved, Guid? proposal, string? done, CancellationToken ct)
    {
        (Saved, Proposal, Ended, HandedOver) = (saved == true, proposal, done == "ended", done == "worker");
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>The family leaves home visiting (the API's end): on a day, with the reason.</summary>
    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        var e = new FieldErrors();
        var endedOn = new FormReader(Request.Form, e).Date("endedOn");
        // The form always shows a day (today by default): a day cleared is a mistake to name, not "today" unasked.
        if (endedOn is null && e.IsEmpty) e.Add(PlatformErrors.Required("endedOn"));
        if (e.IsEmpty) return await ChangedAsync(id, await store.EndAsync(Me, id, new EndEnrolmentInput(endedOn, Value("reason")), ct), "ended", ct);
        Errors = e;
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>Another worker takes the family (the API's worker).</summary>
    public async Task<IActionResult> OnPostWorkerAsync(Guid id, CancellationToken ct)
    {
        var e = new FieldErrors();
        var worker = new FormReader(Request.Form, e).Int("workerId");
        if (e.IsEmpty) return await ChangedAsync(id, await store.ReassignAsync(Me, id, new ReassignInput(worker), ct), "worker", ct);
        Errors = e;
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult> ChangedAsync(Guid id, Outcome<EnrolmentView> outcome, string done, CancellationToken ct)
    {
        switch (outcome)
        {
            case Outcome<EnrolmentView>.Ok: return Redirect($"/home-visiting/{id}?done={done}");
            case Outcome<EnrolmentView>.Invalid bad: Errors = bad.Errors; break;
            case Outcome<EnrolmentView>.Conflict c: Conflict = Localise(c); break;
            case Outcome<EnrolmentView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>The visit form was sent (its refusals are the page's, not the end or handover form's).</summary>
    public bool VisitSent { get; private set; }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        VisitSent = true;
        var e = new FieldErrors();
        var f = new FormReader(Request.Form, e);
        var date = f.Date("date");
        var weight = f.Decimal("weightKg");
        var length = f.Decimal("lengthCm");
        var milestones = Request.Form.Keys.Where(k => k.StartsWith("m:", StringComparison.Ordinal) && Value(k) is { Length: > 0 })
            .ToDictionary(k => k[2..], k => Value(k)!);
        if (e.IsEmpty)
        {
            var input = new HomeVisitInput(date, Value("immunisationUpToDate") switch { "true" => true, "false" => false, _ => null }, weight, length,
                milestones, Value("caregiverWellbeing"), Value("homeSafety"), Value("notes"));
            switch (await store.RecordAsync(Me, id, input, Culture, ct))
            {
                case Outcome<VisitView>.Ok ok: return Redirect($"/home-visiting/{id}?saved=true{(ok.Value.ProposalId is { } p ? "&proposal=" + p : "")}#schedule");
                case Outcome<VisitView>.Invalid bad: e = bad.Errors; break;
                case Outcome<VisitView>.Conflict c: Conflict = Localise(c); break;
                case Outcome<VisitView>.NotFound: return NotFoundPage();
                default: return ForbiddenPage();
            }
        }
        Errors = e;
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        switch (await store.GetAsync(Me, id, ct))
        {
            case Outcome<EnrolmentView>.Ok ok:
                Family = ok.Value;
                Workers = await store.WorkersForAsync(Me, Family, ct);
                return null;
            case Outcome<EnrolmentView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
    }

}
