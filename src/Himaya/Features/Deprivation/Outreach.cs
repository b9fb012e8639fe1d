using Himaya.Features.Identity;
using Himaya.Platform;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Deprivation;

public sealed record StartOutreachRequest(Guid? ChildId, string? Note);
public sealed record CloseOutreachRequest(string? Status, string? Outcome);

public sealed record OutreachItem(Guid Id, Guid ChildId, string ChildName, int Age, string DistrictCode, string DistrictName, IReadOnlyList<string> Dimensions,
    IReadOnlyList<string> Reasons, string? Note, OutreachStatus Status, string? Outcome, string CreatedBy, DateTime CreatedAt, DateTime? ClosedAt);

/// <summary>
/// Outreach tasks: a worker starts one for a child on the most-deprived list; the district's workers see the open ones
/// and close them with an outcome. Scope is the child's: a task is seen and closed only by users who may see the child.
/// </summary>
public sealed class Outreach(AppDbContext db, AuditLog audit, AdminUnits units, Frameworks frameworks, TimeProvider clock)
{
    public async Task<Outcome<OutreachItem>> StartAsync(CurrentUser user, StartOutreachRequest r, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.WriteRegistry)) return new Outcome<OutreachItem>.Forbidden();
        var e = new FieldErrors();
        if (r.ChildId is null) e.Add(DeprivationErrors.OutreachChildRequired());
        if (r.Note is { Length: > 1000 }) e.Add(PlatformErrors.TooLong("note", 1000));
        if (!e.IsEmpty) return new Outcome<OutreachItem>.Invalid(e);
        var child = await db.Children.AsNoTracking().VisibleTo(user).Include(c => c.Household).FirstOrDefaultAsync(c => c.Id == r.ChildId, ct);
        if (child is null) return new Outcome<OutreachItem>.NotFound();
        if (await db.OutreachTasks.AnyAsync(t => t.ChildId == child.Id && t.Status == OutreachStatus.Open, ct))
            return Outcome<OutreachItem>.Refused(DeprivationErrors.OutreachAlreadyOpen());
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var age = Child.AgeOn(child.BirthDate, today);
        var framework = (await frameworks.FindAsync(null, null, ct))!;
        var group = framework.AgeGroups.FirstOrDefault(g => age >= g.MinAge && age <= g.MaxAge);
        var facts = MostDeprived.FactsOf(child);
        var (score, dims) = group is null ? (0, []) : MostDeprived.Score(group.Framework, [.. group.Framework.Indicators.Select(i => framework.Indicator(i)!)], facts, age);
        var task = new OutreachTask
        {
            Id = Guid.CreateVersion7(), ChildId = child.Id, DistrictCode = child.DistrictCode, Dimensions = string.Join(',', dims),
            Reasons = string.Join(',', MostDeprived.Reasons(child, facts, age, score)), Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
            Status = OutreachStatus.Open, CreatedById = user.Id, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.OutreachTasks.Add(task);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another task for this child was opened at the same moment (the unique index on open tasks refused this one).
            return Outcome<OutreachItem>.Refused(DeprivationErrors.OutreachAlreadyOpen());
        }
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Create, "outreach-task", task.Id.ToString("D"), "child=" + ChildRecords.Id(child.Id)), ct);
        return new Outcome<OutreachItem>.Ok((await ItemsAsync(user, db.OutreachTasks.Where(t => t.Id == task.Id), culture, ct)).Single());
    }

    public async Task<Outcome<List<OutreachItem>>> ListAsync(CurrentUser user, OutreachStatus? status, string? district, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadPersonalData)) return new Outcome<List<OutreachItem>>.Forbidden();
        if (district is { Length: > 0 } d && units.Find(d) is null) return new Outcome<List<OutreachItem>>.Invalid(new FieldErrors().Add(PlatformErrors.UnknownDistrict("district")));
        var q = db.OutreachTasks.AsQueryable();
        if (status is { } s) q = q.Where(t => t.Status == s);
        if (district is { Length: > 0 })
        {
            var codes = units.SelfAndDescendants(district).ToList();
            q = q.Where(t => codes.Contains(t.DistrictCode));
        }
        // Scope before the limit: otherwise 500 newer tasks elsewhere would leave a district user with none of theirs.
        q = q.Where(t => db.Set<Child>().VisibleTo(user).Any(c => c.Id == t.ChildId));
        var items = await ItemsAsync(user, q.OrderBy(t => t.Status).ThenByDescending(t => t.CreatedAt).Take(500), culture, ct);
        items = [.. items.OrderBy(i => i.Status).ThenByDescending(i => i.CreatedAt)];
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, "outreach-task", null,
            $"status={status}; district={district}; ids={string.Join(',', items.Select(i => i.ChildId.ToString("N")))}"), ct);
        return new Outcome<List<OutreachItem>>.Ok(items);
    }

    public async Task<Outcome<OutreachItem>> CloseAsync(CurrentUser user, Guid id, CloseOutreachRequest r, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.WriteRegistry)) return new Outcome<OutreachItem>.Forbidden();
        // Out of scope is not found, whatever the request says (its existence is not revealed).
        var task = await db.OutreachTasks.FirstOrDefaultAsync(t => t.Id == id && db.Set<Child>().VisibleTo(user).Any(c => c.Id == t.ChildId), ct);
        if (task is null) return new Outcome<OutreachItem>.NotFound();
        var e = new FieldErrors();
        if (!EnumNames.TryParse<OutreachStatus>(r.Status, ignoreCase: false, out var status) || status == OutreachStatus.Open) e.Add(DeprivationErrors.OutreachClosingStatus());
        if (string.IsNullOrWhiteSpace(r.Outcome)) e.Add(DeprivationErrors.OutreachOutcomeRequired());
        else if (r.Outcome.Length > 1000) e.Add(PlatformErrors.TooLong("outcome", 1000));
        if (!e.IsEmpty) return new Outcome<OutreachItem>.Invalid(e);
        if (task.Status != OutreachStatus.Open) return Outcome<OutreachItem>.Refused(DeprivationErrors.OutreachAlreadyClosed());
        (task.Status, task.Outcome, task.ClosedById, task.ClosedAt) = (status, r.Outcome!.Trim(), user.Id, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Update, "outreach-task", task.Id.ToString("D"), "closed: " + status), ct);
        return new Outcome<OutreachItem>.Ok((await ItemsAsync(user, db.OutreachTasks.Where(t => t.Id == id), culture, ct)).Single());
    }

    /// <summary>Tasks whose child the user may see, with the child's name (scope through <see cref="RegistryScope.VisibleTo(IQueryable{Child}, CurrentUser)"/>).</summary>
    private async Task<List<OutreachItem>> ItemsAsync(CurrentUser user, IQueryable<OutreachTask> tasks, string culture, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await tasks.Join(db.Children.VisibleTo(user), t => t.ChildId, c => c.Id, (t, c) => new { t, c.Surname, c.GivenName, c.Patronymic, c.BirthDate })
            .GroupJoin(db.Users, x => x.t.CreatedById, u => u.Id, (x, us) => new { x, us })
            .SelectMany(x => x.us.DefaultIfEmpty(), (x, u) => new { x.x, UserName = u == null ? "" : u.UserName })
            .ToListAsync(ct);
        return [.. rows.Select(r => new OutreachItem(r.x.t.Id, r.x.t.ChildId, $"{r.x.Surname} {r.x.GivenName} {r.x.Patronymic}".Trim(), Child.AgeOn(r.x.BirthDate, today),
            r.x.t.DistrictCode, units.DisplayName(r.x.t.DistrictCode, culture), Split(r.x.t.Dimensions), Split(r.x.t.Reasons), r.x.t.Note, r.x.t.Status, r.x.t.Outcome,
            r.UserName, r.x.t.CreatedAt, r.x.t.ClosedAt))];
    }

    private static string[] Split(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
