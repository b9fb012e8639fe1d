namespace Himaya.Features.Institutions;

/// <summary>What kind of place keeps children: residential care of several sizes and schools, or deprivation of liberty.</summary>
public enum InstitutionKind { ChildrensHome, SmallGroupHome, BoardingSchool, SpecialSchool, PreTrialDetention, CorrectionalFacility }

/// <summary>Whether the institution knew of the visit beforehand; a follow-up visit checks earlier recommendations.</summary>
public enum VisitKind { Announced, Unannounced, FollowUp }

/// <summary>A visit is open while the monitors record it; once reported it no longer changes.</summary>
public enum VisitStatus { Open, Reported }

/// <summary>What the monitors saw for one checklist item.</summary>
public enum CheckAnswer { Met, PartlyMet, NotMet, NotSeen }

/// <summary>Who was interviewed in private.</summary>
public enum Interviewee { Child, Staff, Parent, Other }

public enum FindingSeverity { Low, Medium, High, Urgent }

/// <summary>
/// Where a recommendation stands: open; the authority reports work on it, implementation, or that it does not accept it;
/// the monitors verify an implementation (or open it again).
/// </summary>
public enum FollowUpStatus { Open, InProgress, Implemented, Verified, NotAccepted }
