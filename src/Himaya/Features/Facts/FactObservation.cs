namespace Himaya.Features.Facts;

/// <summary>
/// One source's word on one fact of a child: the value, who said it, when it was true (observed) and when Himaya heard
/// it (received), and the import that brought it (rolled back with it). A child's current value of a fact is chosen from
/// these by <see cref="FactPrecedence"/>; nothing overwrites another source's word.
/// </summary>
public sealed class FactObservation
{
    public long Id { get; set; }
    public Guid ChildId { get; set; }
    public required string Fact { get; set; }
    public required string Value { get; set; }
    public required string Source { get; set; }
    public DateOnly ObservedOn { get; set; }
    public DateTime ReceivedAt { get; set; }
    /// <summary>The import batch that brought it; null when it came another way.</summary>
    public Guid? BatchId { get; set; }
    public int ById { get; set; }
}

/// <summary>An administrator's choice of the source that wins for a fact (replacing the catalogue's default); none: the newest wins.</summary>
public sealed class FactRule
{
    public required string Fact { get; set; }
    public string? PreferredSource { get; set; }
    public DateTime ChangedAt { get; set; }
    public int ChangedById { get; set; }
}
