using System.Globalization;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Services.Pages;

/// <summary>
/// One service for its keepers and its provider's staff: its facts as a form (a provider's staff see their change
/// still waiting, and may revise it), the last review's reason, the change waiting beside the public facts with the
/// reviewer's approve and return, and close or reopen. A change saved meanwhile is shown beside what the user typed.
/// </summary>
public sealed class ServiceDetailModel(ServiceCatalogue catalogue, ServiceKeeping keeping, ServiceDirectory directory, AdminUnits units)
    : ServiceFormPage(directory, units)
{
    public ServiceView? Service { get; private set; }
    public string? Conflict { get; private set; }
    /// <summary>After a stale save: the facts someone else saved meanwhile that differ from what the user typed (field, now).</summary>
    public IReadOnlyList<(string Field, string Now)> SavedMeanwhile { get; private set; } = [];
    /// <summary>Which form was sent (its errors are shown beside it).</summary>
    public string? Sent { get; private set; }
    public bool Saved { get; private set; }
    public bool IsKeeper => ServiceScope.IsKeeper(Me);
    public bool MayReview => Me.Can(Permission.ManageServices) && Service is { } s
        && (s.Status == ServiceStatus.Pending || (s.Status == ServiceStatus.Public && s.PendingChange is not null));

    public async Task<IActionResult> OnGetAsync(int id, bool saved, CancellationToken ct)
    {
        Saved = saved;
        var result = await LoadAsync(id, ct);
        if (Service is { } s)
            Form = !IsKeeper && s.PendingChange is { } change ? ServiceFormValues.Of(change.Proposed, s.Capacity, s.FreePlaces) : ServiceFormValues.Of(s);
        return result;
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        Sent = "save";
        var parse = new FieldErrors();
        var edit = Read(parse);
        if (!parse.IsEmpty) return await RefusedAsync(id, parse, ct);
        var outcome = await keeping.EditAsync(Me, id, edit, ct);
        var result = await AfterAsync(id, outcome, ct);
        if (outcome is Outcome<ServiceView>.Conflict { Current: ServiceView now })
        {
            var current = FactsOf(now);
            SavedMeanwhile = [.. ServiceFacts.From(edit).Differences(current).Select(f => (f, Show(current, f)))];
        }
        return result;
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken ct)
    {
        Sent = "review";
        var parse = new FieldErrors();
        var f = new FormReader(Request.Form, parse);
        var decision = new ReviewDecision(f.TriState("approve"), f.Text("reason"), f.Int("version"));
        if (!parse.IsEmpty) return await RefusedAsync(id, parse, ct);
        return await AfterAsync(id, await keeping.ReviewAsync(Me, id, decision, ct), ct);
    }

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        StepAsync(id, "close", v => keeping.CloseAsync(Me, id, v, ct), ct);

    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct) =>
        StepAsync(id, "reopen", v => keeping.ReopenAsync(Me, id, v, ct), ct);

    private async Task<IActionResult> StepAsync(int id, string form, Func<ServiceVersion, Task<Outcome<ServiceView>>> step, CancellationToken ct)
    {
        Sent = form;
        var parse = new FieldErrors();
        var version = new FormReader(Request.Form, parse).Int("version");
        if (!parse.IsEmpty) return await RefusedAsync(id, parse, ct);
        return await AfterAsync(id, await step(new ServiceVersion(version)), ct);
    }

    private async Task<IActionResult> AfterAsync(int id, Outcome<ServiceView> outcome, CancellationToken ct)
    {
        switch (outcome)
        {
            case Outcome<ServiceView>.Ok: return Redirect($"/services/{id.ToString(CultureInfo.InvariantCulture)}?saved=true");
            case Outcome<ServiceView>.Invalid bad: return await RefusedAsync(id, bad.Errors, ct);
            case Outcome<ServiceView>.Conflict c:
                Conflict = Localise(c);
                return await RefusedAsync(id, new FieldErrors(), ct);
            case Outcome<ServiceView>.Forbidden: return Forbid();
            default: return NotFound();
        }
    }

    /// <summary>The page again with the errors, the service as it is now (its current version in the forms) and what the user typed.</summary>
    private async Task<IActionResult> RefusedAsync(int id, FieldErrors errors, CancellationToken ct)
    {
        Errors = errors;
        var result = await LoadAsync(id, ct);
        if (Service is { } s) Form = Sent == "save" ? ServiceFormValues.Of(Request.Form) : ServiceFormValues.Of(s);
        return result;
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken ct)
    {
        switch (await catalogue.GetServiceAsync(Me, id, ct))
        {
            case Outcome<ServiceView>.Ok ok:
                Service = ok.Value;
                await LoadChoicesAsync(ct);
                return Page();
            case Outcome<ServiceView>.Forbidden: return Forbid();
            default: return NotFound();
        }
    }

    public static ServiceFacts FactsOf(ServiceView v) => new(v.Name, v.Description, ServiceFacts.Sorted(v.Types), ServiceFacts.Sorted(v.Districts), v.Nationwide,
        v.Address, v.Latitude, v.Longitude, v.AgeMin, v.AgeMax, v.Sex, v.DisabilityOnly, v.Phone, v.OpeningHours, ServiceFacts.Sorted(v.Languages), v.Cost);

    /// <summary>A fact as the user reads it: types, districts, languages and choices by their names in the user's language.</summary>
    public string Show(ServiceFacts f, string field)
    {
        var names = TypeChoices.ToDictionary(t => t.Value, t => t.Text, StringComparer.Ordinal);
        return field switch
        {
            "types" => string.Join(", ", f.Types.Select(t => names.GetValueOrDefault(t, t))),
            "districts" => string.Join(", ", f.Districts.Select(Place)),
            "languages" => string.Join(", ", f.Languages.Select(l => T["Services.Language." + l].Value)),
            "nationwide" => Ui.YesNo(T, f.Nationwide),
            "disabilityOnly" => Ui.YesNo(T, f.DisabilityOnly),
            "sex" => Ui.EnumText(T, f.Sex),
            _ => f.Text(field) ?? "—",
        };
    }
}
