using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Community.Pages;

/// <summary>
/// One programme: distinct children reached by district against the targets, and a session's attendance in one form
/// (find the children of a district by name, tick those who came, save: the API's contact).
/// </summary>
public sealed class ProgrammePageModel(Programmes store, SearchChildren search, AdminUnits units, HomeVisits homeVisits) : HimayaPage
{
    /// <summary>The families on the programme's home visiting (when it runs home visits and the user records contacts).</summary>
    public IReadOnlyList<EnrolmentView>? Families { get; private set; }
    public string? EnrolConflict { get; private set; }

    public bool RunsHomeVisits => Programme.ActivityTypes.Contains(ActivityType.HomeVisit) && Me.Can(Permission.RecordContacts);

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
    public IReadOnlyList<ChildSummary> Found { get; private set; } = [];
    public int? Saved { get; private set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var e = new FieldErrors();
        var form = new FormReader(Request.Form, e);
        var date = form.Date("date");
        var children = Values("children").Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        if (e.IsEmpty)
        {
            switch (await store.RecordAsync(Me, id, new(Value("activityType"), date, Value("districtCode"), children, Value("place"), Value("topics"),
                form.Check("referralMade")), ct))
            {
                case Outcome<ContactView>.Ok ok: return Redirect($"/programmes/{id}?saved={ok.Value.Children}&district={Uri.EscapeDataString(ok.Value.DistrictCode)}#attendance");
                case Outcome<ContactView>.Invalid bad: e = bad.Errors; break;
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
        if (Me.Can(Permission.RecordContacts) && District is { } d && Programme.Districts.Contains(d)
            && await search.RunAsync(Me, new ChildSearch { Q = string.IsNullOrWhiteSpace(Q) ? null : Q, District = d, PageSize = 50, Sort = "name" }, Culture, ct)
                is Outcome<PagedList<ChildSummary>>.Ok found)
            Found = found.Value.Items;
        if (RunsHomeVisits && await homeVisits.ListAsync(Me, id, ct) is Outcome<IReadOnlyList<EnrolmentView>>.Ok families) Families = families.Value;
        return null;
    }

    public ChartSpec? Chart { get; private set; }

    /// <summary>Distinct children of one sex reached in a district (from the sex breakdown).</summary>
    public int Of(string district, Sex sex) => Progress?.Groups?.FirstOrDefault(g => g.DistrictCode == district && g.Group == sex.ToString())?.Reached ?? 0;

    /// <summary>The progress table as a file (CSV or XLSX): district, target, reached, share, girls, boys. Audited as an export.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, string? format, [FromServices] AuditLog audit, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Progress is null) return ForbiddenPage();
        IReadOnlyList<string> header = [T["Programmes.District"], T["Programmes.Target"], T["Programmes.Reached"], T["Programmes.Share"], T["Programmes.Girls"], T["Programmes.Boys"]];
        var rows = Progress.Districts.Select(d => (IReadOnlyList<object?>)[DistrictName(d.DistrictCode), d.Target, d.Reached, d.Share, Of(d.DistrictCode, Sex.F), Of(d.DistrictCode, Sex.M)]).ToList();
        await audit.RecordAsync(Me, new AuditEvent(AuditActions.Export, "programme", id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"progress ({format})"), ct);
        var table = new XlsxSheet(T["Programmes.Progress"], header, rows);
        return format == "xlsx" ? File(XlsxTable.Write(table), XlsxTable.ContentType, $"programme-{id}-progress.xlsx")
            : File(CsvCells.Write(table), "text/csv; charset=utf-8", $"programme-{id}-progress.csv");
    }

    public string DistrictName(string code) => units.DisplayName(code, Culture);

    public IEnumerable<(string, string)> DistrictOptions => Programme.Districts.Select(d => (d, DistrictName(d)));

    public IEnumerable<(string, string)> ActivityOptions => Programme.ActivityTypes.Select(a => (a.ToString(), Ui.EnumText(T, a)));
}
