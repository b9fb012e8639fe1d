using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Himaya.BrowserTests.BrowserSteps;

namespace Himaya.BrowserTests;

/// <summary>Deprivation analysis in the browser: by district with small cells hidden, the most deprived children, stored and compared analyses, surveys, frameworks.</summary>
public sealed class DeprivationPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_analyst_sees_the_deprivation_analysis_by_district_with_small_cells_hidden()
    {
        var page = await app.SignedInPageAsync("analyst");
        await page.GetByRole(AriaRole.Link, new() { Name = "Deprivation analysis" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Overlapping deprivations of children");
        // Headline for every k of the default age group (0-4: six dimensions), the framework and its version named.
        await Assertions.Expect(page.Locator("#headline-table tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#analysis-source")).ToContainTextAsync("Framework az-moda, version 1");
        await Assertions.Expect(page.Locator("#dimension-chart svg g")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#distribution-chart svg g")).ToHaveCountAsync(7); // 0..6 dimensions

        await page.GetByLabel("Age group").SelectOptionAsync("5-17");
        await page.GetByLabel("By", new() { Exact = true }).SelectOptionAsync("district");
        await page.GetByLabel("and by").SelectOptionAsync("sex");
        await page.GetByLabel("Cut-off k (dimensions)").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse" }).ClickAsync();
        await Assertions.Expect(page.Locator("#headline-table tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#headline-table tr.current th")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#group-table tbody tr").First).ToBeVisibleAsync();
        // The analyst has no access to personal data: a district and sex with under 5 children shows no figure.
        var rows = await page.Locator("#group-table tbody tr").CountAsync();
        rows.ShouldBeGreaterThan(2);
        (await page.Locator("#group-table td.suppressed").CountAsync()).ShouldBeGreaterThan(0);
        await Assertions.Expect(page.Locator("#group-table td.suppressed").First).ToHaveTextAsync("fewer than 5 children");

        // The overlap of three chosen dimensions: seven regions and "none".
        await page.GetByLabel("Dimension 1").SelectOptionAsync(new SelectOptionValue { Label = "Water" });
        await page.GetByLabel("Dimension 2").SelectOptionAsync(new SelectOptionValue { Label = "Sanitation" });
        await page.GetByLabel("Dimension 3").SelectOptionAsync(new SelectOptionValue { Label = "Housing" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#venn svg title")).ToHaveTextAsync("Children deprived in Water, Sanitation and Housing, and in their overlaps");
        await Assertions.Expect(page.Locator("#group-table")).ToBeVisibleAsync(); // the disaggregation is kept
        await Shot(page, "deprivation");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.ShouldContain("group,k,measure,name,value");
        csv.ShouldContain("district=");

        // By district alone: the real district map, coloured by M0, small districts hatched (suppressed), nothing
        // loaded from outside the app.
        var outside = new List<string>();
        page.Request += (_, q) => { if (!q.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !q.Url.StartsWith("data:", StringComparison.Ordinal)) outside.Add(q.Url); };
        await page.GotoAsync("/deprivation?ageGroup=5-17&by=district");
        await Assertions.Expect(page.Locator("#h-map")).ToHaveTextAsync("M0 by district at k = 1");
        await ExpectMapDrawnAsync(page, "hidden: fewer than 5 children");
        var legend = await page.Locator("#map-legend li").AllInnerTextsAsync();
        legend[0].ShouldMatch(@"^0\.00–0\.[0-9]{2}$");
        // Pointing at a district names it and gives its figure as the table does.
        await page.Locator("#district-map").ScrollIntoViewIfNeededAsync();
        var box = (await page.Locator("#district-map").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2), new() { Steps = 3 }); // the last tooltip: an earlier one fades
        await Assertions.Expect(page.Locator("#district-map .leaflet-tooltip").Last).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\S.*: (\d\.\d{3}|hidden: fewer than 5 children|no data)$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Show H instead" }).ClickAsync();
        await Assertions.Expect(page.Locator("#h-map")).ToHaveTextAsync("H by district at k = 1");
        await ExpectMapDrawnAsync(page, "hidden: fewer than 5 children");
        (await page.Locator("#map-legend li").First.InnerTextAsync()).ShouldMatch(@"^0%–[0-9]+%$");
        outside.ShouldBeEmpty("the map loads nothing from outside the app");
        await Shot(page, "deprivation-map");
    }

    [Theory]
    [InlineData(390, "az", "k = 1 həddində rayonlar üzrə H", "gizlidir: 5 uşaqdan az")]
    [InlineData(1920, "ru", "H по районам при k = 1", "скрыто: меньше 5 детей")]
    public async Task The_district_map_fits_a_phone_and_a_wide_screen_in_the_readers_language(int width, string language, string heading, string hidden)
    {
        var page = await app.SignedInPageAsync("analyst", language, width);
        await page.GotoAsync("/deprivation?ageGroup=5-17&by=district&map=H");
        await Assertions.Expect(page.Locator("#h-map")).ToHaveTextAsync(heading);
        await ExpectMapDrawnAsync(page, hidden);
        (await page.Locator("#district-map").BoundingBoxAsync())!.Width.ShouldBeGreaterThan(Math.Min(width - 120, 900)); // the page column, not a thumbnail
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        var axe = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunContext { Include = [new("figure.choropleth")] });
        axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ShouldBeEmpty();
        await Shot(page, "deprivation-map-" + width.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Every district drawn, coloured ones by class, hidden ones hatched, and the legend saying so.</summary>
    private static async Task ExpectMapDrawnAsync(IPage page, string hiddenText)
    {
        var map = page.Locator("#district-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", "0", new() { Timeout = 10_000 }); // no points
        (await map.GetAttributeAsync("data-error")).ShouldBeNull();
        (await page.Locator("#district-map path.dm-area").CountAsync()).ShouldBeGreaterThanOrEqualTo(79);
        // The test population is small: most districts are hidden, a few coloured, some without children.
        int.Parse(await map.GetAttributeAsync("data-shaded") ?? "0", System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(40);
        (await page.Locator("#district-map path.dm-area[class*='dm-c']").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("#district-map path.dm-none").CountAsync()).ShouldBeGreaterThan(0);
        var hidden = page.Locator("#district-map path.dm-hidden");
        (await hidden.CountAsync()).ShouldBeGreaterThan(0);
        (await hidden.First.GetAttributeAsync("fill")).ShouldBe("url(#district-map-hatch)");
        (await page.Locator("#district-map-hatch").CountAsync()).ShouldBe(1);
        // A coloured district's fill is its class's (site.css), the same as its legend swatch; a plain one is white.
        var colours = await page.EvaluateAsync<string[]>("""
            () => { const p = document.querySelector('#district-map path.dm-area[class*="dm-c"]'), c = [...p.classList].find(x => /^dm-c[0-4]$/.test(x));
                    const s = document.querySelector('#map-legend .swatch.' + c), n = document.querySelector('#district-map path.dm-none');
                    return [getComputedStyle(p).fill, s ? getComputedStyle(s).backgroundColor : 'no swatch ' + c, getComputedStyle(n).fill]; }
            """);
        colours[0].ShouldNotBe("rgb(255, 255, 255)");
        colours[1].ShouldBe(colours[0]);
        colours[2].ShouldBe("rgb(255, 255, 255)");
        await Assertions.Expect(page.Locator("#map-legend")).ToContainTextAsync(hiddenText);
    }

    [Fact]
    public async Task A_worker_goes_from_the_analysis_to_the_most_deprived_children_of_the_district()
    {
        var page = await app.SignedInPageAsync("worker.ganja");
        await page.GotoAsync("/deprivation?ageGroup=5-17&k=2");
        await page.Locator("#most-deprived-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("The most deprived children");
        await Assertions.Expect(page.Locator("#deprived-count")).ToContainTextAsync("deprived in at least 2 dimensions");
        var rows = page.Locator("#deprived-table tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        // Each line names the child (a link to the profile) and the dimensions; Ganja only.
        await Assertions.Expect(rows.First.Locator("th a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/children/[0-9a-f-]{36}$"));
        foreach (var district in await page.Locator("#deprived-table tbody td:nth-child(3)").AllTextContentsAsync()) district.ShouldBe("Ganja");
        await Shot(page, "most-deprived");

        // Outreach for the first child: the task opens for the district, and a colleague closes it with the outcome.
        var name = (await rows.First.Locator("th a").TextContentAsync())!.Trim();
        await rows.First.GetByRole(AriaRole.Button, new() { Name = "Start outreach" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outreach-message")).ToHaveTextAsync("The outreach task is open for the child's district.");
        var task = page.Locator("#outreach-table tbody tr", new() { HasText = name });
        await Assertions.Expect(task).ToHaveCountAsync(1);
        var supervisor = await app.SignedInPageAsync("supervisor.ganja");
        await supervisor.GotoAsync("/outreach");
        var row = supervisor.Locator("#outreach-table tbody tr", new() { HasText = name });
        await row.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#outreach-table tbody tr", new() { HasText = name }).Locator(".error")).ToHaveTextAsync("Say what came of it.");
        row = supervisor.Locator("#outreach-table tbody tr", new() { HasText = name });
        await row.GetByLabel("What came of it").FillAsync("Family visited; school enrolment started");
        await row.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#outreach-table tbody tr", new() { HasText = name })).ToHaveCountAsync(0); // no longer open
        await supervisor.GotoAsync("/outreach?status=Done");
        await Assertions.Expect(supervisor.Locator("#outreach-table tbody tr", new() { HasText = name })).ToContainTextAsync("Family visited");
    }

    [Fact]
    public async Task An_analyst_stores_two_analyses_and_compares_them()
    {
        var page = await app.SignedInPageAsync("analyst");
        foreach (var label in new[] { "Baseline 2026", "Follow-up 2026" })
        {
            await page.GotoAsync("/deprivation?ageGroup=5-17&by=sex");
            await page.GetByLabel("Label").FillAsync(label);
            await page.GetByRole(AriaRole.Button, new() { Name = "Store this analysis" }).ClickAsync();
            await Assertions.Expect(page.Locator("#run-saved")).ToHaveTextAsync("The analysis is stored.");
            await Assertions.Expect(page.Locator("#runs-table")).ToContainTextAsync(label);
        }
        await page.GetByLabel("First").SelectOptionAsync(new SelectOptionValue { Label = (await page.Locator("#f-a option", new() { HasText = "Baseline 2026" }).First.TextContentAsync())! });
        await page.GetByLabel("Second").SelectOptionAsync(new SelectOptionValue { Label = (await page.Locator("#f-b option", new() { HasText = "Follow-up 2026" }).First.TextContentAsync())! });
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
        // The same registry twice: no change, and no standard error to test one (the registry is a census).
        var everyoneH = page.Locator("#comparison-table tbody tr", new() { HasText = "Everyone" }).Filter(new() { Has = page.Locator("td", new() { HasTextString = "H" }) }).First;
        await Assertions.Expect(everyoneH.Locator("td").Nth(3)).ToHaveTextAsync("0.0 pp");
        await Assertions.Expect(everyoneH.Locator("td").Nth(4)).ToHaveTextAsync("no standard error");
        await Shot(page, "deprivation-runs");
    }

    [Fact]
    public async Task An_analyst_analyses_a_survey_file_and_sees_confidence_intervals()
    {
        var page = await app.SignedInPageAsync("analyst");
        await page.GotoAsync("/deprivation/runs");
        await page.Locator("#survey-link").ClickAsync();
        var rng = new Random(5);
        var csv = new System.Text.StringBuilder("id,water,school,region,cluster,wt\n");
        for (var i = 0; i < 200; i++) csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},{(rng.NextDouble() < 0.4 ? 1 : 0)},{(rng.NextDouble() < 0.2 ? 1 : 0)},{(i < 100 ? "north" : "south")},{i / 10},{1 + (i % 2)}\n");
        const string framework = """{"name":"MICS-like","dimensions":[{"name":"water","indicators":["water"]},{"name":"school","indicators":["school"]}]}""";

        // A file that is not the framework's: the problem is named beside the file, with its line and column.
        await page.Locator("#f-file").SetInputFilesAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("id,water,school\n1,maybe,0\n") });
        await page.GetByLabel("Framework (FRAMEWORK.json)").FillAsync(framework);
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse and store" }).ClickAsync();
        await Assertions.Expect(page.Locator("#file-error")).ToContainTextAsync("line 2, column \"water\"");
        await Assertions.Expect(page.Locator("#file-error p")).ToHaveTextAsync("The file could not be read; its problems, by line and column:");
        // In Azerbaijani the sentence before the reader's problems is translated; the problems keep their line and column.
        await page.GotoAsync("/language?culture=az&returnUrl=/deprivation/survey");
        await page.Locator("#f-file").SetInputFilesAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("id,water,school\n1,maybe,0\n") });
        await page.Locator("#f-framework").FillAsync(framework);
        await page.Locator("form.record button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#file-error p")).ToContainTextAsync("Faylı oxumaq olmadı");
        await Assertions.Expect(page.Locator("#file-error li")).ToContainTextAsync("line 2, column \"water\"");
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Sorğu faylı: Faylı oxumaq olmadı");
        await page.GotoAsync("/language?culture=en&returnUrl=/deprivation/survey");
        await page.GetByLabel("Framework (FRAMEWORK.json)").FillAsync(framework);

        await page.Locator("#f-file").SetInputFilesAsync(new FilePayload { Name = "mics-2026.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv.ToString()) });
        await page.GetByLabel("Sampling-weight column").FillAsync("wt");
        await page.GetByLabel("Strata column").FillAsync("region");
        await page.GetByLabel("Cluster (PSU) column").FillAsync("cluster");
        await page.GetByLabel("Grouping columns").FillAsync("region");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse and store" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("mics-2026.csv");
        await Assertions.Expect(page.Locator("#run-source")).ToContainTextAsync("Taylor linearisation");
        await Assertions.Expect(page.Locator("#run-headline thead")).ToContainTextAsync("95% confidence interval of H");
        await Assertions.Expect(page.Locator("#run-headline tbody tr").First.Locator("td").Nth(1)).ToContainTextAsync("–");
        await Assertions.Expect(page.Locator("#run-groups tbody tr")).ToHaveCountAsync(2);
        await Shot(page, "deprivation-survey");
    }

    [Fact]
    public async Task An_analyst_defines_a_framework_of_their_own_and_analyses_with_it()
    {
        var page = await app.SignedInPageAsync("analyst");
        await page.GotoAsync("/deprivation/frameworks");
        await Assertions.Expect(page.Locator("#frameworks-table")).ToContainTextAsync("built in");
        var definition = page.GetByLabel("Definition (JSON)");
        var json = await definition.InputValueAsync();
        // A mistake first: an indicator the registry does not have.
        await definition.FillAsync(json.Replace("\"az-moda\"", "\"pilot-ganja\"", StringComparison.Ordinal).Replace("\"overcrowded\"", "\"no_such_thing\"", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator("#definition-error")).ToContainTextAsync("\"no_such_thing\" is not a registry indicator");
        await Assertions.Expect(page.Locator("#definition-error p")).ToHaveTextAsync("The definition has these problems, each named by its place in the JSON:");
        // The text the analyst typed is kept; mend it and save.
        var typed = await page.GetByLabel("Definition (JSON)").InputValueAsync();
        typed.ShouldContain("pilot-ganja");
        await page.GetByLabel("Definition (JSON)").FillAsync(typed.Replace("\"no_such_thing\"", "\"overcrowded\"", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator("#framework-saved")).ToHaveTextAsync("Saved as version 1.");
        await Assertions.Expect(page.Locator("#frameworks-table")).ToContainTextAsync("pilot-ganja");

        await page.GotoAsync("/deprivation");
        await page.GetByLabel("Framework", new() { Exact = true }).SelectOptionAsync("pilot-ganja@1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse" }).ClickAsync();
        await Assertions.Expect(page.Locator("#analysis-source")).ToContainTextAsync("Framework pilot-ganja, version 1");
    }
}
