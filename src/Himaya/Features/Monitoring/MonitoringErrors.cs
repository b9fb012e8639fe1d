using Himaya.Platform;

namespace Himaya.Features.Monitoring;

/// <summary>The refusals of the indicators and their exchange files.</summary>
public static class MonitoringErrors
{
    public static Refusal Code() => Refusal.OnField("monitoring.code", "code");
    public static Refusal CodeTaken(string code) => Refusal.OnField("monitoring.code-taken", "code", code);
    public static Refusal NameRequired(string language) => Refusal.OnField("monitoring.name-required", "name." + language, language);
    public static Refusal FileUnreadable(string why) => Refusal.OnField("monitoring.file-unreadable", "file", why);
    public static Refusal ContentType() => Refusal.OnField("monitoring.content-type", "file");
    public static Refusal UnknownIndicator(string code) => Refusal.OnField("monitoring.unknown-indicator", "indicator", code);
    public static Refusal UnknownPlace(string code) => Refusal.OnField("monitoring.unknown-place", "place", code);
    public static Refusal Period() => Refusal.OnField("monitoring.period", "period");
    public static Refusal Positive(string field) => Refusal.OnField("monitoring.positive", field);
    public static Refusal ShareAboveBudget() => Refusal.OnField("monitoring.share-above-budget", "funderShare");
    public static Refusal EndBeforeStart() => Refusal.OnField("monitoring.end-before-start", "end");
    public static Refusal Currency() => Refusal.OnField("monitoring.currency", "currency");
    public static Refusal StatementRequired(string language) => Refusal.OnField("monitoring.statement-required", "statement." + language, language);
    public static Refusal UnknownResult(string code) => Refusal.OnField("monitoring.unknown-result", "result", code);
    public static Refusal ParentOutcome() => Refusal.OnField("monitoring.parent-outcome", "parent");
    public static Refusal ResultCodeTaken(string code) => Refusal.OnField("monitoring.result-code-taken", "code", code);
    public static Refusal OutsideProject(string period) => Refusal.OnField("monitoring.outside-project", "period", period);
    public static Refusal PlaceOutsideProject(string place) => Refusal.OnField("monitoring.place-outside-project", "place", place);
    public static Refusal Dimension(string name) => Refusal.OnField("monitoring.dimension", "disaggregations", name);
    public static Refusal DimensionValue(string name) => Refusal.OnField("monitoring.dimension-value", "disaggregation", name);
    public static Refusal SdgTarget() => Refusal.OnField("monitoring.sdg-target", "sdgTarget");
    public static Refusal CrcArticles() => Refusal.OnField("monitoring.crc-articles", "crcArticles");
    public static Refusal StatusStep(string from, string to) => Refusal.OnField("monitoring.status-step", "status", from, to);
    public static Refusal CodeFixed() => Refusal.OnField("monitoring.code-fixed", "code");
    public static Refusal ChangedSince(int yours, int current) => Refusal.Of("monitoring.changed-since", "version", yours, current);
    public static Refusal ObsStatus() => Refusal.OnField("monitoring.obs-status", "obsStatus");
    public static Refusal BudgetYear() => Refusal.OnField("monitoring.budget-year", "year");
    public static Refusal BudgetHeader(string header) => Refusal.OnField("monitoring.budget-header", "file", header);
    public static Refusal BudgetColumns(string line, int count) => Refusal.OnField("monitoring.budget-columns", line, count);
    public static Refusal BudgetEmpty() => Refusal.OnField("monitoring.budget-empty", "file");
    public static Refusal YearRange() => Refusal.OnField("monitoring.year-range", "to");
}
