using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Community.Pages;

/// <summary>
/// A child's screenings: the scores over time, and a screening with one of the standard instruments (the items asked at
/// the child's age; optionally as a programme's contact, so the child counts as reached).
/// </summary>
public sealed class ScreeningsPageModel(Screenings store, Instruments instruments, ChildRecords children, AppDbContext db) : HimayaPage
{
    public Child Child { get; private set; } = null!;
    public IReadOnlyList<ScreeningView> History { get; private set; } = [];
    public Instrument? Chosen { get; private set; }
    public IReadOnlyList<(string, string)> ProgrammeOptions { get; private set; } = [];
    public ScreeningView? Saved { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Instrument { get; set; }

    public IReadOnlyList<Instrument> Current => instruments.Current;

    public Instrument? Of(ScreeningView s) => instruments.Find(s.Instrument, s.Version);

    public IReadOnlyList<InstrumentItem> Items => Chosen?.ItemsFor(Screenings.MonthsOld(Child.BirthDate, Today)) ?? [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? saved, CancellationToken ct)
    {
        var refused = await LoadAsync(id, ct);
        Saved = saved is { } s ? History.FirstOrDefault(h => h.Id == s) : null;
        return refused ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var e = new FieldErrors();
        var f = new FormReader(Request.Form, e);
        var date = f.Date("date");
        var programme = f.Int("programmeId");
        var answers = Request.Form.Keys.Where(k => k.StartsWith("a:", StringComparison.Ordinal) && Value(k) is { Length: > 0 }).ToDictionary(k => k[2..], k => Value(k)!);
        if (e.IsEmpty)
            switch (await store.RecordAsync(Me, id, new ScreeningInput(Instrument, date, answers, null, programme), Culture, ct))
            {
                case Outcome<ScreeningView>.Ok ok: return Redirect($"/children/{id}/screenings?saved={ok.Value.Id}#history");
                case Outcome<ScreeningView>.Invalid bad: e = bad.Errors; break;
                case Outcome<ScreeningView>.NotFound: return NotFoundPage();
                default: return ForbiddenPage();
            }
        Errors = e;
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!Me.Can(Permission.RecordContacts)) return ForbiddenPage();
        if (await children.GetAsync(Me, id, ct) is not Outcome<Child>.Ok ok) return NotFoundPage();
        Child = ok.Value;
        if (await store.ForChildAsync(Me, id, null, ct) is Outcome<IReadOnlyList<ScreeningView>>.Ok h) History = h.Value;
        Chosen = instruments.Find(Instrument);
        if (Chosen is not null)
        {
            var district = Child.DistrictCode;
            // Programmes that run the instrument's activity in the child's district (their lists are short; filtered here).
            var all = await db.Set<Programme>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
            ProgrammeOptions = [.. all.Where(p => p.Activities.Contains(Chosen.ActivityType) && p.DistrictList.Contains(district)).Select(p => (p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name))];
        }
        return null;
    }

}
