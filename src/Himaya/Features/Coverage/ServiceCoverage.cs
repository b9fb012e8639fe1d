using Himaya.Features.Cases;
using Himaya.Features.Deprivation;
using Himaya.Features.Registry;
using Himaya.Features.Services;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Coverage;

/// <summary>
/// Need against supply per district for one type of service. Need: the children of the registry the type's rule picks
/// (<see cref="ServiceNeeds"/>: deprived in a matching dimension of the default framework, or with a functional
/// difficulty) together with the children of open cases whose plan asks for the type and has no accepted referral to
/// it, each child once. Supply: the public services of the type serving the district (a service serving several
/// districts shares its capacity and free places among them equally), and how referrals to them were answered.
/// Nationwide services are counted apart: no district can claim them. The registry is read from the shared in-memory
/// reading (<see cref="RegistryFactsCache"/>), so all districts of three million children take one pass.
/// </summary>
public sealed class ServiceCoverage(AppDbContext db, RegistryFactsCache facts, AdminUnits units, AuditLog audit, TimeProvider clock)
{
    /// <summary>Registries of at least this many children are counted in one part per core (a test lowers it to compare).</summary>
    internal static int ParallelFrom { get; set; } = 200_000;

    public async Task<Outcome<CoverageResult>> ComputeAsync(CurrentUser user, string? type, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<CoverageResult>.Forbidden();
        var e = new FieldErrors();
        type = ServiceValidation.Clean(type);
        if (type is null) e.Add(PlatformErrors.Required("type"));
        else if (!await db.ServiceTypes.AnyAsync(t => t.Code == type && t.Active, ct)) e.Add(ServiceErrors.UnknownType(type, "type"));
        if (!e.IsEmpty) return new Outcome<CoverageResult>.Invalid(e);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var districts = units.Districts.Select(d => d.Code).Where(d => user.ScopeKind != ScopeKind.Areas || user.Districts.Contains(d)).ToList();
        var need = districts.ToDictionary(d => d, _ => 0, StringComparer.Ordinal);
        var fromCases = districts.ToDictionary(d => d, _ => 0, StringComparer.Ordinal);

        // Children of open cases whose plan asks for the type with no accepted referral to a service of that type.
        var met = new[] { ReferralStatus.Accepted, ReferralStatus.Delivered, ReferralStatus.Completed };
        var planned = await db.CasePlanActions.AsNoTracking().Where(a => a.ServiceType == type && !a.Done)
            .Join(db.Cases.Where(c => c.Stage != CaseStage.Closed), a => a.CaseId, c => c.Id, (a, c) => c)
            .Where(c => !db.Set<Referral>().Any(r => r.CaseId == c.Id && met.Contains(r.Status)
                && db.Set<ServiceTypeLink>().Any(t => t.ServiceId == r.ServiceId && t.TypeCode == type)))
            .Select(c => new { c.ChildId, c.DistrictCode }).Distinct().ToListAsync(ct);
        var caseChildren = new Dictionary<Guid, string>();
        foreach (var p in planned.Where(p => need.ContainsKey(p.DistrictCode))) caseChildren.TryAdd(p.ChildId, p.DistrictCode);

        // The registry's measure: one pass over the shared reading, in the caller's area (a caseload counts its own).
        var rule = ServiceNeeds.For(type!);
        var registry = await facts.GetAsync(ct);
        var framework = RegistryFramework.Azerbaijan;
        var groups = framework.AgeGroups.Select(g => (Group: g, Dims: g.Framework.Dimensions.Select((d, i) => (d, i))
            .Where(x => rule.Dimensions.Contains(x.d.Name)).Select(x => (x.d, Indicators: x.d.Indicators.Select(id => framework.Indicator(id)!).ToArray())).ToArray())).ToArray();
        var measured = rule.Difficulty || rule.Dimensions.Count > 0;
        var counted = new HashSet<Guid>();
        if (measured)
        {
            // Per child only array reads: the district's slot, the age from day numbers, and the dimensions of that age.
            var position = districts.Select((d, k) => (d, k)).ToDictionary(x => x.d, x => x.k, StringComparer.Ordinal);
            var slot = registry.DistrictCodes.Select(code => position.GetValueOrDefault(code, -1)).ToArray();
            var bornBy = Enumerable.Range(0, rule.MaxAge + 1).Select(a => today.AddYears(-a).DayNumber).ToArray();
            var dimsAt = Enumerable.Range(0, rule.MaxAge + 1).Select(age => groups.Where(g => age >= g.Group.MinAge && age <= g.Group.MaxAge)
                .SelectMany(g => g.Dims).ToArray()).ToArray();
            // A large registry is counted in one part per core (each part its own counts), then added up.
            var parts = registry.Count < ParallelFrom ? 1 : Math.Clamp(Environment.ProcessorCount, 2, 8);
            var size = (registry.Count + parts - 1) / parts;
            var partCounts = new int[parts][];
            var partCounted = new List<Guid>[parts];
            Parallel.For(0, parts, p =>
            {
                var counts = partCounts[p] = new int[districts.Count];
                var found = partCounted[p] = [];
                var values = new sbyte[16];
                foreach (var i in registry.Rows(user, rule.MinAge, rule.MaxAge, today, from: p * size, to: (p + 1) * size))
                {
                    var k = slot[registry.District[i]];
                    if (k < 0) continue;
                    var needs = rule.Difficulty && registry.Difficulty[i] == 1;
                    if (!needs)
                    {
                        // Child.AgeOn: the most years a with birth on or before today less a years.
                        var age = rule.MaxAge;
                        while (registry.BirthDay[i] > bornBy[age]) age--;
                        var dims = dimsAt[age];
                        if (dims.Length == 0) continue;
                        var c = registry[i];
                        foreach (var (dim, indicators) in dims)
                        {
                            for (var n = 0; n < indicators.Length; n++) values[n] = indicators[n].Value(c, age);
                            if (dim.Status(values.AsSpan(0, indicators.Length)).Deprived) { needs = true; break; }
                        }
                    }
                    if (!needs) continue;
                    counts[k]++;
                    if (caseChildren.Count > 0 && caseChildren.ContainsKey(registry.Id[i])) found.Add(registry.Id[i]);
                }
            });
            var perDistrict = new int[districts.Count];
            for (var p = 0; p < parts; p++)
            {
                for (var k = 0; k < districts.Count; k++) perDistrict[k] += partCounts[p][k];
                counted.UnionWith(partCounted[p]);
            }
            for (var k = 0; k < districts.Count; k++) need[districts[k]] = perDistrict[k];
        }
        foreach (var (child, district) in caseChildren)
        {
            fromCases[district]++;
            if (!counted.Contains(child)) need[district]++;
        }

        // Supply: public services of the type, capacity shared among the districts each serves.
        var services = await db.Services.AsNoTracking().Where(s => s.Status == ServiceStatus.Public && s.Types.Any(t => t.TypeCode == type))
            .Select(s => new { s.Id, s.Nationwide, s.Capacity, s.FreePlaces, Districts = s.Districts.Select(d => d.DistrictCode).ToList() }).ToListAsync(ct);
        var capacity = new Dictionary<string, double>(StringComparer.Ordinal);
        var free = new Dictionary<string, double>(StringComparer.Ordinal);
        var count = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in services.Where(s => !s.Nationwide && s.Districts.Count > 0))
            foreach (var d in s.Districts)
            {
                capacity[d] = capacity.GetValueOrDefault(d) + (s.Capacity ?? 0) / (double)s.Districts.Count;
                free[d] = free.GetValueOrDefault(d) + (s.FreePlaces ?? 0) / (double)s.Districts.Count;
                count[d] = count.GetValueOrDefault(d) + 1;
            }
        var national = services.Where(s => s.Nationwide || s.Districts.Count == 0).ToList();

