using System.Globalization;
using System.Text;
using System.Text.Json;
using Himaya.Deprivation;
using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Deprivation;

/// <summary>A survey microdata file to analyse: CSV text (one row per child), FRAMEWORK.json, and the columns that say how it was sampled.</summary>
public sealed record SurveyRequest(string? FileName, string? Content, string? Framework, string? Weight = null, string? Strata = null, string? Cluster = null,
    IReadOnlyList<string>? By = null, IReadOnlyList<double>? K = null, string? Label = null, string? Id = null);

public sealed record SaveRunRequest(string? AgeGroup = null, IReadOnlyList<string>? By = null, IReadOnlyList<double>? K = null, string? Label = null,
    string? Framework = null, string? Version = null);

public sealed record RunSummary(Guid Id, string Source, string Framework, string FrameworkVersion, string AgeGroup, string By, string Scope, string? Label,
    DateTime CreatedAt, DateTime DataAsOf, int N, IReadOnlyList<double?> H);

/// <summary>One measure of one group at one k in two runs: the change, and whether it is significant at 5% when both runs have standard errors.</summary>
public sealed record Change(string Group, double K, string Measure, double? A, double? B, double? Difference, double? Z, bool? Significant);

public sealed record RunComparison(RunSummary First, RunSummary Second, IReadOnlyList<Change> Changes);

/// <summary>
/// Stored analyses and their comparison over time, and the analysis of survey microdata (which gets standard errors,
/// so that a change between two surveys can be tested). Runs hold aggregates only; a run is seen by users whose scope is
/// the one it was made in (national users see all).
/// </summary>
public sealed class DeprivationRuns(AppDbContext db, AuditLog audit, RegistryAnalysis analysis, TimeProvider clock)
{
    public const int MaxSurveyChars = 50_000_000;

    private IQueryable<DeprivationRun> Visible(CurrentUser u)
    {
        if (u.ScopeKind == ScopeKind.National) return db.DeprivationRuns;
        var scope = RegistryAnalysis.ScopeKey(u);
        return db.DeprivationRuns.Where(r => r.Scope == scope);
    }

    public async Task<Outcome<RunSummary>> SaveRegistryAsync(CurrentUser user, SaveRunRequest request, CancellationToken ct)
    {
        if (request.Label is { Length: > 200 }) return new Outcome<RunSummary>.Invalid(new FieldErrors().Add(PlatformErrors.TooLong("label", 200)));
        switch (await analysis.RunAsync(user, new AnalysisRequest(request.AgeGroup, request.By, request.K, request.Framework, request.Version), ct))
        {
            case Outcome<RegistryAnalysisResult>.Ok ok:
                // A stored run is shared with everyone of the same scope, including roles without personal data: it is
                // kept with small cells suppressed, whoever stored it.
                var r = ok.Value with { Result = Suppression.Apply(ok.Value.Result, analysis.MinCell), MinCell = analysis.MinCell };
                return await StoreAsync(user, r.Framework.Id, r.Framework.Version, r.AgeGroup.Id, r.Result, "registry", request.Label, r.DataAsOf,
                    Encoding.UTF8.GetString(DeprivationApi.Json(r)), ct);
            case Outcome<RegistryAnalysisResult>.Invalid bad: return new Outcome<RunSummary>.Invalid(bad.Errors);
            default: return new Outcome<RunSummary>.Forbidden();
        }
    }

