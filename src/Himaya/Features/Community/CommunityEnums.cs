namespace Himaya.Features.Community;

/// <summary>What a programme does with children and families, one light contact at a time.</summary>
public enum ActivityType { CounsellingSession, HomeVisit, GroupSession, PreschoolSupport, OutreachAssessment, YouthSession, MhpssSession }
