using Himaya.Platform;

namespace Himaya.Features.Community;

/// <summary>The refusals of programmes and their contacts.</summary>
public static class CommunityErrors
{
    public static Refusal ActivityNotRun(ActivityType activity) => Refusal.OnField("community.activity-not-run", "activityType", activity);
    public static Refusal DistrictNotCovered(string district, string field = "districtCode") => Refusal.OnField("community.district-not-covered", field, district);
    public static Refusal OutsideArea(string district, string field = "districtCode") => Refusal.OnField("community.outside-area", field, district);
    public static Refusal Period(string field) => Refusal.OnField("community.period", field);
    public static Refusal TargetTwice(string field) => Refusal.OnField("community.target-twice", field);
    public static Refusal ChildrenRequired() => Refusal.OnField("community.children-required", "children");
    public static Refusal TooManyChildren(int max) => Refusal.OnField("community.too-many-children", "children", max);
    public static Refusal UnknownChild(string field) => Refusal.OnField("community.unknown-child", field);
    public static Refusal UnknownProject(string code) => Refusal.OnField("community.unknown-project", "project", code);
    public static Refusal ActivitiesRequired() => Refusal.OnField("community.activities-required", "activityTypes");
    public static Refusal DistrictsRequired() => Refusal.OnField("community.districts-required", "districts");
    public static Refusal UnknownInstrument() => Refusal.OnField("community.unknown-instrument", "instrument");
    public static Refusal InstrumentNotForAge(string code) => Refusal.OnField("community.instrument-not-for-age", "instrument", code);
    public static Refusal ItemNotAsked(string field) => Refusal.OnField("community.item-not-asked", field);
    public static Refusal BeforeBirth(string field) => Refusal.OnField("community.before-birth", field);
    public static Refusal ProposalDecided() => Refusal.Of("community.proposal-decided", "status");
    public static Refusal AlreadyEnrolled() => Refusal.Of("community.already-enrolled", "childId");
    public static Refusal TooOldForHomeVisits() => Refusal.OnField("community.too-old-for-home-visits", "childId");
    public static Refusal OutsideSchedule() => Refusal.OnField("community.outside-schedule", "date");
    public static Refusal PointVisited(int months) => Refusal.Of("community.point-visited", "date", months);
    public static Refusal EnrolmentEnded() => Refusal.Of("community.enrolment-ended", "status");
    public static Refusal Measure(string field, decimal min, decimal max) => Refusal.OnField("community.measure", field, min, max);
    public static Refusal NotYourProgramme() => Refusal.Of("community.not-your-programme", "programmeId");
    public static Refusal ProbableMatch() => Refusal.Of("community.probable-match", "childId");
    public static Refusal UnknownProvider() => Refusal.OnField("community.unknown-provider", "providerId");
    public static Refusal EndBeforeEnrolment() => Refusal.OnField("community.end-before-enrolment", "endedOn");
    public static Refusal UnknownWorker() => Refusal.OnField("community.unknown-worker", "workerId");
    public static Refusal ProgrammeOutsideArea() => Refusal.Of("community.programme-outside-area", "districts");
    public static Refusal ActivityInUse(ActivityType activity) => Refusal.OnField("community.activity-in-use", "activityTypes", activity);
    public static Refusal DistrictInUse(string district) => Refusal.OnField("community.district-in-use", "districts", district);
    public static Refusal ChangedSince(int yours, int current) => Refusal.Of("community.changed-since", "version", yours, current);
    public static Refusal SavedAtSameMoment() => Refusal.Of("community.saved-at-same-moment", "version");
    public static Refusal ContactKeptByVisit() => Refusal.Of("community.contact-kept-by-visit", "contactId");
    public static Refusal ContactNotYours() => Refusal.Of("community.contact-not-yours", "contactId");
    public static Refusal ContactTooOld(int days) => Refusal.Of("community.contact-too-old", "contactId", days);
    public static Refusal UnknownProgramme() => Refusal.OnField("community.unknown-programme", "programmeId");
}