    /// <summary>Analyses a survey file and stores the run; the result is the `moda` JSON with standard errors when the file is a sample.</summary>
    public async Task<Outcome<(RunSummary Run, string Json)>> AnalyseSurveyAsync(CurrentUser user, SurveyRequest s, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<(RunSummary, string)>.Forbidden();
        var (e, framework) = Validate(s);
        if (!e.IsEmpty) return new Outcome<(RunSummary, string)>.Invalid(e);
        var (table, fileErrors) = ChildTableCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(s.Content!)), framework!.Indicators,
            new ChildTableCsv.Options(string.IsNullOrWhiteSpace(s.Id) ? "id" : s.Id.Trim(), Blank(s.Weight), s.By, Blank(s.Strata), Blank(s.Cluster)));
        if (table is null)
        {
            foreach (var m in fileErrors) e.Add(DeprivationErrors.SurveyFileProblem(m));
            return new Outcome<(RunSummary, string)>.Invalid(e);
        }
        var result = Engine.Analyse(framework, table, s.K is { Count: > 0 } k2 ? [.. k2.Distinct().Order()] : null);
        var now = clock.GetUtcNow().UtcDateTime;
        using var ms = new MemoryStream();
        ResultWriters.WriteJson(result, ms, indented: false, extra: w =>
        {
            w.WriteStartObject("source");
            w.WriteString("data", "survey");
            w.WriteString("file", s.FileName);
            w.WriteEndObject();
        });
        var json = Encoding.UTF8.GetString(ms.ToArray());
        var stored = await StoreAsync(user, framework.Name ?? "survey framework", framework.Version ?? "", "survey", result, "survey: " + s.FileName!.Trim(), s.Label, now, json, ct);
        return stored is Outcome<RunSummary>.Ok ok ? new Outcome<(RunSummary, string)>.Ok((ok.Value, json)) : new Outcome<(RunSummary, string)>.Forbidden();
    }

    /// <summary>What is wrong with the request before its file is read, and its framework when that parses.</summary>
    public static (FieldErrors Errors, Framework? Framework) Validate(SurveyRequest s)
    {
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(s.FileName)) e.Add(DeprivationErrors.SurveyFileNameRequired());
        else if (s.FileName.Length > 260) e.Add(PlatformErrors.TooLong("fileName", 260));
        if (string.IsNullOrEmpty(s.Content)) e.Add(DeprivationErrors.SurveyFileEmpty());
        else if (s.Content.Length > MaxSurveyChars) e.Add(DeprivationErrors.SurveyTooLong());
        if (s.Label is { Length: > 200 }) e.Add(PlatformErrors.TooLong("label", 200));
        if (s.By is { Count: > 2 }) e.Add(DeprivationErrors.SurveyGroupingAtMostTwo());
        Framework? framework = null;
        if (string.IsNullOrWhiteSpace(s.Framework)) e.Add(DeprivationErrors.SurveyFrameworkRequired());
        else
        {
            var (f, errors) = Himaya.Deprivation.Framework.Parse(s.Framework);
            foreach (var m in errors) e.Add(DeprivationErrors.InvalidDefinition("framework", m));
            framework = f;
        }
        if (framework is not null && s.K is { } ks)
            foreach (var k in ks)
                if (!double.IsFinite(k) || k <= 0 || k > framework.Dimensions.Count) { e.Add(DeprivationErrors.CutOffOutOfRange(framework.Dimensions.Count)); break; }
        return (e, framework);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<Outcome<RunSummary>> StoreAsync(CurrentUser user, string framework, string version, string ageGroup, DeprivationResult result, string source,
        string? label, DateTime dataAsOf, string json, CancellationToken ct)
    {
        var run = new DeprivationRun
        {
            Id = Guid.CreateVersion7(), Scope = RegistryAnalysis.ScopeKey(user), Framework = framework, FrameworkVersion = version, AgeGroup = ageGroup,
            Disaggregations = string.Join(',', result.GroupColumns), Source = source, Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim(), Result = json,
            CreatedById = user.Id, CreatedAt = clock.GetUtcNow().UtcDateTime, DataAsOf = dataAsOf,
        };
        db.DeprivationRuns.Add(run);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Analysis, "deprivation-run", run.Id.ToString("D"), $"stored; source={source}; ageGroup={ageGroup}"), ct);
        return new Outcome<RunSummary>.Ok(Summary(run));
    }

    public async Task<Outcome<List<RunSummary>>> ListAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<List<RunSummary>>.Forbidden();
        var runs = await Visible(user).OrderByDescending(r => r.CreatedAt).Take(200).ToListAsync(ct);
        return new Outcome<List<RunSummary>>.Ok([.. runs.Select(Summary)]);
    }

    public async Task<Outcome<string>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<string>.Forbidden();
        var run = await Visible(user).FirstOrDefaultAsync(r => r.Id == id, ct);
        return run is null ? new Outcome<string>.NotFound() : new Outcome<string>.Ok(run.Result);
    }

    public async Task<Outcome<RunComparison>> CompareAsync(CurrentUser user, Guid first, Guid second, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewAggregates)) return new Outcome<RunComparison>.Forbidden();
        var runs = await Visible(user).Where(r => r.Id == first || r.Id == second).ToListAsync(ct);
        var a = runs.FirstOrDefault(r => r.Id == first);
        var b = runs.FirstOrDefault(r => r.Id == second);
        if (a is null || b is null) return new Outcome<RunComparison>.NotFound();
        using var ja = JsonDocument.Parse(a.Result);
        using var jb = JsonDocument.Parse(b.Result);
        var changes = new List<Change>();
        void Compare(string group, JsonElement x, JsonElement y)
        {
            foreach (var kx in x.GetProperty("byK").EnumerateArray())
            {
                var k = kx.GetProperty("k").GetDouble();
                var ky = y.GetProperty("byK").EnumerateArray().FirstOrDefault(e => e.GetProperty("k").GetDouble() == k);
                if (ky.ValueKind != JsonValueKind.Object) continue;
                foreach (var (measure, se) in new[] { ("H", "seH"), ("A", (string?)null), ("M0", "seM0") })
                {
                    double? Value(JsonElement e, string p) => e.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
                    var (va, vb) = (Value(kx, measure), Value(ky, measure));
                    var diff = va is { } p && vb is { } q ? q - p : (double?)null;
                    double? z = null;
                    if (diff is { } dd && se is not null && Value(kx, se) is { } sa && Value(ky, se) is { } sb && (sa * sa) + (sb * sb) > 0)
                        z = dd / Math.Sqrt((sa * sa) + (sb * sb));
                    changes.Add(new Change(group, k, measure, va, vb, diff, z, z is { } zz ? Math.Abs(zz) > 1.959964 : null));
                }
            }
        }
        Compare("(all)", ja.RootElement, jb.RootElement);
        string Key(JsonElement g) => string.Join(';', g.GetProperty("by").EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()));
        var groupsB = jb.RootElement.GetProperty("groups").EnumerateArray().ToDictionary(Key);
        foreach (var g in ja.RootElement.GetProperty("groups").EnumerateArray())
            if (groupsB.TryGetValue(Key(g), out var h) && g.TryGetProperty("byK", out _) && h.TryGetProperty("byK", out _)) Compare(Key(g), g, h);
        return new Outcome<RunComparison>.Ok(new RunComparison(Summary(a), Summary(b), changes));
    }

    private static RunSummary Summary(DeprivationRun r)
    {
        using var doc = JsonDocument.Parse(r.Result);
        var root = doc.RootElement;
        var h = root.GetProperty("byK").EnumerateArray().Select(k => k.TryGetProperty("H", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null).ToList();
        return new RunSummary(r.Id, r.Source, r.Framework, r.FrameworkVersion, r.AgeGroup, r.Disaggregations, r.Scope, r.Label, r.CreatedAt, r.DataAsOf,
            root.GetProperty("n").GetInt32(), h);
    }
}
