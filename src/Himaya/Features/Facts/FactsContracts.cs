namespace Himaya.Features.Facts;

/// <summary>
/// One observation of a child's fact as the API shows it; <paramref name="Current"/>: the one the child's value follows
/// (<see cref="FactPrecedence"/>); <paramref name="Conflicting"/>: other sources say something else than the current value.
/// </summary>
public sealed record FactView(string Fact, string Value, string Source, DateOnly ObservedOn, DateTime ReceivedAt, bool Current, bool Conflicting, Guid? ImportId);

public sealed record ChildFactsView(Guid ChildId, IReadOnlyList<FactView> Facts);

/// <summary>A fact's rule: the source that wins (null: the newest observation), and whether an administrator set it.</summary>
public sealed record FactRuleView(string Fact, string Kind, IReadOnlyList<string>? Choices, string? PreferredSource, bool Configured);

public sealed record FactRuleInput(string? PreferredSource);
