using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Audit.Pages;

/// <summary>The auditor's view of the trail: filter, page backwards, and verify the hash chain.</summary>
public sealed class AuditLogPageModel(AppDbContext db, AuditLog log) : HimayaPage
{
    public IReadOnlyList<AuditEntry> Items { get; private set; } = [];
    public AuditQuery Query { get; private set; } = new(null, null, null, null, null, null, null, 100);
    public AuditVerification? Verification { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? user, string? action, string? entityType, string? entityId, long? beforeId, CancellationToken ct)
    {
        if (!Me.Can(Permission.ReadAudit)) return ForbiddenPage();
        Query = new AuditQuery(Blank(user), Blank(action), Blank(entityType), Blank(entityId), null, null, beforeId, 100);
        Items = await AuditApi.Filter(db.AuditEntries.AsNoTracking(), Query).ToListAsync(ct);
        await log.RecordAsync(Me, new AuditEvent(AuditActions.Read, "audit", Detail: $"browse; returned={Items.Count}"), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (!Me.Can(Permission.ReadAudit)) return ForbiddenPage();
        Verification = await log.VerifyAndRecordAsync(Me, ct);
        Items = await AuditApi.Filter(db.AuditEntries.AsNoTracking(), Query).ToListAsync(ct);
        return Page();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
