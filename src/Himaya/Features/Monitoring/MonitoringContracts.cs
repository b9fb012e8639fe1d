using Himaya.Platform;

namespace Himaya.Features.Monitoring;

/// <summary>A text in each language (an indicator's or project's name, a result's statement).</summary>
public sealed record IndicatorNames(string? Az, string? En, string? Ru)
{
    /// <summary>The text in the reader's language (az, ru; English otherwise).</summary>
    public string In(string culture) => (culture switch { "az" => Az, "ru" => Ru, _ => En })!;

    /// <summary>Each language's text present and at most <paramref name="max"/> long; a missing one is <paramref name="missing"/>'s refusal.</summary>
    public static void Check(FieldErrors e, IndicatorNames? names, string field, Func<string, Refusal> missing, int max)
    {
        foreach (var (lang, text) in new[] { ("az", names?.Az), ("en", names?.En), ("ru", names?.Ru) })
        {
            if (string.IsNullOrWhiteSpace(text)) e.Add(missing(lang));
            else if (text.Trim().Length > max) e.Add(PlatformErrors.TooLong(field + "." + lang, max));
        }
    }
}

/// <summary><c>POST /api/v1/indicators</c>.</summary>
public sealed record IndicatorInput(string? Code, IndicatorNames? Name, IndicatorUnit? Unit, IndicatorDirection? Direction, string? Definition,
    string? Source, IndicatorStatus? Status, string? Numerator = null, string? Denominator = null, IReadOnlyList<string>? Disaggregations = null,
    string? SdgTarget = null, IReadOnlyList<int>? CrcArticles = null, int? Version = null, IndicatorNames? Definitions = null);

/// <summary>
/// An indicator as it is read. <paramref name="Definition"/> is the English definition (as the API has always sent it);
/// <paramref name="Definitions"/> holds it in each language it was given in (null where not).
/// </summary>
public sealed record IndicatorView(int Id, string Code, IndicatorNames Name, IndicatorUnit Unit, IndicatorDirection Direction, string? Definition,
    string? Source, IndicatorStatus Status, int Values, string? Numerator, string? Denominator, IReadOnlyList<string> Disaggregations,
    string? SdgTarget, IReadOnlyList<int> CrcArticles, int Version, IndicatorNames Definitions);

/// <summary><c>POST /api/v1/indicators/{code}/values</c>: one value entered by hand; the same period, place and breakdown again replaces it.</summary>
public sealed record ValueInput(string? Period, string? Place, IReadOnlyDictionary<string, string>? Disaggregation, decimal? Value, string? ObsStatus);

public sealed record ValueView(string Period, string Place, decimal Value, IReadOnlyDictionary<string, string> Disaggregation, string? ObsStatus);

/// <summary><c>POST /api/v1/indicators/{code}/targets</c>: a baseline or a target for a place and period; the same kind, place and period again replaces it.</summary>
public sealed record MarkInput(MarkKind? Kind, string? Place, string? Period, decimal? Value);

public sealed record MarkView(MarkKind Kind, string Place, string Period, decimal Value);

public sealed record ValuesView(string Indicator, IReadOnlyList<ValueView> Values, IReadOnlyList<MarkView> Targets);

/// <summary>What an import did: observations new to Himaya, ones whose value it replaced, and the lines it left out.</summary>
public sealed record ImportResult(int Imported, int Updated, IReadOnlyList<LineProblem> Rejected);

/// <summary>An indicator's national picture: its latest total, the next target after it, and whether it is on track for it.</summary>
public sealed record NationalPicture(ValueView Latest, MarkView? NextTarget, TrackStatus? Track);
