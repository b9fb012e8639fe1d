using Himaya.Platform;

namespace Himaya.Features.Community;

/// <summary>The refusals of programmes and their contacts.</summary>
public static class CommunityErrors
{
    public static Refusal ActivityNotRun(ActivityType activity) => Refusal.OnField("community.activity-not-run", "activityType", activity);
    public static Refusal DistrictNotCovered(string district, string field = "districtCode") => Refusal.OnField("community.district-not-covered", field, district);
    public static Refusal OutsideArea(string district) => Refusal.OnField("community.outside-area", "districtCode", district);
    public static Refusal Period(string field) => Refusal.OnField("community.period", field);
    public static Refusal TargetTwice(string field) => Refusal.OnField("community.target-twice", field);
    public static Refusal ChildrenRequired() => Refusal.OnField("community.children-required", "children");
    public static Refusal TooManyChildren(int max) => Refusal.OnField("community.too-many-children", "children", max);
    public static Refusal UnknownChild(string field) => Refusal.OnField("community.unknown-child", field);
    public static Refusal UnknownProject(string code) => Refusal.OnField("community.unknown-project", "project", code);
    public static Refusal ActivitiesRequired() => Refusal.OnField("community.activities-required", "activityTypes");
    public static Refusal DistrictsRequired() => Refusal.OnField("community.districts-required", "districts");
}
