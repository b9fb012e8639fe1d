using System.Globalization;
using Himaya.Deprivation;
using Himaya.Platform;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Deprivation;

/// <summary>What to analyse: an age group of the framework, up to two disaggregations, the cut-offs (default 1..D).</summary>
public sealed record AnalysisRequest(string? AgeGroup = null, IReadOnlyList<string>? By = null, IReadOnlyList<double>? K = null, string? Framework = null,
    string? Version = null);

/// <summary>An analysis of the registry with what produced it: framework and version, age group, date, scope, suppression.</summary>
/// <param name="AsOf">The day ages are counted at.</param>
/// <param name="DataAsOf">When the registry was read (analyses share a reading a few minutes old at most; see <see cref="RegistryFactsCache"/>).</param>
public sealed record RegistryAnalysisResult(DeprivationResult Result, RegistryFramework Framework, AgeGroup AgeGroup, DateOnly AsOf, DateTime DataAsOf, string Scope,
    int MinCell, TimeSpan Elapsed);

/// <summary>
/// Runs the deprivation analysis over the registry: the children of one age group within the user's area scope, each
/// turned into the framework's registry indicators, through the same engine as `himaya moda`. Aggregates only: figures
/// with fewer than <c>Deprivation:MinCell</c> children behind them are suppressed for users without access to personal data.
/// </summary>
public sealed class RegistryAnalysis(AppDbContext db, AuditLog audit, AdminUnits units, RegistryFactsCache facts, Frameworks frameworks, TimeProvider clock,
    IConfiguration config)
{
    /// <summary>Disaggregations the registry supports.</summary>
    public static readonly string[] Disaggregations = ["district", "region", "sex", "age", "disability", "residence", "displacement"];

    public const int MaxCutOffs = 32;

    public int MinCell => config.GetValue("Deprivation:MinCell", 5);

    public static FieldErrors Validate(AnalysisRequest r, RegistryFramework f)
    {
        var e = new FieldErrors();
        var group = f.Group(r.AgeGroup);
        if (group is null) e.Add(DeprivationErrors.UnknownAgeGroup(string.Join(", ", f.AgeGroups.Select(g => g.Id))));
        var by = r.By ?? [];
        if (by.Count > 2) e.Add(DeprivationErrors.ByAtMostTwo());
        foreach (var b in by) if (!Disaggregations.Contains(b, StringComparer.Ordinal)) e.Add(DeprivationErrors.UnknownDisaggregation(b, string.Join(", ", Disaggregations)));
        if (by.Count == 2 && by[0] == by[1]) e.Add(DeprivationErrors.SameDisaggregationTwice());
        if (r.K is { } ks && group is not null)
        {
            if (ks.Count > MaxCutOffs) e.Add(DeprivationErrors.TooManyCutOffs(MaxCutOffs));
            foreach (var k in ks)
                if (!double.IsFinite(k) || k <= 0 || k > group.Framework.Dimensions.Count) { e.Add(DeprivationErrors.CutOffOutOfRange(group.Framework.Dimensions.Count)); break; }
        }
        return e;
    }

    public async Task<Outcome<RegistryAnalysisResult>> RunAsync(CurrentUser user, AnalysisRequest request, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<RegistryAnalysisResult>.Forbidden();
        var framework = await frameworks.FindAsync(request.Framework, request.Version, ct);
        if (framework is null) return new Outcome<RegistryAnalysisResult>.Invalid(Frameworks.NotFound(request.Version));
        var errors = Validate(request, framework);
        if (!errors.IsEmpty) return new Outcome<RegistryAnalysisResult>.Invalid(errors);
        var started = clock.GetTimestamp();
        var group = framework.Group(request.AgeGroup)!;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (table, dataAsOf) = await LoadAsync(user, framework, group, request.By ?? [], today, ct);
        var result = Engine.Analyse(group.Framework, table, request.K is { Count: > 0 } k ? [.. k.Distinct().Order()] : null);
        var minCell = user.Can(Permission.ReadPersonalData) ? 0 : MinCell;
        result = Suppression.Apply(result, minCell);
        var scope = ScopeKey(user);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Analysis, "deprivation", null, string.Create(CultureInfo.InvariantCulture,
            $"framework={framework.Id}/{framework.Version}; ageGroup={group.Id}; by={string.Join(',', request.By ?? [])}; scope={scope}; children={table.Count}")), ct);
        return new Outcome<RegistryAnalysisResult>.Ok(new RegistryAnalysisResult(result, framework, group, today, dataAsOf, scope, minCell, clock.GetElapsedTime(started)));
    }

    /// <summary>
    /// The age group's children in the user's personal-data scope, one row each with its registry id, its
    /// disaggregations and its indicator values (1, 0, empty) — the microdata `himaya moda` reads. An export of
    /// personal data: audited as one.
    /// </summary>
    public async Task<Outcome<(byte[] Csv, string FileName)>> MicrodataAsync(CurrentUser user, string? ageGroup, CancellationToken ct, string? frameworkName = null,
        string? version = null)
    {
        if (!user.Can(Permission.ReadPersonalData)) return new Outcome<(byte[], string)>.Forbidden();
        var framework = await frameworks.FindAsync(frameworkName, version, ct);
        if (framework is null) return new Outcome<(byte[], string)>.Invalid(Frameworks.NotFound(version));
        var group = framework.Group(string.IsNullOrWhiteSpace(ageGroup) ? null : ageGroup.Trim());
        if (group is null) return new Outcome<(byte[], string)>.Invalid(new FieldErrors().Add(DeprivationErrors.UnknownAgeGroup(string.Join(", ", framework.AgeGroups.Select(g => g.Id)))));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (earliest, latest) = (today.AddYears(-(group.MaxAge + 1)), today.AddYears(-group.MinAge));
        var rows = Facts(db.Children.AsNoTracking().VisibleTo(user).Where(c => c.BirthDate > earliest && c.BirthDate <= latest).OrderBy(c => c.Id));
        var indicators = group.Framework.Indicators.Select(id => framework.Indicator(id)!).ToArray();
        var by = Disaggregations;
        using var ms = new MemoryStream();
        var count = 0;
        using (var w = new StreamWriter(ms, new System.Text.UTF8Encoding(false), leaveOpen: true))
        {
            w.Write("id," + string.Join(',', by) + "," + string.Join(',', indicators.Select(i => i.Id)) + "\n");
            await foreach (var (id, c) in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                var age = Child.AgeOn(c.BirthDate, today);
                w.Write(id.ToString("D"));
                foreach (var b in by) { w.Write(','); w.Write(Label(b, c, age)); }
                foreach (var i in indicators)
                {
                    w.Write(',');
                    var v = i.Value(c, age);
                    if (v >= 0) w.Write(v == 1 ? '1' : '0');
                }
                w.Write('\n');
                count++;
            }
        }
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Export, "deprivation", null, string.Create(CultureInfo.InvariantCulture,
            $"microdata; framework={framework.Id}/{framework.Version}; ageGroup={group.Id}; rows={count}")), ct);
        return new Outcome<(byte[], string)>.Ok((ms.ToArray(), $"deprivation-microdata-{group.Id}-{today:yyyy-MM-dd}.csv"));
    }

    private static IQueryable<(Guid Id, ChildFacts Facts)> Facts(IQueryable<Child> q) => q.Select(c => new ValueTuple<Guid, ChildFacts>(c.Id,
        new ChildFacts(c.BirthDate, c.Sex, c.DistrictCode, c.Residence, c.Displacement, c.HasFunctionalDifficulty, c.Enrolment, c.Immunisation,
            c.BirthRegistered, c.CareArrangement, c.ReceivesTsa ?? (c.Household == null ? null : c.Household.ReceivesTsa),
            c.Household == null ? null : c.Household.WaterSource, c.Household == null ? null : c.Household.Sanitation,
            c.Household == null ? null : c.Household.Rooms, c.Household == null ? null : c.Household.People, c.OfficialDisabilityStatus)));

    /// <summary>The user's scope as results state it, and as stored runs are shared by: "national", the district codes, or "caseload:{user}".</summary>
    public static string ScopeKey(CurrentUser user) => user.ScopeKind switch
    {
        ScopeKind.National => "national",
        ScopeKind.Areas => string.Join(',', user.Districts.Order(StringComparer.Ordinal)),
        _ => "caseload:" + user.Id.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The age group's children in the user's area scope as indicator columns, from the shared in-memory reading of the registry.</summary>
    internal async Task<(ChildTable Table, DateTime DataAsOf)> LoadAsync(CurrentUser user, RegistryFramework framework, AgeGroup group, IReadOnlyList<string> by,
        DateOnly today, CancellationToken ct)
    {
        var registry = await facts.GetAsync(ct);
        var indicators = group.Framework.Indicators.Select(id => framework.Indicator(id) ?? throw new InvalidOperationException("No registry indicator " + id)).ToArray();
        var labels = by.Select(b => Labels(b, group)).ToArray();
        var lookups = labels.Select(l => l.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal)).ToArray();
        var capacity = 1 << 12;
        var columns = indicators.Select(_ => new sbyte[capacity]).ToArray();
        var codes = by.Select(_ => new int[capacity]).ToArray();
        var n = 0;
        foreach (var i in registry.Rows(user, group.MinAge, group.MaxAge, today))
        {
            if (n == capacity)
            {
                capacity *= 2;
                for (var j = 0; j < columns.Length; j++) Array.Resize(ref columns[j], capacity);
                for (var j = 0; j < codes.Length; j++) Array.Resize(ref codes[j], capacity);
            }
            var c = registry[i];
            var age = Child.AgeOn(c.BirthDate, today);
            for (var j = 0; j < indicators.Length; j++) columns[j][n] = indicators[j].Value(c, age);
            for (var b = 0; b < by.Count; b++)
            {
                var label = Label(by[b], c, age);
                if (!lookups[b].TryGetValue(label, out var code))
                {
                    // A value outside the known list (e.g. a district code not in the reference): appended, never lost.
                    code = labels[b].Count;
                    labels[b].Add(label);
                    lookups[b][label] = code;
                }
                codes[b][n] = code;
            }
            n++;
        }
        ct.ThrowIfCancellationRequested();
        return (new ChildTable(n, group.Framework.Indicators, columns, null, by, codes, [.. labels.Select(l => l.ToArray())]), registry.LoadedAt);
    }


    /// <summary>A disaggregation's values in the order they are reported.</summary>
    private List<string> Labels(string by, AgeGroup group) => by switch
    {
        "district" => [.. units.Districts.Select(u => u.Code)],
        "region" => [.. units.All.Where(u => u.Kind == "economic_region").Select(u => u.Code).Order(StringComparer.Ordinal)],
        "sex" => ["F", "M"],
        "age" => [.. Enumerable.Range(group.MinAge, group.MaxAge - group.MinAge + 1).Select(a => a.ToString(CultureInfo.InvariantCulture))],
        "disability" => ["yes", "no"],
        "residence" => ["Urban", "Rural", "unknown"],
        "displacement" => [.. Enum.GetNames<Displacement>()],
        _ => [],
    };

    private string Label(string by, ChildFacts c, int age) => by switch
    {
        "district" => c.DistrictCode,
        "region" => units.RegionOf(c.DistrictCode)?.Code ?? c.DistrictCode,
        "sex" => c.Sex.ToString(),
        "age" => age.ToString(CultureInfo.InvariantCulture),
        "disability" => c.HasFunctionalDifficulty ? "yes" : "no",
        "residence" => c.Residence?.ToString() ?? "unknown",
        "displacement" => c.Displacement.ToString(),
        _ => "",
    };
}
