using Himaya.Platform;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Cases;

public sealed record FosterCarerInput(string? Name, string? DistrictCode, string? Address, string? Phone, DateOnly? AppliedOn, int? Capacity, int? MinAge, int? MaxAge, bool? AcceptsDisability);
/// <summary>A step of a carer's file: assessment (date, summary), training (date), approval (date), review (date, outcome continue/suspend/withdraw, notes).</summary>
public sealed record CarerStepRequest(int? Version, DateOnly? On, string? Summary, string? Outcome);
public sealed record FosterCarerView(int Id, string Name, string DistrictCode, string DistrictName, string? Address, string? Phone, FosterCarerStatus Status, DateOnly AppliedOn,
    DateOnly? AssessedOn, string? AssessmentSummary, DateOnly? TrainedOn, DateOnly? ApprovedOn, int Capacity, int Placed, int MinAge, int MaxAge, bool AcceptsDisability,
    DateOnly? NextReviewOn, bool ReviewDue, int Version, IReadOnlyList<string> Reviews);
public sealed record CarerMatch(FosterCarerView Carer, int FreePlaces, bool SameDistrict);

/// <summary>
/// The register of foster carers: application, assessment, training, approval by a supervisor, capacity and yearly
/// reviews; and matching a child to approved carers with room who take the child's age (and disability). Scoped by district.
/// </summary>
public sealed class FosterCarers(AppDbContext db, AuditLog audit, AdminUnits units, TimeProvider clock)
{
    public const string EntityType = "foster-carer";
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    private IQueryable<FosterCarer> Visible(CurrentUser user)
    {
        if (!user.Can(Permission.ReadCases)) return db.FosterCarers.Where(f => false);
        var districts = user.Districts;
        return user.ScopeKind switch
        {
            ScopeKind.National => db.FosterCarers,
            ScopeKind.Areas => db.FosterCarers.Where(f => districts.Contains(f.DistrictCode)),
            _ => db.FosterCarers.Where(f => f.CreatedById == user.Id),
        };
    }

