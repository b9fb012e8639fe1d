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

    /// <summary>The milestones asked of the child today (the form's date is today unless changed).</summary>
    public IReadOnlyList<InstrumentItem> MilestonesNow => Milestones.ItemsFor(Screenings.MonthsOld(Family.BirthDate, Today));

    /// <summary>The visit to make now (its window holds today); none when today's is made, then <see cref="Next"/> says when.</summary>
    public PointView? Current => Family.Schedule.FirstOrDefault(p => p.Status is VisitStatus.Due or VisitStatus.Overdue);

    public PointView? Next => Family.Schedule.FirstOrDefault(p => p.Status == VisitStatus.Upcoming);

    public async Task<IActionResult> OnGetAsync(Guid id, bool? saved, Guid? proposal, CancellationToken ct)
    {
        (Saved, Proposal) = (saved == true, proposal);
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
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
            case Outcome<EnrolmentView>.Ok ok: Family = ok.Value; return null;
            case Outcome<EnrolmentView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
    }

}