        // Referrals to the type, by the case's district: accepted (and later steps) or declined, and days to an answer.
        var ids = services.Select(s => s.Id).ToList();
        var answered = await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.ServiceId) && r.RespondedAt != null)
            .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { c.DistrictCode, r.Status, r.SentAt, r.RespondedAt, r.DeclinedForCapacity }).ToListAsync(ct);
        var byDistrict = answered.Where(a => need.ContainsKey(a.DistrictCode)).ToLookup(a => a.DistrictCode, StringComparer.Ordinal);

        // Roles that work no cases see no count of 1–4 children (it could point at a child); case workers see them.
        var suppress = !user.Can(Permission.ReadCases);
        var rows = districts.Select(d =>
        {
            var n = need[d];
            var hidden = suppress && n is > 0 and < TableSuppression.MinCell;
            var cap = (int)Math.Round(capacity.GetValueOrDefault(d));
            var accepted = byDistrict[d].Where(a => met.Contains(a.Status)).ToList();
            var waits = accepted.Select(a => (a.RespondedAt!.Value - a.SentAt).TotalDays).Order().ToList();
            return new DistrictCoverage(d, hidden ? null : n, cap, (int)Math.Round(free.GetValueOrDefault(d)), hidden ? null : Math.Max(0, n - cap),
                count.GetValueOrDefault(d), hidden ? 0 : fromCases[d], accepted.Count, byDistrict[d].Count(a => a.Status == ReferralStatus.Declined),
                byDistrict[d].Count(a => a.Status == ReferralStatus.Declined && a.DeclinedForCapacity),
                waits.Count == 0 ? null : Math.Round(waits[waits.Count / 2], 1), hidden);
        }).OrderByDescending(r => r.Gap ?? -1).ThenByDescending(r => r.Need ?? -1).ThenBy(r => r.DistrictCode, StringComparer.Ordinal).ToList();
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Analysis, "service-coverage", type, $"{rows.Count} districts"), ct);
        return new CoverageResult(type!, rows, new NationwideSupply(national.Count, national.Sum(s => s.Capacity ?? 0), national.Sum(s => s.FreePlaces ?? 0)),
            measured, registry.LoadedAt);
    }
}
