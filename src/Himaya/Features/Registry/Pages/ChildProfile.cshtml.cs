using Himaya.Features.Audit;
using Himaya.Features.Identity;
using Himaya.Features.Reference;
using Himaya.Features.Shared;
using Himaya.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Registry.Pages;

public sealed class ChildProfileModel(ChildRecords records, AdminUnits units, Himaya.Features.Linkage.Merges merges, Himaya.Features.Linkage.IntakeMatching matching) : HimayaPage
{
    public ChildDto Child { get; private set; } = null!;
    public IReadOnlyList<RecordChange> History { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Access { get; private set; } = [];
    public bool Saved { get; private set; }
    public IReadOnlyList<Himaya.Features.Linkage.ChildSource> Sources { get; private set; } = [];
    public IReadOnlyList<Himaya.Features.Linkage.MergeSummary> Merged { get; private set; } = [];
    /// <summary>For those who may merge: other records in their scope that are probably this child.</summary>
    public IReadOnlyList<(Child Child, double Probability)> Duplicates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        var outcome = await records.GetAsync(Me, id, ct);
        if (outcome is Outcome<Child>.Forbidden) return ForbiddenPage();
        if (outcome is not Outcome<Child>.Ok ok) return NotFoundPage();
        Child = ChildMapping.ToDto(ok.Value, units, Today, Culture);
        History = await records.HistoryAsync(id, ct);
        Access = await records.AccessLogAsync(id, ct);
        Saved = saved;
        Sources = await merges.SourcesAsync(id, ct);
        if (CanDelete)
        {
            Merged = await merges.ActiveMergesAsync(id, ct);
            var me = ok.Value;
            var input = new ChildInput { GivenName = me.GivenName, Surname = me.Surname, Patronymic = me.Patronymic, Sex = me.Sex, BirthDate = me.BirthDate,
                Fin = me.Fin, BirthCertificateNumber = me.BirthCertificateNumber, DistrictCode = me.DistrictCode };
            var (scored, _) = await matching.ScoreAsync(input, ct);
            var distinct = await merges.DistinctFromAsync(id, ct);
            var ids = scored.Where(x => x.P >= Himaya.Features.Linkage.IntakeMatching.ShowFrom && x.C.Id != id && !distinct.Contains(x.C.Id)).Select(x => x.C.Id).Take(5).ToList();
            var visible = await records.VisibleAsync(Me, ids, ct);
            Duplicates = [.. scored.Where(x => visible.ContainsKey(x.C.Id)).Select(x => (visible[x.C.Id], x.P))];
        }
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

    public async Task<IActionResult> OnPostMergeAsync(Guid id, Guid duplicateId, CancellationToken ct) =>
        await merges.MergeAsync(Me, id, new Himaya.Features.Linkage.MergeRequest(duplicateId), ct) switch
        {
            Outcome<Himaya.Features.Linkage.MergeSummary>.Ok => Redirect($"/children/{id}"),
            Outcome<Himaya.Features.Linkage.MergeSummary>.Forbidden => ForbiddenPage(),
            Outcome<Himaya.Features.Linkage.MergeSummary>.NotFound => NotFoundPage(),
            var other => await ShowErrorAsync(id, other, ct),
        };

    public async Task<IActionResult> OnPostDistinctAsync(Guid id, Guid otherId, CancellationToken ct)
    {
        switch (await merges.MarkDistinctAsync(Me, id, new Himaya.Features.Linkage.DistinctRequest(otherId), ct))
        {
            case Outcome<bool>.Ok: return Redirect($"/children/{id}");
            case Outcome<bool>.Forbidden: return ForbiddenPage();
            case Outcome<bool>.NotFound: return NotFoundPage();
            case Outcome<bool>.Invalid bad: Errors = bad.Errors; break;
        }
        var errors = Errors;
        var page = await OnGetAsync(id, false, ct);
        Errors = errors;
        return page;
    }

    public async Task<IActionResult> OnPostUnmergeAsync(Guid id, long mergeId, CancellationToken ct) =>
        await merges.UnmergeAsync(Me, id, new Himaya.Features.Linkage.UnmergeRequest(mergeId), ct) switch
        {
            Outcome<Himaya.Features.Linkage.MergeSummary>.Ok => Redirect($"/children/{id}"),
            Outcome<Himaya.Features.Linkage.MergeSummary>.Forbidden => ForbiddenPage(),
            Outcome<Himaya.Features.Linkage.MergeSummary>.NotFound => NotFoundPage(),
            var other => await ShowErrorAsync(id, other, ct),
        };

    public async Task<IActionResult> OnPostSplitAsync(Guid id, long sourceRecordId, CancellationToken ct)
    {
        switch (await merges.SplitAsync(Me, id, new Himaya.Features.Linkage.SplitRequest(sourceRecordId), ct))
        {
            case Outcome<Child>.Ok ok: return Redirect($"/children/{ok.Value.Id}?saved=true");
            case Outcome<Child>.Forbidden: return ForbiddenPage();
            case Outcome<Child>.NotFound: return NotFoundPage();
            case Outcome<Child>.Invalid bad: Errors = bad.Errors; break;
            case Outcome<Child>.Conflict c: Errors = FieldErrors.Single(c.Field, c.Message); break;
        }
        var errors = Errors;
        var page = await OnGetAsync(id, false, ct);
        Errors = errors;
        return page;
    }

    private async Task<IActionResult> ShowErrorAsync(Guid id, Outcome<Himaya.Features.Linkage.MergeSummary> outcome, CancellationToken ct)
    {
        Errors = outcome switch
        {
            Outcome<Himaya.Features.Linkage.MergeSummary>.Invalid bad => bad.Errors,
            Outcome<Himaya.Features.Linkage.MergeSummary>.Conflict c => FieldErrors.Single(c.Field, c.Message),
            _ => FieldErrors.Single("$", "Not done."),
        };
        var errors = Errors;
        var page = await OnGetAsync(id, false, ct);
        Errors = errors;
        return page;
    }

    public AdminUnits Units => units;
    public bool CanEdit => Me.Can(Permission.WriteRegistry);
    public bool CanDelete => Me.Can(Permission.DeleteRegistry);
}
