using System.Text;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Deprivation.Pages;

/// <summary>Analyse a survey microdata file (CSV, one row per child) under a framework, with its sampling design; the run is stored and shown.</summary>
public sealed class SurveyModel(DeprivationRuns runs) : HimayaPage
{
    public const long MaxUploadBytes = 50_000_000;

    public string? Framework { get; set; }
    public string? Weight { get; set; }
    public string? Strata { get; set; }
    public string? Cluster { get; set; }
    public string? By { get; set; }
    public string? Label { get; set; }

    public IActionResult OnGet() => Me.Can(Permission.ViewAggregates) ? Page() : ForbiddenPage();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? framework, string? weight, string? strata, string? cluster, string? by, string? label, CancellationToken ct)
    {
        if (!Me.Can(Permission.ViewAggregates)) return ForbiddenPage();
        (Framework, Weight, Strata, Cluster, By, Label) = (framework, weight, strata, cluster, by, label);
        string? content = null;
        if (file is null || file.Length == 0) Errors.Add(DeprivationErrors.ChooseCsvFile());
        else if (file.Length > MaxUploadBytes) Errors.Add(DeprivationErrors.SurveyFileTooLarge());
        else
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            content = await reader.ReadToEndAsync(ct);
        }
        var byList = (by ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!Errors.IsEmpty) return Page();
        switch (await runs.AnalyseSurveyAsync(Me, new SurveyRequest(file!.FileName, content, framework, weight, strata, cluster, byList, null, label), ct))
        {
            case Outcome<(RunSummary Run, string Json)>.Ok ok: return Redirect($"/deprivation/runs/{ok.Value.Run.Id}");
            case Outcome<(RunSummary Run, string Json)>.Invalid bad:
                // The file's problems are listed beside the file field.
                foreach (var field in bad.Errors.All.Keys)
                    foreach (var r in bad.Errors.CodedFor(field)) Errors.Add(field == "content" ? r with { Field = "file" } : r);
                return Page();
            default: return ForbiddenPage();
        }
    }
}
