using Himaya.Platform;

namespace Himaya.Features.Linkage;

/// <summary>
/// The refusals of imports, reviews and merges, each with a stable code; the texts are kept per language as
/// <c>Error.&lt;code&gt;</c> in Linkage/Texts.json. (What an import reports about its rows is the import's own report,
/// kept with it as written, not a refusal.)
/// </summary>
public static class LinkageErrors
{
    // The file and its mapping: the API names the field it came in (content, xlsxBase64), the page its file field.
    public static Refusal SourceRequired() => Refusal.OnField("import.source-required", "source");
    public static Refusal FileNameRequired() => Refusal.OnField("import.file-name-required", "fileName");
    public static Refusal NotBase64() => Refusal.OnField("import.not-base64", "xlsxBase64");
    public static Refusal FileMissing() => Refusal.OnField("import.file-missing", "file");
    public static Refusal FileTooLarge() => Refusal.OnField("import.file-too-large", "file");
    public static Refusal FileType() => Refusal.OnField("import.file-type", "file");
    public static Refusal XlsxTooManyRows(string field, string max) => Refusal.OnField("import.xlsx-too-many-rows", field, max);
    public static Refusal XlsxEmpty(string field) => Refusal.OnField("import.xlsx-empty", field);
    public static Refusal XlsxUnreadable(string field, string reason) => Refusal.OnField("import.xlsx-unreadable", field, reason);
    public static Refusal FileEmpty() => Refusal.OnField("import.file-empty", "content");
    public static Refusal ContentTooLong(string max) => Refusal.OnField("import.content-too-long", "content", max);
    public static Refusal MappingRequired() => Refusal.OnField("import.mapping-required", "mapping");
    public static Refusal QuoteNotClosed(int line) => Refusal.OnField("import.quote-not-closed", "content", line);
    public static Refusal FieldCount(int line, int fields, int headerFields) => Refusal.OnField("import.field-count", "content", line, fields, headerFields);
    public static Refusal NoHeader(string field) => Refusal.OnField("import.no-header", field);
    public static Refusal NoRows() => Refusal.OnField("import.no-rows", "content");
    public static Refusal UnknownField(string field, string fields) => Refusal.OnField("import.unknown-field", field, fields);
    public static Refusal UnknownDefault(string field) => Refusal.OnField("import.unknown-default", field);
    public static Refusal NoSuchColumn(string field, string column) => Refusal.OnField("import.no-such-column", field, column);
    public static Refusal ColumnRequired(string field) => Refusal.OnField("import.column-required", field);
    public static Refusal DateFormat() => Refusal.OnField("import.date-format", "mapping.dateFormat");
    public static Refusal AlreadyRolledBack() => Refusal.Of("import.already-rolled-back", "id");

    // Reviews.
    public static Refusal ReviewRecordRequired() => Refusal.OnField("review.record-required", "sourceRecordId");
    public static Refusal DecisionRequired() => Refusal.OnField("review.decision-required", "decision");

    // Merges, undoing them, splits and "not the same child".
    public static Refusal DuplicateRequired() => Refusal.OnField("merge.duplicate-required", "duplicateId");
    public static Refusal IntoItself() => Refusal.OnField("merge.into-itself", "duplicateId");
    public static Refusal NoSuchRecord(string field) => Refusal.OnField("merge.no-such-record", field);
    public static Refusal DifferentFins() => Refusal.Of("merge.different-fins", "duplicateId");
    public static Refusal MergeRequired() => Refusal.OnField("merge.merge-required", "mergeId");
    public static Refusal NoSuchMerge() => Refusal.OnField("merge.no-such-merge", "mergeId");
    public static Refusal AlreadyUndone() => Refusal.Of("merge.already-undone", "mergeId");
    public static Refusal MergedRecordChanged() => Refusal.Of("merge.merged-record-changed", "mergeId");
    public static Refusal SplitRecordRequired() => Refusal.OnField("merge.split-record-required", "sourceRecordId");
    public static Refusal NoSuchSourceRecord() => Refusal.OnField("merge.no-such-source-record", "sourceRecordId");
    public static Refusal OtherRequired() => Refusal.OnField("merge.other-required", "otherId");
}
