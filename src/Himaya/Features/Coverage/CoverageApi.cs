using System.Globalization;
using System.Text;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Coverage;

/// <summary>Coverage and gaps under /api/v1/services/coverage (the README's contract), and the same table as CSV.</summary>
public static class CoverageApi
{
    public static void MapCoverageApi(RouteGroupBuilder api)
    {
        api.MapGet("/services/coverage", async (HttpContext http, ServiceCoverage coverage, [FromQuery] string? type, CancellationToken ct) =>
            (await coverage.ComputeAsync(http.Caller(), type, ct)).ToResult(TypedResults.Ok)).WithName("ServiceCoverage").WithTags("Services").Requires(Permission.ViewAggregates);
        api.MapGet("/services/coverage.csv", async (HttpContext http, ServiceCoverage coverage, [FromQuery] string? type, CancellationToken ct) =>
            (await coverage.ComputeAsync(http.Caller(), type, ct)).ToResult(r =>
                TypedResults.File(Encoding.UTF8.GetBytes(Csv(r)), "text/csv; charset=utf-8", $"coverage-{r.Type}.csv")))
            .WithName("ServiceCoverageCsv").WithTags("Services").Requires(Permission.ViewAggregates);
    }

    /// <summary>The districts as CSV: a suppressed count is an empty cell, with <c>suppressed</c> true.</summary>
    public static string Csv(CoverageResult r)
    {
        var sb = new StringBuilder("district_code,need,capacity,free_places,gap,services,from_cases,referrals_accepted,referrals_declined,declined_for_capacity,median_days_to_accept,suppressed\n");
        foreach (var d in r.Districts)
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"{d.DistrictCode},{d.Need},{d.Capacity},{d.FreePlaces},{d.Gap},{d.Services},{d.FromCases},{d.ReferralsAccepted},{d.ReferralsDeclined},{d.ReferralsDeclinedForCapacity},{d.MedianDaysToAccept},{(d.Suppressed ? "true" : "false")}\n"));
        return sb.ToString();
    }
}
