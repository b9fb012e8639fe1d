using System.Globalization;
using Himaya.Features.Monitoring;
using Himaya.Platform;
using Shouldly;

namespace Himaya.Tests.Monitoring;

/// <summary>The daily computation's clock: the next run at the hour in Baku (UTC+4), today if still ahead, else tomorrow.</summary>
public sealed class IndicatorScheduleTests
{
    [Theory]
    [InlineData("2026-12-03T16:00:00Z", 2, 6)]   // 20:00 in Baku → 02:00 tomorrow
    [InlineData("2026-12-03T21:30:00Z", 2, 0.5)] // 01:30 in Baku → 02:00 today
    [InlineData("2026-12-03T22:00:00Z", 2, 24)]  // 02:00 exactly → tomorrow's
    public void The_next_run_is_at_the_hour_in_baku(string utc, int hour, double hours) =>
        IndicatorSchedule.UntilNext(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture), hour).ShouldBe(TimeSpan.FromHours(hours));
}
