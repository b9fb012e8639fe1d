using System.Globalization;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Monitoring.Pages;

/// <summary>The funded projects: funder and budget, dates, districts, and how far their outputs have got.</summary>
public sealed class ProjectsPageModel(ProjectStore store) : HimayaPage
{
    public IReadOnlyList<ProjectSummary> Projects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await store.ListAsync(Me, ct) is not Outcome<IReadOnlyList<ProjectSummary>>.Ok ok) return ForbiddenPage();
        Projects = ok.Value;
        return Page();
    }

    public static string Name(IndicatorNames n) => n.In(Culture);

    public static string Money(decimal amount, string currency) => amount.ToString("#,0", CultureInfo.CurrentCulture) + " " + currency;
}
