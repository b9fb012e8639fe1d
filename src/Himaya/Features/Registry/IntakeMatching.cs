using System.Globalization;
using Himaya.Platform;
using Himaya.Features.Identity;
using Himaya.Linkage;
using Himaya.Linkage.Linking;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Registry;

public sealed record MatchContact(string Name, string Agency, string Role);

/// <summary>
/// A probable existing record of the child being registered. Inside the user's scope: who it is and which fields agree.
/// Outside: only that it exists, in which district, and whom to contact there — no personal data.
/// </summary>
public sealed record IntakeMatch(bool InScope, double Probability, string DistrictCode, string DistrictName, Guid? Id = null,
    string? GivenName = null, string? Surname = null, string? Patronymic = null, DateOnly? BirthDate = null,
    IReadOnlyList<string>? Agreeing = null, IReadOnlyList<string>? Differing = null, IReadOnlyList<MatchContact>? Contacts = null);

public sealed record IntakeMatches(IReadOnlyList<IntakeMatch> Matches, int CandidatesCompared);

/// <summary>
/// Before a child is registered: which registered children are probably the same child, across the whole registry
/// (a duplicate in another district is exactly what must be caught), scored by the linkage model. Candidates come from
/// indexed lookups only: same FIN, same certificate, same birth date (or day and month swapped), or same given name with
/// a surname of the same family (Məmmədov/Məmmədova/Məmmədli...).
/// </summary>
public sealed class IntakeMatching(AppDbContext db, AuditLog audit, AdminUnits units, IntakeModel model, TimeProvider clock)
{
    public const double ShowFrom = 0.5;
    public const int MaxShown = 10;
    private const int PerLookup = 2_500;

    /// <summary>Probability that a child being registered is already in the registry at all, spread over its records (the prior).</summary>
    private const double AlreadyRegisteredShare = 0.2;

    internal sealed record Candidate(Guid Id, string GivenName, string Surname, string? Patronymic, Sex Sex, DateOnly BirthDate,
        string? Fin, string? BirthCertificateNumber, string DistrictCode, int? AssignedWorkerId);

    public static FieldErrors Validate(ChildInput input, DateOnly today)
    {
        var e = new FieldErrors();
        var hasName = !string.IsNullOrWhiteSpace(input.Surname) && !string.IsNullOrWhiteSpace(input.GivenName) && input.BirthDate is not null;
        if (!hasName && string.IsNullOrWhiteSpace(input.Fin) && string.IsNullOrWhiteSpace(input.BirthCertificateNumber))
            e.Add(RegistryErrors.IdentityNeeded());
        if (input.Fin is { Length: > 0 } fin && ChildValidator.FinError("fin", fin) is { } finError) e.Add(finError);
        if (input.BirthCertificateNumber is { Length: > 0 } cert && ChildValidator.CertificateError("birthCertificateNumber", cert) is { } certError) e.Add(certError);
        if (input.BirthDate > today) e.Add(RegistryErrors.IntakeBirthDateFuture());
        foreach (var (field, value) in new[] { ("givenName", input.GivenName), ("surname", input.Surname), ("patronymic", input.Patronymic) })
            if (value is { Length: > 100 }) e.Add(PlatformErrors.TooLong(field, 100));
        return e;
    }

