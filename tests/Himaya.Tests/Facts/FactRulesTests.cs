using Himaya.Features.Facts;
using Shouldly;

namespace Himaya.Tests.Facts;

/// <summary>How a fact's value is read, and which source's word is current — without a database.</summary>
public sealed class FactRulesTests
{
    [Theory]
    [InlineData("enrolment", " notenrolled ", "NotEnrolled")]
    [InlineData("enrolment", "Maybe", null)]
    [InlineData("receivesTsa", "Bəli", "yes")]
    [InlineData("receivesTsa", "нет", "no")]
    [InlineData("receivesTsa", "2", null)]
    [InlineData("weightKg", "12,5", "12.5")]
    [InlineData("weightKg", "151", null)]
    [InlineData("householdSize", "4", "4")]
    [InlineData("householdSize", "4.5", null)]
    [InlineData("rooms", "", null)]
    public void A_value_is_read_in_its_stored_form_or_not_at_all(string code, string text, string? stored) =>
        FactCatalogue.Find(code)!.Read(text).ShouldBe(stored);

    private sealed record O(string Source, DateOnly On, DateTime At, string Value);

    [Fact]
    public void The_preferred_sources_newest_word_wins_else_the_newest_of_all()
    {
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        List<O> all =
        [
            new("School survey", new(2026, 10, 1), at, "NotEnrolled"),
            new("Ministry of Education", new(2026, 9, 1), at, "Enrolled"),
            new("Ministry of Education", new(2025, 9, 1), at, "DroppedOut"),
            new("Health visitor", new(2026, 10, 1), at.AddHours(1), "DroppedOut"),
        ];
        FactPrecedence.Current(all, "ministry of education", o => o.Source, o => o.On, o => o.At)!.Value.ShouldBe("Enrolled");
        // No preferred source, or it has said nothing: the newest by day, then by the moment received.
        FactPrecedence.Current(all, null, o => o.Source, o => o.On, o => o.At)!.Source.ShouldBe("Health visitor");
        FactPrecedence.Current(all, "Ministry of Health", o => o.Source, o => o.On, o => o.At)!.Source.ShouldBe("Health visitor");
        FactPrecedence.Current(new List<O>(), null, o => o.Source, o => o.On, o => o.At).ShouldBeNull();
        FactCatalogue.All.Select(f => f.Code).ShouldBeUnique();
    }
}