    public async Task<Outcome<List<FosterCarerView>>> ListAsync(CurrentUser user, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadCases)) return new Outcome<List<FosterCarerView>>.Forbidden();
        var list = await ViewsAsync(Visible(user).OrderBy(f => f.Status).ThenBy(f => f.Name), culture, ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, EntityType, null, $"ids={string.Join(',', list.Select(f => f.Id))}"), ct);
        return list;
    }

    public async Task<Outcome<FosterCarerView>> CreateAsync(CurrentUser user, FosterCarerInput r, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.WorkCases)) return new Outcome<FosterCarerView>.Forbidden();
        var e = new FieldErrors();
        CaseRules.Text(e, "name", r.Name, 200, required: true);
        if (r.DistrictCode is null || units.Find(r.DistrictCode) is null) e.Add(PlatformErrors.UnknownDistrict("districtCode"));
        else if (user.ScopeKind == ScopeKind.Areas && !user.Districts.Contains(r.DistrictCode)) e.Add(FosterCarerErrors.DistrictOutsideScope());
        CaseRules.Text(e, "address", r.Address, 300, required: false);
        CaseRules.Text(e, "phone", r.Phone, 32, required: false);
        if (r.AppliedOn is null) e.Add(FosterCarerErrors.AppliedOnRequired());
        else if (r.AppliedOn > Today) e.Add(PlatformErrors.FutureDate("appliedOn"));
        if (r.Capacity is null or < 1 or > 8) e.Add(FosterCarerErrors.Capacity());
        if (r.MinAge is < 0 or > 17) e.Add(FosterCarerErrors.AgeRange("minAge"));
        if (r.MaxAge is < 0 or > 17) e.Add(FosterCarerErrors.AgeRange("maxAge"));
        if ((r.MinAge ?? 0) > (r.MaxAge ?? 17)) e.Add(FosterCarerErrors.MaxBelowMin());
        if (!e.IsEmpty) return new Outcome<FosterCarerView>.Invalid(e);
        var carer = new FosterCarer
        {
            Name = r.Name!.Trim(), DistrictCode = r.DistrictCode!, Address = Clean(r.Address), Phone = Clean(r.Phone), Status = FosterCarerStatus.Applied,
            AppliedOn = r.AppliedOn!.Value, Capacity = r.Capacity!.Value, MinAge = r.MinAge ?? 0, MaxAge = r.MaxAge ?? 17, AcceptsDisability = r.AcceptsDisability == true,
            CreatedAt = Now, CreatedById = user.Id, Version = 1,
        };
        db.FosterCarers.Add(carer);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Create, EntityType, carer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), carer.DistrictCode), ct);
        return (await ViewsAsync(db.FosterCarers.Where(f => f.Id == carer.Id), culture, ct)).Single();
    }

    public async Task<Outcome<FosterCarerView>> StepAsync(CurrentUser user, int id, string step, CarerStepRequest r, string culture, CancellationToken ct)
    {
        if (!user.Can(step == "approval" ? Permission.ApproveCases : Permission.WorkCases)) return new Outcome<FosterCarerView>.Forbidden();
        var carer = await Visible(user).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (carer is null) return new Outcome<FosterCarerView>.NotFound();
        var e = new FieldErrors();
        if (r.Version is null) e.Add(FosterCarerErrors.VersionRequired());
        if (r.On is null) e.Add(FosterCarerErrors.DateRequired());
        else if (r.On > Today) e.Add(PlatformErrors.FutureDate("on"));
        else if (r.On < carer.AppliedOn) e.Add(FosterCarerErrors.BeforeApplication());
        if (step == "assessment" && string.IsNullOrWhiteSpace(r.Summary)) e.Add(PlatformErrors.Required("summary"));
        if (step == "review" && r.Outcome is not ("continue" or "suspend" or "withdraw")) e.Add(FosterCarerErrors.ReviewOutcome());
        if (r.Summary is { Length: > 4000 }) e.Add(PlatformErrors.TooLong("summary", 4000));
        if (!e.IsEmpty) return new Outcome<FosterCarerView>.Invalid(e);
        if (carer.CheckVersion(r.Version!.Value) is { } stale) return Outcome<FosterCarerView>.Refused(stale);
        var refused = step switch
        {
            "assessment" => carer.RecordAssessment(r.On!.Value, r.Summary!.Trim()),
            "training" => carer.RecordTraining(r.On!.Value),
            "approval" => carer.Approve(r.On!.Value, user.Id),
            _ => carer.Review(r.On!.Value, r.Outcome!),
        };
        if (refused is not null) return Outcome<FosterCarerView>.Refused(refused);
        if (step == "review")
            db.FosterCarerReviews.Add(new FosterCarerReview { FosterCarerId = carer.Id, On = r.On!.Value, Outcome = r.Outcome!, Notes = Clean(r.Summary), At = Now, ById = user.Id });
        carer.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<FosterCarerView>.Refused(FosterCarerErrors.ChangedAtSameMoment());
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, EntityType, id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{step}: {carer.Status}"), ct);
        await tx.CommitAsync(ct);
        return (await ViewsAsync(db.FosterCarers.Where(f => f.Id == id), culture, ct)).Single();
    }

    /// <summary>Approved carers with room who take this child, the child's own district first.</summary>
    public async Task<Outcome<List<CarerMatch>>> MatchAsync(CurrentUser user, Guid caseId, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadCases)) return new Outcome<List<CarerMatch>>.Forbidden();
        var c = await db.Cases.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return new Outcome<List<CarerMatch>>.NotFound();
        var child = await db.Children.AsNoTracking().FirstAsync(x => x.Id == c.ChildId, ct);
        var region = units.Find(child.DistrictCode)?.ParentCode;
        var near = region is null ? [child.DistrictCode] : units.SelfAndDescendants(region).ToList();
        var candidates = await ViewsAsync(db.FosterCarers.Where(f => f.Status == FosterCarerStatus.Approved && near.Contains(f.DistrictCode)), culture, ct);
        // The carers and their current placements in two queries, whatever the number of candidates.
        var ids = candidates.Select(f => f.Id).ToList();
        var carers = await db.FosterCarers.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var placed = await db.Placements.AsNoTracking().Where(p => p.FosterCarerId != null && ids.Contains(p.FosterCarerId.Value) && p.EndOn == null && p.ChildId != child.Id)
            .GroupBy(p => p.FosterCarerId!.Value).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var matches = new List<CarerMatch>();
        foreach (var f in candidates)
            if (WhyNot(carers[f.Id], child, Today, placed.GetValueOrDefault(f.Id)) is null)
                matches.Add(new CarerMatch(f, f.Capacity - f.Placed, f.DistrictCode == child.DistrictCode));
        return matches.OrderByDescending(m => m.SameDistrict).ThenByDescending(m => m.FreePlaces).ThenBy(m => m.Carer.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Why this carer cannot take this child now (status, age, disability, room), or null.</summary>
    public static async Task<Refusal?> WhyNotAsync(AppDbContext db, FosterCarer carer, Child child, DateOnly today, CancellationToken ct) =>
        WhyNot(carer, child, today, await db.Placements.CountAsync(p => p.FosterCarerId == carer.Id && p.EndOn == null && p.ChildId != child.Id, ct));

    /// <summary>The same rules, given how many other children the carer has now.</summary>
    private static Refusal? WhyNot(FosterCarer carer, Child child, DateOnly today, int placed) =>
        carer.CanTake(Child.AgeOn(child.BirthDate, today), child.HasFunctionalDifficulty, placed);

    private async Task<List<FosterCarerView>> ViewsAsync(IQueryable<FosterCarer> q, string culture, CancellationToken ct)
    {
        var carers = await q.AsNoTracking().Take(1000).ToListAsync(ct);
        var ids = carers.Select(c => c.Id).ToList();
        var placed = await db.Placements.Where(p => p.FosterCarerId != null && ids.Contains(p.FosterCarerId.Value) && p.EndOn == null)
            .GroupBy(p => p.FosterCarerId!.Value).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var reviews = await db.FosterCarerReviews.Where(r => ids.Contains(r.FosterCarerId)).OrderBy(r => r.On).ToListAsync(ct);
        var today = Today;
        return [.. carers.Select(c => new FosterCarerView(c.Id, c.Name, c.DistrictCode, units.DisplayName(c.DistrictCode, culture), c.Address, c.Phone, c.Status, c.AppliedOn,
            c.AssessedOn, c.AssessmentSummary, c.TrainedOn, c.ApprovedOn, c.Capacity, placed.GetValueOrDefault(c.Id), c.MinAge, c.MaxAge, c.AcceptsDisability, c.NextReviewOn,
            c.NextReviewOn is { } due && due <= today.AddDays(30), c.Version,
            [.. reviews.Where(r => r.FosterCarerId == c.Id).Select(r => $"{r.On:yyyy-MM-dd}: {r.Outcome}{(r.Notes is null ? "" : " — " + r.Notes)}")]))];
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
