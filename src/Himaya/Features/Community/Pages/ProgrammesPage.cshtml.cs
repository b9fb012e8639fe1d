using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Community.Pages;

/// <summary>The community programmes: what each runs, where, and how many different children it has reached; planners define new ones.</summary>
public sealed class ProgrammesPageModel(Programmes store, AdminUnits units, AppDbContext db) : HimayaPage
{
    public IReadOnlyList<ProgrammeView> List { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Projects { get; private set; } = [];
    /// <summary>The directory's active providers, any of which may deliver a programme.</summary>
    public IReadOnlyList<(string Id, string Name)> Providers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>
    /// A programme from the form (the API's POST /api/v1/programmes): one target of unique children for every chosen
    /// district in one period. Refused, the form comes back with its values and each error beside its field.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var e = new FieldErrors();
        var form = new FormReader(Request.Form, e);
        var children = form.Int("uniqueChildren");
        var provider = form.Int("providerId");
        var districts = Values("districts").ToList();
        if (e.IsEmpty)
        {
            var targets = children is null && string.IsNullOrWhiteSpace(Value("period")) ? []
                : districts.Select(d => new TargetInput(d, Value("period"), children)).ToList();
            switch (await store.CreateAsync(Me, new(Value("name"), [.. Values("activityTypes")], districts, targets, Value("project"), provider), ct))
            {
                case Outcome<ProgrammeView>.Ok ok: return Redirect($"/programmes/{ok.Value.Id}");
                case Outcome<ProgrammeView>.Invalid bad: e = OnTheForm(bad.Errors); break;
                default: return ForbiddenPage();
            }
        }
        Errors = e;
        return await LoadAsync(ct) ?? Page();
    }

    /// <summary>The API names list items by their place (districts[3], targets[0].period); the form has one field for each list.</summary>
    public static FieldErrors OnTheForm(FieldErrors api) => api.OnFields(key => key.StartsWith("targets[", StringComparison.Ordinal)
        ? key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..] switch { "period" => "period", "uniqueChildren" => "uniqueChildren", _ => "districts" }
        : key.Split('[')[0]);

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await store.ListAsync(Me, ct) is not Outcome<IReadOnlyList<ProgrammeView>>.Ok ok) return ForbiddenPage();
        List = ok.Value;
        if (Me.Can(Permission.ManageProgrammes))
        {
            Projects = await ProgrammeChoices.ProjectsAsync(db, Culture, ct);
            Providers = await ProgrammeChoices.ProvidersAsync(db, ct);
        }
        return null;
    }

    public IEnumerable<(string, string)> DistrictOptions => ProgrammeChoices.Districts(units, Me, Culture);
}
