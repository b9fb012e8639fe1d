using Himaya.Features.Cases;
using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Institutions;

/// <summary>
/// The register of residential care and detention institutions: kept by the authorities of each area
/// (<see cref="Permission.ManageInstitutions"/>), read by those who see the register in their area and by the monitors
/// of their mandate. Children held are counted from current placements and detentions; no child is named.
/// </summary>
public sealed class InstitutionRegister(AppDbContext db, AuditLog audit, AdminUnits units, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<InstitutionSummary>> CreateAsync(CurrentUser user, InstitutionInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageInstitutions)) return new Outcome<InstitutionSummary>.Forbidden();
        var (e, kind) = Check(user, r);
        if (e.IsEmpty && await NameTakenAsync(r.Name!, null, ct)) e.Add(InstitutionErrors.NameTaken());
        if (!e.IsEmpty) return new Outcome<InstitutionSummary>.Invalid(e);
        var i = new Institution { Name = "", DistrictCode = "", CreatedAt = Now };
        Apply(i, r, kind!.Value);
        db.Add(i);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Outcome<InstitutionSummary>.Invalid(new FieldErrors().Add(InstitutionErrors.NameTaken()));
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "institution", i.Id.ToString(), $"{i.Kind} {i.DistrictCode} capacity {i.Capacity}"), ct);
        await tx.CommitAsync(ct);
        return (await SummariesAsync([i], ct))[0];
    }

    public async Task<Outcome<InstitutionSummary>> UpdateAsync(CurrentUser user, int id, InstitutionInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageInstitutions)) return new Outcome<InstitutionSummary>.Forbidden();
        var i = await db.Set<Institution>().VisibleTo(user).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return new Outcome<InstitutionSummary>.NotFound();
        var (e, kind) = Check(user, r);
        if (r.Version is null) e.Add(PlatformErrors.Required("version"));
        if (e.IsEmpty && await NameTakenAsync(r.Name!, id, ct)) e.Add(InstitutionErrors.NameTaken());
        if (!e.IsEmpty) return new Outcome<InstitutionSummary>.Invalid(e);
        if (r.Version != i.Version) return Outcome<InstitutionSummary>.Refused(InstitutionErrors.Stale(), (await SummariesAsync([i], ct))[0]);
        Apply(i, r, kind!.Value);
        i.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<InstitutionSummary>.Refused(InstitutionErrors.Stale());
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "institution", i.Id.ToString(), $"{i.Kind} {i.DistrictCode} capacity {i.Capacity}"), ct);
        await tx.CommitAsync(ct);
        return (await SummariesAsync([i], ct))[0];
    }

    public async Task<Outcome<IReadOnlyList<InstitutionSummary>>> ListAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewInstitutions)) return new Outcome<IReadOnlyList<InstitutionSummary>>.Forbidden();
        var list = await db.Set<Institution>().AsNoTracking().VisibleTo(user).OrderBy(i => i.DistrictCode).ThenBy(i => i.Name).ToListAsync(ct);
        return new Outcome<IReadOnlyList<InstitutionSummary>>.Ok(await SummariesAsync(list, ct));
    }

    public async Task<Institution?> FindAsync(CurrentUser user, int id, CancellationToken ct) =>
        await db.Set<Institution>().AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(x => x.Id == id, ct);

    /// <summary>The register's rows with the children each holds now, its last visit and its open recommendations.</summary>
    public async Task<IReadOnlyList<InstitutionSummary>> SummariesAsync(IReadOnlyList<Institution> list, CancellationToken ct)
    {
        if (list.Count == 0) return [];
        var held = await HeldAsync(list, ct);
        var ids = list.Select(i => i.Id).ToList();
        var lastVisits = await db.Set<InstitutionVisit>().AsNoTracking().Where(v => ids.Contains(v.InstitutionId))
            .GroupBy(v => v.InstitutionId).Select(g => new { g.Key, Last = g.Max(v => v.VisitedOn) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var findings = await db.Set<VisitFinding>().AsNoTracking().Where(f => ids.Contains(f.InstitutionId)
            && VisitFinding.OpenStatuses.Contains(f.Status)).ToListAsync(ct);
        var today = DateOnly.FromDateTime(Now);
        return [.. list.Select(i =>
        {
            var h = held[i.Id];
            var own = findings.Where(f => f.InstitutionId == i.Id).ToList();
            return new InstitutionSummary(i.Id, i.Name, i.Kind, i.DistrictCode, i.Capacity, i.Operator, i.Address, h, i.Occupancy(h.Total),
                lastVisits.TryGetValue(i.Id, out var last) ? last : null, own.Count, own.Count(f => f.IsOverdue(today)), i.Version);
        })];
    }

    /// <summary>
    /// Current residential placements and detentions naming each institution, and the sex of those children. Read as
    /// rows and matched here, because the place is typed by case workers (see <see cref="Institution.Holds"/>).
    /// </summary>
    private async Task<Dictionary<int, ChildrenHeld>> HeldAsync(IReadOnlyList<Institution> list, CancellationToken ct)
    {
        var placed = await db.Placements.AsNoTracking().Where(p => p.EndOn == null
                && (p.Type == PlacementType.ResidentialInstitution || p.Type == PlacementType.SmallGroupHome))
            .Select(p => new { p.ChildId, Place = p.PlaceName }).ToListAsync(ct);
        var detained = await db.JusticeRecords.AsNoTracking().Where(j => j.DetainedFrom != null && j.DetainedUntil == null && j.DetentionPlace != null)
            .Join(db.Cases, j => j.CaseId, c => c.Id, (j, c) => new { c.ChildId, Place = j.DetentionPlace! }).ToListAsync(ct);
        var childIds = placed.Select(p => p.ChildId).Concat(detained.Select(d => d.ChildId)).Distinct().ToList();
        var sexes = childIds.Count == 0 ? [] : await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Sex, ct);
        return list.ToDictionary(i => i.Id, i =>
        {
            var inCare = placed.Where(p => i.Holds(p.Place)).Select(p => p.ChildId).Distinct().ToList();
            var inDetention = detained.Where(d => i.Holds(d.Place)).Select(d => d.ChildId).Distinct().ToList();
            var all = inCare.Union(inDetention).ToList();
            return new ChildrenHeld(all.Count, inCare.Count, inDetention.Count,
                all.Count(c => sexes.TryGetValue(c, out var s) && s == Sex.F), all.Count(c => sexes.TryGetValue(c, out var s) && s == Sex.M));
        });
    }

    private (FieldErrors, InstitutionKind?) Check(CurrentUser user, InstitutionInput r)
    {
        var e = new FieldErrors();
        e.Text("name", r.Name, 300);
        var kind = QueryParse.RequiredEnum<InstitutionKind>(e, "kind", r.Kind);
        var district = r.DistrictCode?.Trim();
        if (string.IsNullOrEmpty(district)) e.Add(PlatformErrors.Required("districtCode"));
        else if (!units.IsDistrict(district)) e.Add(PlatformErrors.UnknownDistrict("districtCode"));
        else if (!InstitutionScope.Answers(user, district)) e.Add(InstitutionErrors.OutsideScope());
        foreach (var refusal in Institution.Check(r.Capacity)) e.Add(refusal);
        e.Text("operator", r.Operator, 200, required: false).Text("address", r.Address, 300, required: false);
        return (e, kind);
    }

    private static void Apply(Institution i, InstitutionInput r, InstitutionKind kind)
    {
        i.Name = string.Join(' ', r.Name!.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        i.Kind = kind;
        i.DistrictCode = r.DistrictCode!.Trim();
        i.Capacity = r.Capacity!.Value;
        i.Operator = r.Operator?.Trim() ?? "";
        i.Address = r.Address?.Trim() ?? "";
    }

    private async Task<bool> NameTakenAsync(string name, int? except, CancellationToken ct)
    {
        var key = Institution.Key(name);
        var names = await db.Set<Institution>().AsNoTracking().Where(i => i.Id != except).Select(i => i.Name).ToListAsync(ct);
        return names.Any(n => Institution.Key(n) == key);
    }
}
