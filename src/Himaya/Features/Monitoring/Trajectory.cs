namespace Himaya.Features.Monitoring;

/// <summary>Where an indicator stands against its next target: reached, on the straight line from its baseline, or behind it.</summary>
public enum TrackStatus { Reached, OnTrack, OffTrack }

/// <summary>
/// Whether an indicator is on track: the straight line from its baseline to its target says where it should be by the
/// latest value's period; being at or beyond that point (in the indicator's direction) is on track. Without a baseline
/// before the latest value there is no line, and only "reached" can be said.
/// </summary>
public static class Trajectory
{
    public sealed record Assessment(TrackStatus? Status, decimal? Expected);

    public static Assessment Assess(MarkView? baseline, MarkView target, ValueView latest, IndicatorDirection direction)
    {
        bool AtLeast(decimal value, decimal mark) => direction == IndicatorDirection.HigherIsBetter ? value >= mark : value <= mark;
        if (AtLeast(latest.Value, target.Value)) return new(TrackStatus.Reached, null);
        if (baseline is null) return new(null, null);
        var start = Periods.Span(baseline.Period).To.DayNumber;
        var end = Periods.Span(target.Period).To.DayNumber;
        var now = Periods.Span(latest.Period).To.DayNumber;
        if (end <= start || now < start) return new(null, null);
        var expected = baseline.Value + (target.Value - baseline.Value) * Math.Min(1m, (decimal)(now - start) / (end - start));
        return new(AtLeast(latest.Value, expected) ? TrackStatus.OnTrack : TrackStatus.OffTrack, Math.Round(expected, 2));
    }
}
