using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Services.Pages;

/// <summary>The review queue: new services and changes to public ones waiting for this reviewer, the longest waiting first.</summary>
public sealed class ServiceReviewModel(ServiceLists lists, ProviderRecords providers, AdminUnits units) : HimayaPage
{
    public ReviewQueue? Queue { get; private set; }
    /// <summary>Providers whose staff propose new contact facts.</summary>
    public IReadOnlyList<(int Id, string Name, DateTime Since)> Proposals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await lists.QueueAsync(Me, ct) is not Outcome<ReviewQueue>.Ok ok) return Forbid();
        Queue = ok.Value;
        Proposals = await providers.ProposalsWaitingAsync(Me, ct);
        return Page();
    }

    public string Place(string code) => units.DisplayName(code, Culture);
}
