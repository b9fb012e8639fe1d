using System.Globalization;
using System.Linq.Expressions;
using Himaya.Features.Audit;
using Himaya.Features.Identity;
using Himaya.Features.Reference;
using Himaya.Infrastructure;
using Himaya.Linkage;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Registry;

public sealed record ChildSearch
{
    public string? Q { get; init; }
    public string? District { get; init; }
    public Sex? Sex { get; init; }
    public int? AgeMin { get; init; }
    public int? AgeMax { get; init; }
    public bool? Disability { get; init; }
    public CareArrangement? Care { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
    public string? Sort { get; init; }
}

/// <summary>
/// One search box: each word of the query must match the start of the (folded) surname, given name or patronymic,
/// or be a FIN, a birth-certificate number or a date of birth. Scope is applied before anything else.
/// </summary>
public sealed class SearchChildren(AppDbContext db, AuditLog audit, AdminUnits units, TimeProvider clock)
{
    public const int MaxPageSize = 100;
    /// <summary>Counting stops here: "more than 10,000" is all a person needs, and exact counts of huge sets are slow.</summary>
    public const int CountCap = 10_000;
    public static readonly string[] Sorts = ["name", "-name", "birthDate", "-birthDate", "district", "-updated"];

    public static FieldErrors Validate(ChildSearch s, AdminUnits units)
    {
        var e = new FieldErrors();
        if (s.Q is { Length: > 200 }) e.Add("q", "At most 200 characters.");
        if (s.District is { Length: > 0 } d && units.Find(d) is null) e.Add("district", $"Unknown district code.");
        if (s.AgeMin is < 0 or > 17) e.Add("ageMin", "Age must be between 0 and 17.");
        if (s.AgeMax is < 0 or > 17) e.Add("ageMax", "Age must be between 0 and 17.");
        if (s.AgeMin > s.AgeMax) e.Add("ageMax", "Maximum age is below minimum age.");
        if (s.Page < 1) e.Add("page", "Page starts at 1.");
        if (s.PageSize is < 1 or > MaxPageSize) e.Add("pageSize", $"Page size must be between 1 and {MaxPageSize}.");
        if (s.Sort is { Length: > 0 } sort && !Sorts.Contains(sort, StringComparer.Ordinal)) e.Add("sort", "Sort must be one of: " + string.Join(", ", Sorts) + ".");
        return e;
    }

    public async Task<Outcome<PagedList<ChildSummary>>> RunAsync(CurrentUser user, ChildSearch s, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadPersonalData)) return new Outcome<PagedList<ChildSummary>>.Forbidden();
        var errors = Validate(s, units);
        if (!errors.IsEmpty) return new Outcome<PagedList<ChildSummary>>.Invalid(errors);

