using Himaya.Features.Community;
using Shouldly;

namespace Himaya.Tests.Community;

/// <summary>A family's leaving home visiting: once, on a day between its joining and today, with a reason.</summary>
public sealed class EnrolmentRulesTests
{
    private static readonly DateOnly Joined = new(2026, 3, 1);
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static HomeVisitEnrolment Enrolment() => new() { Id = Guid.NewGuid(), DistrictCode = "C-GAN", EnrolledOn = Joined };

    [Fact]
    public void A_family_leaves_on_a_day_with_a_reason_and_only_once()
    {
        var e = Enrolment();
        e.End(Joined, "  Moved  ", Today).ShouldBeEmpty();
        (e.EndedOn, e.EndReason).ShouldBe((Joined, "Moved"));
        e.End(Today, "Again", Today).Select(r => r.Code).ShouldBe(["community.enrolment-ended"]);
        (e.EndedOn, e.EndReason).ShouldBe((Joined, "Moved"));
    }

    [Theory]
    [InlineData(-1, "Moved", "endedOn", "community.end-before-enrolment")]
    [InlineData(93, "Moved", "endedOn", "field.future-date")]
    [InlineData(10, " ", "reason", "field.required")]
    public void A_bad_day_or_no_reason_is_named_and_nothing_changes(int days, string reason, string field, string code)
    {
        var e = Enrolment();
        var refusals = e.End(Joined.AddDays(days), reason, Today);
        refusals.Select(r => (r.Field, r.Code)).ShouldBe([(field, code)]);
        (e.EndedOn, e.EndReason).ShouldBe((null, null));
    }
}
