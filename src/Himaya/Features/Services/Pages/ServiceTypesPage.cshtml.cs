using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Services.Pages;

/// <summary>The administrator's view of the shared taxonomy: every type with its names and use, a new type, retiring one.</summary>
public sealed class ServiceTypesPageModel(ServiceTaxonomy taxonomy) : HimayaPage
{
    public IReadOnlyList<ServiceTypeEntry> Types { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Failed { get; private set; }
    public bool Adding { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        if (done is not null) Message = T["ServiceTypes.Done"];
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (await taxonomy.AllAsync(Me, ct) is not Outcome<IReadOnlyList<ServiceTypeEntry>>.Ok ok) return ForbiddenPage();
        Types = ok.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var f = new FormReader(Request.Form, Errors);
        switch (await taxonomy.AddAsync(Me, new ServiceTypeInput(f.Text("code"), f.Text("nameAz"), f.Text("nameEn"), f.Text("nameRu")), ct))
        {
            case Outcome<ServiceTypeEntry>.Ok: return Redirect("/admin/service-types?done=added");
            case Outcome<ServiceTypeEntry>.Invalid bad: Errors = bad.Errors; Adding = true; return await LoadAsync(ct);
            default: return ForbiddenPage();
        }
    }

    public async Task<IActionResult> OnPostRetireAsync(string? code, CancellationToken ct)
    {
        switch (await taxonomy.RetireAsync(Me, code ?? "", ct))
        {
            case Outcome<ServiceTypeEntry>.Ok: return Redirect("/admin/service-types?done=retired");
            case Outcome<ServiceTypeEntry>.Conflict c: Message = Localise(c); Failed = true; return await LoadAsync(ct);
            case Outcome<ServiceTypeEntry>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
    }
}
