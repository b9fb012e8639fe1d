using Himaya.Features.Identity;
using Himaya.Features.Linkage;
using Himaya.Features.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Himaya.BrowserTests;

public sealed class RegistryPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task Shot(IPage page, string name)
    {
        // Screenshots land beside the test output for a person to look at; they are not compared.
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    [Fact]
    public async Task A_worker_finds_a_child_by_a_transliterated_name_opens_the_profile_and_edits_it_after_a_validation_error()
    {
        var page = await app.SignedInPageAsync("worker.ganja");
        await Shot(page, "dashboard");

        // Register a child with Azerbaijani letters...
        await page.GotoAsync("/children/new");
        await page.GetByLabel("Surname").FillAsync("Hüseynova");
        await page.GetByLabel("Given name").FillAsync("Gülnarə");
        await page.GetByLabel("Sex").SelectOptionAsync("F");
        await page.Locator("#f-birthDate").FillAsync(DateTime.UtcNow.AddYears(-9).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Care arrangement").SelectOptionAsync("Kinship");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await BrowserSteps.ConfirmNewChildAsync(page);
        var profileUrl = page.Url.Split('?')[0];

        // ...and find it with the Russian spelling.
        await page.GotoAsync("/children");
        await page.GetByLabel("Name, FIN, certificate or date of birth").FillAsync("Гусейнова Гюльнара");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Hüseynova Gülnarə" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Shot(page, "search");
        await link.ClickAsync();
        await page.WaitForURLAsync(profileUrl);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who has accessed this record" })).ToBeVisibleAsync();
        await Shot(page, "profile");

        // Edit with an impossible date: the message stands beside the field and nothing is saved.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.Locator("#f-birthDate").FillAsync(DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Settlement").FillAsync("Kəpəz");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var error = page.Locator("#birthDate-error");
        await Assertions.Expect(error).ToContainTextAsync("future");
        await Assertions.Expect(page.Locator("#f-birthDate")).ToHaveAttributeAsync("aria-invalid", "true");
        await Shot(page, "edit-error");

        await page.Locator("#f-birthDate").FillAsync(DateTime.UtcNow.AddYears(-9).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(profileUrl + "?saved=true");
        await Assertions.Expect(page.Locator("dd", new() { HasText = "Kəpəz" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "worker.ganja" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Registering_a_child_already_in_the_registry_shows_the_existing_record_first()
    {
        var page = await app.SignedInPageAsync("worker.ganja");
        var dob = DateTime.UtcNow.AddYears(-5).ToString("yyyy-MM-15");
        async Task Fill(string surname, string given)
        {
            await page.GotoAsync("/children/new");
            await page.GetByLabel("Surname").FillAsync(surname);
            await page.GetByLabel("Given name").FillAsync(given);
            await page.GetByLabel("Sex").SelectOptionAsync("F");
            await page.Locator("#f-birthDate").FillAsync(dob);
            await page.GetByLabel("Care arrangement").SelectOptionAsync("Parents");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        }
        await Fill("Təhməzova", "Zərifə");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/children/[0-9a-f-]{36}\\?saved=true$"));
        var first = page.Url.Split('?')[0];

        // Her twin sister, typed the Russian way: same family name, same birth date. The form stops and shows the record
        // that exists, with what agrees and what does not.
        await Fill("Тахмазова", "Наргиз");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Is this child already registered?" })).ToBeVisibleAsync();
        var existing = page.GetByRole(AriaRole.Link, new() { Name = "Təhməzova Zərifə" });
        await Assertions.Expect(existing).ToHaveAttributeAsync("href", new Uri(first).AbsolutePath);
        await Assertions.Expect(page.Locator(".match .agree")).ToContainTextAsync("Date of birth");
        await Assertions.Expect(page.Locator(".match .differ")).ToContainTextAsync("Given name");
        await Shot(page, "intake-match");

        // The worker knows it is another child: she is registered.
        await page.GetByRole(AriaRole.Button, new() { Name = "None of these: register as a new child" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/children/[0-9a-f-]{36}\\?saved=true$"));
        page.Url.Split('?')[0].ShouldNotBe(first);
    }

    [Fact]
    public async Task A_worker_imports_a_school_list_after_checking_its_rows()
    {
        var page = await app.SignedInPageAsync("worker.ganja");
        var tag = new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + (c % 20))).ToArray());
        var csv = "Şagird №,Soyadı,Adı,Ata adı,Cinsi,Doğum tarixi,FİN,Rayon\n" +
                  $"1,Məktəbov{tag},Nihad,Elçin oğlu,oğlan,{DateTime.UtcNow.AddYears(-9):12.MM.yyyy},,C-GAN\n" +
                  $"2,Məktəbova{tag},Aytac,Elçin qızı,qız,{DateTime.UtcNow.AddYears(-8):14.MM.yyyy},,C-GAN\n" +
                  $"3,Səhvli{tag},Ramil,,oğlan,31.02.2016,,C-GAN\n";
        await page.GotoAsync("/imports");
        await page.GetByLabel("Source").FillAsync("School 7, Ganja " + tag);
        await page.Locator("#f-file").SetInputFilesAsync(new FilePayload { Name = "school7.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the file" }).ClickAsync();

        // Columns were recognised from their Azerbaijani names; the care arrangement is the importer's statement.
        await Assertions.Expect(page.Locator("#f-map\\.surname")).ToHaveValueAsync("Soyadı");
        await Assertions.Expect(page.Locator("#f-map\\.birthDate")).ToHaveValueAsync("Doğum tarixi");
        await page.Locator("#f-default\\.careArrangement").SelectOptionAsync("Parents");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the rows" }).ClickAsync();
        await Assertions.Expect(page.Locator("#preview [role=status]")).ToContainTextAsync("3 rows, 2 without problems");
        await Assertions.Expect(page.Locator("#preview td", new() { HasText = "Doğum tarixi:" })).ToBeVisibleAsync();
        await Shot(page, "import-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/imports/[0-9a-f-]{36}$"));
        // Applied in the background: the page follows it and shows the outcome once the worker is done.
        await Assertions.Expect(page.Locator("#import-status")).ToHaveTextAsync("Completed", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-poll-import]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#import-created")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#import-rejected")).ToHaveTextAsync("1");
        // The model the rows were matched with is there for the analyst.
        await page.Locator("#model summary").ClickAsync();
        await Assertions.Expect(page.Locator("#model td", new() { HasText = "day and month swapped" })).ToBeVisibleAsync();
        await Shot(page, "import-summary");
    }

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

        // By district alone: the map-like view, one tile per district, small districts hatched (suppressed).
        await page.GotoAsync("/deprivation?ageGroup=5-17&by=district");
        await Assertions.Expect(page.Locator("#district-map")).ToHaveTextAsync("M0 by district at k = 1");
        (await page.Locator(".tile-map rect[data-district]").CountAsync()).ShouldBeGreaterThan(60);
        (await page.Locator(".tile-map rect[data-district][fill='url(#hatch)']").CountAsync()).ShouldBeGreaterThan(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Show H instead" }).ClickAsync();
        await Assertions.Expect(page.Locator("#district-map")).ToHaveTextAsync("H by district at k = 1");
        await Shot(page, "deprivation-map");
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

    [Fact]
    public async Task A_reviewer_compares_an_imported_record_with_a_registered_child_and_links_them()
    {
        // A registered child, and an imported record the model was unsure about, waiting in the queue.
        var tag = new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + (c % 20))).ToArray());
        long recordId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Himaya.Platform.AppDbContext>();
            var worker = db.Users.Single(u => u.UserName == "worker.ganja");
            var now = DateTime.UtcNow;
            var child = new Himaya.Features.Registry.Child
            {
                Id = Guid.NewGuid(), GivenName = "Kamran", Surname = "Nəsirov" + tag, Patronymic = "Əli oğlu", DistrictCode = "C-GAN", Sex = Himaya.Features.Registry.Sex.M,
                BirthDate = DateOnly.FromDateTime(now).AddYears(-11), CareArrangement = Himaya.Features.Registry.CareArrangement.Parents,
                CreatedById = worker.Id, CreatedAt = now, UpdatedAt = now, Version = 1,
            };
            child.RefreshSearchKeys();
            db.Children.Add(child);
            var source = new Himaya.Features.Linkage.LinkSource { Name = "Polyclinic " + tag, Mapping = "{\"columns\":{}}", CreatedById = worker.Id, CreatedAt = now, UpdatedAt = now };
            db.LinkSources.Add(source);
            db.SaveChanges();
            var batch = new Himaya.Features.Linkage.ImportBatch { Id = Guid.NewGuid(), SourceId = source.Id, FileName = "poly.csv", FileHash = tag, RowCount = 1, RowsDone = 1, Review = 1,
                Status = Himaya.Features.Linkage.ImportStatus.Completed, CreatedById = worker.Id, CreatedAt = now };
            db.ImportBatches.Add(batch);
            var record = new Himaya.Features.Linkage.SourceRecord
            {
                BatchId = batch.Id, SourceId = source.Id, RowNumber = 1, ImportedAt = now, Outcome = Himaya.Features.Linkage.SourceOutcome.Review, CandidateId = child.Id, Probability = 0.74,
                MappedValues = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?> { ["givenName"] = "Kamran", ["surname"] = "Nasirli" + tag,
                    ["birthDate"] = child.BirthDate.ToString("yyyy-MM-dd"), ["districtCode"] = "C-GAN", ["sex"] = "M", ["careArrangement"] = "Parents" }),
            };
            db.SourceRecords.Add(record);
            db.SaveChanges();
            recordId = record.Id;
        }

        var page = await app.SignedInPageAsync("worker.ganja");
        await page.GotoAsync("/reviews");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Nasirli" + tag) }).ClickAsync();
        await page.WaitForURLAsync($"**/reviews/{recordId}");
        await Assertions.Expect(page.Locator("tr.agreement-same", new() { HasText = "Date of birth" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr.agreement-similar", new() { HasText = "Surname" })).ToBeVisibleAsync();
        await Shot(page, "review-pair");
        await page.GetByRole(AriaRole.Button, new() { Name = "Same child", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Linked");
    }

    [Fact]
    public async Task A_supervisor_merges_a_duplicate_from_the_profile_and_undoes_it()
    {
        var tag = new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + (c % 20))).ToArray());
        Guid first, second;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Himaya.Platform.AppDbContext>();
            var worker = db.Users.Single(u => u.UserName == "worker.ganja");
            var now = DateTime.UtcNow;
            Himaya.Features.Registry.Child Make(string surname, string given)
            {
                var c = new Himaya.Features.Registry.Child
                {
                    Id = Guid.NewGuid(), GivenName = given, Surname = surname, Patronymic = "Rauf oğlu", DistrictCode = "C-GAN", Sex = Himaya.Features.Registry.Sex.M,
                    BirthDate = DateOnly.FromDateTime(now).AddYears(-7).AddDays(-3), CareArrangement = Himaya.Features.Registry.CareArrangement.Parents,
                    CreatedById = worker.Id, CreatedAt = now, UpdatedAt = now, Version = 1,
                };
                c.RefreshSearchKeys();
                db.Children.Add(c);
                return c;
            }
            first = Make("Dublikatov" + tag, "Fərid").Id;
            second = Make("Dublikatov" + tag, "Farid").Id;
            db.SaveChanges();
        }
        var page = await app.SignedInPageAsync("supervisor.ganja");
        await page.GotoAsync($"/children/{first}");
        var duplicate = page.Locator("li.duplicate", new() { HasText = "Farid" });
        await Assertions.Expect(duplicate).ToBeVisibleAsync();
        await Shot(page, "profile-duplicates");
        await duplicate.GetByRole(AriaRole.Button, new() { Name = "Merge into this record" }).ClickAsync();
        await Assertions.Expect(page.Locator("li.merged", new() { HasText = second.ToString() })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.duplicate")).ToHaveCountAsync(0);

        await page.Locator("li.merged").GetByRole(AriaRole.Button, new() { Name = "Undo the merge" }).ClickAsync();
        await Assertions.Expect(page.Locator("li.duplicate", new() { HasText = "Farid" })).ToBeVisibleAsync();

        // Judged to be two children (twins, say): the pair is not offered again.
        await page.Locator("li.duplicate", new() { HasText = "Farid" }).GetByRole(AriaRole.Button, new() { Name = "Not the same child" }).ClickAsync();
        await Assertions.Expect(page.Locator("li.duplicate")).ToHaveCountAsync(0);
        await page.GotoAsync($"/children/{second}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who has accessed this record" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.duplicate", new() { HasText = "Fərid" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Switching_language_changes_the_interface_text()
    {
        var page = await app.SignedInPageAsync("worker.ganja", "az");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "İcmal" })).ToBeVisibleAsync();
        await page.GetByLabel("Dil").SelectOptionAsync("ru");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Обзор" })).ToBeVisibleAsync();
        await page.GetByLabel("Язык").SelectOptionAsync("en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await page.GotoAsync("/children");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in\\?ReturnUrl=%2Fchildren"));
    }

    [Fact]
    public async Task Field_errors_read_in_the_users_language()
    {
        var page = await app.SignedInPageAsync("worker.ganja", "az");
        await page.GotoAsync("/children/new");
        await page.Locator("#f-fin").FillAsync("12O");
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#surname-error")).ToHaveTextAsync("Bu sahə mütləqdir.");
        await Assertions.Expect(page.Locator("#fin-error")).ToContainTextAsync("FİN");
        await Shot(page, "form-errors-az");
    }

    [Fact]
    public async Task A_file_the_import_cannot_read_is_refused_in_the_users_language()
    {
        var page = await app.SignedInPageAsync("worker.ganja", "az");
        await page.GotoAsync("/imports");
        await page.Locator("#f-source").FillAsync("Gəncə 7 saylı məktəb");
        await page.Locator("#f-file").SetInputFilesAsync(new FilePayload { Name = "notes.doc", MimeType = "application/msword", Buffer = [1, 2, 3] });
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#file-error")).ToHaveTextAsync("CSV (UTF-8) və ya .xlsx faylı olmalıdır.");
        // The API names the reader's own (English) reason; the page says it in the user's language without it.
        await page.Locator("#f-file").SetInputFilesAsync(new FilePayload { Name = "list.xlsx", MimeType = "application/octet-stream", Buffer = "not a workbook"u8.ToArray() });
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#file-error")).ToHaveTextAsync("Oxuna bilən .xlsx iş kitabı deyil.");
    }

    [Fact]
    public async Task A_user_changes_their_password_and_signs_in_with_the_new_one()
    {
        var page = await app.SignedInPageAsync("hotline");
        await page.GetByRole(AriaRole.Link, new() { Name = "hotline" }).ClickAsync();
        await page.Locator("#f-current").FillAsync("wrong");
        await page.Locator("#f-password").FillAsync("short");
        await page.Locator("#f-confirm").FillAsync("other");
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#current-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#password-error")).ToHaveTextAsync("Password must be 10–128 characters.");
        await Assertions.Expect(page.Locator("#confirm-error")).ToHaveTextAsync("The two new passwords differ.");

        await page.Locator("#f-current").FillAsync(BrowserApp.Password);
        await page.Locator("#f-password").FillAsync("Hotline-new-2026");
        await page.Locator("#f-confirm").FillAsync("Hotline-new-2026");
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("password is changed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByLabel("Username").FillAsync("hotline");
        await page.GetByLabel("Password").FillAsync(BrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wrong username or password");
        await page.GetByLabel("Password").FillAsync("Hotline-new-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
    }

    [Fact]
    public async Task An_administrator_adds_a_user_after_fixing_the_form_and_an_auditor_sees_it_in_the_trail()
    {
        var page = await app.SignedInPageAsync("admin", "ru");
        await page.GotoAsync("/admin/users");
        await page.Locator("#f-userName").FillAsync("worker.sheki");
        await page.Locator("#f-displayName").FillAsync("Sheki social worker");
        await page.Locator("#f-password").FillAsync("Sheki-worker-2026");
        await page.Locator("#f-scopeKind").SelectOptionAsync("Areas");
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync(); // no role, no area
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Укажите хотя бы одну роль." })).ToBeVisibleAsync();
        await Shot(page, "users-errors-ru");

        await page.Locator("#f-password").FillAsync("Sheki-worker-2026");
        await page.Locator("#role-SocialWorker").CheckAsync();
        await page.Locator("#f-scopeAreas").SelectOptionAsync(["R-SEK"]);
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("worker.sheki");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "worker.sheki" })).ToBeVisibleAsync();

        var auditor = await app.SignedInPageAsync("auditor");
        await auditor.GotoAsync("/audit?user=admin&action=create");
        await Assertions.Expect(auditor.Locator("table.audit tbody tr").First).ToContainTextAsync("roles=SocialWorker");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Verify the chain" }).ClickAsync();
        await Assertions.Expect(auditor.GetByRole(AriaRole.Status)).ToContainTextAsync("intact");
        await Shot(auditor, "audit");
    }

    [Fact]
    public async Task The_chosen_language_follows_the_user_to_another_browser()
    {
        await app.SignedInPageAsync("worker.shirvan", "ru");
        var elsewhere = await (await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl })).NewPageAsync();
        await elsewhere.GotoAsync("/account/sign-in");
        await elsewhere.Locator("#f-username").FillAsync("worker.shirvan");
        await elsewhere.Locator("#f-password").FillAsync(BrowserApp.Password);
        await elsewhere.Locator("button.primary").ClickAsync();
        await Assertions.Expect(elsewhere.GetByRole(AriaRole.Heading, new() { Name = "Обзор" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_pages_fit_a_phone_screen()
    {
        var page = await app.SignedInPageAsync("supervisor.ganja", width: 375);
        await page.GotoAsync("/children?q=a");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        overflow.ShouldBeFalse();
        await Shot(page, "phone-search");
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync("/children/new");
        await page.ReloadAsync();
        errors.ShouldBeEmpty(); // e.g. a Content-Security-Policy violation
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_signs_nobody_in()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/language?culture=en&returnUrl=/children");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await page.GetByLabel("Username").FillAsync("worker.ganja");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wrong username or password");
    }
}

public sealed class EnumFormTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>
    /// Every enum choice of the registry forms, found on the page itself (a select whose values are all member names),
    /// is posted a list of two members, which Enum.Parse would OR into another member: the field must say so, beside it.
    /// </summary>
    [Theory]
    [InlineData("/children/new")]
    [InlineData("/households/new")]
    public async Task Every_enum_choice_of_a_form_refuses_a_list_of_members(string url)
    {
        var page = await app.SignedInPageAsync("worker.ganja");
        await page.GotoAsync(url);
        var names = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('main form select')]
            .filter(s => [...s.options].some(o => o.value) && [...s.options].every(o => !o.value || /^[A-Z][A-Za-z]*$/.test(o.value)))
            .map(s => s.name)");
        names.Length.ShouldBeGreaterThan(2);
        foreach (var name in names)
        {
            await page.GotoAsync(url);
            await page.EvaluateAsync(@"name => {
                const s = document.querySelector(`main form select[name=""${name}""]`);
                const values = [...s.options].map(o => o.value).filter(v => v);
                s.value = values[0];
                s.options[s.selectedIndex].value = values[0] + ', ' + values[values.length - 1];
                // A row of a repeated group (members[0].sex) is read only when the row has a name.
                const row = name.includes('].') ? name.slice(0, name.indexOf('].') + 1) : null;
                const named = row && document.querySelector(`main form input[name=""${row}.fullName""]`);
                if (named) named.value = 'Sınaq';
            }", name);
            await page.Locator("main form button.primary").First.ClickAsync();
            await Assertions.Expect(page.Locator($"[id='{name}-error']")).ToBeVisibleAsync();
            page.Url.ShouldNotContain("saved=true");
        }
    }
}

