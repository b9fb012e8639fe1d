using Himaya.Features.Monitoring;
using Shouldly;

namespace Himaya.Tests.Monitoring;

/// <summary>An indicator's own rules: the codes SDMX and DHIS2 files can carry, and its name in the reader's language.</summary>
public sealed class IndicatorRulesTests
{
    [Theory]
    [InlineData("CME_MRY0T4", true)]
    [InlineData("ECD_CHLD_36-59M_EDU-PGM", true)]
    [InlineData("HIMAYA.CARE", true)]
    [InlineData("cme_mry0t4", false)]
    [InlineData("1CME", false)]
    [InlineData("CME MRY", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_code_starts_with_a_capital_and_holds_capitals_digits_and_three_marks(string? code, bool ok) => Indicator.IsCode(code).ShouldBe(ok);

    [Fact]
    public void A_code_is_at_most_sixty_characters() =>
        (Indicator.IsCode(new string('A', 60)), Indicator.IsCode(new string('A', 61))).ShouldBe((true, false));

    [Fact]
    public void The_name_is_the_readers_language_and_english_otherwise()
    {
        var i = new Indicator { Code = "X", NameAz = "az", NameEn = "en", NameRu = "ru" };
        (i.Name("az"), i.Name("ru"), i.Name("en"), i.Name("tr")).ShouldBe(("az", "ru", "en", "en"));
    }
}
