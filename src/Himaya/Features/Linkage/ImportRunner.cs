using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Himaya.Platform;
using Himaya.Features.Facts;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Himaya.Linkage.Linking;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Linkage;

/// <summary>A file from another service: its source's name, the file name, its text (CSV with a header row) or, for a spreadsheet, the .xlsx file in base64, and the column mapping.</summary>
public sealed record ImportRequest(string? Source, string? FileName, string? Content, SourceMapping? Mapping, string? XlsxBase64 = null);

public sealed record RowProblem(int Row, string Problem);

public sealed record ImportPreview(int Rows, int Valid, IReadOnlyList<RowProblem> Problems, IReadOnlyList<Dictionary<string, string?>> Sample);

/// <summary>What became of an import. <c>InBackground</c>: a worker is applying it (poll until the status is no longer Running); <c>Error</c>: why a background import failed.</summary>
public sealed record ImportSummary(Guid Id, string Source, string FileName, ImportStatus Status, int Rows, int RowsDone, int Linked, int Created,
    int Review, int Rejected, bool AlreadyImported, IReadOnlyList<RowProblem> Problems, bool InBackground = false, string? Error = null);

/// <summary>
/// Imports a source file into the registry, row by row: each row is kept as a source record with its provenance and
/// is linked to the child it matches (match probability ≥ 0.9, anywhere in the registry), sent to review (0.5–0.9), or
/// becomes a new child (the importer's scope must cover its district); a row that fails validation is rejected with its
/// row and column. Each row is one transaction together with the batch's progress, so an interrupted import is never
/// half-applied: sending the same file again resumes it, and a rollback undoes it (the children it created are archived).
/// The same file from the same source is imported once.
/// </summary>
public sealed class ImportRunner(AppDbContext db, AuditLog audit, AdminUnits units, IntakeMatching matching, IntakeModel model, ChildRecords children, ImportQueue queue,
    IConfiguration config, TimeProvider clock)
{
    public const double LinkFrom = 0.9;
    public const double ReviewFrom = 0.5;
    public const int MaxContentChars = 20_000_000;
    private const int ProblemsShown = 100;
    /// <summary>A worker's hold on a background import; renewed every chunk, so only a dead worker's lease runs out.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private const int MaxAttempts = 3;

    /// <summary>Files with more rows than this (<c>Imports:InlineRows</c>, default 1,000: about 10 s inline at ~100 rows/s) are applied in the background.</summary>
    internal int InlineRows { get; set; } = config.GetValue("Imports:InlineRows", 1_000);

    /// <summary>Tests only: stop (as a crash would) after this many rows of one call have been committed.</summary>
    internal int? StopAfterRows { get; set; }

    /// <summary>
    /// Rows per transaction. Each chunk commits together with the batch's progress, so an interruption loses at most the
    /// chunk in flight (rolled back whole) and the resume starts at its first row; one commit per row made a 2,000-row
    /// file take a minute, mostly in flushes to disk.
    /// </summary>
    internal int ChunkRows { get; set; } = config.GetValue("Imports:ChunkRows", 200);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private sealed record Parsed(string Source, string FileName, string Content, SourceMapping Mapping, string[] Header, List<string[]> Rows);

    private (Parsed? Parsed, FieldErrors Errors) Parse(ImportRequest r)
    {
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(r.Source)) e.Add(LinkageErrors.SourceRequired());
        else if (r.Source.Length > 100) e.Add(PlatformErrors.TooLong("source", 100));
        if (string.IsNullOrWhiteSpace(r.FileName)) e.Add(LinkageErrors.FileNameRequired());
        else if (r.FileName.Length > 260) e.Add(PlatformErrors.TooLong("fileName", 260));
        if (string.IsNullOrEmpty(r.Content) && !string.IsNullOrEmpty(r.XlsxBase64))
        {
            // A spreadsheet goes through the same import as its CSV text.
            byte[]? bytes = null;
            try { bytes = Convert.FromBase64String(r.XlsxBase64); } catch (FormatException) { e.Add(LinkageErrors.NotBase64()); }
            if (bytes is not null)
            {
                var (csv, error) = SpreadsheetText.FromXlsx(new MemoryStream(bytes), "xlsxBase64");
                if (error is not null) e.Add(error);
                else r = r with { Content = csv, XlsxBase64 = null };
            }
            if (!e.IsEmpty) return (null, e);
        }
        if (string.IsNullOrEmpty(r.Content)) e.Add(LinkageErrors.FileEmpty());
        else if (r.Content.Length > MaxContentChars) e.Add(LinkageErrors.ContentTooLong(MaxContentChars.ToString("N0", CultureInfo.InvariantCulture)));
        if (r.Mapping is null) e.Add(LinkageErrors.MappingRequired());
        if (!e.IsEmpty) return (null, e);
        var (header, rows, csvErrors) = Csv.ReadRows(new StringReader(r.Content!));
        foreach (var problem in csvErrors)
            e.Add(problem.Fields is { } n ? LinkageErrors.FieldCount(problem.Line, n, problem.HeaderFields) : LinkageErrors.QuoteNotClosed(problem.Line));
        if (header.Length == 0) e.Add(LinkageErrors.NoHeader("content"));
        else if (rows.Count == 0 && csvErrors.Count == 0) e.Add(LinkageErrors.NoRows());
        if (!e.IsEmpty) return (null, e);
        var mappingErrors = r.Mapping!.Validate(header);
        if (!mappingErrors.IsEmpty) return (null, mappingErrors);
        return (new Parsed(r.Source!.Trim(), r.FileName!.Trim(), r.Content!, r.Mapping!, header, rows), e);
    }

    /// <summary>A row checked: registry input, its facts (stored form, the day observed), and the problems that reject it.</summary>
    private sealed record Checked(ChildInput Input, Dictionary<string, string?> Values, List<string> Problems, List<(string Fact, string Value)> Facts, DateOnly ObservedOn);

    /// <summary>The row as registry input with its facts, or the problems that reject it ("column: message").</summary>
    private Checked Check(CurrentUser user, Parsed p, string[] row)
    {
        var (input, values, problems) = p.Mapping.Map(p.Header, row);
        var (facts, observedOn, factProblems) = p.Mapping.ReadFacts(p.Header, row, Today);
        problems.AddRange(factProblems);
        var errors = ChildValidator.Validate(input, units, Today, isUpdate: false);
        foreach (var (field, messages) in errors.All)
        {
            // A value the mapping could not read is already reported with its text.
            if ((field is "birthDate" && values["birthDate"] is not null && input.BirthDate is null) || (field is "sex" && values["sex"] is not null && input.Sex is null)
                || (field is "careArrangement" && values["careArrangement"] is not null && input.CareArrangement is null)) continue;
            foreach (var m in messages) problems.Add($"{p.Mapping.ColumnFor(field)}: {m}");
        }
        if (problems.Count == 0 && !RegistryScope.MayWriteIn(user, input.DistrictCode!.Trim()))
            problems.Add($"{p.Mapping.ColumnFor("districtCode")}: the district is outside your scope.");
        return new Checked(input, values, problems, facts, observedOn);
    }

    public async Task<Outcome<ImportPreview>> PreviewAsync(CurrentUser user, ImportRequest request, CancellationToken ct)
    {
        if (!user.Can(Permission.WriteRegistry)) return new Outcome<ImportPreview>.Forbidden();
        var (p, errors) = Parse(request);
        if (p is null) return new Outcome<ImportPreview>.Invalid(errors);
        var problems = new List<RowProblem>();
        var valid = 0;
        var sample = new List<Dictionary<string, string?>>();
        for (var i = 0; i < p.Rows.Count; i++)
        {
            var (_, values, rowProblems, _, _) = Check(user, p, p.Rows[i]);
            if (rowProblems.Count == 0) valid++;
            foreach (var pr in rowProblems) if (problems.Count < ProblemsShown) problems.Add(new RowProblem(i + 1, pr));
            if (sample.Count < 5) sample.Add(values);
        }
        await Task.CompletedTask;
        return new ImportPreview(p.Rows.Count, valid, problems, sample);
    }

    public async Task<Outcome<ImportSummary>> RunAsync(CurrentUser user, ImportRequest request, CancellationToken ct)
    {
        if (!user.Can(Permission.WriteRegistry)) return new Outcome<ImportSummary>.Forbidden();
        var (p, errors) = Parse(request);
        if (p is null) return new Outcome<ImportSummary>.Invalid(errors);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(p.Content)));
        var mappingJson = JsonSerializer.Serialize(p.Mapping, Json.Options);

        var source = await db.LinkSources.FirstOrDefaultAsync(s => s.Name == p.Source, ct);
        if (source is null)
        {
            source = new LinkSource { Name = p.Source, Mapping = mappingJson, CreatedById = user.Id, CreatedAt = Now, UpdatedAt = Now };
            db.LinkSources.Add(source);
        }
        else if (source.Mapping != mappingJson)
        {
            source.Mapping = mappingJson;
            source.UpdatedAt = Now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(source).State == EntityState.Added)
        {
            // The same new source named at the same moment by another request: use the one that was saved.
            db.ChangeTracker.Clear();
            source = await db.LinkSources.SingleAsync(s => s.Name == p.Source, ct);
        }

        // One statement reads the batch and whether a worker holds its file: read apart, a worker finishing in between
        // (status Completed and file dropped in one commit) looked like an interrupted run and was queued a second time.
        var found = await db.ImportBatches.Where(b => b.SourceId == source.Id && b.FileHash == hash && b.Status != ImportStatus.RolledBack)
            .Select(b => new { Batch = b, Queued = db.Set<ImportFile>().Any(f => f.BatchId == b.Id) }).FirstOrDefaultAsync(ct);
        var batch = found?.Batch;
        if (batch is { Status: ImportStatus.Completed or ImportStatus.Failed })
            return await SummaryAsync(batch, p.Source, alreadyImported: true, ct);
        // The same file again while a worker has it: the answer is its progress, not a second run beside it.
        if (found is { Queued: true }) return await SummaryAsync(batch!, p.Source, alreadyImported: true, ct);
        var isNew = batch is null;
        if (batch is null)
        {
            batch = new ImportBatch
            {
                Id = Guid.CreateVersion7(), SourceId = source.Id, FileName = p.FileName, FileHash = hash, RowCount = p.Rows.Count, Status = ImportStatus.Running,
                Model = JsonSerializer.Serialize(model.Model, Json.Options), CreatedById = user.Id, CreatedAt = Now,
            };
            db.ImportBatches.Add(batch);
        }
        if (p.Rows.Count - batch.RowsDone > InlineRows)
        {
            // Too long for one request: the file is kept with the batch (same transaction) and a worker applies it.
            db.ImportFiles.Add(new ImportFile { BatchId = batch.Id, Content = p.Content, Mapping = mappingJson });
            if (await SaveNewBatchAsync(isNew, source.Id, hash, ct) is { } other) return await SummaryAsync(other, p.Source, alreadyImported: true, ct);
            await audit.RecordAsync(user, new AuditEvent(AuditActions.Import, "import", batch.Id.ToString("D"), string.Create(CultureInfo.InvariantCulture,
                $"source={source.Id}; rows={batch.RowCount}; queued for the background")), ct);
            queue.Wake();
            return await SummaryAsync(batch, p.Source, alreadyImported: false, ct);
        }
        if (await SaveNewBatchAsync(isNew, source.Id, hash, ct) is { } concurrent) return await SummaryAsync(concurrent, p.Source, alreadyImported: true, ct);
        batch = await ApplyAsync(user, batch, source.Id, p, file: null, ct);
        return await SummaryAsync(batch, p.Source, alreadyImported: false, ct);
    }

    /// <summary>
    /// Saves a new batch; when the same file from the same source was sent at the same moment and its batch won the unique
    /// index, returns that batch instead (nothing of this request is kept).
    /// </summary>
    private async Task<ImportBatch?> SaveNewBatchAsync(bool isNew, int sourceId, string hash, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException) when (isNew)
        {
            db.ChangeTracker.Clear();
            return await db.ImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.SourceId == sourceId && b.FileHash == hash && b.Status != ImportStatus.RolledBack, ct)
                ?? throw new InvalidOperationException("The import batch could not be saved, and no other batch of the file exists.");
        }
    }

    /// <summary>
    /// Takes up a background import if no other worker holds it, and applies its remaining rows as the user who sent it
    /// (their scope and rights as they are now). Returns false when there was nothing for this call to do.
    /// </summary>
    public async Task<bool> ContinueAsync(Guid batchId, CancellationToken ct)
    {
        var now = Now;
        var until = now + Lease;
        var taken = await db.ImportFiles.Where(f => f.BatchId == batchId && (f.LeaseUntil == null || f.LeaseUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.LeaseUntil, until).SetProperty(f => f.Attempts, f => f.Attempts + 1), ct);
        if (taken == 0) return false;
        var file = await db.ImportFiles.SingleAsync(f => f.BatchId == batchId, ct);
        var batch = await db.ImportBatches.SingleAsync(b => b.Id == batchId, ct);
        var source = await db.LinkSources.SingleAsync(s => s.Id == batch.SourceId, ct);
        var runner = await db.Users.AsNoTracking().Include(u => u.Roles).Include(u => u.ScopeAreas).FirstOrDefaultAsync(u => u.Id == batch.CreatedById, ct);
        var user = runner is { IsActive: true } ? CurrentUserAccessor.Build(runner, units, ip: null) : null;
        string? stop = batch.Status != ImportStatus.Running ? "" // rolled back meanwhile: nothing to report
            : user is null || !user.Can(Permission.WriteRegistry) ? "The user who started this import can no longer import."
            : file.Attempts > MaxAttempts ? $"Stopped after {MaxAttempts} failed attempts; the rows applied so far stay until the import is rolled back."
            : null;
        var mapping = stop is null ? JsonSerializer.Deserialize<SourceMapping>(file.Mapping, Json.Options) : null;
        var (header, rows, csvErrors) = stop is null ? Csv.Read(new StringReader(file.Content)) : ([], [], []);
        if (stop is null && (mapping is null || csvErrors.Count > 0)) stop = "The stored file can no longer be read.";
        if (stop is not null)
        {
            if (stop.Length > 0) (batch.Status, batch.Error, batch.CompletedAt) = (ImportStatus.Failed, stop, now);
            db.ImportFiles.Remove(file);
            await db.SaveChangesAsync(ct);
            if (stop.Length > 0 && user is not null)
                await audit.RecordAsync(user, new AuditEvent(AuditActions.Import, "import", batch.Id.ToString("D"), "failed: " + stop), ct);
            return true;
        }
        db.ChangeTracker.Clear();
        batch = await db.ImportBatches.SingleAsync(b => b.Id == batchId, ct);
        await ApplyAsync(user!, batch, source.Id, new Parsed(source.Name, batch.FileName, file.Content, mapping!, header, rows), file.BatchId, ct);
        return true;
    }

    /// <summary>Applies the rows not yet applied, <see cref="ChunkRows"/> per transaction; finishes the batch (and drops a background file) in the last.</summary>
    private async Task<ImportBatch> ApplyAsync(CurrentUser user, ImportBatch batch, int sourceId, Parsed p, Guid? file, CancellationToken ct)
    {
        // Rows already applied (an interrupted run) are skipped: they and the batch's progress were committed together.
        var appliedNow = 0;
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? tx = null;
        try
        {
            for (var i = batch.RowsDone; i < p.Rows.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                if (appliedNow++ == StopAfterRows) throw new OperationCanceledException("stopped for a test");
                if (tx is null)
                {
                    tx = await db.Database.BeginTransactionAsync(ct);
                    // Lock the batch's row before anything else in the chunk (a no-op update): a rollback takes the same
                    // row first too, so the two meet in one order (no deadlock over the audit chain), and a batch rolled
                    // back since the last chunk is seen here.
                    var id = batch.Id;
                    if (await db.ImportBatches.Where(b => b.Id == id && b.Status == ImportStatus.Running)
                            .ExecuteUpdateAsync(u => u.SetProperty(b => b.RowsDone, b => b.RowsDone), ct) == 0) break;
                }
                var record = await ApplyRowAsync(user, batch, sourceId, p, i, ct);
                db.SourceRecords.Add(record);
                batch.RowsDone = i + 1;
                switch (record.Outcome)
                {
                    case SourceOutcome.Linked: batch.Linked++; break;
                    case SourceOutcome.Created: batch.Created++; break;
                    case SourceOutcome.Review: batch.Review++; break;
                    default: batch.Rejected++; break;
                }
                var last = i + 1 == p.Rows.Count;
                if (last)
                {
                    batch.Status = ImportStatus.Completed;
                    batch.CompletedAt = Now;
                    if (file is { } f) await db.ImportFiles.Where(x => x.BatchId == f).ExecuteDeleteAsync(ct);
                    await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Import, "import", batch.Id.ToString("D"), string.Create(CultureInfo.InvariantCulture,
                        $"source={sourceId}; rows={batch.RowCount}; linked={batch.Linked}; created={batch.Created}; review={batch.Review}; rejected={batch.Rejected}")), ct);
                }
                // Throws if a rollback changed the batch's status meanwhile (concurrency token): the chunk then rolls back whole.
                await db.SaveChangesAsync(ct);
                if ((i + 1) % ChunkRows == 0 || last)
                {
                    if (file is { } f && !last)
                    {
                        var until = Now + Lease;
                        await db.ImportFiles.Where(x => x.BatchId == f).ExecuteUpdateAsync(u => u.SetProperty(x => x.LeaseUntil, until), ct);
                    }
                    await tx.CommitAsync(ct);
                    await tx.DisposeAsync();
                    tx = null;
                    // A tracker holding every row so far makes each save slower than the last; the batch is read afresh.
                    db.ChangeTracker.Clear();
                    batch = await db.ImportBatches.SingleAsync(b => b.Id == batch.Id, ct);
                    if (batch.Status != ImportStatus.Running) return batch;
                }
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            // Rolled back while this chunk was in flight: the chunk is discarded (below) and the work stops.
        }
        finally
        {
            if (tx is not null) await tx.DisposeAsync(); // not committed: the chunk in flight rolls back whole
        }
        db.ChangeTracker.Clear();
        return await db.ImportBatches.SingleAsync(b => b.Id == batch.Id, ct);
    }

    private async Task<SourceRecord> ApplyRowAsync(CurrentUser user, ImportBatch batch, int sourceId, Parsed p, int i, CancellationToken ct)
    {
        var (input, values, problems, facts, observedOn) = Check(user, p, p.Rows[i]);
        var record = new SourceRecord
        {
            BatchId = batch.Id, SourceId = sourceId, RowNumber = i + 1, ImportedAt = Now,
            SourceRecordId = p.Mapping.RecordId is { } idColumn ? Truncate(p.Rows[i][Array.IndexOf(p.Header, idColumn)], 100) : null,
            MappedValues = Truncate(JsonSerializer.Serialize(values, Json.Options), 4000),
        };
        if (problems.Count > 0)
        {
            (record.Outcome, record.Problem) = (SourceOutcome.Rejected, Truncate(string.Join(" ", problems), 1000));
            return record;
        }
        var (scored, _) = await matching.ScoreAsync(input, ct);
        var best = scored.Count > 0 ? scored[0] : default;
        if (best.C is not null && best.P >= LinkFrom)
            (record.Outcome, record.ChildId, record.Probability) = (SourceOutcome.Linked, best.C.Id, best.P);
        else if (best.C is not null && best.P >= ReviewFrom)
            (record.Outcome, record.CandidateId, record.Probability) = (SourceOutcome.Review, best.C.Id, best.P);
        else
        {
            switch (await children.CreateAsync(user, input, ct))
            {
                case Outcome<Child>.Ok created:
                    (record.Outcome, record.ChildId, record.Probability) = (SourceOutcome.Created, created.Value.Id, best.C is null ? null : best.P);
                    break;
                case Outcome<Child>.Invalid bad:
                    (record.Outcome, record.Problem) = (SourceOutcome.Rejected, Truncate(string.Join(" ", bad.Errors.All.SelectMany(kv => kv.Value.Select(m => $"{p.Mapping.ColumnFor(kv.Key)}: {m}"))), 1000));
                    break;
                case Outcome<Child>.Conflict conflict:
                    (record.Outcome, record.Problem) = (SourceOutcome.Rejected, Truncate($"{p.Mapping.ColumnFor(conflict.Field)}: {conflict.Message}", 1000));
                    break;
                default:
                    (record.Outcome, record.Problem) = (SourceOutcome.Rejected, "not allowed");
                    break;
            }
        }
        // The row's facts, with their provenance (this source, this import), for the child it linked to or created.
        if (record.ChildId is { } child)
            db.AddRange(facts.Select(f => new FactObservation
            {
                ChildId = child, Fact = f.Fact, Value = f.Value, Source = p.Source, ObservedOn = observedOn, ReceivedAt = Now, BatchId = batch.Id, ById = user.Id,
            }));
        return record;
    }

    /// <summary>The background imports waiting for a worker (their lease free or expired), oldest first.</summary>
    public async Task<List<Guid>> PendingAsync(CancellationToken ct)
    {
        var now = Now;
        return await db.ImportFiles.Where(f => f.LeaseUntil == null || f.LeaseUntil < now).OrderBy(f => f.BatchId).Select(f => f.BatchId).ToListAsync(ct);
    }

    public async Task<Outcome<ImportSummary>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        if (!user.Can(Permission.WriteRegistry)) return new Outcome<ImportSummary>.Forbidden();
        var batch = await VisibleAsync(user, id, ct);
        if (batch is null) return new Outcome<ImportSummary>.NotFound();
        var source = await db.LinkSources.Where(s => s.Id == batch.SourceId).Select(s => s.Name).SingleAsync(ct);
        return await SummaryAsync(batch, source, alreadyImported: false, ct);
    }

    /// <summary>The latest imports this user may see (see <see cref="VisibleAsync"/>), newest first.</summary>
    public async Task<List<(ImportBatch Batch, string Source)>> RecentAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.WriteRegistry)) return [];
        var recent = await db.ImportBatches.OrderByDescending(b => b.CreatedAt).Take(200)
            .Join(db.LinkSources, b => b.SourceId, s => s.Id, (b, s) => new { Batch = b, s.Name }).ToListAsync(ct);
        var runners = recent.Select(r => r.Batch.CreatedById).Distinct().ToList();
        var areas = (await db.Users.Where(u => runners.Contains(u.Id)).Select(u => new { u.Id, Areas = u.ScopeAreas.Select(a => a.AdminUnitCode).ToList() }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => u.Areas);
        bool Visible(ImportBatch b) => b.CreatedById == user.Id || user.ScopeKind == ScopeKind.National
            || (user.ScopeKind == ScopeKind.Areas && areas.GetValueOrDefault(b.CreatedById) is { Count: > 0 } a && a.All(user.Districts.Contains));
        return [.. recent.Where(r => Visible(r.Batch)).Take(20).Select(r => (r.Batch, r.Name))];
    }

    /// <summary>The linkage model saved with an import (for a caller that has checked it may see the import).</summary>
    public async Task<LinkModel?> ModelOfAsync(Guid id, CancellationToken ct) =>
        await db.ImportBatches.Where(b => b.Id == id).Select(b => b.Model).FirstOrDefaultAsync(ct) is { Length: > 0 } json ? JsonSerializer.Deserialize<LinkModel>(json, Json.Options) : null;

    /// <summary>Names of the known sources, and the mapping saved with one.</summary>
    public async Task<List<string>> SourceNamesAsync(CancellationToken ct) => await db.LinkSources.OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(ct);

    public async Task<SourceMapping?> SavedMappingAsync(string source, CancellationToken ct) =>
        await db.LinkSources.Where(s => s.Name == source).Select(s => s.Mapping).FirstOrDefaultAsync(ct) is { } json ? JsonSerializer.Deserialize<SourceMapping>(json, Json.Options) : null;

    /// <summary>Undoes an import (finished or interrupted): its source records go, and the children it created are archived unless another import has since linked to them.</summary>
    public async Task<Outcome<ImportSummary>> RollbackAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        if (!user.Can(Permission.DeleteRegistry)) return new Outcome<ImportSummary>.Forbidden();
        var batch = await VisibleAsync(user, id, ct);
        if (batch is null) return new Outcome<ImportSummary>.NotFound();
        if (batch.Status == ImportStatus.RolledBack) return Outcome<ImportSummary>.Refused(LinkageErrors.AlreadyRolledBack());
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = Now;
        // The status changes first: this waits for a background chunk in flight to commit (so its rows are undone
        // below too), and any later chunk sees the change and rolls itself back. The kept file goes with it.
        var changed = await db.ImportBatches.Where(b => b.Id == id && b.Status != ImportStatus.RolledBack)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, ImportStatus.RolledBack).SetProperty(b => b.RolledBackAt, now), ct);
        if (changed == 0) return Outcome<ImportSummary>.Refused(LinkageErrors.AlreadyRolledBack());
        await db.ImportFiles.Where(f => f.BatchId == id).ExecuteDeleteAsync(ct);
        var created = await db.SourceRecords.Where(r => r.BatchId == id && r.Outcome == SourceOutcome.Created && r.ChildId != null).Select(r => r.ChildId!.Value).ToListAsync(ct);
        var keptElsewhere = await db.SourceRecords.Where(r => r.BatchId != id && r.ChildId != null && created.Contains(r.ChildId!.Value)).Select(r => r.ChildId!.Value).Distinct().ToListAsync(ct);
        foreach (var child in await db.Children.Where(c => created.Contains(c.Id) && !keptElsewhere.Contains(c.Id) && c.DeletedAt == null).ToListAsync(ct))
        {
            child.DeletedAt = now;
            child.Version++;
            db.RecordChanges.Add(new RecordChange { EntityType = "child", EntityId = child.Id, At = now, UserId = user.Id, UserName = user.UserName, Action = AuditActions.Delete });
            await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Delete, "child", ChildRecords.Id(child.Id), "import rolled back"), ct);
        }
        await db.SourceRecords.Where(r => r.BatchId == id).ExecuteDeleteAsync(ct);
        // Its facts go with it: each child's current values are again those the other sources said.
        await db.Set<FactObservation>().Where(o => o.BatchId == id).ExecuteDeleteAsync(ct);
        db.Entry(batch).State = EntityState.Detached; // its row was changed above, not through the tracker
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.ImportRollback, "import", id.ToString("D"), $"children archived={created.Count - keptElsewhere.Count}"), ct);
        await tx.CommitAsync(ct);
        var source = await db.LinkSources.Where(s => s.Id == batch.SourceId).Select(s => s.Name).SingleAsync(ct);
        batch = await db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == id, ct);
        return await SummaryAsync(batch, source, alreadyImported: false, ct);
    }

    /// <summary>An import is seen by whoever ran it, by national users, and by users whose areas cover the runner's.</summary>
    private async Task<ImportBatch?> VisibleAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        var batch = await db.ImportBatches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return null;
        if (batch.CreatedById == user.Id || user.ScopeKind == ScopeKind.National) return batch;
        if (user.ScopeKind != ScopeKind.Areas) return null;
        var runnerAreas = await db.Users.Where(u => u.Id == batch.CreatedById).SelectMany(u => u.ScopeAreas.Select(a => a.AdminUnitCode)).ToListAsync(ct);
        return runnerAreas.Count > 0 && runnerAreas.All(user.Districts.Contains) ? batch : null;
    }

    private async Task<Outcome<ImportSummary>> SummaryAsync(ImportBatch b, string source, bool alreadyImported, CancellationToken ct)
    {
        var problems = await db.SourceRecords.Where(r => r.BatchId == b.Id && r.Outcome == SourceOutcome.Rejected).OrderBy(r => r.RowNumber).Take(ProblemsShown)
            .Select(r => new RowProblem(r.RowNumber, r.Problem ?? "")).ToListAsync(ct);
        // The batch as it is now, read with its file in one statement: a batch read earlier and a file looked for later
        // showed a batch the worker had just finished as "interrupted" (still Running, no file), and the page stopped following it.
        var now = await db.ImportBatches.AsNoTracking().Where(x => x.Id == b.Id)
            .Select(x => new { Batch = x, Queued = db.Set<ImportFile>().Any(f => f.BatchId == x.Id) }).FirstOrDefaultAsync(ct);
        if (now is not null) b = now.Batch;
        var background = b.Status == ImportStatus.Running && now?.Queued == true;
        return new ImportSummary(b.Id, source, b.FileName, b.Status, b.RowCount, b.RowsDone, b.Linked, b.Created, b.Review, b.Rejected, alreadyImported, problems,
            background, b.Error);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
