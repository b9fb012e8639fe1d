using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Facts;

/// <summary>
/// A child's facts with their provenance (every source's word, the current one marked), the rule per fact an
/// administrator sets, and the observations imports and feeds add. Reads are the child's data: scope and audit as the registry's.
/// </summary>
public sealed class ChildFacts(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ChildFactsView>> ForChildAsync(CurrentUser user, Guid childId, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadPersonalData)) return new Outcome<ChildFactsView>.Forbidden();
        if (!await db.Children.VisibleTo(user).AnyAsync(c => c.Id == childId, ct)) return new Outcome<ChildFactsView>.NotFound();
        // A duplicate merged into this record brought its sources' words with it.
        var merged = db.Children.Where(c => c.MergedIntoId == childId).Select(c => c.Id);
        var observations = await db.Set<FactObservation>().AsNoTracking().Where(o => o.ChildId == childId || merged.Contains(o.ChildId)).ToListAsync(ct);
        var rules = await PreferredAsync(ct);
        var facts = new List<FactView>();
        foreach (var group in observations.GroupBy(o => o.Fact).OrderBy(g => CatalogueOrder(g.Key)))
        {
            var current = FactPrecedence.Current(group, rules.GetValueOrDefault(group.Key), o => o.Source, o => o.ObservedOn, o => o.ReceivedAt)!;
            var conflicting = group.Any(o => o.Value != current.Value);
            facts.AddRange(group.OrderByDescending(o => o == current).ThenByDescending(o => o.ObservedOn).ThenByDescending(o => o.ReceivedAt)
                .Select(o => new FactView(o.Fact, o.Value, o.Source, o.ObservedOn, o.ReceivedAt, o == current, (conflicting && o == current) || o.Value != current.Value, o.BatchId)));
        }
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, "child", ChildRecords.Id(childId), "facts"), ct);
        return new Outcome<ChildFactsView>.Ok(new ChildFactsView(childId, facts));
    }

    /// <summary>The source that wins for each fact: the administrator's choice where made, else the catalogue's default.</summary>
    public async Task<Dictionary<string, string?>> PreferredAsync(CancellationToken ct)
    {
        var set = await db.Set<FactRule>().AsNoTracking().ToDictionaryAsync(r => r.Fact, r => r.PreferredSource, ct);
        return FactCatalogue.All.ToDictionary(f => f.Code, f => set.TryGetValue(f.Code, out var s) ? s : f.PreferredSource);
    }

    public async Task<Outcome<IReadOnlyList<FactRuleView>>> RulesAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageFeeds) && !user.Can(Permission.ReadPersonalData)) return new Outcome<IReadOnlyList<FactRuleView>>.Forbidden();
        var set = await db.Set<FactRule>().AsNoTracking().ToDictionaryAsync(r => r.Fact, ct);
        return new Outcome<IReadOnlyList<FactRuleView>>.Ok([.. FactCatalogue.All.Select(f => set.TryGetValue(f.Code, out var r)
            ? new FactRuleView(f.Code, f.Kind.ToString(), f.Choices, r.PreferredSource, true)
            : new FactRuleView(f.Code, f.Kind.ToString(), f.Choices, f.PreferredSource, false))]);
    }

    /// <summary>Sets the source that wins for a fact (an empty source: the newest observation wins). Audited.</summary>
    public async Task<Outcome<FactRuleView>> SetRuleAsync(CurrentUser user, string code, FactRuleInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageFeeds)) return new Outcome<FactRuleView>.Forbidden();
        if (FactCatalogue.Find(code) is not { } fact) return new Outcome<FactRuleView>.NotFound();
        var e = new FieldErrors().Text("preferredSource", r.PreferredSource, 100, required: false);
        if (!e.IsEmpty) return new Outcome<FactRuleView>.Invalid(e);
        var source = string.IsNullOrWhiteSpace(r.PreferredSource) ? null : r.PreferredSource.Trim();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rule = await db.Set<FactRule>().FirstOrDefaultAsync(x => x.Fact == fact.Code, ct);
        if (rule is null) db.Add(rule = new FactRule { Fact = fact.Code });
        (rule.PreferredSource, rule.ChangedAt, rule.ChangedById) = (source, clock.GetUtcNow().UtcDateTime, user.Id);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "fact-rule", fact.Code, $"preferred source: {source ?? "(newest wins)"}"), ct);
        await tx.CommitAsync(ct);
        return new Outcome<FactRuleView>.Ok(new FactRuleView(fact.Code, fact.Kind.ToString(), fact.Choices, source, true));
    }

    private static int CatalogueOrder(string code)
    {
        for (var i = 0; i < FactCatalogue.All.Count; i++) if (FactCatalogue.All[i].Code == code) return i;
        return int.MaxValue;
    }
}
