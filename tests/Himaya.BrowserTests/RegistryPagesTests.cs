using Himaya.Features.Identity;
using Himaya.Features.Linkage;
using Himaya.Features.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Himaya.BrowserTests.BrowserSteps;

namespace Himaya.BrowserTests;

/// <summary>The registry in the browser: finding, registering, importing, reviewing and merging children; its forms' errors and a phone screen.</summary>
public sealed class RegistryPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
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
        await Reached(page, profileUrl);
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
        await Reached(page, profileUrl + "?saved=true");
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
        await Reached(page, new System.Text.RegularExpressions.Regex("/children/[0-9a-f-]{36}\\?saved=true$"));
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
        await Reached(page, new System.Text.RegularExpressions.Regex("/children/[0-9a-f-]{36}\\?saved=true$"));
        page.Url.Split('?')[0].ShouldNotBe(first);
    }

    [Fact]
    public async Task A_worker_imports_a_school_list_after_checking_its_rows()
    {
        var page = await app.SignedInPageAsync("worker.ganja");
        var tag = new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + (c % 20))).ToArray());
        // The school's list also says who is enrolled, as of the first of September: a fact kept with its source and date.
        var csv = "Şagird №,Soyadı,Adı,Ata adı,Cinsi,Doğum tarixi,FİN,Rayon,Təhsil,Tarix\n" +
                  $"1,Məktəbov{tag},Nihad,Elçin oğlu,oğlan,{DateTime.UtcNow.AddYears(-9):12.MM.yyyy},,C-GAN,Enrolled,01.09.{DateTime.UtcNow.Year - 1}\n" +
                  $"2,Məktəbova{tag},Aytac,Elçin qızı,qız,{DateTime.UtcNow.AddYears(-8):14.MM.yyyy},,C-GAN,DroppedOut,01.09.{DateTime.UtcNow.Year - 1}\n" +
                  $"3,Səhvli{tag},Ramil,,oğlan,31.02.2016,,C-GAN,perhaps,01.09.{DateTime.UtcNow.Year - 1}\n";
        await page.GotoAsync("/imports");
        await page.GetByLabel("Source").FillAsync("School 7, Ganja " + tag);
        await page.Locator("#f-file").SetInputFilesAsync(new FilePayload { Name = "school7.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the file" }).ClickAsync();

        // Columns were recognised from their Azerbaijani names; the care arrangement is the importer's statement.
        await Assertions.Expect(page.Locator("#f-map\\.surname")).ToHaveValueAsync("Soyadı");
        await Assertions.Expect(page.Locator("#f-map\\.birthDate")).ToHaveValueAsync("Doğum tarixi");
        await page.Locator("#f-default\\.careArrangement").SelectOptionAsync("Parents");
        await page.GetByLabel("School enrolment").SelectOptionAsync("Təhsil");
        await page.GetByLabel("Date of the facts (column)").SelectOptionAsync("Tarix");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the rows" }).ClickAsync();
        await Assertions.Expect(page.Locator("#preview [role=status]")).ToContainTextAsync("3 rows, 2 without problems");
        await Assertions.Expect(page.Locator("#preview td", new() { HasText = "Doğum tarixi:" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#preview td", new() { HasText = "Təhsil: \"perhaps\"" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("School enrolment")).ToHaveValueAsync("Təhsil");
        await Shot(page, "import-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Reached(page, new System.Text.RegularExpressions.Regex("/imports/[0-9a-f-]{36}$"));
        // Applied in the background: the page follows it and shows the outcome once the worker is done.
        await Assertions.Expect(page.Locator("#import-status")).ToHaveTextAsync("Completed", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-poll-import]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#import-created")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#import-rejected")).ToHaveTextAsync("1");
        // The model the rows were matched with is there for the analyst.
        await page.Locator("#model summary").ClickAsync();
        await Assertions.Expect(page.Locator("#model td", new() { HasText = "day and month swapped" })).ToBeVisibleAsync();
        await Shot(page, "import-summary");
        // On the child's profile: the fact, its source and the day it was true.
        await page.GotoAsync($"/children?q=Məktəbova{tag}");
        await page.Locator("main table a", new() { HasText = $"Məktəbova{tag}" }).First.ClickAsync();
        var enrolment = page.Locator("#facts-table tr[data-fact='enrolment']");
        await Assertions.Expect(enrolment).ToContainTextAsync("Dropped out");
        await Assertions.Expect(enrolment).ToContainTextAsync("School 7, Ganja " + tag);
        await Assertions.Expect(enrolment).ToContainTextAsync($"{DateTime.UtcNow.Year - 1}");
        await Shot(page, "child-facts");
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
        await Reached(page, app.BaseUrl + $"/reviews/{recordId}");
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
}
