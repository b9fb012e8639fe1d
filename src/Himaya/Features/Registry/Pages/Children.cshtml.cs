using Himaya.Features.Reference;
using Himaya.Features.Shared;
using Himaya.Infrastructure;
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

    private (ChildSearch, FieldErrors) ReadQuery()
    {
        var errors = new FieldErrors();
        var f = new FormReader(new FormCollection(Request.Query.ToDictionary(kv => kv.Key, kv => kv.Value)), errors);
        return (new ChildSearch
        {
            Q = f.Text("q"), District = f.Text("district"), Sex = f.Enum<Sex>("sex"), AgeMin = f.Int("ageMin"), AgeMax = f.Int("ageMax"),
            Disability = f.TriState("disability"), Care = f.Enum<CareArrangement>("care"), Page = f.Int("page") ?? 1, Sort = f.Text("sort"),
        }, errors);
    }

    public string ExportLink => "/children?handler=Export&" + string.Join('&', Request.Query.Where(kv => kv.Key is not ("page" or "handler"))
        .SelectMany(kv => kv.Value.Select(v => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(v ?? "")}")));

    public string PageLink(int page)
    {
        var q = Request.Query.Where(kv => kv.Key != "page").SelectMany(kv => kv.Value.Select(v => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return "/children?" + string.Join('&', q.Append($"page={page}"));
    }
}
