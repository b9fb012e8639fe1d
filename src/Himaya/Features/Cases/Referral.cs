using Himaya.Platform;

namespace Himaya.Features.Cases;

/// <summary>Open referrals are Sent, Accepted or Delivered; a case cannot close while it has any.</summary>
public enum ReferralStatus { Sent, Accepted, Declined, Delivered, Completed, Cancelled }

/// <summary>
/// A closed-loop referral from a case to a service: consent recorded when sent; the receiving service (users of its
/// agency) accepts or declines with a reason, records delivery and the outcome; the sender sees every step.
/// </summary>
public sealed class Referral
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public int ServiceId { get; set; }
    public required string Reason { get; set; }
    public bool ConsentGiven { get; set; }
    /// <summary>Who consented (the child, a parent or guardian), by name.</summary>
    public required string ConsentBy { get; set; }
    public DateOnly ConsentOn { get; set; }
    public ReferralStatus Status { get; set; }
    public DateTime SentAt { get; set; }
    public int SentById { get; set; }
    /// <summary>The service should accept or decline by then; later is overdue.</summary>
    public DateTime RespondBy { get; set; }
    /// <summary>The service should have delivered by then; later is overdue.</summary>
    public DateOnly? DueOn { get; set; }
    public string? DeclineReason { get; set; }
    /// <summary>Declined because the service had no free place: coverage counts these apart from other declines.</summary>
    public bool DeclinedForCapacity { get; set; }
    public DateTime? RespondedAt { get; set; }
    public int? RespondedById { get; set; }
    public string? DeliveryNote { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public string? Outcome { get; set; }
    public DateTime? CompletedAt { get; set; }
    public int Version { get; set; }

    public bool IsOpen => Status is ReferralStatus.Sent or ReferralStatus.Accepted or ReferralStatus.Delivered;

    /// <summary>An answer based on an older version of the referral is refused whole.</summary>
    public Refusal? CheckVersion(int version) => version != Version ? ReferralErrors.ChangedSince(version, Version) : null;

    /// <summary>
    /// The loop's steps: a sent referral is accepted or declined; an accepted one is delivered (again and again, each
    /// delivery noted) and completed; the sender cancels any open one. <paramref name="text"/>: the reason, what was
    /// delivered or the outcome.
    /// </summary>
    public Refusal? Take(ReferralStep step, string? text, DateTime now, int byId, bool noCapacity = false)
    {
        if (noCapacity && step != ReferralStep.Decline) return ReferralErrors.CapacityOnlyOnDecline();
        var allowed = step switch
        {
            ReferralStep.Accept or ReferralStep.Decline => Status == ReferralStatus.Sent,
            ReferralStep.Deliver or ReferralStep.Complete => Status is ReferralStatus.Accepted or ReferralStatus.Delivered,
            _ => IsOpen,
        };
        if (!allowed) return ReferralErrors.StepNotAllowed(Status, step);
        switch (step)
        {
            case ReferralStep.Accept: (Status, RespondedAt, RespondedById) = (ReferralStatus.Accepted, now, byId); break;
            case ReferralStep.Decline: (Status, RespondedAt, RespondedById, DeclineReason, DeclinedForCapacity) = (ReferralStatus.Declined, now, byId, text, noCapacity); break;
            case ReferralStep.Deliver:
                (Status, DeliveredAt) = (ReferralStatus.Delivered, now);
                DeliveryNote = DeliveryNote is null ? text : $"{DeliveryNote}\n{DateOnly.FromDateTime(now):yyyy-MM-dd}: {text}";
                if (DeliveryNote is { Length: > MaxDeliveryNote }) DeliveryNote = DeliveryNote[^MaxDeliveryNote..];
                break;
            case ReferralStep.Complete: (Status, Outcome, CompletedAt) = (ReferralStatus.Completed, text, now); break;
            default: (Status, Outcome, CompletedAt) = (ReferralStatus.Cancelled, text, now); break;
        }
        return null;
    }

    /// <summary>The delivery notes keep their latest characters.</summary>
    public const int MaxDeliveryNote = 4000;
}
