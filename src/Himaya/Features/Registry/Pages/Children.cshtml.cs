using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Registry.Pages;

public sealed class ChildrenModel(SearchChildren search, ExportChildren export, AdminUnits units) : HimayaPage
{
    public ChildSearch Query { get; private set; } = new();
    public PagedList<ChildSummary>? Result { get; private set; }
    public AdminUnits Units => units;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        (Query, var errors) = ReadQuery();
        Errors = errors;
        if (!errors.IsEmpty) return Page();
        var outcome = await search.RunAsync(Me, Query, Culture, ct);
        switch (outcome)
        {
            case Outcome<PagedList<ChildSummary>>.Ok ok: Result = ok.Value; break;
            case Outcome<PagedList<ChildSummary>>.Invalid bad: Errors = bad.Errors; break;
            default: return ForbiddenPage();
        }
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var (s, errors) = ReadQuery();
        if (!errors.IsEmpty) return await OnGetAsync(ct);
        return await export.RunAsync(Me, s, ct) switch
        {
            Outcome<byte[]>.Ok ok => File(ok.Value, "text/csv; charset=utf-8", "children.csv"),
            Outcome<byte[]>.Invalid => await OnGetAsync(ct),
            _ => ForbiddenPage(),
        };
    }

    /// <summary>The page reads its query exactly as the API does, so both report the same field errors.</summary>
    private (ChildSearch, FieldErrors) ReadQuery()
    {
        var errors = new FieldErrors();
        string? Q(string key) => Request.Query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        var search = RegistryApi.ParseSearch(errors, Q("q"), Q("district"), Q("sex"), Q("ageMin"), Q("ageMax"), Q("disability"), Q("care"), Q("page"), null, Q("sort"));
        return (search, errors);
    }

    public string ExportLink => "/children?handler=Export&" + string.Join('&', Request.Query.Where(kv => kv.Key is not ("page" or "handler"))
        .SelectMany(kv => kv.Value.Select(v => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(v ?? "")}")));

    public string PageLink(int page)
    {
        var q = Request.Query.Where(kv => kv.Key != "page").SelectMany(kv => kv.Value.Select(v => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return "/children?" + string.Join('&', q.Append($"page={page}"));
    }
}
