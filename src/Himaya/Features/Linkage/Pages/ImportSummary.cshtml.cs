using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Linkage.Pages;

/// <summary>One import: what became of its rows, the rejected rows with their problems, and the rollback.</summary>
public sealed class ImportSummaryModel(ImportRunner runner) : HimayaPage
{
    public ImportSummary Summary { get; private set; } = null!;
    /// <summary>The model this import's rows were matched with (saved with the import).</summary>
    public Himaya.Linkage.Linking.LinkModel? Model { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        switch (await runner.GetAsync(Me, id, ct))
        {
            case Outcome<ImportSummary>.Ok ok:
                Summary = ok.Value;
                Model = await runner.ModelOfAsync(id, ct);
                return Page();
            case Outcome<ImportSummary>.Forbidden: return ForbiddenPage();
            default: return NotFoundPage();
        }
    }

    public async Task<IActionResult> OnPostRollbackAsync(Guid id, CancellationToken ct)
    {
        switch (await runner.RollbackAsync(Me, id, ct))
        {
            case Outcome<ImportSummary>.Ok: return Redirect($"/imports/{id}");
            case Outcome<ImportSummary>.Forbidden: return ForbiddenPage();
            case Outcome<ImportSummary>.Conflict: return Redirect($"/imports/{id}");
            default: return NotFoundPage();
        }
    }
}
