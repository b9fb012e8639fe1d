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
    public DateTime? RespondedAt { get; set; }
    public int? RespondedById { get; set; }
    public string? DeliveryNote { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public string? Outcome { get; set; }
    public DateTime? CompletedAt { get; set; }
    public int Version { get; set; }

    public bool IsOpen => Status is ReferralStatus.Sent or ReferralStatus.Accepted or ReferralStatus.Delivered;
}
