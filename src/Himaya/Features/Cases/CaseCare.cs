using Himaya.Platform;

namespace Himaya.Features.Cases;

/// <summary>
/// The rules of alternative care on a case (an open one: <see cref="CanAddRecords"/>): no child enters residential care without
/// a gatekeeping panel of this case having decided so, and not before the panel met; a placement starts no earlier than
/// the child's current one; a child goes home once the visits of an earlier reunification are done. What each step
/// records (placements, visits, the child's care arrangement) is the use case's (<see cref="AlternativeCareWork"/>).
/// </summary>
public sealed partial class Case
{
    /// <summary>
    /// <paramref name="gatekeeping"/>: the panel decision the placement rests on (for residential care), if any;
    /// <paramref name="current"/>: the child's current placement, if any. A start before it is a field error.
    /// </summary>
    public Refusal? CanPlace(PlacementType type, DateOnly startOn, GatekeepingDecision? gatekeeping, Placement? current)
    {
        if (type == PlacementType.ResidentialInstitution)
        {
            if (gatekeeping is not { Decision: "residential" } || gatekeeping.CaseId != Id) return CareErrors.ResidentialNeedsGatekeeping();
            if (gatekeeping.PanelOn > startOn) return CareErrors.PlacementBeforeGatekeeping();
        }
        return current is not null && current.StartOn > startOn ? CareErrors.StartsBeforeCurrent() : null;
    }

    /// <summary>A return home dated before the current placement began is a field error; open visits of an earlier one, a conflict.</summary>
    public Refusal? CanReunify(DateOnly reunifiedOn, Placement? current, bool visitsStillOpen) =>
        current is not null && current.StartOn > reunifiedOn ? CareErrors.ReunifiedBeforePlacement()
        : visitsStillOpen ? CareErrors.VisitsStillOpen()
        : null;
}
