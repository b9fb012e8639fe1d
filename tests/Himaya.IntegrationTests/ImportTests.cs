using Himaya.Features.Registry;
using Himaya.Features.Linkage;
using Himaya.Features.Identity;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Himaya.IntegrationTests;

public sealed class ImportsOnSqlite(SqliteApp app) : ImportTests(app), IClassFixture<SqliteApp>;
public sealed class ImportsOnPostgres(PostgresApp app) : ImportTests(app), IClassFixture<PostgresApp>;

/// <summary>A source file comes in: previewed with row errors, then each row is linked, created or rejected, once; and it can be rolled back.</summary>
public abstract class ImportTests(HimayaApp app)
{
    internal static object Mapping => new
    {
        recordId = "Şagird №",
        columns = new Dictionary<string, string>
        {
            ["surname"] = "Soyadı", ["givenName"] = "Adı", ["patronymic"] = "Ata adı", ["sex"] = "Cinsi", ["birthDate"] = "Doğum tarixi",
            ["fin"] = "FİN", ["districtCode"] = "Rayon",
        },
        defaults = new Dictionary<string, string> { ["careArrangement"] = "Parents" },
        dateFormat = "dd.MM.yyyy",
    };

    internal static string Csv(params string[] rows) => "Şagird №,Soyadı,Adı,Ata adı,Cinsi,Doğum tarixi,FİN,Rayon\n" + string.Join("\n", rows) + "\n";

    private static string Dob(int years, int day) => DateTime.UtcNow.AddYears(-years).ToString($"{day:00}.MM.yyyy");

