using Himaya.Features.Community;
using Himaya.Features.Registry;
using Shouldly;

namespace Himaya.Tests.Community;

/// <summary>When a child typed in is taken as a registered record without asking: the model sure of one, birth date and sex the same.</summary>
public sealed class ParticipantMatchTests
{
    private static readonly DateOnly Born = new(2022, 5, 5);

    [Fact]
    public void One_sure_record_with_the_same_birth_date_and_sex_is_taken()
    {
        Participants.Sure([(0.99, Born, Sex.F), (0.6, Born, Sex.F)], Born, Sex.F).ShouldBeTrue();
        Participants.Sure([(0.95, Born, Sex.F)], Born, Sex.F).ShouldBeTrue();
    }

    [Fact]
    public void A_born_a_year_apart_an_other_sex_two_sure_records_or_an_unsure_one_are_shown_instead()
    {
        Participants.Sure([(0.99, Born.AddYears(1), Sex.F)], Born, Sex.F).ShouldBeFalse();
        Participants.Sure([(0.99, Born, Sex.M)], Born, Sex.F).ShouldBeFalse();
        Participants.Sure([(0.99, Born, Sex.F), (0.97, Born, Sex.F)], Born, Sex.F).ShouldBeFalse();
        Participants.Sure([(0.94, Born, Sex.F)], Born, Sex.F).ShouldBeFalse();
        Participants.Sure([], Born, Sex.F).ShouldBeFalse();
    }
}
