using Himaya.Features.Cases;

namespace Himaya.Tests.Cases;

/// <summary>A referral's loop on its own: every step from every status, no database.</summary>
public sealed class ReferralTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    private static Referral New() => new() { Reason = "Sleeps badly", ConsentBy = "Mother", Status = ReferralStatus.Sent, Version = 1 };

    /// <summary>A referral walked to <paramref name="status"/> by its own steps.</summary>
    private static Referral At(ReferralStatus status)
    {
        var r = New();
        var path = status switch
        {
            ReferralStatus.Sent => [],
            ReferralStatus.Accepted => [ReferralStep.Accept],
            ReferralStatus.Declined => [ReferralStep.Decline],
            ReferralStatus.Delivered => [ReferralStep.Accept, ReferralStep.Deliver],
            ReferralStatus.Completed => [ReferralStep.Accept, ReferralStep.Complete],
            _ => new[] { ReferralStep.Cancel },
        };
        foreach (var step in path) r.Take(step, "x", Now, 5).ShouldBeNull();
        r.Status.ShouldBe(status);
        return r;
    }

    private static string Snapshot(Referral r) => $"{r.Status}|{r.RespondedAt:o}|{r.RespondedById}|{r.DeclineReason}|{r.DeliveredAt:o}|{r.DeliveryNote}|{r.Outcome}|{r.CompletedAt:o}";

    public static TheoryData<ReferralStatus> Statuses() => [.. Enum.GetValues<ReferralStatus>()];

    [Theory, MemberData(nameof(Statuses))]
    public void Each_step_is_taken_only_from_the_statuses_it_follows_and_a_refused_one_changes_nothing(ReferralStatus status)
    {
        (ReferralStep Step, ReferralStatus[] From, ReferralStatus To)[] steps =
        [
            (ReferralStep.Accept, [ReferralStatus.Sent], ReferralStatus.Accepted),
            (ReferralStep.Decline, [ReferralStatus.Sent], ReferralStatus.Declined),
            (ReferralStep.Deliver, [ReferralStatus.Accepted, ReferralStatus.Delivered], ReferralStatus.Delivered),
            (ReferralStep.Complete, [ReferralStatus.Accepted, ReferralStatus.Delivered], ReferralStatus.Completed),
            (ReferralStep.Cancel, [ReferralStatus.Sent, ReferralStatus.Accepted, ReferralStatus.Delivered], ReferralStatus.Cancelled),
        ];
        foreach (var (step, from, to) in steps)
        {
            var r = At(status);
            var before = Snapshot(r);
            var refused = r.Take(step, "why", Now, 7);
            if (from.Contains(status))
            {
                refused.ShouldBeNull($"{step} when {status}");
                r.Status.ShouldBe(to);
            }
            else
            {
                refused.ShouldNotBeNull($"{step} when {status}");
                (refused.Code, refused.Field, refused.IsFieldError).ShouldBe(("referral.step-not-allowed", "status", false));
                refused.Message.ShouldBe($"A referral that is {status} cannot be {Referrals.Past(step)}.");
                Snapshot(r).ShouldBe(before, $"a refused {step} changed the referral");
            }
        }
    }

    [Fact]
    public void The_answer_records_who_and_when_and_deliveries_are_noted_one_after_another()
    {
        var r = New();
        r.Take(ReferralStep.Accept, null, Now, 7).ShouldBeNull();
        (r.RespondedAt, r.RespondedById).ShouldBe(((DateTime?)Now, (int?)7));
        r.Take(ReferralStep.Deliver, "First session", Now, 7).ShouldBeNull();
        r.Take(ReferralStep.Deliver, "Second session", Now.AddDays(7), 7).ShouldBeNull();
        (r.DeliveryNote, r.DeliveredAt).ShouldBe(("First session\n2026-12-10: Second session", (DateTime?)Now.AddDays(7)));
        r.Take(ReferralStep.Complete, "Sleeps well", Now.AddDays(8), 7).ShouldBeNull();
        (r.Outcome, r.CompletedAt, r.IsOpen).ShouldBe(("Sleeps well", (DateTime?)Now.AddDays(8), false));

        var declined = New();
        declined.Take(ReferralStep.Decline, "No places", Now, 9).ShouldBeNull();
        (declined.DeclineReason, declined.RespondedById, declined.IsOpen).ShouldBe(("No places", (int?)9, false));
    }

    [Fact]
    public void The_delivery_notes_keep_their_latest_characters()
    {
        var r = At(ReferralStatus.Accepted);
        r.Take(ReferralStep.Deliver, new string('a', 3990), Now, 7).ShouldBeNull();
        r.Take(ReferralStep.Deliver, "latest", Now, 7).ShouldBeNull();
        r.DeliveryNote!.Length.ShouldBe(Referral.MaxDeliveryNote);
        r.DeliveryNote.ShouldEndWith("2026-12-03: latest");
    }

    [Fact]
    public void An_answer_based_on_an_older_version_is_refused_with_both_versions()
    {
        var r = New();
        r.CheckVersion(1).ShouldBeNull();
        r.CheckVersion(0)!.Message.ShouldBe("The referral changed since you opened it (your version 0, current 1).");
    }

    [Fact]
    public void A_decline_for_lack_of_a_free_place_says_so_and_no_other_step_can()
    {
        var full = New();
        full.Take(ReferralStep.Decline, "No place until March", Now, 5, noCapacity: true).ShouldBeNull();
        (full.Status, full.DeclinedForCapacity).ShouldBe((ReferralStatus.Declined, true));
        var other = New();
        other.Take(ReferralStep.Decline, "Not our service", Now, 5).ShouldBeNull();
        other.DeclinedForCapacity.ShouldBeFalse();
        var accepted = New();
        accepted.Take(ReferralStep.Accept, null, Now, 5, noCapacity: true)!.Code.ShouldBe("referral.capacity-only-on-decline");
        accepted.Status.ShouldBe(ReferralStatus.Sent);
    }
}
