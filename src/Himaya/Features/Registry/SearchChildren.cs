using System.Globalization;
using System.Linq.Expressions;
using Himaya.Platform;
using Himaya.Features.Identity;
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
    /// <summary>
    /// Counting stops here: "more than 1,000 — narrow the search" is all a person needs from a search box, and a
    /// bounded count keeps a search for a common surname as fast as one for a rare one (docs/benchmarks.md).
    /// </summary>
    public const int CountCap = 1_000;

    /// <summary>Enough to tell which query word is rarest; counting further would cost more than it saves.</summary>
    private const int RarityProbe = 200;
    public static readonly string[] Sorts = ["name", "-name", "birthDate", "-birthDate", "district", "-updated"];

    public static FieldErrors Validate(ChildSearch s, AdminUnits units)
    {
        var e = new FieldErrors();
        if (s.Q is { Length: > 200 }) e.Add(PlatformErrors.TooLong("q", 200));
        if (s.District is { Length: > 0 } d && units.Find(d) is null) e.Add(PlatformErrors.UnknownDistrict("district"));
        if (s.AgeMin is < 0 or > 17) e.Add(RegistryErrors.AgeRange("ageMin"));
        if (s.AgeMax is < 0 or > 17) e.Add(RegistryErrors.AgeRange("ageMax"));
        if (s.AgeMin > s.AgeMax) e.Add(RegistryErrors.AgeOrder());
        if (s.Page < 1) e.Add(PlatformErrors.PageStartsAtOne("page"));
        if (s.PageSize is < 1 or > MaxPageSize) e.Add(PlatformErrors.PageSize("pageSize", MaxPageSize));
        else if (s.Page > 1 + (CountCap / s.PageSize)) e.Add(RegistryErrors.ChildrenBeyondCap(CountCap));
        if (s.Sort is { Length: > 0 } sort && !Sorts.Contains(sort, StringComparer.Ordinal)) e.Add(RegistryErrors.UnknownSort(string.Join(", ", Sorts)));
        return e;
    }

    public async Task<Outcome<PagedList<ChildSummary>>> RunAsync(CurrentUser user, ChildSearch s, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadPersonalData)) return new Outcome<PagedList<ChildSummary>>.Forbidden();
        var errors = Validate(s, units);
        if (!errors.IsEmpty) return new Outcome<PagedList<ChildSummary>>.Invalid(errors);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var keys = ParseQuery(s.Q).OfType<QueryTerm.NameTerm>().Select(t => t.Key).ToArray();
        var (rows, total) = keys.Length > 0 && s.Sort is null or "name"
            ? await ByNameGroupsAsync(db.Children.AsNoTracking().VisibleTo(user), s, keys, today, ct)
            : await GenericAsync(Filter(db.Children.AsNoTracking().VisibleTo(user), s, units, today), s, ct);
        var items = rows.Select(c => new ChildSummary(c.Id, c.GivenName, c.Surname, c.Patronymic, c.Sex, c.BirthDate, c.DistrictCode,
            units.DisplayName(c.DistrictCode, culture), c.CareArrangement, c.HasFunctionalDifficulty)).ToList();
        // The query text itself may be a child's name, so the audit line records its shape, not its words.
        // ...but which records it showed is kept, so an auditor can tell who saw a child in a result list.
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, EntityType: "child",
            Detail: Describe(s, items.Count, total) + "; ids=" + string.Join(',', items.Select(i => i.Id.ToString("N")))), ct);
        return new PagedList<ChildSummary>(items, s.Page, s.PageSize, Math.Min(total, CountCap), total <= CountCap);
    }

    private sealed record Row(Guid Id, string GivenName, string Surname, string? Patronymic, Sex Sex, DateOnly BirthDate, string DistrictCode,
        CareArrangement CareArrangement, bool HasFunctionalDifficulty, string SurnameKey, string GivenNameKey, string PatronymicKey);

    private static IQueryable<Row> Project(IQueryable<Child> q) =>
        q.Select(c => new Row(c.Id, c.GivenName, c.Surname, c.Patronymic, c.Sex, c.BirthDate, c.DistrictCode, c.CareArrangement, c.HasFunctionalDifficulty,
            c.SurnameKey, c.GivenNameKey, c.PatronymicKey));

    private static async Task<(List<Row>, int)> GenericAsync(IQueryable<Child> q, ChildSearch s, CancellationToken ct)
    {
        var total = await q.Take(CountCap + 1).CountAsync(ct);
        var rows = await Project(Sort(q, s.Sort).Skip((s.Page - 1) * s.PageSize).Take(s.PageSize)).ToListAsync(ct);
        return (rows, total);
    }

    private enum NameField { Surname, GivenName, Patronymic }

    /// <summary>
    /// Name search in name order without sorting every match: the rarest query word drives it, and the matches
    /// fall into three disjoint groups by where that word matched — surname, then given name, then patronymic.
    /// Each group is one ordered range scan on its own index (first page and capped count come from the index), the
    /// other words filter it. A search for a common surname therefore costs what its first page costs.
    /// </summary>
    private async Task<(List<Row>, int)> ByNameGroupsAsync(IQueryable<Child> scoped, ChildSearch s, string[] keys, DateOnly today, CancellationToken ct)
    {
        // Each (field, word) prefix becomes the short list of whole keys it covers, when that list is short: equality
        // on both columns of a composite index is a seek, where a prefix range on its first column scans every entry
        // of a common surname. An empty list means the word cannot match in that field, so that query is skipped.
        var expanded = keys.Length > 1 ? await ExpandAsync(keys.Distinct(StringComparer.Ordinal).ToArray(), ct) : [];
        Expression<Func<Child, bool>> Match(NameField field, string key) =>
            expanded.TryGetValue((field, key), out var list) ? In(field, list) : StartsWith(field, key);
        bool Impossible(NameField field, string key) => expanded.TryGetValue((field, key), out var list) && list.Length == 0;

        var driver = keys[0];
        if (keys.Length > 1)
        {
            var fewest = int.MaxValue;
            foreach (var k in keys.Distinct(StringComparer.Ordinal))
            {
                var live = db.Children.Where(c => c.DeletedAt == null);
                var fields = Enum.GetValues<NameField>().Where(f => !Impossible(f, k)).ToArray();
                var n = fields.Length == 0 ? 0 : (await CountsAsync(fields.Select(f => live.Where(Match(f, k))).ToArray(), RarityProbe, ct)).Sum();
                if (n < fewest) (fewest, driver) = (n, k);
            }
        }
        var others = keys.ToList();
        others.Remove(driver);
        var filtered = Filter(scoped, s, units, today, names: false);
        // With one other word (the usual "surname given-name"), split each group by where that word matched, so
        // every part is a plain conjunction that one composite index serves; with more words the extra words are filters.
        var split = others.Count == 1 ? others[0] : null;
        if (split is null) foreach (var k in others) filtered = filtered.Where(NameStartsWith(k));

        var rows = new List<Row>();
        var total = 0;
        var skip = (s.Page - 1) * s.PageSize;
        foreach (var field in Enum.GetValues<NameField>())
        {
            if (Impossible(field, driver)) continue;
            var group = filtered.Where(Match(field, driver));
            // Disjoint groups: a child whose surname and given name both start with the word is counted once.
            if (field >= NameField.GivenName && !Impossible(NameField.Surname, driver)) group = group.Where(Not(Match(NameField.Surname, driver)));
            if (field == NameField.Patronymic && !Impossible(NameField.GivenName, driver)) group = group.Where(Not(Match(NameField.GivenName, driver)));
            var parts = split is null ? [group] : Enum.GetValues<NameField>().Where(other => !Impossible(other, split)).Select(other =>
            {
                var part = group.Where(Match(other, split));
                if (other >= NameField.GivenName && !Impossible(NameField.Surname, split)) part = part.Where(Not(Match(NameField.Surname, split)));
                if (other == NameField.Patronymic && !Impossible(NameField.GivenName, split)) part = part.Where(Not(Match(NameField.GivenName, split)));
                return part;
            }).ToArray();
            if (parts.Length == 0) continue;

            // Every part of a group is counted, even past the cap, so that the group's page can draw on all of them.
            var counts = await CountsAsync(parts, CountCap + 1, ct);
            total += counts.Sum();
            var groupCount = counts.Sum();
            if (rows.Count < s.PageSize && skip < groupCount)
            {
                var want = skip + s.PageSize - rows.Count;
                var found = new List<Row>();
                // A part whose leading key is a list of several values is read as one ordered range per value (in one
                // round trip): PostgreSQL will not return an IN-list on an index's first column in index order.
                var leading = expanded.TryGetValue((field, driver), out var lv) && lv.Length > 1 ? lv : null;
                for (var i = 0; i < parts.Length; i++)
                {
                    if (counts[i] == 0) continue;
                    // A small part (its count is known) is read whole and ordered here: without ORDER BY ... LIMIT the
                    // planner seeks on the index that fits both words instead of walking the group's index in order.
                    var query = counts[i] <= SmallPart ? Project(parts[i])
                        : leading is null ? Project(InGroupOrder(parts[i], field).Take(want))
                        : Project(leading.Select(v => InGroupOrder(parts[i].Where(In(field, [v])), field).Take(want)).Aggregate(Queryable.Concat));
                    found.AddRange(await query.ToListAsync(ct));
                }
                rows.AddRange(InGroupOrder(found, field).Skip(skip).Take(s.PageSize - rows.Count));
            }
            skip = Math.Max(0, skip - groupCount);
            if (total > CountCap) break;
        }
        return (rows, total);
    }

    /// <summary>Parts with at most this many matches are fetched whole and sorted in memory.</summary>
    private const int SmallPart = 200;

    /// <summary>A prefix is expanded to its whole keys only up to this many; beyond it the range scan is the better plan.</summary>
    private const int MaxExpansion = 24;

    private sealed record KeyRow(int Q, string Value);

    /// <summary>
    /// The distinct live keys starting with each word, per name field, in one round trip: a loose index scan (one
    /// index seek per distinct key, a recursive CTE both databases run) on the index that leads with that field.
    /// Lists longer than <see cref="MaxExpansion"/> are left out (the caller falls back to the prefix range).
    /// </summary>
    private async Task<Dictionary<(NameField, string), string[]>> ExpandAsync(string[] keys, CancellationToken ct)
    {
        var ctes = new List<string>();
        var selects = new List<string>();
        var args = new List<object>();
        var asked = new List<(NameField, string)>();
        foreach (var field in Enum.GetValues<NameField>())
        {
            var column = field switch { NameField.Surname => "surname_key", NameField.GivenName => "given_name_key", _ => "patronymic_key" };
            foreach (var key in keys)
            {
                var (lo, hi) = (args.Count, args.Count + 1);
                args.Add(key);
                args.Add(key[..^1] + (char)(key[^1] + 1));
                var name = "k" + ctes.Count.ToString(CultureInfo.InvariantCulture);
                ctes.Add($$"""
                    {{name}}(v, n) AS (
                        SELECT (SELECT min({{column}}) FROM children WHERE deleted_at IS NULL AND {{column}} >= {{{lo}}} AND {{column}} < {{{hi}}}), 1
                        UNION ALL
                        SELECT (SELECT min({{column}}) FROM children WHERE deleted_at IS NULL AND {{column}} > {{name}}.v AND {{column}} < {{{hi}}}), n + 1
                        FROM {{name}} WHERE {{name}}.v IS NOT NULL AND n <= {{MaxExpansion}})
                    """);
                selects.Add($"SELECT {ctes.Count - 1} AS \"Q\", v AS \"Value\" FROM {name} WHERE v IS NOT NULL");
                asked.Add((field, key));
            }
        }
        var sql = "WITH RECURSIVE " + string.Join(",\n", ctes) + "\n" + string.Join("\nUNION ALL\n", selects);
        // Only column names chosen above and numbered parameters go into the text.
#pragma warning disable EF1002
        var found = await db.Database.SqlQueryRaw<KeyRow>(sql, args.ToArray()).ToListAsync(ct);
#pragma warning restore EF1002
        var result = new Dictionary<(NameField, string), string[]>();
        for (var q = 0; q < asked.Count; q++)
        {
            var values = found.Where(r => r.Q == q).Select(r => r.Value).ToArray();
            if (values.Length <= MaxExpansion) result[asked[q]] = values;
        }
        return result;
    }

    private static Expression<Func<Child, bool>> In(NameField field, string[] values) => values.Length == 1 ? Equal(field, values[0]) : field switch
    {
        NameField.Surname => c => values.Contains(c.SurnameKey),
        NameField.GivenName => c => values.Contains(c.GivenNameKey),
        _ => c => values.Contains(c.PatronymicKey),
    };

    /// <summary>Bounded counts of one to three queries in a single round trip (scalar subqueries of a one-row select).</summary>
    private async Task<int[]> CountsAsync(IQueryable<Child>[] parts, int cap, CancellationToken ct)
    {
        var one = db.AdminUnits.OrderBy(u => u.Code).Take(1);
        if (parts.Length == 1) return [await parts[0].Take(cap).CountAsync(ct)];
        if (parts.Length == 2)
        {
            var (x, y) = (parts[0].Take(cap), parts[1].Take(cap));
            var pair = await one.Select(_ => new { A = x.Count(), B = y.Count() }).SingleAsync(ct);
            return [pair.A, pair.B];
        }
        var (a, b, c) = (parts[0].Take(cap), parts[1].Take(cap), parts[2].Take(cap));
        var row = await one.Select(_ => new { A = a.Count(), B = b.Count(), C = c.Count() }).SingleAsync(ct);
        return [row.A, row.B, row.C];
    }

    private static IOrderedQueryable<Child> InGroupOrder(IQueryable<Child> q, NameField field) => field switch
    {
        NameField.Surname => q.OrderBy(c => c.SurnameKey).ThenBy(c => c.GivenNameKey).ThenBy(c => c.Id),
        NameField.GivenName => q.OrderBy(c => c.GivenNameKey).ThenBy(c => c.SurnameKey).ThenBy(c => c.Id),
        _ => q.OrderBy(c => c.PatronymicKey).ThenBy(c => c.SurnameKey).ThenBy(c => c.Id),
    };

    // The same order in memory, for merging the parts of a group (ordinal: keys are ASCII; Guid order as SQL's uuid order).
    private static IEnumerable<Row> InGroupOrder(IEnumerable<Row> rows, NameField field) => field switch
    {
        NameField.Surname => rows.OrderBy(r => r.SurnameKey, StringComparer.Ordinal).ThenBy(r => r.GivenNameKey, StringComparer.Ordinal).ThenBy(r => r.Id.ToString(), StringComparer.Ordinal),
        NameField.GivenName => rows.OrderBy(r => r.GivenNameKey, StringComparer.Ordinal).ThenBy(r => r.SurnameKey, StringComparer.Ordinal).ThenBy(r => r.Id.ToString(), StringComparer.Ordinal),
        _ => rows.OrderBy(r => r.PatronymicKey, StringComparer.Ordinal).ThenBy(r => r.SurnameKey, StringComparer.Ordinal).ThenBy(r => r.Id.ToString(), StringComparer.Ordinal),
    };

    private static Expression<Func<Child, bool>> StartsWith(NameField field, string key)
    {
        var hi = key[..^1] + (char)(key[^1] + 1);
        return field switch
        {
            NameField.Surname => c => string.Compare(c.SurnameKey, key) >= 0 && string.Compare(c.SurnameKey, hi) < 0 && c.SurnameKey.StartsWith(key),
            NameField.GivenName => c => string.Compare(c.GivenNameKey, key) >= 0 && string.Compare(c.GivenNameKey, hi) < 0 && c.GivenNameKey.StartsWith(key),
            _ => c => string.Compare(c.PatronymicKey, key) >= 0 && string.Compare(c.PatronymicKey, hi) < 0 && c.PatronymicKey.StartsWith(key),
        };
    }

    // Equality, not a one-element IN-list: the planner treats the two differently when choosing an ordered index scan.
    private static Expression<Func<Child, bool>> Equal(NameField field, string value) => field switch
    {
        NameField.Surname => c => c.SurnameKey == value,
        NameField.GivenName => c => c.GivenNameKey == value,
        _ => c => c.PatronymicKey == value,
    };

    private static Expression<Func<Child, bool>> Not(Expression<Func<Child, bool>> e) =>
        Expression.Lambda<Func<Child, bool>>(Expression.Not(e.Body), e.Parameters);

    internal static IQueryable<Child> Filter(IQueryable<Child> q, ChildSearch s, AdminUnits units, DateOnly today, bool names = true)
    {
        foreach (var term in ParseQuery(s.Q))
        {
            q = term switch
            {
                QueryTerm.FinTerm f => q.Where(c => c.Fin == f.Value || c.BirthCertificateNumber == f.Value),
                QueryTerm.CertificateTerm b => q.Where(c => c.BirthCertificateNumber == b.Value),
                QueryTerm.DateTerm d => q.Where(c => c.BirthDate == d.Value),
                QueryTerm.NameTerm n when names => q.Where(NameStartsWith(n.Key)),
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
    /// Prefix match on any of the three folded keys, each written as a range plus LIKE so that a plain B-tree index
    /// serves it under any database collation.
    /// </summary>
    private static Expression<Func<Child, bool>> NameStartsWith(string key)
    {
        var s = StartsWith(NameField.Surname, key);
        var g = StartsWith(NameField.GivenName, key);
        var p = StartsWith(NameField.Patronymic, key);
        var body = Expression.OrElse(Expression.OrElse(s.Body, Rebind(g, s.Parameters[0])), Rebind(p, s.Parameters[0]));
        return Expression.Lambda<Func<Child, bool>>(body, s.Parameters);
    }

    private static Expression Rebind(LambdaExpression e, ParameterExpression to) => new Replace(e.Parameters[0], to).Visit(e.Body);

    private sealed class Replace(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
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
