using Himaya.Platform;

namespace Himaya.Features.Facts;

/// <summary>A child's facts with their provenance, and the rule per fact, under /api/v1 (see the README's table).</summary>
public static class FactsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        const string tag = "Facts";
        api.MapGet("/children/{id:guid}/facts", async (Guid id, HttpContext http, ChildFacts store, CancellationToken ct) =>
            (await store.ForChildAsync(http.Caller(), id, ct)).ToResult(TypedResults.Ok)).WithName("ChildFacts").WithTags(tag).Requires(Permission.ReadPersonalData);
        api.MapGet("/facts/rules", async (HttpContext http, ChildFacts store, CancellationToken ct) =>
            (await store.RulesAsync(http.Caller(), ct)).ToResult(TypedResults.Ok)).WithName("FactRules").WithTags(tag).Requires(Permission.ReadPersonalData);
        api.MapPut("/facts/rules/{fact}", (string fact, HttpContext http, ChildFacts store, CancellationToken ct) => http.WithBody<FactRuleInput>(ct, async r =>
            (await store.SetRuleAsync(http.Caller(), fact, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<FactRuleInput>().WithName("SetFactRule").WithTags(tag).Requires(Permission.ManageFeeds);
    }
}
