using System.Text;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Linkage.Pages;

/// <summary>
/// Importing a source file, in three steps on one page: upload (source and file), map the file's columns to registry
/// fields (prefilled from the source's saved mapping, else guessed from the column names) and preview the row problems,
/// then import. The file's text travels in the form between steps; nothing is saved before "Import".
/// </summary>
public sealed class ImportsModel(ImportRunner runner, LinkageQuality quality) : HimayaPage
{
    public const int MaxUploadBytes = 10 * 1024 * 1024;

    public List<(ImportBatch Batch, string Source)> Recent { get; private set; } = [];
    public List<string> Sources { get; private set; } = [];
    public string? Source { get; private set; }
    public string? FileName { get; private set; }
    public string? FileText { get; private set; }
    public string[] Header { get; private set; } = [];
    public SourceMapping Mapping { get; private set; } = new();
    public ImportPreview? Preview { get; private set; }
    public QualityReport? Quality { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Me.Can(Permission.WriteRegistry)) return ForbiddenPage();
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, string? source, CancellationToken ct)
    {
        if (!Me.Can(Permission.WriteRegistry)) return ForbiddenPage();
        Source = source?.Trim();
        if (string.IsNullOrWhiteSpace(Source)) Errors.Add(LinkageErrors.SourceRequired());
        if (file is null || file.Length == 0) Errors.Add(LinkageErrors.FileMissing());
        else if (file.Length > MaxUploadBytes) Errors.Add(LinkageErrors.FileTooLarge());
        else if (!new[] { ".csv", ".txt", ".xlsx" }.Any(x => file.FileName.EndsWith(x, StringComparison.OrdinalIgnoreCase)))
            Errors.Add(LinkageErrors.FileType());
        if (Errors.IsEmpty && file!.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            // The spreadsheet's first sheet becomes CSV text here; every later step is the same as for a CSV file.
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            var (csv, error) = SpreadsheetText.FromXlsx(buffer, "file");
            if (error is not null) Errors.Add(error);
            else FileText = csv;
        }
        else if (Errors.IsEmpty)
        {
            using var reader = new StreamReader(file!.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            FileText = await reader.ReadToEndAsync(ct);
        }
        if (Errors.IsEmpty && FileText is not null)
        {
            FileName = Path.GetFileName(file!.FileName);
            Header = Himaya.Linkage.Linking.Csv.Read(new StringReader(FileText)).Header;
            if (Header.Length == 0) Errors.Add(LinkageErrors.NoHeader("file"));
            Mapping = await runner.SavedMappingAsync(Source!, ct) is { } saved && saved.Validate(Header).IsEmpty ? saved : Guess(Header);
        }
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct) => await StepAsync(run: false, ct);

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct) => await StepAsync(run: true, ct);

    private async Task<IActionResult> StepAsync(bool run, CancellationToken ct)
    {
        if (!Me.Can(Permission.WriteRegistry)) return ForbiddenPage();
        var form = Request.Form;
        Source = form["source"];
        FileName = form["fileName"];
        FileText = form["content"];
        Header = Himaya.Linkage.Linking.Csv.Read(new StringReader(FileText ?? "")).Header;
        var columns = new Dictionary<string, string>();
        foreach (var field in SourceMapping.Fields)
            if (form["map." + field].ToString() is { Length: > 0 } column) columns[field] = column;
        var defaults = new Dictionary<string, string>();
        if (form["default.careArrangement"].ToString() is { Length: > 0 } care) defaults["careArrangement"] = care;
        // Facts the file holds, and when they were true: a column of the file, else one day for the whole file.
        var facts = new Dictionary<string, string>();
        foreach (var fact in Himaya.Features.Facts.FactCatalogue.All)
            if (form["fact." + fact.Code].ToString() is { Length: > 0 } column) facts[fact.Code] = column;
        var observedOn = form["observedOnColumn"].ToString() is { Length: > 0 } onColumn ? onColumn
            : form["observedOnDate"].ToString() is { Length: > 0 } onDate ? onDate : null;
        Mapping = new SourceMapping
        {
            Columns = columns, Defaults = defaults.Count > 0 ? defaults : null,
            RecordId = form["recordId"].ToString() is { Length: > 0 } rid ? rid : null,
            DateFormat = form["dateFormat"].ToString() is { Length: > 0 } df ? df : null,
            Facts = facts.Count > 0 ? facts : null, ObservedOn = facts.Count > 0 ? observedOn : null,
        };
        var request = new ImportRequest(Source, FileName, FileText, Mapping);
        if (run)
        {
            switch (await runner.RunAsync(Me, request, ct))
            {
                case Outcome<ImportSummary>.Ok ok: return Redirect($"/imports/{ok.Value.Id}");
                case Outcome<ImportSummary>.Invalid bad: Errors = bad.Errors; break;
                default: return ForbiddenPage();
            }
        }
        else
        {
            switch (await runner.PreviewAsync(Me, request, ct))
            {
                case Outcome<ImportPreview>.Ok ok: Preview = ok.Value; break;
                case Outcome<ImportPreview>.Invalid bad: Errors = bad.Errors; break;
                default: return ForbiddenPage();
            }
        }
        await LoadListsAsync(ct);
        return Page();
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Recent = await runner.RecentAsync(Me, ct);
        Quality = (await quality.ReportAsync(Me, ct)) is Outcome<QualityReport>.Ok q ? q.Value : null;
        Sources = await runner.SourceNamesAsync(ct);
    }

    // Column names seen in Azerbaijani, Russian and English source files, folded for comparison.
    private static readonly Dictionary<string, string[]> Hints = new()
    {
        ["givenName"] = ["ad", "adi", "adı", "given", "givenname", "given_name", "firstname", "first_name", "name", "имя"],
        ["surname"] = ["soyad", "soyadi", "soyadı", "surname", "lastname", "last_name", "familiya", "фамилия"],
        ["patronymic"] = ["ataadi", "ata adı", "ata adi", "patronymic", "otchestvo", "отчество"],
        ["sex"] = ["cins", "cinsi", "sex", "gender", "пол"],
        ["birthDate"] = ["dogumtarixi", "doğum tarixi", "dogum tarixi", "dob", "birthdate", "date_of_birth", "birth_date", "дата рождения"],
        ["fin"] = ["fin", "fİn", "pin", "фин"],
        ["birthCertificateNumber"] = ["sehadetname", "şəhadətnamə", "certificate", "birth_certificate", "свидетельство"],
        ["districtCode"] = ["rayon", "district", "district_code", "район"],
    };

    private static SourceMapping Guess(string[] header)
    {
        static string Key(string s) => s.Trim().ToLowerInvariant().Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var columns = new Dictionary<string, string>();
        foreach (var (field, hints) in Hints)
        {
            var match = header.FirstOrDefault(h => hints.Any(x => Key(x) == Key(h)));
            if (match is not null) columns[field] = match;
        }
        return new SourceMapping { Columns = columns };
    }
}
