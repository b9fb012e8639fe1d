using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Deprivation.Pages;

/// <summary>The deprivation frameworks and their versions; administrators and analysts save a new version from the JSON definition.</summary>
public sealed class FrameworksPageModel(Frameworks frameworks) : HimayaPage
{
    [FromQuery(Name = "name")] public string? Name { get; set; }
    [FromQuery(Name = "version")] public string? Version { get; set; }

    public List<FrameworkVersion> Versions { get; private set; } = [];
    public RegistryFramework? Shown { get; private set; }
    public string Definition { get; set; } = "";
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? saved, CancellationToken ct)
    {
        if (!Me.Can(Permission.ViewAggregates)) return ForbiddenPage();
        Saved = saved;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Versions = await frameworks.ListAsync(ct);
        Shown = await frameworks.FindAsync(Name, Version, ct) ?? await frameworks.FindAsync(null, null, ct);
        if (Definition.Length == 0 && Shown is not null) Definition = RegistryFrameworkJson.Write(Shown);
    }

    public async Task<IActionResult> OnPostAsync(string? definition, CancellationToken ct)
    {
        if (!Me.Can(Permission.ManageFrameworks)) return ForbiddenPage();
        Definition = definition ?? "";
        switch (await frameworks.SaveAsync(Me, definition, ct))
        {
            case Outcome<FrameworkVersion>.Ok ok: return Redirect($"/deprivation/frameworks?name={Uri.EscapeDataString(ok.Value.Name)}&version={ok.Value.Version}&saved={ok.Value.Version}");
            case Outcome<FrameworkVersion>.Invalid bad: Errors = bad.Errors; break;
            case Outcome<FrameworkVersion>.Conflict { Refusal: { } r }: Errors.Add(r); break;
            default: return ForbiddenPage();
        }
        await LoadAsync(ct);
        return Page();
    }
}
