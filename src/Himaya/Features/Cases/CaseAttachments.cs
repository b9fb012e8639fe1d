using Himaya.Features.Identity;
using System.Security.Cryptography;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Himaya.Features.Cases;

public sealed class AttachmentOptions
{
    /// <summary>Where attachment files are kept (outside the database).</summary>
    public string Path { get; set; } = System.IO.Path.Combine("data", "attachments");
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, string? Description, bool Sensitive, DateTime At, string By);
public sealed record AttachmentFile(string FileName, string ContentType, Stream Content);

/// <summary>
/// Case documents: uploaded by the case's owner or supervisor, size-limited, type verified from the file's first bytes
/// (PDF, PNG, JPEG, Word and Excel documents), stored on disk under a generated name, read by whoever may read the case
/// (sensitive ones like sensitive notes). Uploads and downloads are audited.
/// </summary>
public sealed class CaseAttachments(AppDbContext db, AuditLog audit, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    private static readonly (string Extension, string ContentType, byte[] Magic)[] Kinds =
    [
        (".pdf", "application/pdf", "%PDF-"u8.ToArray()),
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".jpeg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]),
    ];

    public static string AllowedExtensions => string.Join(", ", Kinds.Select(k => k.Extension));

    public async Task<Outcome<AttachmentView>> AddAsync(CurrentUser user, Guid caseId, IFormFile? file, string? description, bool sensitive, CancellationToken ct)
    {
        if (!user.Can(Permission.WorkCases)) return new Outcome<AttachmentView>.Forbidden();
        var c = await db.Cases.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return new Outcome<AttachmentView>.NotFound();
        var e = new FieldErrors();
        var max = options.Value.MaxBytes;
        if (file is null || file.Length == 0) e.Add(AttachmentErrors.FileRequired());
        else if (file.Length > max) e.Add(AttachmentErrors.TooLarge(max / (1024 * 1024)));
        if (description is { Length: > 500 }) e.Add(PlatformErrors.TooLong("description", 500));
        var name = file is null ? "" : System.IO.Path.GetFileName(file.FileName).Trim();
        if (file is { Length: > 0 } && (name.Length is 0 or > 200 || name.Any(char.IsControl))) e.Add(AttachmentErrors.BadName());
        var kind = Kinds.FirstOrDefault(k => name.EndsWith(k.Extension, StringComparison.OrdinalIgnoreCase));
        if (file is { Length: > 0 } && e.IsEmpty && kind.Extension is null) e.Add(AttachmentErrors.TypeNotAccepted(AllowedExtensions));
        if (!e.IsEmpty) return new Outcome<AttachmentView>.Invalid(e);
        if (user.Id != c.OwnerId && user.Id != c.SupervisorId) return new Outcome<AttachmentView>.Forbidden(CaseErrors.OnlyOwnerOrSupervisorAddsDocuments());

        var id = Guid.CreateVersion7();
        var dir = Directory.CreateDirectory(options.Value.Path).FullName;
        var path = System.IO.Path.Combine(dir, id.ToString("N"));
        var temp = path + ".part";
        string hash;
        try
        {
            await using (var input = file!.OpenReadStream())
            await using (var output = File.Create(temp))
            {
                // The first bytes decide the type: a renamed executable is not a PDF.
                var head = new byte[8];
                var read = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
                if (read < kind.Magic.Length || !head.AsSpan(0, kind.Magic.Length).SequenceEqual(kind.Magic))
                    return Outcome<AttachmentView>.Refused(AttachmentErrors.ContentNotType(kind.Extension!));
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                sha.AppendData(head, 0, read);
                await output.WriteAsync(head.AsMemory(0, read), ct);
                var buffer = new byte[81920];
                int n;
                while ((n = await input.ReadAsync(buffer, ct)) > 0)
                {
                    sha.AppendData(buffer, 0, n);
                    await output.WriteAsync(buffer.AsMemory(0, n), ct);
                }
                hash = Convert.ToHexString(sha.GetHashAndReset());
            }
            File.Move(temp, path);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var attachment = new CaseAttachment
        {
            Id = id, CaseId = c.Id, FileName = name, ContentType = kind.ContentType, Size = file.Length, Sha256 = hash,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(), Sensitive = sensitive, At = now, ById = user.Id,
        };
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.CaseAttachments.Add(attachment);
            db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = now, ById = user.Id, Kind = "attachment", Detail = name + (sensitive ? "; sensitive" : "") });
            await db.SaveChangesAsync(ct);
            await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "case-attachment", id.ToString("D"), $"case={c.Id:D}; type={kind.Extension}; bytes={file.Length}"), ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            // The record did not land: neither does the file.
            File.Delete(path);
            throw;
        }
        return new AttachmentView(id, name, kind.ContentType, file.Length, attachment.Description, sensitive, now, user.UserName);
    }

    /// <summary>The file, when the user may read the case (and, if sensitive, sensitive content). Audited as an export.</summary>
    public async Task<Outcome<AttachmentFile>> OpenAsync(CurrentUser user, Guid caseId, Guid attachmentId, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadCases)) return new Outcome<AttachmentFile>.Forbidden();
        var c = await db.Cases.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        var a = c is null ? null : await db.CaseAttachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.CaseId == caseId, ct);
        if (c is null || a is null) return new Outcome<AttachmentFile>.NotFound();
        if (a.Sensitive && user.Id != c.OwnerId && user.Id != c.SupervisorId && !user.Can(Permission.ReadSensitiveNotes)) return new Outcome<AttachmentFile>.NotFound();
        var path = System.IO.Path.Combine(options.Value.Path, a.Id.ToString("N"));
        if (!File.Exists(path)) return new Outcome<AttachmentFile>.NotFound();
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Export, "case-attachment", a.Id.ToString("D"), $"case={caseId:D}"), ct);
        return new AttachmentFile(a.FileName, a.ContentType, File.OpenRead(path));
    }

    /// <summary>The case's attachments the user may see (the case view calls this after its own scope check).</summary>
    public async Task<(List<AttachmentView> Shown, int Hidden)> ListAsync(Guid caseId, bool readSensitive, CancellationToken ct)
    {
        var rows = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == caseId).OrderByDescending(a => a.At)
            .GroupJoin(db.Users, a => a.ById, u => u.Id, (a, us) => new { a, us })
            .SelectMany(x => x.us.DefaultIfEmpty(), (x, u) => new { x.a, UserName = u == null ? "" : u.UserName }).ToListAsync(ct);
        var shown = rows.Where(r => !r.a.Sensitive || readSensitive)
            .Select(r => new AttachmentView(r.a.Id, r.a.FileName, r.a.ContentType, r.a.Size, r.a.Description, r.a.Sensitive, r.a.At, r.UserName)).ToList();
        return (shown, rows.Count - shown.Count);
    }
}
