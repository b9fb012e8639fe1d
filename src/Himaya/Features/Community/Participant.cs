namespace Himaya.Features.Community;

/// <summary>
/// A child taking part in a programme: added from the registry, or registered where the programme met them. A provider's
/// staff work with their programmes' participants (names, birth date, sex, screenings, visits) without seeing the rest
/// of the registry (<see cref="CommunityScope"/>).
/// </summary>
public sealed class Participant
{
    public int ProgrammeId { get; set; }
    public Guid ChildId { get; set; }
    /// <summary>Registered by this programme (quick registration), not found in the registry.</summary>
    public bool RegisteredHere { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
}
