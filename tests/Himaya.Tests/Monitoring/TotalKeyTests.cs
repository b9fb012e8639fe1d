using Himaya.Features.Monitoring;
using Shouldly;

namespace Himaya.Tests.Monitoring;

/// <summary>A value is the total when it has no breakdown, or every dimension at SDMX's total code, as files often write it.</summary>
public sealed class TotalKeyTests
{
    [Theory]
    [InlineData("", true)] [InlineData("SEX=_T", true)] [InlineData("AGE=_T;SEX=_T", true)] [InlineData("SEX=F", false)] [InlineData("AGE=_T;SEX=M", false)]
    public void A_key_is_the_total_when_every_dimension_is_at_its_total_code(string key, bool total) => Disaggregations.IsTotal(key).ShouldBe(total);
}
