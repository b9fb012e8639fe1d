using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Registry.Pages;

/// <summary>A child's record, its history and who looked at it; other features add their sections (RegistrySlots.ChildProfile).</summary>
public sealed class ChildProfileModel(ChildRecords records, AdminUnits units) : HimayaPage
{
    public ChildDto Child { get; private set; } = null!;
    public IReadOnlyList<RecordChange> History { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Access { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        var outcome = await records.GetAsync(Me, id, ct);
        if (outcome is Outcome<Child>.Forbidden) return ForbiddenPage();
        if (outcome is not Outcome<Child>.Ok ok) return NotFoundPage();
        Child = ChildMapping.ToDto(ok.Value, units, Today, Culture);
        History = await records.HistoryAsync(id, ct);
        Access = await records.AccessLogAsync(id, ct);
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var outcome = await records.DeleteAsync(Me, id, ct);
        return outcome switch
        {
            Outcome<bool>.Ok => Redirect("/children"),
            Outcome<bool>.Forbidden => ForbiddenPage(),
            _ => NotFoundPage(),
        };
    }

    public AdminUnits Units => units;
    public bool CanEdit => Me.Can(Permission.WriteRegistry);
    public bool CanDelete => Me.Can(Permission.DeleteRegistry);
}
