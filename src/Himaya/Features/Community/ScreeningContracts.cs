namespace Himaya.Features.Community;

public sealed record ScreeningInput(string? Instrument, DateOnly? Date, Dictionary<string, string>? Answers, int? Version = null, int? ProgrammeId = null);

public sealed record ScreeningView(Guid Id, Guid ChildId, string Instrument, int Version, DateOnly Date, int AgeMonths, int Score, int Threshold, bool Concern,
    IReadOnlyDictionary<string, string> Answers, Guid? ProposalId, Guid? ContactId);

public sealed record InstrumentView(string Code, int Version, string Title, ActivityType Activity, int Threshold, bool ProposesCase,
    IReadOnlyList<AnswerView> Answers, IReadOnlyList<ItemView> Items);

public sealed record AnswerView(string Code, int Score, string Text);

public sealed record ItemView(string Code, string Text, int FromMonths, int ToMonths, int Weight);

public sealed record ProposalView(Guid Id, Guid ChildId, string ChildName, string DistrictCode, string Source, string Summary, ProposalStatus Status,
    Guid? CaseId, string? DeclineReason, DateTime At);

/// <summary>Opening the proposed case: the Cases opening's fields; the reason defaults to the proposal's summary (the answers carried over).</summary>
public sealed record OpenProposedCaseInput(IReadOnlyList<string>? Concerns, string? Risk, int? OwnerId = null, int? SupervisorId = null, string? Reason = null);

public sealed record DeclineInput(string? Reason);
