namespace Himaya.Features.Community;

/// <summary>What a programme does with children and families, one light contact at a time.</summary>
public enum ActivityType { CounsellingSession, HomeVisit, GroupSession, PreschoolSupport, OutreachAssessment, YouthSession, MhpssSession }

/// <summary>Who came for a child: counselling reaches young children through the adults who care for them.</summary>
public enum CaregiverRelation { Mother, Father, Grandparent, OtherRelative, FosterCarer, OtherCarer }
