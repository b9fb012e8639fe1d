using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Community.Pages;

/// <summary>
/// One programme: distinct children reached by district against the targets, and a session's attendance in one form
/// (find the children of a district by name, tick those who came, save: the API's contact).
/// </summary>
public sealed class ProgrammePageModel(Programmes store, SearchChildren search, AdminUnits units, HomeVisits homeVisits, Participants participants,
    ProgrammeOutcomes outcomes, ContactRecords contacts) : HimayaPage
{
    /// <summary>A child the attendance list offers: from the registry search, or (a provider's staff) the programme's participants.</summary>
    public sealed record Attendee(Guid Id, string Surname, string GivenName, string? Patronymic, DateOnly BirthDate);

    /// <summary>Whether the user records for this programme (a provider's staff only for their provider's).</summary>
    public bool Records => Me.Can(Permission.RecordContacts) && CommunityScope.Runs(Me, Programme.Provider);

    /// <summary>Probable registered records of the child typed into the quick registration (refused as a probable match).</summary>
    public IReadOnlyList<ProbableMatch>? Matches { get; private set; }
    /// <summary>Any other refusal of the quick registration as a whole (the same child sent twice within minutes…).</summary>
    public string? ParticipantConflict { get; private set; }

    /// <summary>The child just added (ticked in the list) and how: added, registered, matched, already.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Added { get; set; }
    [BindProperty(SupportsGet = true)] public string? How { get; set; }

    /// <summary>
    /// Adds a participant: a registered child by id, or one typed in (the intake matching first; probable records are
    /// shown, the user's own to add, others by district). Then back to the list, the child ticked.
    /// </summary>
    public async Task<IActionResult> OnPostParticipantAsync(int id, CancellationToken ct)
    {
        var e = new FieldErrors();
        var form = new FormReader(Request.Form, e);
        var childId = form.Guid("childId");
        var birth = form.Date("birthDate");
        if (e.IsEmpty)
            switch (await participants.AddAsync(Me, id, new ParticipantInput(childId, Value("givenName"), Value("surname"), Value("patronymic"), birth,
                Value("sex"), Value("districtCode"), Value("careArrangement"), form.Check("confirmNew")), ct))
            {
                case Outcome<ParticipantView>.Ok ok:
                    return Redirect($"/programmes/{id}?district={Uri.EscapeDataString(Value("districtCode") ?? ok.Value.DistrictCode)}&q={Uri.EscapeDataString(ok.Value.Surname)}"
                        + $"&added={ok.Value.ChildId}&how={ok.Value.Outcome}#attendance");
                case Outcome<ParticipantView>.Invalid bad: e = bad.Errors; break;
                case Outcome<ParticipantView>.Conflict { Current: IReadOnlyList<ProbableMatch> found }: Matches = found; break;
                case Outcome<ParticipantView>.Conflict c: ParticipantConflict = Localise(c); break;
                case Outcome<ParticipantView>.NotFound: return NotFoundPage();
                default: return ForbiddenPage();
            }
        Errors = e;
        District = Value("districtCode");
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>The families on the programme's home visiting (when it runs home visits and the user records contacts).</summary>
    public IReadOnlyList<EnrolmentView>? Families { get; private set; }
    public string? EnrolConflict { get; private set; }

    public bool RunsHomeVisits => Programme.ActivityTypes.Contains(ActivityType.HomeVisit) && Records;

    /// <summary>Enrols a family (its child under six, found in the district's list) and opens its schedule.</summary>
    public async Task<IActionResult> OnPostEnrolAsync(int id, CancellationToken ct)
    {
        var e = new FieldErrors();
        var child = new FormReader(Request.Form, e).Guid("childId");
        if (e.IsEmpty)
            switch (await homeVisits.EnrolAsync(Me, id, new EnrolInput(child), ct))
            {
                case Outcome<EnrolmentView>.Ok ok: return Redirect($"/home-visiting/{ok.Value.Id}");
                case Outcome<EnrolmentView>.Invalid bad: e = bad.Errors; break;
                case Outcome<EnrolmentView>.Conflict c: EnrolConflict = Localise(c); break;
                case Outcome<EnrolmentView>.NotFound: return NotFoundPage();
                default: return ForbiddenPage();
            }
        Errors = e;
        District = Value("districtCode");
        return await LoadAsync(id, ct) ?? Page();
    }

    public ProgrammeView Programme { get; private set; } = null!;
    public ProgressView? Progress { get; private set; }
    public IReadOnlyList<Attendee> Found { get; private set; } = [];
    public int? Saved { get; private set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    /// <summary>The programme's latest sessions in the user's area (those who record contacts).</summary>
    public IReadOnlyList<ContactSummary> Recent { get; private set; } = [];
    public string? RemoveConflict { get; private set; }
    public bool Removed { get; private set; }

    /// <summary>Takes back a contact recorded by mistake (the API's DELETE …/contacts/{id}).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, Guid contactId, CancellationToken ct)
    {
        switch (await contacts.RemoveAsync(Me, id, contactId, ct))
        {
            case Outcome<bool>.Ok: return Redirect($"/programmes/{id}?removed=1#sessions");
            case Outcome<bool>.Conflict c: RemoveConflict = Localise(c); break;
            case Outcome<bool>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>Back from a change of the programme.</summary>
    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? saved, int? changed, int? removed, CancellationToken ct)
    {
        Saved = saved;
        Removed = removed == 1;
        Changed = changed == 1;
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var e = new FieldErrors();
        var form = new FormReader(Request.Form, e);
        var date = form.Date("date");
        var children = Values("children").Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        // One choice per listed child: which caregiver of theirs came (the child may not have).
        var caregivers = Request.Form.Keys.Where(k => k.StartsWith("caregiver-", StringComparison.Ordinal) && !string.IsNullOrEmpty(Value(k)))
            .Select(k => new CaregiverInput(Guid.TryParse(k["caregiver-".Length..], out var g) ? g : null, Value(k))).ToList();
        if (e.IsEmpty)
        {
            switch (await store.RecordAsync(Me, id, new(Value("activityType"), date, Value("districtCode"), children, Value("place"), Value("topics"),
                form.Check("referralMade"), caregivers), ct))
            {
                case Outcome<ContactView>.Ok ok: return Redirect($"/programmes/{id}?saved={ok.Value.Children}&district={Uri.EscapeDataString(ok.Value.DistrictCode)}#attendance");
                // The list is one field on the form: a child or caregiver refused by place is shown under it.
                case Outcome<ContactView>.Invalid bad: e = bad.Errors.OnFields(f => f.StartsWith("children[", StringComparison.Ordinal) || f.StartsWith("caregivers[", StringComparison.Ordinal) ? "children" : f); break;
                case Outcome<ContactView>.NotFound: return NotFoundPage();
                default: return ForbiddenPage();
            }
        }
        Errors = e;
        District = Value("districtCode");
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        switch (await store.GetAsync(Me, id, ct))
        {
            case Outcome<ProgrammeView>.Ok ok: Programme = ok.Value; break;
            case Outcome<ProgrammeView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
        if (await store.ProgressAsync(Me, id, null, ct, by: "sex") is Outcome<ProgressView>.Ok p)
        {
            Progress = p.Value;
            Chart = new ChartSpec(ChartKind.Bar, T["Programmes.ChartTitle"], [.. Progress.Districts.Select(d => DistrictName(d.DistrictCode))],
            [
                new ChartSeries(T["Programmes.Reached"], [.. Progress.Districts.Select(d => (double?)d.Reached)]),
                new ChartSeries(T["Programmes.Target"], [.. Progress.Districts.Select(d => (double?)d.Target)]),
            ]) { LabelTitle = T["Programmes.District"], ValueTitle = T["Programmes.Reached"], TableId = "progress-table" };
        }
        if (await outcomes.ForAsync(Me, id, null, Culture, ct) is Outcome<OutcomesView>.Ok o) Outcomes = o.Value;
        if (Records && District is { } d && Programme.Districts.Contains(d))
        {
            // A provider's staff work from their programme's participants; others from the registry they see.
            if (CommunityScope.IsProviderStaff(Me))
            {
                if (await participants.ListAsync(Me, id, d, Q, ct) is Outcome<IReadOnlyList<ParticipantView>>.Ok list)
                    Found = [.. list.Value.Select(c => new Attendee(c.ChildId, c.Surname, c.GivenName, c.Patronymic, c.BirthDate))];
            }
            else if (await search.RunAsync(Me, new ChildSearch { Q = string.IsNullOrWhiteSpace(Q) ? null : Q, District = d, PageSize = 50, Sort = "name" }, Culture, ct)
                is Outcome<PagedList<ChildSummary>>.Ok found)
                Found = [.. found.Value.Items.Select(c => new Attendee(c.Id, c.Surname, c.GivenName, c.Patronymic, c.BirthDate))];
        }
        if (Records && await contacts.ListAsync(Me, id, null, ct) is Outcome<IReadOnlyList<ContactSummary>>.Ok recent) Recent = recent.Value;
        if (RunsHomeVisits && await homeVisits.ListAsync(Me, id, ct) is Outcome<IReadOnlyList<EnrolmentView>>.Ok families) Families = families.Value;
        return null;
    }

    public ChartSpec? Chart { get; private set; }

    /// <summary>Scores over time by instrument (to date), for those who see aggregates.</summary>
    public OutcomesView? Outcomes { get; private set; }

    /// <summary>Distinct children of one sex reached in a district (from the sex breakdown).</summary>
    public int Of(string district, Sex sex) => Progress?.Groups?.FirstOrDefault(g => g.DistrictCode == district && g.Group == sex.ToString())?.Reached ?? 0;

    /// <summary>The progress table as a file (CSV or XLSX): district, target, reached, share, girls, boys. Audited as an export.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, string? format, [FromServices] AuditLog audit, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Progress is null) return ForbiddenPage();
        IReadOnlyList<string> header = [T["Programmes.District"], T["Programmes.Target"], T["Programmes.Reached"], T["Programmes.Share"], T["Programmes.Girls"], T["Programmes.Boys"],
            T["Programmes.Caregivers"]];
        var rows = Progress.Districts.Select(d => (IReadOnlyList<object?>)[DistrictName(d.DistrictCode), d.Target, d.Reached, d.Share, Of(d.DistrictCode, Sex.F), Of(d.DistrictCode, Sex.M),
            d.Caregivers]).ToList();
        await audit.RecordAsync(Me, new AuditEvent(AuditActions.Export, "programme", id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"progress ({format})"), ct);
        var table = new XlsxSheet(T["Programmes.Progress"], header, rows);
        return format == "xlsx" ? File(XlsxTable.Write(table), XlsxTable.ContentType, $"programme-{id}-progress.xlsx")
            : File(CsvCells.Write(table), "text/csv; charset=utf-8", $"programme-{id}-progress.csv");
    }

    public string DistrictName(string code) => units.DisplayName(code, Culture);

    public IEnumerable<(string, string)> DistrictOptions => Programme.Districts.Select(d => (d, DistrictName(d)));

    public IEnumerable<(string, string)> ActivityOptions => Programme.ActivityTypes.Select(a => (a.ToString(), Ui.EnumText(T, a)));
}
