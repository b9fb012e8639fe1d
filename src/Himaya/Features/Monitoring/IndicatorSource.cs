namespace Himaya.Features.Monitoring;

/// <summary>A value a feature computes for a place, with the number of children (or reports) behind it, which decides its suppression.</summary>
public sealed record SourcedValue(string Place, decimal Value, int Behind)
{
    /// <summary>
    /// A percentage per place (<c>Count</c> of <c>Of</c>, one decimal) and for the nation (the places summed, first);
    /// a place with nothing to count has no value rather than zero.
    /// </summary>
    public static IReadOnlyList<SourcedValue> Percentages(IEnumerable<(string Place, int Of, int Count)> places)
    {
        var list = places.ToList();
        return [.. list.Prepend((Place: IndicatorStore.Nation, Of: list.Sum(p => p.Of), Count: list.Sum(p => p.Count))).Where(p => p.Of > 0)
            .Select(p => new SourcedValue(p.Place, Math.Round(100m * p.Count / p.Of, 1), p.Of))];
    }
}

/// <summary>
/// An indicator a feature computes from its own records: its definition (shown beside every number) and its values now,
/// for the year of computing unless the source says which period its figures describe (a stored analysis's year).
/// </summary>
public sealed record SourcedIndicator(string Code, IndicatorNames Name, IndicatorNames Definition, IndicatorUnit Unit, IndicatorDirection Direction,
    IReadOnlyList<SourcedValue> Values, string? Period = null);

/// <summary>
/// A feature's own indicators, computed from its records for the current period (the registry's care arrangements, the
/// violence reports' answers…). Features register theirs; <see cref="ComputedIndicators"/> stores them all, suppressed
/// and audited, when an analyst asks and on its schedule. The dependency runs from the feature to Monitoring.
/// </summary>
public interface IIndicatorSource
{
    Task<IReadOnlyList<SourcedIndicator>> ComputeAsync(DateTime now, CancellationToken ct);
}
