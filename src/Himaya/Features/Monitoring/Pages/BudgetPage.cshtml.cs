using System.Globalization;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Monitoring.Pages;

/// <summary>
/// The child-focused budget: by year, all spending, the part for children (direct and indirect), their share as a chart
/// and a table, and per child where the child population is known; a form to add a line for those who keep the data.
/// </summary>
public sealed class BudgetPageModel(BudgetStore store) : HimayaPage
{
    public BudgetSummary Summary { get; private set; } = new("AZN", []);
    public ChartSpec? Chart { get; private set; }
    public bool Added { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool? done, CancellationToken ct)
    {
        Added = done == true;
        return await LoadAsync(ct) ?? Page();
    }

    /// <summary>One line from the form (the API's POST /api/v1/budget/lines); refused, the form comes back with its values.</summary>
    public async Task<IActionResult> OnPostLineAsync(CancellationToken ct)
    {
        var e = new FieldErrors();
        var year = QueryParse.Int(e, "year", Value("year"));
        var planned = QueryParse.Decimal(e, "planned", Value("planned"));
        var executed = QueryParse.Decimal(e, "executed", Value("executed"));
        var sector = EnumNames.TryParse<BudgetSector>(Value("sector"), false, out var s) ? s : (BudgetSector?)null;
        var relevance = EnumNames.TryParse<ChildRelevance>(Value("relevance"), false, out var r) ? r : (ChildRelevance?)null;
        if (e.IsEmpty)
        {
            switch (await store.AddAsync(Me, new(year, sector, Value("programme"), relevance, planned, executed, Value("source")), ct))
            {
                case Outcome<BudgetLineView>.Ok: return Redirect("/budget?done=true#budget-form");
                case Outcome<BudgetLineView>.Invalid bad: e = bad.Errors; break;
                default: return ForbiddenPage();
            }
        }
        Errors = e;
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await store.SummaryAsync(Me, null, null, ct) is not Outcome<BudgetSummary>.Ok ok) return ForbiddenPage();
        Summary = ok.Value;
        if (Summary.Years.Count > 0)
            Chart = new ChartSpec(ChartKind.Line, T["Budget.ChartTitle"], [.. Summary.Years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture))],
                [new ChartSeries(T["Budget.ChildShare"], [.. Summary.Years.Select(y => y.ChildShare is { } v ? (double?)((double)v / 100) : null)])])
            {
                LabelTitle = T["Budget.Year"], ValueTitle = T["Budget.ChildShare"], Percent = true, TableId = "budget-table",
            };
        return null;
    }

    public static string Money(decimal amount) => amount.ToString("#,0", CultureInfo.CurrentCulture);
}
