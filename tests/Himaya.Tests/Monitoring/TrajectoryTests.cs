using System.Globalization;
using Himaya.Features.Monitoring;
using Himaya.Platform;
using Shouldly;

namespace Himaya.Tests.Monitoring;

/// <summary>On track or not: the straight line from baseline to target, read at the latest value's period.</summary>
public sealed class TrajectoryTests
{
    private static MarkView Mark(MarkKind kind, string period, decimal value) => new(kind, "AZE", period, value);
    private static ValueView Value(string period, decimal value) => new(period, "AZE", value, new Dictionary<string, string>(), null);

    [Fact]
    public void Preschool_enrolment_at_35_percent_in_2024_is_behind_the_line_from_14_in_2015_to_50_in_2026()
    {
        var a = Trajectory.Assess(Mark(MarkKind.Baseline, "2015", 14), Mark(MarkKind.Target, "2026", 50), Value("2024", 35), IndicatorDirection.HigherIsBetter);
        a.Status.ShouldBe(TrackStatus.OffTrack);
        // 14 + 36 × (days from the end of 2015 to the end of 2024) / (to the end of 2026): about 43.5.
        a.Expected!.Value.ShouldBe(43.45m, 0.05m);
    }

    [Theory]
    [InlineData(IndicatorDirection.HigherIsBetter, 45, TrackStatus.OnTrack)]
    [InlineData(IndicatorDirection.HigherIsBetter, 50, TrackStatus.Reached)]
    [InlineData(IndicatorDirection.LowerIsBetter, 20, TrackStatus.OnTrack)]
    [InlineData(IndicatorDirection.LowerIsBetter, 26, TrackStatus.OffTrack)]
    [InlineData(IndicatorDirection.LowerIsBetter, 9, TrackStatus.Reached)]
    public void The_direction_decides_which_side_of_the_line_is_on_track(IndicatorDirection direction, int latest, TrackStatus status)
    {
        var (baseline, target) = direction == IndicatorDirection.HigherIsBetter ? (14m, 50m) : (40m, 10m);
        Trajectory.Assess(Mark(MarkKind.Baseline, "2016", baseline), Mark(MarkKind.Target, "2026", target), Value("2021", latest), direction)
            .Status.ShouldBe(status);
    }

    [Fact]
    public void Without_a_baseline_only_a_reached_target_can_be_said()
    {
        Trajectory.Assess(null, Mark(MarkKind.Target, "2026", 50), Value("2024", 35), IndicatorDirection.HigherIsBetter).Status.ShouldBeNull();
        Trajectory.Assess(null, Mark(MarkKind.Target, "2026", 50), Value("2024", 51), IndicatorDirection.HigherIsBetter).Status.ShouldBe(TrackStatus.Reached);
        Trajectory.Assess(Mark(MarkKind.Baseline, "2025", 14), Mark(MarkKind.Target, "2026", 50), Value("2024", 35), IndicatorDirection.HigherIsBetter)
            .Status.ShouldBeNull("a value before the baseline has no line to be on");
    }
}