    [Fact]
    public async Task A_preview_lists_each_bad_row_with_its_column_and_saves_nothing()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var source = "Preview school " + Guid.NewGuid().ToString("N")[..6];
        var content = Csv(
            $"1,Önizləmov,Tural,Elşən oğlu,oğlan,{Dob(9, 3)},,C-GAN",
            "2,Önizləmov,Kamal,Elşən oğlu,M,31.02.2015,,C-GAN",
            $"3,Önizləmova,Aysel,Elşən qızı,F,{Dob(8, 4)},,C-SIR",
            $"4,Önizləmova,Leyla,Elşən qızı,X,{Dob(7, 5)},,C-GAN");
        var res = await ganja.PostAsJsonAsync("/api/v1/imports/preview", new { source, fileName = "school.csv", content, mapping = Mapping });
        var text = await res.Content.ReadAsStringAsync();
        res.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var preview = JsonDocument.Parse(text).RootElement;
        preview.GetProperty("rows").GetInt32().ShouldBe(4);
        preview.GetProperty("valid").GetInt32().ShouldBe(1);
        var problems = preview.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("problem").GetString()!)).ToList();
        problems.ShouldContain(p => p.Item1 == 2 && p.Item2.StartsWith("Doğum tarixi:"));
        problems.ShouldContain(p => p.Item1 == 3 && p.Item2.StartsWith("Rayon:") && p.Item2.Contains("outside your scope"));
        problems.ShouldContain(p => p.Item1 == 4 && p.Item2.StartsWith("Cinsi:"));
        await using var db = app.NewDbContext();
        (await db.LinkSources.AnyAsync(s => s.Name == source)).ShouldBeFalse();
        (await db.Children.AnyAsync(c => c.Surname == "Önizləmov")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"fileName":"a.csv","content":"x\n1\n","mapping":{}}""", "source", "import.source-required")]
    [InlineData("""{"source":"S","fileName":"a.csv","content":"","mapping":{}}""", "content", "import.file-empty")]
    [InlineData("""{"source":"S","fileName":"a.csv","content":"Adı,Soyadı\n\"x,1\n","mapping":{"columns":{"givenName":"Adı","surname":"Soyadı","birthDate":"Adı"}}}""", "content", "import.quote-not-closed")]
    [InlineData("""{"source":"S","fileName":"a.csv","content":"Adı,Soyadı\nA,B\n","mapping":{"columns":{"givenName":"Adı","surname":"Soyadı"}}}""", "mapping.columns.birthDate", "import.column-required")]
    [InlineData("""{"source":"S","fileName":"a.csv","content":"Adı,Soyadı\nA,B\n","mapping":{"columns":{"givenName":"Adı","surname":"Nope","birthDate":"Adı"}}}""", "mapping.columns.surname", "import.no-such-column")]
    public async Task A_bad_request_names_the_field_and_changes_nothing(string json, string field, string code)
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        await using var db = app.NewDbContext();
        var before = await db.ImportBatches.CountAsync();
        var res = await ganja.PostAsync("/api/v1/imports", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await res.JsonAsync();
        problem.ErrorFields().ShouldContain(field);
        problem.CodesOf(field).ShouldContain(code);
        (await db.ImportBatches.CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_spreadsheet_is_imported_like_its_csv()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var tag = new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + (c % 20))).ToArray());
        string[][] rows =
        [
            ["Şagird №", "Soyadı", "Adı", "Ata adı", "Cinsi", "Doğum tarixi", "FİN", "Rayon"],
            ["X-1", "Cədvəlov" + tag, "Rüfət", "Elçin oğlu", "M", DateTime.UtcNow.AddYears(-6).ToString("dd.MM.yyyy"), "", "C-GAN"],
        ];
        using var ms = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(ms, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var sheet = book.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
            var data = new DocumentFormat.OpenXml.Spreadsheet.SheetData();
            foreach (var r in rows)
                data.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Row(r.Select(v => new DocumentFormat.OpenXml.Spreadsheet.Cell
                {
                    DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString,
                    InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(v)),
                })));
            sheet.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(data);
            book.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = book.GetIdOfPart(sheet), SheetId = 1, Name = "S" }));
        }
        var res = await ganja.PostAsJsonAsync("/api/v1/imports", new { source = "Sheet source " + tag, fileName = "s.xlsx", xlsxBase64 = Convert.ToBase64String(ms.ToArray()), mapping = Mapping });
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        (await res.JsonAsync()).GetProperty("created").GetInt32().ShouldBe(1);
        var bad = await ganja.PostAsJsonAsync("/api/v1/imports", new { source = "Sheet source " + tag, fileName = "s.xlsx", xlsxBase64 = "bm90IGEgd29ya2Jvb2s=", mapping = Mapping });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.JsonAsync();
        problem.CodesOf("xlsxBase64").ShouldBe(["import.xlsx-unreadable"]);
        problem.ErrorsOf("xlsxBase64").Single().ShouldStartWith("Not a readable .xlsx workbook (");
    }

    [Fact]
    public async Task Each_row_is_linked_created_or_rejected_once_and_the_import_rolls_back()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var tag = new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + (c % 20))).ToArray());
        // Already registered: the polyclinic's row for this child must link to it, not create a second record.
        var existing = TestData.Child(district: "C-GAN", surname: "Mövcudov" + tag, givenName: "Orxan");
        existing["birthDate"] = DateTime.UtcNow.AddYears(-10).ToString("yyyy-MM-07");
        var existingId = (await TestData.CreateChildAsync(ganja, existing)).GetProperty("id").GetString();
        var content = Csv(
            $"P-1,Movcudov{tag},Orkhan,Rəşad oğlu,M,{DateTime.UtcNow.AddYears(-10):07.MM.yyyy},,C-GAN",
            $"P-2,Yenizadə{tag},Lalə,Vüqar qızı,F,{Dob(4, 9)},,C-GAN",
            $"P-3,Səhvov{tag},Elvin,,M,not a date,,C-GAN");
        var body = new { source = "Ganja polyclinic " + tag, fileName = "poly.csv", content, mapping = Mapping };

        var res = await ganja.PostAsJsonAsync("/api/v1/imports", body);
        var text = await res.Content.ReadAsStringAsync();
        res.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        var summary = JsonDocument.Parse(text).RootElement;
        var id = summary.GetProperty("id").GetString();
        (summary.GetProperty("linked").GetInt32(), summary.GetProperty("created").GetInt32(), summary.GetProperty("rejected").GetInt32()).ShouldBe((1, 1, 1));
        summary.GetProperty("status").GetString().ShouldBe("Completed");
        summary.GetProperty("problems")[0].GetProperty("row").GetInt32().ShouldBe(3);

        await using (var db = app.NewDbContext())
        {
            var records = await db.SourceRecords.Where(r => r.BatchId == Guid.Parse(id!)).OrderBy(r => r.RowNumber).ToListAsync();
            records.Select(r => r.SourceRecordId).ShouldBe(["P-1", "P-2", "P-3"]);
            records[0].ChildId.ShouldBe(Guid.Parse(existingId!));
            (await db.Children.CountAsync(c => c.Surname == "Yenizadə" + tag)).ShouldBe(1);
        }

        // The same file again changes nothing.
        var again = await ganja.PostAsJsonAsync("/api/v1/imports", body);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var againSummary = await again.JsonAsync();
        againSummary.GetProperty("alreadyImported").GetBoolean().ShouldBeTrue();
        againSummary.GetProperty("id").GetString().ShouldBe(id);
        await using (var db = app.NewDbContext())
            (await db.Children.CountAsync(c => c.Surname == "Yenizadə" + tag)).ShouldBe(1);

        // Rolled back by the supervisor: the child it created is archived, the one it linked to is untouched.
        (await (await app.ClientForAsync("worker.shirvan")).DeleteAsync($"/api/v1/imports/{id}")).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        var rollback = await supervisor.DeleteAsync($"/api/v1/imports/{id}");
        rollback.StatusCode.ShouldBe(HttpStatusCode.OK, await rollback.Content.ReadAsStringAsync());
        (await rollback.JsonAsync()).GetProperty("status").GetString().ShouldBe("RolledBack");
        await using (var db = app.NewDbContext())
        {
            (await db.Children.CountAsync(c => c.Surname == "Yenizadə" + tag && c.DeletedAt == null)).ShouldBe(0);
            (await db.Children.SingleAsync(c => c.Id == Guid.Parse(existingId!))).DeletedAt.ShouldBeNull();
            (await db.SourceRecords.CountAsync(r => r.BatchId == Guid.Parse(id!))).ShouldBe(0);
            (await db.AuditEntries.CountAsync(a => a.Action == "import-rollback" && a.EntityId == id)).ShouldBe(1);
        }
        var twice = await supervisor.DeleteAsync($"/api/v1/imports/{id}");
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await twice.JsonAsync();
        problem.Code().ShouldBe("import.already-rolled-back");
        problem.GetProperty("title").GetString().ShouldBe("This import is already rolled back.");

        // After a rollback the file can be imported again.
        (await ganja.PostAsJsonAsync("/api/v1/imports", body)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}

public sealed class ImportResumeOnSqlite(SqliteApp app) : ImportResumeTests(app), IClassFixture<SqliteApp>;
public sealed class ImportResumeOnPostgres(PostgresApp app) : ImportResumeTests(app), IClassFixture<PostgresApp>;

public abstract class ImportResumeTests(HimayaApp app)
{
    [Theory]
    [InlineData(1, 1, 1)] // one row per transaction: stopped after the first row, one row stays
    [InlineData(3, 2, 2)] // two rows per transaction: the third row's chunk was in flight and rolls back whole
    public async Task An_import_interrupted_after_some_rows_resumes_where_it_stopped_when_the_file_is_sent_again(int stopAfter, int chunk, int kept)
    {
        var tag = new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + (c % 20))).ToArray());
        // Each case its own children (different names and years), so the second case cannot link to the first's.
        string[] given = stopAfter == 1 ? ["Tural", "Lalə", "Samir", "Aygün"] : ["Orxan", "Nərmin", "Elvin", "Səbinə"];
        string[] sex = ["M", "F", "M", "F"];
        var content = ImportTests.Csv([.. Enumerable.Range(0, 4).Select(i =>
            $"{i + 1},Sıra{(char)('a' + i)}{tag},{given[i]},,{sex[i]},{new DateTime(DateTime.UtcNow.Year - 2 - i - (3 * stopAfter), 3, i + 3):dd.MM.yyyy},,C-GAN")]);
        var mapping = System.Text.Json.JsonSerializer.Deserialize<Himaya.Features.Linkage.SourceMapping>(
            System.Text.Json.JsonSerializer.Serialize(ImportTests.Mapping, Himaya.Platform.Json.Options), Himaya.Platform.Json.Options)!;
        var request = new Himaya.Features.Linkage.ImportRequest("Resume source " + tag, "r.csv", content, mapping);
        Himaya.Platform.CurrentUser worker;
        await using (var db = app.NewDbContext())
        {
            var u = await db.Users.SingleAsync(x => x.UserName == "worker.ganja");
            worker = new(u.Id, u.UserName, u.Agency, [Himaya.Platform.Roles.SocialWorker], Himaya.Platform.ScopeKind.Areas, new HashSet<string> { "C-GAN" }, "127.0.0.1");
        }

        using (var scope = app.Services.CreateScope())
        {
            var runner = scope.ServiceProvider.GetRequiredService<Himaya.Features.Linkage.ImportRunner>();
            (runner.StopAfterRows, runner.ChunkRows) = (stopAfter, chunk);
            await Should.ThrowAsync<OperationCanceledException>(() => runner.RunAsync(worker, request, default));
        }
        await using (var db = app.NewDbContext())
        {
            var batch = await db.ImportBatches.SingleAsync(b => b.FileName == "r.csv" && b.Status == Himaya.Features.Linkage.ImportStatus.Running && db.Set<Himaya.Features.Linkage.LinkSource>().Any(s => s.Id == b.SourceId && s.Name == "Resume source " + tag));
            batch.RowsDone.ShouldBe(kept);
            (await db.SourceRecords.CountAsync(r => r.BatchId == batch.Id)).ShouldBe(kept);
            (await db.Children.CountAsync(c => c.Surname.EndsWith(tag))).ShouldBe(kept);
        }

        using (var scope = app.Services.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<Himaya.Features.Linkage.ImportRunner>().RunAsync(worker, request, default);
            var summary = outcome.ShouldBeOfType<Himaya.Platform.Outcome<Himaya.Features.Linkage.ImportSummary>.Ok>().Value;
            (summary.Status, summary.RowsDone, summary.Created).ShouldBe((Himaya.Features.Linkage.ImportStatus.Completed, 4, 4), System.Text.Json.JsonSerializer.Serialize(summary));
        }
        await using (var db = app.NewDbContext())
            (await db.Children.CountAsync(c => c.Surname.EndsWith(tag))).ShouldBe(4);
    }
}

public sealed class ImportBackgroundOnSqlite(SqliteApp app) : ImportBackgroundTests(app), IClassFixture<SqliteApp>;
public sealed class ImportBackgroundOnPostgres(PostgresApp app) : ImportBackgroundTests(app), IClassFixture<PostgresApp>;

/// <summary>A file longer than one request should carry (here: over 10 rows, the test app's setting) is applied by the background worker.</summary>
public abstract class ImportBackgroundTests(HimayaApp app)
{
    private static (string Tag, string Content) File(int rows, int seed)
    {
        var tag = new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + (c % 20))).ToArray());
        string[] given = ["Tural", "Lalə", "Samir", "Aygün", "Orxan", "Nərmin", "Elvin", "Səbinə"];
        // Every row a different child: its own surname, given name and birth date.
        return (tag, ImportTests.Csv([.. Enumerable.Range(0, rows).Select(i =>
            $"{i + 1},Fon{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}{tag},{given[i % 8]},,{(i % 2 == 0 ? "M" : "F")},{new DateTime(DateTime.UtcNow.Year - 1 - ((i + seed) % 16), 1 + (i % 12), 1 + (i % 28)):dd.MM.yyyy},,C-GAN")]));
    }

    private static async Task<JsonElement> FollowAsync(HttpClient client, string id, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var s = await (await client.GetAsync($"/api/v1/imports/{id}")).JsonAsync();
            if (until(s)) return s;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The background import did not get there: " + s);
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_large_file_is_accepted_at_once_and_applied_by_the_worker()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var (tag, content) = File(rows: 25, seed: 1);
        var body = new { source = "Background source " + tag, fileName = "big.csv", content, mapping = ImportTests.Mapping };
        var res = await ganja.PostAsJsonAsync("/api/v1/imports", body);
        res.StatusCode.ShouldBe(HttpStatusCode.Accepted, await res.Content.ReadAsStringAsync());
        var accepted = await res.JsonAsync();
        var id = accepted.GetProperty("id").GetString()!;
        res.Headers.Location!.ToString().ShouldBe($"/api/v1/imports/{id}");
        accepted.GetProperty("rows").GetInt32().ShouldBe(25);

        var done = await FollowAsync(ganja, id, s => s.GetProperty("status").GetString() != "Running");
        done.GetProperty("status").GetString().ShouldBe("Completed", done.ToString());
        (done.GetProperty("rowsDone").GetInt32(), done.GetProperty("rejected").GetInt32(), done.GetProperty("inBackground").GetBoolean()).ShouldBe((25, 0, false));
        // The rows' names differ in a letter or two, so a few may link to or queue against an earlier row: all are accounted for.
        var created = done.GetProperty("created").GetInt32();
        (created + done.GetProperty("linked").GetInt32() + done.GetProperty("review").GetInt32()).ShouldBe(25);
        created.ShouldBeGreaterThan(20);
        await using (var db = app.NewDbContext())
        {
            (await db.SourceRecords.CountAsync(r => r.BatchId == Guid.Parse(id))).ShouldBe(25);
            (await db.Children.CountAsync(c => c.Surname.EndsWith(tag) && c.DeletedAt == null)).ShouldBe(created);
            (await db.ImportFiles.AnyAsync(f => f.BatchId == Guid.Parse(id))).ShouldBeFalse();
            // Applied as the user who sent it: the children are theirs, and the audit trail names them.
            var sender = await db.Users.SingleAsync(u => u.UserName == "worker.ganja");
            (await db.Children.Where(c => c.Surname.EndsWith(tag)).Select(c => c.CreatedById).Distinct().ToListAsync()).ShouldBe([sender.Id]);
        }

        // Sent again: nothing more is applied.
        var again = await ganja.PostAsJsonAsync("/api/v1/imports", body);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.JsonAsync()).GetProperty("alreadyImported").GetBoolean().ShouldBeTrue();
        await using (var db = app.NewDbContext())
            (await db.Children.CountAsync(c => c.Surname.EndsWith(tag))).ShouldBe(created);
    }

    [Fact]
    public async Task The_same_file_sent_twice_at_once_is_imported_once()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var (tag, content) = File(rows: 20, seed: 9);
        var body = new { source = "Twice source " + tag, fileName = "twice.csv", content, mapping = ImportTests.Mapping };
        // Both requests race on creating the source and the batch.
        var responses = await Task.WhenAll(ganja.PostAsJsonAsync("/api/v1/imports", body), ganja.PostAsJsonAsync("/api/v1/imports", body));
        var bodies = string.Join(" | ", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())));
        responses.Select(r => (int)r.StatusCode).Order().ToArray().ShouldBe([200, 202], bodies);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("id").GetString()));
        ids.Distinct().Count().ShouldBe(1);
        var done = await FollowAsync(ganja, ids[0]!, s => s.GetProperty("status").GetString() != "Running");
        done.GetProperty("rowsDone").GetInt32().ShouldBe(20);
        await using var db = app.NewDbContext();
        (await db.ImportBatches.CountAsync(b => b.FileName == "twice.csv" && db.Set<Himaya.Features.Linkage.LinkSource>().Any(s => s.Id == b.SourceId && s.Name == "Twice source " + tag))).ShouldBe(1);
    }

    [Fact]
    public async Task A_rollback_while_the_worker_is_applying_the_file_leaves_nothing_of_it()
    {
        var ganja = await app.ClientForAsync("worker.ganja");
        var supervisor = await app.ClientForAsync("supervisor.ganja");
        var (tag, content) = File(rows: 60, seed: 5);
        var res = await ganja.PostAsJsonAsync("/api/v1/imports", new { source = "Rolled back source " + tag, fileName = "big.csv", content, mapping = ImportTests.Mapping });
        res.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await res.JsonAsync()).GetProperty("id").GetString()!;
        // Whatever the worker has done by now (nothing, some chunks, all), the rollback undoes it and stops the rest.
        await FollowAsync(ganja, id, s => s.GetProperty("rowsDone").GetInt32() > 0 || s.GetProperty("status").GetString() != "Running");
        var rollback = await supervisor.DeleteAsync($"/api/v1/imports/{id}");
        rollback.StatusCode.ShouldBe(HttpStatusCode.OK, await rollback.Content.ReadAsStringAsync());
        await Task.Delay(1500); // time for a chunk that was in flight to try to commit
        await using var db = app.NewDbContext();
        (await db.ImportBatches.SingleAsync(b => b.Id == Guid.Parse(id))).Status.ShouldBe(Himaya.Features.Linkage.ImportStatus.RolledBack);
        (await db.SourceRecords.CountAsync(r => r.BatchId == Guid.Parse(id))).ShouldBe(0);
        (await db.Children.CountAsync(c => c.Surname.EndsWith(tag) && c.DeletedAt == null)).ShouldBe(0);
        (await db.ImportFiles.AnyAsync(f => f.BatchId == Guid.Parse(id))).ShouldBeFalse();
    }
}
