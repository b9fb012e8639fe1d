using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Monitoring.Pages;

/// <summary>The CRC / SDG report pack for the nation or a district, on screen and as PDF, CSV or XLSX (each download audited).</summary>
public sealed class ReportPackPageModel(ReportPack pack, ReportPackFiles files, AdminUnits units) : HimayaPage
{
    public ReportPackView Pack { get; private set; } = null!;
    public ReportPackFiles Files => files;

    public async Task<IActionResult> OnGetAsync(string? place, CancellationToken ct) => await LoadAsync(place, ct) ?? Page();

    public Task<IActionResult> OnGetPdfAsync(string? place, CancellationToken ct) =>
        DownloadAsync(place, "pdf", p => File(files.Pdf(p, Me.UserName), "application/pdf", FileName(p, "pdf")), ct);

    public Task<IActionResult> OnGetCsvAsync(string? place, CancellationToken ct) =>
        DownloadAsync(place, "csv", p => File(files.Csv(p), "text/csv; charset=utf-8", FileName(p, "csv")), ct);

    public Task<IActionResult> OnGetXlsxAsync(string? place, CancellationToken ct) =>
        DownloadAsync(place, "xlsx", p => File(files.Xlsx(p), XlsxTable.ContentType, FileName(p, "xlsx")), ct);

    private async Task<IActionResult> DownloadAsync(string? place, string format, Func<ReportPackView, IActionResult> file, CancellationToken ct)
    {
        if (await LoadAsync(place, ct) is { } refused) return refused;
        if (!Errors.IsEmpty) return Page();
        await pack.RecordExportAsync(Me, Pack.Place, format, ct);
        return file(Pack);
    }

    private async Task<IActionResult?> LoadAsync(string? place, CancellationToken ct)
    {
        switch (await pack.BuildAsync(Me, place, ct))
        {
            case Outcome<ReportPackView>.Ok ok: Pack = ok.Value; return null;
            case Outcome<ReportPackView>.Invalid bad:
                Errors = bad.Errors;
                Pack = ((Outcome<ReportPackView>.Ok)await pack.BuildAsync(Me, null, ct)).Value;
                return null;
            default: return ForbiddenPage();
        }
    }

    private static string FileName(ReportPackView p, string extension) => $"report-pack-{p.Place}-{p.At:yyyy-MM-dd}.{extension}";

    public IEnumerable<(string, string)> PlaceChoices =>
        DistrictChoices.For(units, Culture).Prepend((IndicatorStore.Nation, files.PlaceName(IndicatorStore.Nation)));

    public string Query(string handler) => $"/monitoring/report?handler={handler}&place={Uri.EscapeDataString(Pack.Place)}";
}