        var q = Filter(db.Children.AsNoTracking().VisibleTo(user), s, units, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var total = await q.Take(CountCap + 1).CountAsync(ct);
        var rows = await Sort(q, s.Sort).Skip((s.Page - 1) * s.PageSize).Take(s.PageSize)
            .Select(c => new { c.Id, c.GivenName, c.Surname, c.Patronymic, c.Sex, c.BirthDate, c.DistrictCode, c.CareArrangement, c.HasFunctionalDifficulty })
            .ToListAsync(ct);
        var items = rows.Select(c => new ChildSummary(c.Id, c.GivenName, c.Surname, c.Patronymic, c.Sex, c.BirthDate, c.DistrictCode,
            units.DisplayName(c.DistrictCode, culture), c.CareArrangement, c.HasFunctionalDifficulty)).ToList();
        // The query text itself may be a child's name, so the audit line records its shape, not its words.
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, EntityType: "child", Detail: Describe(s, items.Count, total)), ct);
        return new PagedList<ChildSummary>(items, s.Page, s.PageSize, Math.Min(total, CountCap), total <= CountCap);
    }

    internal static IQueryable<Child> Filter(IQueryable<Child> q, ChildSearch s, AdminUnits units, DateOnly today)
    {
        foreach (var term in ParseQuery(s.Q))
        {
            q = term switch
            {
                QueryTerm.FinTerm f => q.Where(c => c.Fin == f.Value || c.BirthCertificateNumber == f.Value),
                QueryTerm.CertificateTerm b => q.Where(c => c.BirthCertificateNumber == b.Value),
                QueryTerm.DateTerm d => q.Where(c => c.BirthDate == d.Value),
                QueryTerm.NameTerm n => q.Where(NameStartsWith(n.Key)),
                _ => q,
            };
        }
        if (s.District is { Length: > 0 } district)
        {
            var codes = units.SelfAndDescendants(district).ToList();
            q = q.Where(c => codes.Contains(c.DistrictCode));
        }
        if (s.Sex is { } sex) q = q.Where(c => c.Sex == sex);
        if (s.Disability is { } dis) q = q.Where(c => c.HasFunctionalDifficulty == dis);
        if (s.Care is { } care) q = q.Where(c => c.CareArrangement == care);
        // Age a..b years today  <=>  born after today-(b+1) years and on or before today-a years.
        if (s.AgeMin is { } min) { var latest = today.AddYears(-min); q = q.Where(c => c.BirthDate <= latest); }
        if (s.AgeMax is { } max) { var earliest = today.AddYears(-(max + 1)); q = q.Where(c => c.BirthDate > earliest); }
        return q;
    }

    /// <summary>
    /// Prefix match on any of the three folded keys, written as a range plus LIKE so that a plain B-tree index
    /// serves it under any database collation.
    /// </summary>
    private static Expression<Func<Child, bool>> NameStartsWith(string key)
    {
        var hi = key[..^1] + (char)(key[^1] + 1);
        return c => (string.Compare(c.SurnameKey, key) >= 0 && string.Compare(c.SurnameKey, hi) < 0 && c.SurnameKey.StartsWith(key))
                 || (string.Compare(c.GivenNameKey, key) >= 0 && string.Compare(c.GivenNameKey, hi) < 0 && c.GivenNameKey.StartsWith(key))
                 || (string.Compare(c.PatronymicKey, key) >= 0 && string.Compare(c.PatronymicKey, hi) < 0 && c.PatronymicKey.StartsWith(key));
    }

    private static IQueryable<Child> Sort(IQueryable<Child> q, string? sort) => sort switch
    {
        "-name" => q.OrderByDescending(c => c.SurnameKey).ThenByDescending(c => c.GivenNameKey).ThenByDescending(c => c.Id),
        "birthDate" => q.OrderBy(c => c.BirthDate).ThenBy(c => c.Id),
        "-birthDate" => q.OrderByDescending(c => c.BirthDate).ThenBy(c => c.Id),
        "district" => q.OrderBy(c => c.DistrictCode).ThenBy(c => c.SurnameKey).ThenBy(c => c.Id),
        "-updated" => q.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id),
        _ => q.OrderBy(c => c.SurnameKey).ThenBy(c => c.GivenNameKey).ThenBy(c => c.Id),
    };

    internal abstract record QueryTerm
    {
        public sealed record NameTerm(string Key) : QueryTerm;
        public sealed record FinTerm(string Value) : QueryTerm;
        public sealed record CertificateTerm(string Value) : QueryTerm;
        public sealed record DateTerm(DateOnly Value) : QueryTerm;
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy"];

    internal static IEnumerable<QueryTerm> ParseQuery(string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) yield break;
        var words = new List<string>();
        foreach (var raw in q.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DateOnly.TryParseExact(raw, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) { yield return new QueryTerm.DateTerm(date); continue; }
            if (raw.Any(char.IsAsciiDigit) && Fin.TryNormalise(raw, out var fin)) { yield return new QueryTerm.FinTerm(fin); continue; }
            if (raw.Any(char.IsAsciiDigit) && BirthCertificateNumber.TryNormalise(raw, out var cert)) { yield return new QueryTerm.CertificateTerm(cert); continue; }
            words.Add(raw);
        }
        foreach (var key in NameFolding.QueryTokens(string.Join(' ', words)))
            if (key.Length > 0) yield return new QueryTerm.NameTerm(key);
    }

    private static string Describe(ChildSearch s, int returned, int total) => string.Create(CultureInfo.InvariantCulture,
        $"terms={ParseQuery(s.Q).Count()}; district={s.District}; sex={s.Sex}; age={s.AgeMin}-{s.AgeMax}; disability={s.Disability}; care={s.Care}; page={s.Page}; returned={returned}; matched={(total > CountCap ? CountCap + "+" : total.ToString(CultureInfo.InvariantCulture))}");
}
