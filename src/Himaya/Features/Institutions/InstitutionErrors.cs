using Himaya.Platform;

namespace Himaya.Features.Institutions;

/// <summary>The refusals of the institution register and its monitoring visits.</summary>
public static class InstitutionErrors
{
    public static Refusal Capacity(int max) => Refusal.OnField("institution.capacity", "capacity", max);
    public static Refusal NameTaken() => Refusal.OnField("institution.name-taken", "name");
    public static Refusal OutsideScope() => Refusal.OnField("institution.outside-scope", "districtCode");
    public static Refusal VisitReported() => Refusal.Of("institution.visit-reported", "status");
    public static Refusal ChecklistIncomplete(int missing) => Refusal.OnField("institution.checklist-incomplete", "checklist", missing);
    public static Refusal UnknownItem(string field, string item) => Refusal.OnField("institution.unknown-item", field, item);
    public static Refusal ItemTwice() => Refusal.OnField("institution.item-twice", "answers");
    public static Refusal NoteNeeded(string field) => Refusal.OnField("institution.note-needed", field);
    public static Refusal ConsentNeeded() => Refusal.OnField("institution.consent-needed", "consent");
    public static Refusal AgeGroup(string groups) => Refusal.OnField("institution.age-group", "ageGroup", groups);
    public static Refusal AgeGroupForChildren() => Refusal.OnField("institution.age-group-children", "ageGroup");
    public static Refusal ResponseStatus() => Refusal.OnField("institution.response-status", "status");
    public static Refusal FollowUpClosed(FollowUpStatus status) => Refusal.Of("institution.follow-up-closed", "status", status);
    public static Refusal AwaitsVerification() => Refusal.Of("institution.awaits-verification", "status");
    public static Refusal SameStatus(FollowUpStatus status) => Refusal.Of("institution.same-status", "status", status);
    public static Refusal NothingToVerify(FollowUpStatus status) => Refusal.Of("institution.nothing-to-verify", "status", status);
    public static Refusal DueBeforeVisit() => Refusal.OnField("institution.due-before-visit", "dueOn");
    public static Refusal Stale() => Refusal.Of("institution.stale", "version");
}
