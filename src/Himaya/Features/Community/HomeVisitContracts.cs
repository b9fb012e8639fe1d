namespace Himaya.Features.Community;

public sealed record EnrolInput(Guid? ChildId, DateOnly? EnrolledOn = null);

public sealed record HomeVisitInput(DateOnly? Date, bool? ImmunisationUpToDate, decimal? WeightKg, decimal? LengthCm, Dictionary<string, string>? Milestones,
    string? CaregiverWellbeing, string? HomeSafety, string? Notes = null);

/// <summary>A family on home visiting, with where its schedule stands today (the next visit, and how many were missed).</summary>
public sealed record EnrolmentView(Guid Id, int ProgrammeId, Guid ChildId, string ChildName, DateOnly BirthDate, string DistrictCode, int WorkerId,
    DateOnly EnrolledOn, DateOnly? EndedOn, IReadOnlyList<PointView> Schedule, string? EndReason = null);

/// <summary>A worker a family can be handed over to.</summary>
public sealed record WorkerChoice(int Id, string Name);

/// <summary>One point of the schedule: when it falls due, its window, what it checks, its status today and the visit that counted for it.</summary>
public sealed record PointView(int Months, DateOnly Due, DateOnly From, DateOnly Until, IReadOnlyList<VisitCheck> Checks, VisitStatus Status, VisitView? Visit);

public sealed record VisitView(Guid Id, DateOnly Date, int Months, bool? ImmunisationUpToDate, decimal? WeightKg, decimal? LengthCm, int? MilestonesNotMet,
    bool DevelopmentalConcern, Wellbeing CaregiverWellbeing, Safety HomeSafety, string? Notes, Guid? ProposalId);

/// <summary>A visit the worker must make now (due or overdue) or has missed lately, for "my work".</summary>
public sealed record VisitAlert(Guid EnrolmentId, Guid ChildId, string ChildName, int Months, DateOnly Due, VisitStatus Status);

public sealed record EndEnrolmentInput(DateOnly? EndedOn, string? Reason);

public sealed record ReassignInput(int? WorkerId);
