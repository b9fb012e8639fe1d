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
    public static Refusal YearRange() => Refusal.OnField("monitoring.year-range", "to");
}
