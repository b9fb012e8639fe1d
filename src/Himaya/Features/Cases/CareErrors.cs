using Himaya.Platform;

namespace Himaya.Features.Cases;

/// <summary>The refusals of alternative care (gatekeeping, placements, reunification and its visits), each with a stable code.</summary>
public static class CareErrors
{
    public static Refusal ResidentialNeedsGatekeeping() => Refusal.Of("care.residential-needs-gatekeeping", "stage");
    public static Refusal PlacementBeforeGatekeeping() => Refusal.Of("care.placement-before-gatekeeping", "stage");
    public static Refusal PlacementEnded() => Refusal.Of("care.placement-ended", "stage");
    public static Refusal VisitsStillOpen() => Refusal.Of("care.visits-still-open", "stage");
    public static Refusal VisitRecorded() => Refusal.Of("care.visit-recorded", "stage");
    public static Refusal PanelOnRequired() => Refusal.OnField("care.panel-on-required", "panelOn");
    public static Refusal OptionsRequired() => Refusal.OnField("care.options-required", "optionsConsidered");
    public static Refusal UnknownOption(string option) => Refusal.OnField("care.unknown-option", "optionsConsidered", option);
    public static Refusal DecisionRequired(string options) => Refusal.OnField("care.decision-required", "decision", options);
    public static Refusal DecisionNotConsidered() => Refusal.OnField("care.decision-not-considered", "decision");
    public static Refusal PlacementTypeRequired() => Refusal.OnField("care.placement-type-required", "type");
    public static Refusal StartOnRequired() => Refusal.OnField("care.start-on-required", "startOn");
    public static Refusal FosterCarerRequired() => Refusal.OnField("care.foster-carer-required", "fosterCarerId");
    public static Refusal UnknownFosterCarer() => Refusal.OnField("care.unknown-foster-carer", "fosterCarerId");
    public static Refusal StartsBeforeCurrent() => Refusal.OnField("care.starts-before-current", "startOn");
    public static Refusal NoSuchPlacement() => Refusal.OnField("care.no-such-placement", "placementId");
    public static Refusal EndOnRequired() => Refusal.OnField("care.end-on-required", "endOn");
    public static Refusal EndBeforeStart() => Refusal.OnField("care.end-before-start", "endOn");
    public static Refusal ReunifiedOnRequired() => Refusal.OnField("care.reunified-on-required", "reunifiedOn");
    public static Refusal ReunifiedBeforePlacement() => Refusal.OnField("care.reunified-before-placement", "reunifiedOn");
    public static Refusal NoSuchVisit() => Refusal.OnField("care.no-such-visit", "visitId");
    public static Refusal VisitOnRequired() => Refusal.OnField("care.visit-on-required", "doneOn");
    public static Refusal VisitBeforeReunification() => Refusal.OnField("care.visit-before-reunification", "doneOn");
}
