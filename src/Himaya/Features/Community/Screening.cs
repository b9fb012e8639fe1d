namespace Himaya.Features.Community;

/// <summary>
/// One screening of a child with a standard instrument: the version it was taken with, the answers as given (item code →
/// answer code, JSON), the score and whether it reached the instrument's threshold. Scores of one instrument over time
/// are a child's screenings of it in date order.
/// </summary>
public sealed class Screening
{
    public Guid Id { get; set; }
    public Guid ChildId { get; set; }
    public required string Instrument { get; set; }
    public int Version { get; set; }
    public DateOnly Date { get; set; }
    public int AgeMonths { get; set; }
    public required string Answers { get; set; }
    public int Score { get; set; }
    public bool Concern { get; set; }
    public int? ProgrammeId { get; set; }
    public Guid? ContactId { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
}
