namespace Himaya.Features.Linkage;

/// <summary>A source of records (a school list, a polyclinic register, the TSA file…) and how its columns map to registry fields, saved once and reused.</summary>
public sealed class LinkSource
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The <see cref="SourceMapping"/> as JSON.</summary>
    public required string Mapping { get; set; }
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Failed: a background import stopped for good (its reason in <see cref="ImportBatch.Error"/>); its applied rows stay until rolled back.</summary>
public enum ImportStatus { Running, Completed, RolledBack, Failed }

/// <summary>One file imported from a source. Rows are applied one transaction each, with <see cref="RowsDone"/> moved in the same transaction, so an interrupted import resumes exactly where it stopped.</summary>
public sealed class ImportBatch
{
    public Guid Id { get; set; }
    public int SourceId { get; set; }
    public required string FileName { get; set; }
    /// <summary>SHA-256 of the file's bytes: the same file from the same source is imported once.</summary>
    public required string FileHash { get; set; }
    public int RowCount { get; set; }
    public int RowsDone { get; set; }
    public ImportStatus Status { get; set; }
    public int Linked { get; set; }
    public int Created { get; set; }
    public int Review { get; set; }
    public int Rejected { get; set; }
    /// <summary>The linkage model (weights per field and level, prior) the rows were matched with, as JSON.</summary>
    public string Model { get; set; } = "";
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? RolledBackAt { get; set; }
    /// <summary>Why a background import stopped (status Failed).</summary>
    public string? Error { get; set; }
}

/// <summary>
/// The file of an import that runs in the background, kept until its last row is applied, so that a restart of the
/// app resumes it. The lease says which worker has it and until when (renewed every chunk); an expired lease means
/// the worker died and another may take it over.
/// </summary>
public sealed class ImportFile
{
    public Guid BatchId { get; set; }
    public required string Content { get; set; }
    /// <summary>The <see cref="SourceMapping"/> this file was sent with, as JSON (the source's saved mapping may change meanwhile).</summary>
    public required string Mapping { get; set; }
    public DateTime? LeaseUntil { get; set; }
    /// <summary>How many times a worker has taken it up: a file that keeps failing is given up after a few.</summary>
    public int Attempts { get; set; }
}

public enum SourceOutcome { Linked, Created, Review, Rejected }

/// <summary>One row of an imported file, kept with its provenance, and what became of it.</summary>
public sealed class SourceRecord
{
    public long Id { get; set; }
    public Guid BatchId { get; set; }
    public int SourceId { get; set; }
    /// <summary>1-based data row number in the file (the header is row 0).</summary>
    public int RowNumber { get; set; }
    /// <summary>The source's own record id, when the mapping names one.</summary>
    public string? SourceRecordId { get; set; }
    /// <summary>The mapped values as JSON (registry field → value as given).</summary>
    public required string MappedValues { get; set; }
    public SourceOutcome Outcome { get; set; }
    /// <summary>The child this record belongs to (linked or created); null while in review or when rejected.</summary>
    public Guid? ChildId { get; set; }
    /// <summary>Best candidate's match probability, and the candidate itself when the row waits for review.</summary>
    public double? Probability { get; set; }
    public Guid? CandidateId { get; set; }
    /// <summary>Why a row was rejected: "column: message".</summary>
    public string? Problem { get; set; }
    public DateTime ImportedAt { get; set; }
}

public enum ReviewDecision { Match, NotMatch, Unsure }

/// <summary>
/// A reviewer's decision on a proposed pair (an imported record and a registered child). Kept for good: a pair decided
/// "not a match" is never proposed again, and decided pairs are the labelled sample the linkage is evaluated on.
/// </summary>
public sealed class MatchDecision
{
    public long Id { get; set; }
    public long SourceRecordId { get; set; }
    public Guid ChildId { get; set; }
    public ReviewDecision Decision { get; set; }
    public double? Probability { get; set; }
    public int DecidedById { get; set; }
    public DateTime DecidedAt { get; set; }
}

/// <summary>
/// One merge of a duplicate child record into another. Remembers exactly what it moved (the duplicate's imported source
/// records), so that an unmerge puts everything back as it was.
/// </summary>
public sealed class ChildMerge
{
    public long Id { get; set; }
    public Guid SurvivorId { get; set; }
    public Guid MergedId { get; set; }
    /// <summary>Ids of the source records moved from the merged child to the survivor, comma-separated.</summary>
    public string MovedSourceRecords { get; set; } = "";
    public int MergedById { get; set; }
    public DateTime MergedAt { get; set; }
    public int? UnmergedById { get; set; }
    public DateTime? UnmergedAt { get; set; }
}

/// <summary>Two registered children a supervisor judged to be different children: the pair is not offered as a possible duplicate again.</summary>
public sealed class DistinctChildren
{
    public long Id { get; set; }
    /// <summary>The pair in a fixed order (smaller id first), so it is stored once.</summary>
    public Guid FirstId { get; set; }
    public Guid SecondId { get; set; }
    public int DecidedById { get; set; }
    public DateTime DecidedAt { get; set; }
}