public sealed class ProfileLayoutTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>
    /// The identity card once put its values under the next card in Azerbaijani (a label column wider than the card)
    /// and cut them off in Russian. Every value on the profile must lie inside its card and show whole.
    /// </summary>
    [Theory]
    [InlineData("az", 1280)] [InlineData("az", 1920)] [InlineData("en", 1280)] [InlineData("en", 1920)]
    [InlineData("ru", 1280)] [InlineData("ru", 1920)] [InlineData("az", 390)] [InlineData("ru", 390)]
    public async Task Every_value_on_the_child_profile_shows_inside_its_card(string language, int width)
    {
        var page = await app.SignedInPageAsync("worker.ganja", language, width);
        await page.GotoAsync("/children/new");
        await page.Locator("#f-surname").FillAsync("Qasımova");
        await page.Locator("#f-givenName").FillAsync("Səbinə");
        await page.Locator("#f-sex").SelectOptionAsync("F");
        await page.Locator("#f-birthDate").FillAsync(DateTime.UtcNow.AddYears(-6).AddDays(-width - language[0]).ToString("yyyy-MM-dd"));
        await page.Locator("#f-careArrangement").SelectOptionAsync("Kinship");
        await page.Locator("#f-fin").FillAsync("JY8M2" + char.ToUpperInvariant(language[0]) + (char)('A' + width % 26));
        await page.Locator("#f-birthCertificateNumber").FillAsync("AZE" + (1234000 + width + language[1]).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("main form button.primary").ClickAsync();
        await BrowserSteps.ConfirmNewChildAsync(page);

        var problems = await page.EvaluateAsync<string[]>(@"() => {
            const out = [];
            for (const dd of document.querySelectorAll('main .card dd')) {
                const card = dd.closest('.card').getBoundingClientRect();
                const r = dd.getBoundingClientRect();
                const label = dd.previousElementSibling ? dd.previousElementSibling.textContent.trim() : '?';
                if (r.width < 1 || r.height < 1) out.push(label + ': not shown');
                else if (r.left < card.left - 0.5 || r.right > card.right + 0.5 || r.top < card.top - 0.5 || r.bottom > card.bottom + 0.5)
                    out.push(label + ': outside its card');
                else if (dd.scrollWidth > dd.clientWidth + 1) out.push(label + ': cut off');
            }
            if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push('the page scrolls sideways');
            return out;
        }");
        problems.ShouldBeEmpty();
        (await page.Locator("main .card dd").CountAsync()).ShouldBeGreaterThan(10);
        await Assertions.Expect(page.Locator("main .card dd", new() { HasText = "JY8M2" })).ToBeVisibleAsync();
    }
}
