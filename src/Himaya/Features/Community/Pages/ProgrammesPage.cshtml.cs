using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Community.Pages;

/// <summary>The community programmes: what each runs, where, and how many different children it has reached.</summary>
public sealed class ProgrammesPageModel(Programmes store) : HimayaPage
{
    public IReadOnlyList<ProgrammeView> List { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await store.ListAsync(Me, ct) is not Outcome<IReadOnlyList<ProgrammeView>>.Ok ok) return ForbiddenPage();
        List = ok.Value;
        return Page();
    }
}
