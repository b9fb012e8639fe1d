using System.Text.Json;
using Himaya.Platform;

namespace Himaya.Features.Services;

/// <summary>Where a provider's proposed change to a public service stands.</summary>
public enum ChangeStatus { Waiting, Approved, Returned, Withdrawn }

/// <summary>
/// A change to the public facts of a public service, proposed by its provider's staff: the public keeps seeing the
/// service as it is until a coordinator approves the change (then applied) or returns it with a reason (then kept as
/// history, unapplied). One change waits per service at a time; a new proposal replaces the one still waiting.
/// </summary>
public sealed class ServiceChange
{
    public long Id { get; set; }
    public int ServiceId { get; set; }
    public ChangeStatus Status { get; set; }
    /// <summary>The proposed <see cref="ServiceFacts"/> as JSON: the facts are read and applied whole, never queried one by one.</summary>
    public required string Proposed { get; set; }
    public int ProposedById { get; set; }
    public DateTime ProposedAt { get; set; }
    public int? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? Reason { get; set; }

    public static ServiceChange Of(ServiceFacts facts, int by, DateTime at) =>
        new() { Status = ChangeStatus.Waiting, Proposed = Write(facts), ProposedById = by, ProposedAt = at };

    public ServiceFacts Facts() => JsonSerializer.Deserialize<ServiceFacts>(Proposed, Json.Options)!;

    internal void Replace(ServiceFacts facts, int by, DateTime at) => (Proposed, ProposedById, ProposedAt) = (Write(facts), by, at);

    internal void Decide(ChangeStatus outcome, int? by, DateTime at, string? reason) => (Status, DecidedById, DecidedAt, Reason) = (outcome, by, at, reason);

    private static string Write(ServiceFacts facts) => JsonSerializer.Serialize(facts, Json.Options);
}
