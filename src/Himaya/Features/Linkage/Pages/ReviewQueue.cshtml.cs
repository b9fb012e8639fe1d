using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Linkage.Pages;

/// <summary>The review queue, and one pair side by side with the three decisions.</summary>
public sealed class ReviewQueueModel(Reviews reviews) : HimayaPage
{
    public List<ReviewItem> Queue { get; private set; } = [];
    public ReviewItem? Item { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, string? done, CancellationToken ct)
    {
        Done = done;
        if (id is { } one)
        {
            switch (await reviews.GetAsync(Me, one, Culture, ct))
            {
                case Outcome<ReviewItem>.Ok ok: Item = ok.Value; return Page();
                case Outcome<ReviewItem>.Forbidden: return ForbiddenPage();
                default: return NotFoundPage();
            }
        }
        switch (await reviews.QueueAsync(Me, Culture, ct))
        {
            case Outcome<List<ReviewItem>>.Ok ok: Queue = ok.Value; return Page();
            default: return ForbiddenPage();
        }
    }

    public async Task<IActionResult> OnPostAsync(long id, ReviewDecision decision, CancellationToken ct)
    {
        switch (await reviews.DecideAsync(Me, new ReviewDecisionRequest(id, decision), Culture, ct))
        {
            case Outcome<ReviewItem>.Ok: return Redirect("/reviews?done=" + decision);
            case Outcome<ReviewItem>.Invalid bad: Errors = bad.Errors; break;
            case Outcome<ReviewItem>.Conflict c: Errors = new FieldErrors().Add(c.Refusal!); break;
            case Outcome<ReviewItem>.Forbidden: return ForbiddenPage();
            default: return NotFoundPage();
        }
        return await OnGetAsync(id, null, ct);
    }
}
