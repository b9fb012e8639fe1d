using Himaya.Features.Community;
using Shouldly;

namespace Himaya.Tests.Community;

/// <summary>A proposal is decided once: a case opened from it, or declined with a reason.</summary>
public sealed class CaseProposalTests
{
    private static CaseProposal Open() => new() { ChildId = Guid.NewGuid(), DistrictCode = "C-GAN", Source = "screening", Summary = "score 7" };

    [Fact]
    public void A_proposal_declined_needs_a_reason_and_cannot_then_open_a_case()
    {
        var p = Open();
        p.Decline("  ", 5, DateTime.UtcNow)!.Field.ShouldBe("reason");
        p.Status.ShouldBe(ProposalStatus.Open);
        p.Decline(new string('x', 1001), 5, DateTime.UtcNow)!.Code.ShouldBe("field.too-long");
        p.Decline(" Already followed by the NGO. ", 5, DateTime.UtcNow).ShouldBeNull();
        (p.Status, p.DeclineReason, p.DecidedById).ShouldBe((ProposalStatus.Declined, "Already followed by the NGO.", (int?)5));
        p.CaseOpened(Guid.NewGuid(), 6, DateTime.UtcNow)!.Code.ShouldBe("community.proposal-decided");
        p.CaseId.ShouldBeNull();
    }

    [Fact]
    public void A_proposal_whose_case_is_opened_keeps_the_case_and_cannot_be_declined()
    {
        var p = Open();
        var id = Guid.NewGuid();
        p.CaseOpened(id, 6, DateTime.UtcNow).ShouldBeNull();
        (p.Status, p.CaseId).ShouldBe((ProposalStatus.CaseOpened, (Guid?)id));
        p.Decline("late", 6, DateTime.UtcNow)!.Code.ShouldBe("community.proposal-decided");
    }
}
