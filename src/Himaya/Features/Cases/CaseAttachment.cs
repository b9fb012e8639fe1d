namespace Himaya.Features.Cases;

/// <summary>
/// A document attached to a case. The file lives outside the database (<see cref="CaseAttachments"/>' directory, named by
/// <see cref="Id"/>, never by the uploaded name); its type is checked from its first bytes, not trusted from the name.
/// </summary>
public sealed class CaseAttachment
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public string? Description { get; set; }
    public bool Sensitive { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
}
