using System.Globalization;
using System.Text;
using Himaya.Deprivation;
using Himaya.Platform;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Deprivation;

public sealed record MostDeprivedQuery(string? AgeGroup = null, int? K = null, string? District = null, int Page = 1, int PageSize = 50, string? Framework = null,
    string? Version = null);

/// <summary>A child deprived in at least k dimensions: who, the dimensions, and the gaps in services the registry shows (codes, see <see cref="MostDeprived.Reasons"/>).</summary>
public sealed record DeprivedChild(Guid Id, string GivenName, string Surname, string? Patronymic, Sex Sex, DateOnly BirthDate, int Age, string DistrictCode,
    string DistrictName, double Score, IReadOnlyList<string> Dimensions, IReadOnlyList<string> Reasons);

public sealed record DeprivedList(IReadOnlyList<DeprivedChild> Items, int Page, int PageSize, int Total, string AgeGroup, int K, DateTime DataAsOf);

/// <summary>
/// The most deprived children in the user's scope: those whose deprivation score reaches k under the framework (a
/// missing indicator counts as not deprived here, so a child with gaps in the record is not left off the list), most
/// deprived first, each with the reasons the registry gives for being missed by services. Personal data: only for roles
/// that may read it, within their scope, and every list shown or exported is audited with the records it showed.
/// </summary>
public sealed class MostDeprived(AppDbContext db, AuditLog audit, AdminUnits units, RegistryFactsCache facts, Frameworks frameworks, TimeProvider clock)
{
    public const int MaxPageSize = 200;
    public const int MaxExport = 100_000;

    /// <summary>Gaps in services the registry can show, in the order they are listed.</summary>
    public static readonly string[] ReasonCodes =
        ["no_birth_certificate", "out_of_school", "out_of_preschool", "not_immunised", "difficulty_without_status", "no_social_assistance", "outside_family_care"];

    public static FieldErrors Validate(MostDeprivedQuery q, RegistryFramework framework, AdminUnits units)
    {
        var e = new FieldErrors();
        var group = framework.Group(q.AgeGroup);
        if (group is null) e.Add(DeprivationErrors.UnknownAgeGroup(string.Join(", ", framework.AgeGroups.Select(g => g.Id))));
        else if (q.K is { } k && (k < 1 || k > group.Framework.Dimensions.Count)) e.Add(DeprivationErrors.DeprivedInBetween(group.Framework.Dimensions.Count));
        if (q.District is { Length: > 0 } d && units.Find(d) is null) e.Add(PlatformErrors.UnknownDistrict("district"));
        if (q.Page < 1) e.Add(PlatformErrors.PageStartsAtOne("page"));
        if (q.PageSize is < 1 or > MaxPageSize) e.Add(PlatformErrors.PageSize("pageSize", MaxPageSize));
        return e;
    }

    public async Task<Outcome<DeprivedList>> ListAsync(CurrentUser user, MostDeprivedQuery q, string culture, CancellationToken ct) => await RunAsync(user, q, export: false, culture, ct);

