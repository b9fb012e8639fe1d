using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Registry.Pages;

public sealed class HouseholdProfileModel(HouseholdRecords records) : HimayaPage
{
    public HouseholdDto Household { get; private set; } = null!;
    public bool Saved { get; private set; }
    public IReadOnlyList<RecordChange> History { get; private set; } = [];

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        switch (await records.DeleteAsync(Me, id, ct))
        {
            case Outcome<bool>.Ok: return Redirect("/households");
            case Outcome<bool>.Forbidden: return ForbiddenPage();
            case Outcome<bool>.Conflict c:
                Refusal = Localise(c);
                return await OnGetAsync(id, false, ct);
            default: return NotFoundPage();
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        var outcome = await records.GetAsync(Me, id, Culture, ct);
        if (outcome is Outcome<HouseholdDto>.Forbidden) return ForbiddenPage();
        if (outcome is not Outcome<HouseholdDto>.Ok ok) return NotFoundPage();
        Household = ok.Value;
        History = await records.HistoryAsync(id, ct);
        Saved = saved;
        return Page();
    }
}
