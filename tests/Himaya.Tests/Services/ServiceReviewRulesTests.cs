using Himaya.Features.Services;
using Shouldly;

namespace Himaya.Tests.Services;

/// <summary>
/// The keeping rules on the service: who changes what at once, what waits for review as a pending change, and what a
/// reviewer's approval or return does to it.
/// </summary>
public sealed class ServiceReviewRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private const int Staff = 7, Coordinator = 3;

    private static Service Make(ServiceStatus status = ServiceStatus.Public) => new()
    {
        Id = 5, Name = "Day centre", Agency = "NGO", Status = status, MinAge = 3, MaxAge = 12, Phone = "+994 22 000 00 00", Capacity = 20, FreePlaces = 4,
        Types = [new ServiceTypeLink { ServiceId = 5, TypeCode = "day-care" }], Districts = [new ServiceDistrict { ServiceId = 5, DistrictCode = "C-GAN" }],
    };

    private static ServiceFacts With(Service s, Func<ServiceFacts, ServiceFacts> change) => change(s.CurrentFacts());

    [Fact]
    public void A_providers_change_to_public_facts_waits_and_the_public_keeps_the_old_ones_while_places_apply_at_once()
    {
        var s = Make();
        var done = s.Edit(With(s, f => f with { Phone = "+994 22 111 11 11", Types = ["day-care", "mhpss"] }), 20, 1, keeper: false, Staff, Now);
        done.Refused.ShouldBeNull();
        done.Done.ShouldBe("change proposed: types, phone; places 20/1");
        s.Phone.ShouldBe("+994 22 000 00 00");
        s.Types.Select(t => t.TypeCode).ShouldBe(["day-care"]);
        s.FreePlaces.ShouldBe(1);
        var waiting = s.WaitingChange().ShouldNotBeNull();
        waiting.Facts().Phone.ShouldBe("+994 22 111 11 11");
        waiting.ProposedById.ShouldBe(Staff);
        s.WaitsForReview().ShouldBeTrue();
        s.Status.ShouldBe(ServiceStatus.Public);
    }

    [Fact]
    public void A_second_proposal_replaces_the_waiting_one_and_proposing_the_public_facts_withdraws_it()
    {
        var s = Make();
        s.Edit(With(s, f => f with { Phone = "1" }), 20, 4, false, Staff, Now);
        s.Edit(With(s, f => f with { Phone = "2" }), 20, 4, false, Staff, Now.AddHours(1));
        s.Changes.Count.ShouldBe(1);
        s.WaitingChange()!.Facts().Phone.ShouldBe("2");
        s.Edit(s.CurrentFacts(), 20, 4, false, Staff, Now.AddHours(2)).Done.ShouldBe("change withdrawn");
        s.WaitingChange().ShouldBeNull();
        s.Changes.Single().Status.ShouldBe(ChangeStatus.Withdrawn);
        s.Edit(s.CurrentFacts(), 20, 3, false, Staff, Now).Done.ShouldBe("edited; places 20/3");
        s.Changes.Count.ShouldBe(1);
    }

    [Fact]
    public void A_keepers_edit_applies_at_once_and_leaves_a_providers_waiting_change()
    {
        var s = Make();
        s.Edit(With(s, f => f with { Phone = "1" }), 20, 4, false, Staff, Now);
        var done = s.Edit(With(s, f => f with { Name = "Day centre No. 1", Districts = ["C-GAN", "R-GOY"] }), 25, 4, keeper: true, Coordinator, Now);
        done.Done.ShouldBe("edited: name, districts; places 25/4");
        s.Name.ShouldBe("Day centre No. 1");
        s.Districts.Select(d => d.DistrictCode).ShouldBe(["C-GAN", "R-GOY"], ignoreOrder: true);
        s.WaitingChange().ShouldNotBeNull();
    }

    [Fact]
    public void Approving_applies_the_change_and_returning_discards_it_with_the_reason()
    {
        var s = Make();
        s.Edit(With(s, f => f with { Phone = "+994 22 111 11 11", AgeMax = 14, Languages = ["az", "ru"] }), 20, 4, false, Staff, Now);
        s.Approve(Coordinator, Now).Done.ShouldBe("change approved: ageMax, phone, languages");
        (s.Phone, s.MaxAge, s.Languages).ShouldBe(("+994 22 111 11 11", 14, "az,ru"));
        s.Changes.Single().Status.ShouldBe(ChangeStatus.Approved);
        s.Changes.Single().DecidedById.ShouldBe(Coordinator);

        s.Edit(With(s, f => f with { Address = "Somewhere else" }), 20, 4, false, Staff, Now);
        s.Return("The address is the head office, not the centre.", Coordinator, Now).Done.ShouldBe("change returned");
        s.Address.ShouldBeNull();
        s.ReviewNote.ShouldBe("The address is the head office, not the centre.");
        var returned = s.Changes.Single(c => c.Status == ChangeStatus.Returned);
        returned.Reason.ShouldBe("The address is the head office, not the centre.");
        s.WaitsForReview().ShouldBeFalse();
        // Proposing again clears the note: the reviewer's reason was answered.
        s.Edit(With(s, f => f with { Address = "Centre, 1 Main street" }), 20, 4, false, Staff, Now);
        s.ReviewNote.ShouldBeNull();
    }

    [Fact]
    public void A_new_service_is_approved_to_public_or_returned_and_its_providers_fix_resubmits_it()
    {
        var s = Make(ServiceStatus.Pending);
        s.Return("Give the opening hours.", Coordinator, Now).Done.ShouldBe("returned");
        s.Status.ShouldBe(ServiceStatus.Returned);
        s.ReviewNote.ShouldBe("Give the opening hours.");
        s.Approve(Coordinator, Now).Refused!.Code.ShouldBe("services.nothing-to-review");
        // Not public yet: the provider's fix applies at once (no pending change) and it waits again.
        s.Edit(With(s, f => f with { OpeningHours = "Mon–Fri 9–17" }), 20, 4, false, Staff, Now).Done.ShouldBe("resubmitted: openingHours");
        s.OpeningHours.ShouldBe("Mon–Fri 9–17");
        s.Changes.ShouldBeEmpty();
        (s.Status, s.ReviewNote).ShouldBe((ServiceStatus.Pending, null));
        s.Approve(Coordinator, Now).Done.ShouldBe("approved: public");
        s.Status.ShouldBe(ServiceStatus.Public);
    }

    [Fact]
    public void Nothing_to_review_is_refused_without_changing_anything()
    {
        var s = Make();
        s.Approve(Coordinator, Now).Refused!.Code.ShouldBe("services.nothing-to-review");
        s.Return("x", Coordinator, Now).Refused!.Code.ShouldBe("services.nothing-to-review");
        (s.Status, s.ReviewNote, s.Changes.Count).ShouldBe((ServiceStatus.Public, null, 0));
    }

    [Fact]
    public void A_closed_service_takes_no_edits_until_reopened_and_closing_withdraws_a_waiting_change()
    {
        var s = Make();
        s.Edit(With(s, f => f with { Phone = "1" }), 20, 4, false, Staff, Now);
        s.Close(Staff, Now).Done.ShouldBe("closed");
        s.Changes.Single().Status.ShouldBe(ChangeStatus.Withdrawn);
        s.TakesReferrals.ShouldBeFalse();
        s.Close(Staff, Now).Refused!.Code.ShouldBe("services.already-closed");
        s.Edit(s.CurrentFacts(), 20, 4, true, Coordinator, Now).Refused!.Code.ShouldBe("services.closed-reopen-first");
        s.UpdatePlaces(20, 2).Refused!.Code.ShouldBe("services.closed-reopen-first");
        s.FreePlaces.ShouldBe(4);
        // Reopened by its provider it waits for review like a new one; by a keeper it is public at once.
        s.Reopen(keeper: false).Done.ShouldBe("reopened: waiting for review");
        s.Status.ShouldBe(ServiceStatus.Pending);
        s.Reopen(keeper: true).Refused!.Code.ShouldBe("services.not-closed");
        s.Close(Coordinator, Now);
        s.Reopen(keeper: true).Done.ShouldBe("reopened: public");
        s.Status.ShouldBe(ServiceStatus.Public);
    }

    [Fact]
    public void Facts_compare_by_what_they_say()
    {
        var s = Make();
        s.Languages = "ru,az";
        var same = s.CurrentFacts() with { Types = ["day-care"], Languages = ["az", "ru"] };
        same.Differences(s.CurrentFacts()).ShouldBeEmpty();
        ServiceFacts.Sorted(["ru", "az", "ru", " "]).ShouldBe(["az", "ru"]);
        (same with { Latitude = 40.68, Longitude = 46.36 }).Differences(s.CurrentFacts()).ShouldBe(["latitude", "longitude"]);
    }
}
