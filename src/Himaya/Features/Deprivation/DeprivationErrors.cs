using Himaya.Platform;

namespace Himaya.Features.Deprivation;

/// <summary>
/// The refusals of the deprivation feature (frameworks, analyses, stored runs, survey files, the most-deprived list and
/// outreach), each with a stable code; the texts are kept per language as <c>Error.&lt;code&gt;</c> in the module's texts.
/// </summary>
public static class DeprivationErrors
{
    public static Refusal FrameworkNotFound(string field) => Refusal.OnField("framework.not-found", field);
    public static Refusal DefinitionRequired() => Refusal.OnField("framework.definition-required", "definition");
    /// <summary>The limit is in the text (the API has always written it with a thousands separator).</summary>
    public static Refusal DefinitionTooLong() => Refusal.OnField("framework.definition-too-long", "definition");
    /// <summary>
    /// One problem a framework parser found, in its own words and named by its JSON path (the engine's FRAMEWORK.json and
    /// the registry's definition list them so): the API sends the problem as it is; pages list them under a lead sentence.
    /// </summary>
    public static Refusal InvalidDefinition(string field, string problem) => Refusal.OnField("framework.invalid-definition", field, problem);
    public static Refusal FrameworkSavedAtSameMoment() => Refusal.Of("framework.saved-at-same-moment", "definition");
    public static Refusal FrameworkFormat() => Refusal.OnField("framework.format", "format");

    public static Refusal UnknownAgeGroup(string ageGroups) => Refusal.OnField("deprivation.unknown-age-group", "ageGroup", ageGroups);
    public static Refusal ByAtMostTwo() => Refusal.OnField("deprivation.by-at-most-two", "by");
    public static Refusal UnknownDisaggregation(string by, string disaggregations) =>
        Refusal.OnField("deprivation.unknown-disaggregation", "by", by, disaggregations);
    public static Refusal SameDisaggregationTwice() => Refusal.OnField("deprivation.same-disaggregation-twice", "by");
    public static Refusal TooManyCutOffs(int max) => Refusal.OnField("deprivation.too-many-cut-offs", "k", max);
    public static Refusal CutOffOutOfRange(int dimensions) => Refusal.OnField("deprivation.cut-off-out-of-range", "k", dimensions);
    public static Refusal CutOffNotANumber(string text) => Refusal.OnField("deprivation.cut-off-not-a-number", "k", text);
    public static Refusal ChooseCutOff() => Refusal.OnField("deprivation.choose-cut-off", "k");
    public static Refusal VennThreeNames() => Refusal.OnField("deprivation.venn-three-names", "venn");
    public static Refusal VennNotDimensions() => Refusal.OnField("deprivation.venn-not-dimensions", "venn");
    public static Refusal ChooseThreeDimensions() => Refusal.OnField("deprivation.choose-three-dimensions", "venn2");
    public static Refusal AnalysisFormat() => Refusal.OnField("deprivation.analysis-format", "format");
    public static Refusal DeprivedInBetween(int dimensions) => Refusal.OnField("deprivation.k-between", "k", dimensions);

    public static Refusal FirstRunId() => Refusal.OnField("run.first-id", "a");
    public static Refusal SecondRunId() => Refusal.OnField("run.second-id", "b");
    public static Refusal ChooseTwoDifferentRuns() => Refusal.OnField("run.choose-two-different", "b");
    public static Refusal ChooseListedRuns() => Refusal.OnField("run.choose-listed", "b");

    public static Refusal SurveyFileNameRequired() => Refusal.OnField("survey.file-name-required", "fileName");
    public static Refusal SurveyFileEmpty() => Refusal.OnField("survey.file-empty", "content");
    /// <summary>The limit (<see cref="DeprivationRuns.MaxSurveyChars"/>) is in the text, written as the API always wrote it.</summary>
    public static Refusal SurveyTooLong() => Refusal.OnField("survey.too-long", "content");
    public static Refusal SurveyGroupingAtMostTwo() => Refusal.OnField("survey.grouping-at-most-two", "by");
    public static Refusal SurveyFrameworkRequired() => Refusal.OnField("survey.framework-required", "framework");
    /// <summary>One problem the survey file's reader found, in its own words with its line and column (the API sends it as it is).</summary>
    public static Refusal SurveyFileProblem(string problem) => Refusal.OnField("survey.file-problem", "content", problem);
    public static Refusal ChooseCsvFile() => Refusal.OnField("survey.choose-file", "file");
    public static Refusal SurveyFileTooLarge() => Refusal.OnField("survey.file-too-large", "file");

    public static Refusal OutreachChildRequired() => Refusal.OnField("outreach.child-required", "childId");
    public static Refusal OutreachAlreadyOpen() => Refusal.Of("outreach.already-open", "childId");
    public static Refusal OutreachStatusFilter() => Refusal.OnField("outreach.status-filter", "status");
    public static Refusal OutreachClosingStatus() => Refusal.OnField("outreach.closing-status", "status");
    public static Refusal OutreachOutcomeRequired() => Refusal.OnField("outreach.outcome-required", "outcome");
    public static Refusal OutreachAlreadyClosed() => Refusal.Of("outreach.already-closed", "status");

    /// <summary>
    /// A field's refusals as a page shows them: the others (to translate by code), and a parser's problems as they are,
    /// with the key of the translated sentence that leads them (null when there are none).
    /// </summary>
    public static (IReadOnlyList<Refusal> Others, string? LeadKey, IReadOnlyList<string> Problems) ForPage(FieldErrors errors, string field)
    {
        var all = errors.CodedFor(field);
        var problems = all.Where(r => LeadOf(r) is not null).ToList();
        return ([.. all.Where(r => LeadOf(r) is null)], problems.Select(LeadOf).FirstOrDefault(), [.. problems.Select(r => r.Args[0] as string ?? "")]);
    }

    private static string? LeadOf(Refusal r) => r.Code switch
    {
        "framework.invalid-definition" => "Deprivation.DefinitionProblems",
        "survey.file-problem" => "Survey.FileProblems",
        _ => null,
    };
}
