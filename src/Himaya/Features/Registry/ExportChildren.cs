using System.Globalization;
using System.Text;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Registry;

/// <summary>Search results as CSV (UTF-8 with BOM so spreadsheet programs read Azerbaijani letters). Audited as an export.</summary>
public sealed class ExportChildren(AppDbContext db, AuditLog audit, AdminUnits units, TimeProvider clock)
{
    public const int MaxRows = 10_000;

    public async Task<Outcome<byte[]>> RunAsync(CurrentUser user, ChildSearch s, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadPersonalData)) return new Outcome<byte[]>.Forbidden();
        var errors = SearchChildren.Validate(s with { Page = 1, PageSize = 1 }, units);
        if (!errors.IsEmpty) return new Outcome<byte[]>.Invalid(errors);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await SearchChildren.Filter(db.Children.AsNoTracking().VisibleTo(user), s, units, today)
            .OrderBy(c => c.SurnameKey).ThenBy(c => c.GivenNameKey).ThenBy(c => c.Id).Take(MaxRows)
            .Select(c => new { c.Id, c.Surname, c.GivenName, c.Patronymic, c.Sex, c.BirthDate, c.Fin, c.BirthCertificateNumber, c.DistrictCode, c.CareArrangement, c.HasFunctionalDifficulty, c.Displacement })
            .ToListAsync(ct);
        var sb = new StringBuilder("id,surname,givenName,patronymic,sex,birthDate,fin,birthCertificateNumber,districtCode,careArrangement,hasFunctionalDifficulty,displacement\n");
        foreach (var r in rows)
            sb.AppendJoin(',', [r.Id.ToString(), Csv(r.Surname), Csv(r.GivenName), Csv(r.Patronymic), r.Sex.ToString(), r.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Csv(r.Fin), Csv(r.BirthCertificateNumber), r.DistrictCode, r.CareArrangement.ToString(), r.HasFunctionalDifficulty ? "true" : "false", r.Displacement.ToString()]).Append('\n');
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Export, "child", Detail: $"csv; rows={rows.Count}; terms={SearchChildren.ParseQuery(s.Q).Count()}; district={s.District}; sex={s.Sex}; age={s.AgeMin}-{s.AgeMax}; disability={s.Disability}; care={s.Care}"), ct);
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
    }

    // Quote when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.
    private static string Csv(string? v)
    {
        if (string.IsNullOrEmpty(v)) return "";
        if (v[0] is '=' or '+' or '-' or '@') v = "'" + v;
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
