using Himaya.Platform;

namespace Himaya.Features.Violence;

/// <summary>The refusals of violence reporting and response, each with a stable code; texts as <c>Error.&lt;code&gt;</c> in Texts.json.</summary>
public static class VacErrors
{
    public static Refusal TypeRequired() => Refusal.OnField("vac.type-required", "type");
    public static Refusal DescriptionRequired() => Refusal.OnField("vac.description-required", "description");
    public static Refusal DistrictRequired() => Refusal.OnField("vac.district-required", "districtCode");
    public static Refusal ApproximateAge(string field) => Refusal.OnField("vac.approximate-age", field);
    public static Refusal NotAChild(string field) => Refusal.OnField("vac.not-a-child", field);
    public static Refusal Phone(string field) => Refusal.OnField("vac.phone", field);
    public static Refusal TooManyReports() => Refusal.Of("vac.too-many-reports", "$");
    public static Refusal Closed() => Refusal.Of("vac.closed", "status");
    public static Refusal AlreadyAssigned() => Refusal.OnField("vac.already-assigned", "workerId");
    public static Refusal NotAWorkerHere() => Refusal.OnField("vac.not-a-worker-here", "workerId");
    public static Refusal ActionBeforeIncident() => Refusal.OnField("vac.action-before-incident", "on");
    public static Refusal RemovalNeedsCase() => Refusal.OnField("vac.removal-needs-case", "kind");
    public static Refusal CloseNeedsAction() => Refusal.OnField("vac.close-needs-action", "reason");
    public static Refusal CloseNeedsCase() => Refusal.OnField("vac.close-needs-case", "reason");
    public static Refusal CaseOfOtherChild() => Refusal.OnField("vac.case-of-other-child", "caseId");
    public static Refusal NoSuchChild() => Refusal.OnField("vac.no-such-child", "childId");
    public static Refusal NoSuchCase() => Refusal.OnField("vac.no-such-case", "caseId");
    public static Refusal CaseClosed() => Refusal.OnField("vac.case-closed", "caseId");
    public static Refusal DueBeforeMeeting() => Refusal.OnField("vac.due-before-meeting", "dueOn");
    public static Refusal NotOnAgenda() => Refusal.OnField("vac.not-on-agenda", "reportId");
    public static Refusal NoteRequired() => Refusal.OnField("vac.note-required", "note");
    public static Refusal ChangedSince(int yours, int current) => Refusal.Of("vac.changed-since", "version", yours, current);
    public static Refusal VersionRequired() => Refusal.OnField("vac.version-required", "version");
    public static Refusal MemberAlreadyLeft() => Refusal.Of("vac.member-left", "memberId");
    public static Refusal LeftBeforeJoined() => Refusal.OnField("vac.left-before-joined", "leftOn");
    public static Refusal FollowUpDone() => Refusal.Of("vac.follow-up-done", "decisionId");
    public static Refusal NoSuchOwner() => Refusal.OnField("vac.no-such-owner", "ownerUserId");
    public static Refusal ChildNotConfirmed() => Refusal.Of("vac.child-not-confirmed", "childId");
    public static Refusal ChildAlreadyConfirmed() => Refusal.Of("vac.child-already-confirmed", "childId");
    public static Refusal CaseAlreadyLinked() => Refusal.Of("vac.case-already-linked", "caseId");
    public static Refusal PossibleDuplicates(int count) => Refusal.Of("vac.possible-duplicates", "confirmNew", count);
    public static Refusal LookupNeedsNameOrPhone(string field = "surname") => Refusal.OnField("vac.lookup-needs-name-or-phone", field);
    public static Refusal PhoneLookupNotAllowed() => Refusal.OnField("vac.phone-lookup-not-allowed", "phone");
    public static Refusal EscalatedMeOnly() => Refusal.OnField("vac.escalated-me-only", "escalated");
    public static Refusal UnknownDimension(string by) => Refusal.OnField("vac.unknown-dimension", "by", by);
    public static Refusal TooManyDimensions() => Refusal.OnField("vac.too-many-dimensions", "by");
}
