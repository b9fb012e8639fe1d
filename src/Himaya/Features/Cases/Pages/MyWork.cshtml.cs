using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Cases.Pages;

/// <summary>Each user's due and overdue work, overdue first.</summary>
public sealed class MyWorkModel(CaseLists lists) : HimayaPage
{
    public List<WorkItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await lists.MyWorkAsync(Me, ct) is Outcome<List<WorkItem>>.Ok ok) Items = ok.Value;
        return Page();
    }
}