    public async Task<Outcome<IntakeMatches>> FindAsync(CurrentUser user, ChildInput input, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.WriteRegistry)) return new Outcome<IntakeMatches>.Forbidden();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = Validate(input, today);
        if (!errors.IsEmpty) return new Outcome<IntakeMatches>.Invalid(errors);

        var (matches, compared) = await ScoreAsync(input, ct);
        matches = [.. matches.Where(x => x.P >= ShowFrom).Take(MaxShown)];

        var visible = matches.Count == 0 ? [] : await db.Children.VisibleTo(user).Where(c => matches.Select(x => x.C.Id).Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var result = new List<IntakeMatch>();
        foreach (var (c, p, lv) in matches)
        {
            var districtName = units.DisplayName(c.DistrictCode, culture);
            if (visible.Contains(c.Id))
            {
                result.Add(new IntakeMatch(true, Math.Round(p, 4), c.DistrictCode, districtName, c.Id, c.GivenName, c.Surname, c.Patronymic, c.BirthDate,
                    Agreeing(lv, agree: true), Agreeing(lv, agree: false)));
            }
            else
            {
                result.Add(new IntakeMatch(false, Math.Round(p, 4), c.DistrictCode, districtName, Contacts: await ContactsAsync(c.DistrictCode, ct)));
            }
        }
        // The access log names the records whose existence was shown (ids only), in scope or not.
        await audit.RecordAsync(user, new AuditEvent(AuditActions.MatchCheck, EntityType: "child", Detail: string.Create(CultureInfo.InvariantCulture,
            $"candidates={compared}; shown={result.Count}; inScope={string.Join(',', result.Where(r => r.InScope).Select(r => r.Id!.Value.ToString("N")))}; " +
            $"elsewhere={string.Join(',', matches.Where(x => !visible.Contains(x.C.Id)).Select(x => x.C.Id.ToString("N")))}")), ct);
        return new Outcome<IntakeMatches>.Ok(new IntakeMatches(result, compared));
    }

    /// <summary>
    /// Registered children that may be this one, across the whole registry, with their match probability and comparison
    /// levels, most probable first (those under 1 % left out). For callers that apply their own scope rules.
    /// </summary>
    internal async Task<(List<(Candidate C, double P, int[] Levels)> Matches, int Compared)> ScoreAsync(ChildInput input, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(input, ct);
        var matches = new List<(Candidate C, double P, int[] Levels)>();
        if (candidates.Count == 0) return (matches, 0);
        var rows = new List<(string, string?[])> { ("new", IntakeModel.Values(input)) };
        rows.AddRange(candidates.Select(c => (c.Id.ToString(),
            IntakeModel.Values(c.GivenName, c.Surname, c.Patronymic, c.Sex, c.BirthDate, c.Fin, c.BirthCertificateNumber, c.DistrictCode))));
        var data = LinkData.FromRecords(IntakeModel.Config, rows);
        var m = model.Model;
        var registered = await model.RegistrySizeAsync(db, clock, ct);
        var prior = AlreadyRegisteredShare / registered;
        var priorWeight = Math.Log2(prior / (1 - prior));
        var levels = new int[Training.MaxFields];
        for (var j = 1; j < data.Count; j++)
        {
            var p = LinkModel.Probability(priorWeight + m.Score(data, 0, j, levels));
            if (p >= 0.01) matches.Add((candidates[j - 1], p, levels[..data.Fields.Length].ToArray()));
        }
        return ([.. matches.OrderByDescending(x => x.P).ThenBy(x => x.C.Id)], candidates.Count);
    }

    private static readonly string[] FieldNames = ["givenName", "surname", "patronymic", "sex", "birthDate", "fin", "birthCertificateNumber", "districtCode"];

    /// <summary>Fields that agree (exact, or as good as: same stem, Jaro–Winkler ≥ 0.92, day/month swapped) or clearly differ.</summary>
    private static List<string> Agreeing(int[] levels, bool agree)
    {
        var list = new List<string>();
        for (var f = 0; f < levels.Length; f++)
        {
            if (levels[f] == Comparisons.Missing) continue;
            var top = Comparisons.Levels(IntakeModel.Config.Fields[f].Kind).Length - 1;
            var kind = IntakeModel.Config.Fields[f].Kind;
            var good = kind is FieldKind.Name or FieldKind.Surname or FieldKind.Patronymic ? levels[f] >= 3 : kind == FieldKind.Date ? levels[f] >= 3 : levels[f] == top;
            if (agree ? good : levels[f] == 0) list.Add(FieldNames[f]);
        }
        return list;
    }

    private async Task<List<Candidate>> CandidatesAsync(ChildInput input, CancellationToken ct)
    {
        var live = db.Children.AsNoTracking().Where(c => c.DeletedAt == null);
        IQueryable<Candidate> Project(IQueryable<Child> q) => q.Take(PerLookup).Select(c => new Candidate(c.Id, c.GivenName, c.Surname, c.Patronymic, c.Sex, c.BirthDate,
            c.Fin, c.BirthCertificateNumber, c.DistrictCode, c.AssignedWorkerId));
        var found = new Dictionary<Guid, Candidate>();
        async Task Add(IQueryable<Child> q)
        {
            foreach (var c in await Project(q).ToListAsync(ct)) found.TryAdd(c.Id, c);
        }
        if (input.Fin is { Length: > 0 } && Fin.TryNormalise(input.Fin, out var fin)) await Add(live.Where(c => c.Fin == fin));
        if (input.BirthCertificateNumber is { Length: > 0 } && BirthCertificateNumber.TryNormalise(input.BirthCertificateNumber, out var cert))
            await Add(live.Where(c => c.BirthCertificateNumber == cert));
        if (input.BirthDate is { } dob)
        {
            var swapped = dob.Day <= 12 && dob.Day != dob.Month ? new DateOnly(dob.Year, dob.Day, Math.Min(dob.Month, DateTime.DaysInMonth(dob.Year, dob.Day))) : dob;
            await Add(live.Where(c => c.BirthDate == dob || c.BirthDate == swapped));
        }
        var given = NameFolding.Fold(input.GivenName);
        var surname = NameFolding.Fold(input.Surname);
        if (given.Length > 0 && surname.Length > 0)
        {
            // The family's surname forms, as whole keys: equality seeks on the (surname, given name) index.
            var stem = NameKeys.Stem(surname);
            var forms = new[] { "", "ov", "ova", "yev", "yeva", "ev", "eva", "li", "lu", "zada" }.Select(e => stem + e).Append(surname).Distinct().ToArray();
            await Add(live.Where(c => forms.Contains(c.SurnameKey) && c.GivenNameKey == given));
        }
        return [.. found.Values.OrderBy(c => c.Id)];
    }

    /// <summary>Coordinators and supervisors whose areas cover the district (the district or a region above it).</summary>
    private async Task<List<MatchContact>> ContactsAsync(string districtCode, CancellationToken ct)
    {
        var codes = new List<string>();
        for (var u = units.Find(districtCode); u is not null; u = units.Find(u.ParentCode)) codes.Add(u.Code);
        var roles = new[] { Roles.DistrictCoordinator, Roles.Supervisor };
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.ScopeKind == ScopeKind.Areas && u.ScopeAreas.Any(a => codes.Contains(a.AdminUnitCode)) && u.Roles.Any(r => roles.Contains(r.Role)))
            .OrderBy(u => u.DisplayName).Take(3)
            .Select(u => new { u.DisplayName, u.Agency, Role = u.Roles.Select(r => r.Role).Where(r => roles.Contains(r)).OrderBy(r => r).First() })
            .ToListAsync(ct);
        return users.Select(u => new MatchContact(u.DisplayName, u.Agency, u.Role)).ToList();
    }
}
