namespace Himaya.Features.Registry;

/// <summary>Per-record history: who changed which fields of a child or household, from what to what.</summary>
public sealed class RecordChange
{
    public long Id { get; set; }
    public required string EntityType { get; set; }
    public Guid EntityId { get; set; }
    public DateTime At { get; set; }
    public int UserId { get; set; }
    public string UserName { get; set; } = "";
    public required string Action { get; set; }
    /// <summary>JSON array of {field, from, to}.</summary>
    public string Changes { get; set; } = "[]";
}
