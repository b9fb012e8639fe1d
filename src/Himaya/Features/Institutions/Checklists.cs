namespace Himaya.Features.Institutions;

/// <summary>
/// The standard visit checklists: one for residential care and schools (after the UN Guidelines for the Alternative Care
/// of Children), one for places of deprivation of liberty (after the UN Rules for the Protection of Juveniles Deprived of
/// their Liberty). Items are fixed codes, so visits compare over time; their texts are in the UI texts (Checklist.code).
/// </summary>
public static class Checklists
{
    public static readonly IReadOnlyList<string> Care =
    [
        "care.register", "care.plan", "care.contact", "care.education", "care.health", "care.complaints",
        "care.discipline", "care.privacy", "care.staff", "care.safety", "care.leaving",
    ];

    public static readonly IReadOnlyList<string> Detention =
    [
        "det.register", "det.separation", "det.review", "det.lawyer", "det.family", "det.education",
        "det.health", "det.force", "det.complaints", "det.conditions",
    ];

    public static bool IsDetention(InstitutionKind kind) => kind is InstitutionKind.PreTrialDetention or InstitutionKind.CorrectionalFacility;

    public static IReadOnlyList<string> For(InstitutionKind kind) => IsDetention(kind) ? Detention : Care;
}
