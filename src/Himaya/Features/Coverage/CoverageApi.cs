using System.Globalization;
using System.Text;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

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
        api.MapGet("/services/coverage.xlsx", async (HttpContext http, ServiceCoverage coverage, IStringLocalizer<Texts> t, [FromQuery] string? type, CancellationToken ct) =>
            (await coverage.ComputeAsync(http.Caller(), type, ct)).ToResult(r =>
                TypedResults.File(Xlsx(r, t), XlsxTable.ContentType, $"coverage-{r.Type}.xlsx")))
            .WithName("ServiceCoverageXlsx").WithTags("Services").Requires(Permission.ViewAggregates);
    }

    /// <summary>The districts as a workbook, headers in the reader's language: a suppressed count is an empty cell.</summary>
    public static byte[] Xlsx(CoverageResult r, IStringLocalizer t)
    {
        string[] header = [t["Coverage.District"], t["Coverage.Need"], t["Coverage.Capacity"], t["Coverage.FreePlaces"], t["Coverage.Gap"],
            t["Coverage.Services"], t["Coverage.FromCases"], t["Coverage.Accepted"], t["Coverage.Declined"], t["Coverage.DeclinedFull"],
            t["Coverage.MedianDays"], t["Coverage.Hidden"]];
        var rows = r.Districts.Select(d => (IReadOnlyList<object?>)[d.DistrictCode, d.Need, d.Capacity, d.FreePlaces, d.Gap, d.Services, d.FromCases,
            d.ReferralsAccepted, d.ReferralsDeclined, d.ReferralsDeclinedForCapacity, d.MedianDaysToAccept, d.Suppressed]);
        return XlsxTable.Write(new XlsxSheet(r.Type.Length > 31 ? r.Type[..31] : r.Type, header, rows));
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
