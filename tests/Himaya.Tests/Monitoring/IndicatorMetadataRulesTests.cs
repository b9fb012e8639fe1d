using System.Globalization;
using Himaya.Features.Monitoring;
using Himaya.Platform;
using Shouldly;

namespace Himaya.Tests.Monitoring;

/// <summary>An indicator's metadata rules: its status moves a step at a time; SDG targets and CRC articles as written.</summary>
public sealed class IndicatorMetadataRulesTests
{
    [Theory]
    [InlineData(IndicatorStatus.Draft, IndicatorStatus.Approved, true)] [InlineData(IndicatorStatus.Approved, IndicatorStatus.Published, true)]
    [InlineData(IndicatorStatus.Published, IndicatorStatus.Approved, true)] [InlineData(IndicatorStatus.Approved, IndicatorStatus.Draft, true)]
    [InlineData(IndicatorStatus.Draft, IndicatorStatus.Published, false)] [InlineData(IndicatorStatus.Published, IndicatorStatus.Draft, false)]
    [InlineData(IndicatorStatus.Draft, IndicatorStatus.Draft, true)]
    public void A_status_moves_one_step_at_a_time(IndicatorStatus from, IndicatorStatus to, bool allowed) => Indicator.CanMove(from, to).ShouldBe(allowed);

    [Theory]
    [InlineData("4.2", true)] [InlineData("4.2.2", true)] [InlineData("16.2.1", true)] [InlineData("5.a.1", true)] [InlineData("17.10", true)]
    [InlineData("18.1", false)] [InlineData("4", false)] [InlineData("4.2.2.1", false)] [InlineData("SDG 4.2", false)] [InlineData("0.1", false)]
    public void An_sdg_target_is_written_as_the_un_writes_it(string text, bool valid) => Indicator.IsSdgTarget(text).ShouldBe(valid);

    [Fact]
    public void Crc_articles_are_kept_in_order_once_each_and_only_from_1_to_54()
    {
        Indicator.CrcArticleList([29, 28, 28]).ShouldBe([28, 29]);
        Indicator.CrcArticleList(null).ShouldBe([]);
        Indicator.CrcArticleList([0]).ShouldBeNull();
        Indicator.CrcArticleList([55, 3]).ShouldBeNull();
    }
}