    /// <summary>The whole list (up to <see cref="MaxExport"/>) as CSV; audited as an export.</summary>
    public async Task<Outcome<byte[]>> ExportAsync(CurrentUser user, MostDeprivedQuery q, CancellationToken ct)
    {
        var outcome = await RunAsync(user, q with { Page = 1, PageSize = MaxPageSize }, export: true, "en", ct);
        if (outcome is not Outcome<DeprivedList>.Ok ok) return outcome switch
        {
            Outcome<DeprivedList>.Invalid i => new Outcome<byte[]>.Invalid(i.Errors),
            _ => new Outcome<byte[]>.Forbidden(),
        };
        var sb = new StringBuilder("id,surname,given_name,patronymic,sex,birth_date,age,district,score,dimensions,reasons\n");
        foreach (var c in ok.Value.Items)
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"{c.Id:D},{Csv(c.Surname)},{Csv(c.GivenName)},{Csv(c.Patronymic)},{c.Sex},{c.BirthDate:yyyy-MM-dd},{c.Age},{c.DistrictCode},{c.Score:0.##},{string.Join(';', c.Dimensions)},{string.Join(';', c.Reasons)}\n"));
        return new Outcome<byte[]>.Ok(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    private static string Csv(string? s) => s is null ? "" : s.AsSpan().IndexOfAny(",\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private async Task<Outcome<DeprivedList>> RunAsync(CurrentUser user, MostDeprivedQuery q, bool export, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadPersonalData)) return new Outcome<DeprivedList>.Forbidden();
        var registryFramework = await frameworks.FindAsync(q.Framework, q.Version, ct);
        if (registryFramework is null) return new Outcome<DeprivedList>.Invalid(Frameworks.NotFound(q.Version));
        var errors = Validate(q, registryFramework, units);
        if (!errors.IsEmpty) return new Outcome<DeprivedList>.Invalid(errors);
        var group = registryFramework.Group(q.AgeGroup)!;
        var framework = group.Framework;
        var k = q.K ?? Math.Min(3, framework.Dimensions.Count);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var registry = await facts.GetAsync(ct);

        // Candidates from the shared reading: in scope (areas and caseload as RegistryScope.VisibleTo), in the age group, score
        // at least k; the page itself is read again through VisibleTo below.
        var within = q.District is { Length: > 0 } d ? units.SelfAndDescendants(d).ToHashSet(StringComparer.Ordinal) : null;
        var indicators = framework.Indicators.Select(id => registryFramework.Indicator(id)!).ToArray();
        var found = new List<(Guid Id, double Score)>();
        foreach (var i in registry.Rows(user, group.MinAge, group.MaxAge, today, within))
        {
            var c = registry[i];
            var (score, _) = Score(framework, indicators, c, Child.AgeOn(c.BirthDate, today));
            if (score >= k - 1e-9) found.Add((registry.Id[i], score));
        }
        found.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));
        var take = export ? Math.Min(found.Count, MaxExport) : q.PageSize;
        var ids = found.Skip(export ? 0 : (q.Page - 1) * q.PageSize).Take(take).Select(f => f.Id).ToList();

        // The page itself from the database as it is now, through the scope filter (the reading may be minutes old).
        var rows = new List<Child>();
        foreach (var chunk in ids.Chunk(1000))
            rows.AddRange(await db.Children.AsNoTracking().VisibleTo(user).Include(c => c.Household).Where(c => chunk.Contains(c.Id)).ToListAsync(ct));
        var byId = rows.ToDictionary(c => c.Id);
        var items = new List<DeprivedChild>();
        foreach (var id in ids)
        {
            if (!byId.TryGetValue(id, out var c)) continue; // archived or moved out of scope since the reading
            var f = FactsOf(c);
            var age = Child.AgeOn(c.BirthDate, today);
            var (score, dims) = Score(framework, indicators, f, age);
            if (score < k - 1e-9) continue; // no longer this deprived
            items.Add(new DeprivedChild(c.Id, c.GivenName, c.Surname, c.Patronymic, c.Sex, c.BirthDate, age, c.DistrictCode, units.DisplayName(c.DistrictCode, culture),
                score, dims, Reasons(c, f, age, score)));
        }
        await audit.RecordAsync(user, new AuditEvent(export ? AuditActions.Export : AuditActions.Search, "child", null, string.Create(CultureInfo.InvariantCulture,
            $"most deprived; ageGroup={group.Id}; k={k}; district={q.District}; page={q.Page}; matched={found.Count}; ids={string.Join(',', items.Select(i => i.Id.ToString("N")))}")), ct);
        return new Outcome<DeprivedList>.Ok(new DeprivedList(items, q.Page, q.PageSize, found.Count, group.Id, k, registry.LoadedAt));
    }

    internal static ChildFacts FactsOf(Child c) => new(c.BirthDate, c.Sex, c.DistrictCode, c.Residence, c.Displacement, c.HasFunctionalDifficulty, c.Enrolment,
        c.Immunisation, c.BirthRegistered, c.CareArrangement, c.ReceivesTsa ?? c.Household?.ReceivesTsa, c.Household?.WaterSource, c.Household?.Sanitation, c.Household?.Rooms,
        c.Household?.People, c.OfficialDisabilityStatus);

    /// <summary>The child's score on the k scale and the dimensions it is deprived in (unknown indicators count as not deprived).</summary>
    internal static (double Score, List<string> Dimensions) Score(Framework framework, RegistryIndicator[] indicators, ChildFacts c, int age)
    {
        var weights = framework.NormalisedWeights;
        var dims = new List<string>();
        var score = 0.0;
        for (var d = 0; d < framework.Dimensions.Count; d++)
        {
            var dim = framework.Dimensions[d];
            var values = dim.Indicators.Select(id => indicators.First(i => i.Id == id).Value(c, age)).ToArray();
            if (!dim.Status(values).Deprived) continue;
            dims.Add(dim.Name);
            score += weights[d] * framework.Dimensions.Count;
        }
        return (score, dims);
    }

    /// <summary>The gaps in services the record shows. "No social assistance" is a flag to check eligibility, not a finding: the registry holds no means test.</summary>
    public static List<string> Reasons(Child c, ChildFacts f, int age, double score)
    {
        var reasons = new List<string>();
        if (c.BirthRegistered == false || c.BirthCertificateNumber is null) reasons.Add("no_birth_certificate");
        if (age >= 6 && c.Enrolment is Enrolment.NotEnrolled or Enrolment.NotOfAge) reasons.Add("out_of_school");
        if (age is >= 3 and <= 5 && c.Enrolment is Enrolment.NotEnrolled or Enrolment.NotOfAge) reasons.Add("out_of_preschool");
        if (age is >= 1 and <= 4 && c.Immunisation is Immunisation.None or Immunisation.Partial) reasons.Add("not_immunised");
        if (c.HasFunctionalDifficulty && c.OfficialDisabilityStatus != true) reasons.Add("difficulty_without_status");
        if (score >= 2 && (c.ReceivesTsa ?? c.Household?.ReceivesTsa) == false) reasons.Add("no_social_assistance");
        if (f.CareArrangement is CareArrangement.ResidentialInstitution or CareArrangement.Detention or CareArrangement.Street) reasons.Add("outside_family_care");
        return reasons;
    }

}
