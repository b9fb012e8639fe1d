namespace Himaya.Features.Violence;

/// <summary>What the report is about (the programme's categories; stored and sent by these names).</summary>
public enum ViolenceType
{
    Physical, Sexual, Emotional, Neglect, Exploitation, ChildLabour, Trafficking, ChildMarriage, OnlineAbuse, Bullying, Other,
}

/// <summary>How soon someone must respond (the contract's <c>riskLevel</c>).</summary>
public enum ReportRisk { Immediate, High, Medium, Low }

/// <summary>How the report came in.</summary>
public enum ReportChannel { Public, Hotline, Staff }

public enum ReportStatus { New, Assigned, Responding, Closed }

/// <summary>What was done in response.</summary>
public enum ResponseAction { HomeVisit, PoliceInvolvement, MedicalCare, Mhpss, SafetyPlan, RemovalToSafety }

public enum ReportClosure { Resolved, ReferredToCase, Unfounded, Duplicate, TransferredOut, NoContact }

/// <summary>Who must now act on a report whose first response is late: by the clock, first the supervisor, then the coordinator.</summary>
public enum Escalation { None, Supervisor, Coordinator }
