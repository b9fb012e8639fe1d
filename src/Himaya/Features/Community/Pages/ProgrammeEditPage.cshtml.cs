using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Community.Pages;

/// <summary>
/// Changing a programme (the API's PUT /api/v1/programmes/{id}): name, activities, districts, project, provider and its
/// targets row by row. Refused, the form comes back as sent with each error beside its field or target row.
/// </summary>
public sealed class ProgrammeEditPageModel(Programmes store, AdminUnits units, AppDbContext db) : HimayaPage
{
    /// <summary>Blank target rows offered below the programme's own, for new districts or periods.</summary>
    public const int BlankRows = 3;

    public ProgrammeView Programme { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Projects { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Providers { get; private set; } = [];
    /// <summary>The target rows shown: the programme's, or those sent with a refused change.</summary>
    public IReadOnlyList<TargetInput> Rows { get; private set; } = [];
    /// <summary>Someone else changed the programme meanwhile: the form shows the current values, the user's are lost.</summary>
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!Me.Can(Permission.ManageProgrammes)) return ForbiddenPage();
        if (await LoadAsync(id, ct) is { } refused) return refused;
        // The same rule the change is held to (Programmes.UpdateAsync): a planner of some districts, only programmes in them.
        return CommunityScope.MayChange(Me, Programme.Districts) ? Page() : ForbiddenPage();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var e = new FieldErrors();
        var form = new FormReader(Request.Form, e);
        var version = form.Int("version");
        var provider = form.Int("providerId");
        var rows = Enumerable.Range(0, RowCount).Select(n => new TargetInput(Value($"targets[{n}].districtCode"), Value($"targets[{n}].period"),
            int.TryParse(Value($"targets[{n}].uniqueChildren"), out var c) ? c : null)).ToList();
        // Blank rows are not sent; a refused target's place in what was sent maps back to its row on the form.
        var sent = rows.Select((t, n) => (t, n)).Where(x => !string.IsNullOrWhiteSpace(x.t.DistrictCode) || !string.IsNullOrWhiteSpace(x.t.Period)
            || !string.IsNullOrWhiteSpace(Value($"targets[{x.n}].uniqueChildren"))).ToList();
        if (e.IsEmpty)
            switch (await store.UpdateAsync(Me, id, new(Value("name"), [.. Values("activityTypes")], [.. Values("districts")], [.. sent.Select(x => x.t)], Value("project"), provider, version), ct))
            {
                case Outcome<ProgrammeView>.Ok: return Redirect($"/programmes/{id}?changed=1");
                case Outcome<ProgrammeView>.Invalid bad: e = bad.Errors.OnFields(f => ToRow(f, sent.Select(x => x.n).ToList())); break;
                case Outcome<ProgrammeView>.Conflict c:
                    Conflict = Localise(c);
                    ModelState.Clear();
                    return await LoadAsync(id, ct, fresh: true) ?? Page();
                case Outcome<ProgrammeView>.NotFound: return NotFoundPage();
                default: return ForbiddenPage();
            }
        Errors = e;
        Rows = rows;
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>How many target rows the form sent (the programme's plus the blank ones).</summary>
    private int RowCount => Request.Form.Keys.Count(k => k.StartsWith("targets[", StringComparison.Ordinal) && k.EndsWith("].period", StringComparison.Ordinal));

    /// <summary><c>targets[k].x</c> of the k-th target sent is <c>targets[row].x</c> of the form; list items of the other lists are the list.</summary>
    private static string ToRow(string field, IReadOnlyList<int> rows)
    {
        if (!field.StartsWith("targets[", StringComparison.Ordinal)) return field.Split('[')[0];
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(field[8..close], out var k) && k < rows.Count ? $"targets[{rows[k]}]{field[(close + 1)..]}" : "targets";
    }

    /// <summary>Whether the form shows what was sent (a refused change) rather than the programme as it is.</summary>
    private bool Sent { get; set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct, bool fresh = false)
    {
        switch (await store.GetAsync(Me, id, ct))
        {
            case Outcome<ProgrammeView>.Ok ok: Programme = ok.Value; break;
            case Outcome<ProgrammeView>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
        Sent = Request.HasFormContentType && !fresh;
        if (!Sent) Rows = [.. Programme.Targets.Select(t => new TargetInput(t.DistrictCode, t.Period, t.UniqueChildren))];
        Rows = [.. Rows, .. Enumerable.Repeat(new TargetInput(null, null, null), Sent ? 0 : BlankRows)];
        Projects = await ProgrammeChoices.ProjectsAsync(db, Culture, ct);
        Providers = await ProgrammeChoices.ProvidersAsync(db, ct);
        // The provider it has stays a choice even if it has since left the directory's active list.
        if (Programme.ProviderId is { } current && Providers.All(x => x.Id != current.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            Providers = [.. Providers, (current.ToString(System.Globalization.CultureInfo.InvariantCulture), Programme.Provider ?? "")];
        return null;
    }

    /// <summary>A field's value: as sent with a refused change, otherwise the programme's.</summary>
    public string? Field(string name, string? current) => Sent ? Value(name) : current;

    public IReadOnlyCollection<string> Chosen(string name, IEnumerable<string> current) => Sent ? Values(name) : [.. current];

    public IEnumerable<(string, string)> DistrictOptions => ProgrammeChoices.Districts(units, Me, Culture)
        .Concat(Programme.Districts.Select(d => (d, units.DisplayName(d, Culture)))).DistinctBy(d => d.Item1);
}
