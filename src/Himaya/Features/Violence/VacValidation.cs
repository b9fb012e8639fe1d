using Himaya.Platform;

namespace Himaya.Features.Violence;

/// <summary>What a report must hold. Only the type, what happened and the district are required: a frightened caller or a
/// child on a cheap phone must be able to report with little; everything else is checked only when given.</summary>
public static class VacValidation
{
    public const int DescriptionMax = 4000;

    public static FieldErrors Validate(VacReportInput r, AdminUnits units, DateOnly today)
    {
        var e = new FieldErrors();
        if (r.Type is null) e.Add(VacErrors.TypeRequired());
        if (string.IsNullOrWhiteSpace(r.Description)) e.Add(VacErrors.DescriptionRequired());
        else Length(e, "description", r.Description, DescriptionMax);
        if (string.IsNullOrWhiteSpace(r.DistrictCode)) e.Add(VacErrors.DistrictRequired());
        else if (!units.IsDistrict(r.DistrictCode.Trim())) e.Add(PlatformErrors.UnknownDistrict("districtCode"));
        Length(e, "place", r.Place, 200);
        if (r.OccurredOn > today) e.Add(PlatformErrors.FutureDate("occurredOn"));
        if (r.Child is { } c)
        {
            Length(e, "child.givenName", c.GivenName, 100);
            Length(e, "child.surname", c.Surname, 100);
            Length(e, "child.patronymic", c.Patronymic, 100);
            if (c.BirthDate > today) e.Add(PlatformErrors.FutureDate("child.birthDate"));
            else if (c.BirthDate is { } b && b <= today.AddYears(-18)) e.Add(VacErrors.NotAChild("child.birthDate"));
            if (c.ApproximateAge is < 0 or > 17) e.Add(VacErrors.ApproximateAge("child.approximateAge"));
        }
        if (r.Perpetrator is { } p)
        {
            Length(e, "perpetrator.relation", p.Relation, 100);
            Length(e, "perpetrator.description", p.Description, 1000);
        }
        if (r.Reporter is { } rep)
        {
            Length(e, "reporter.name", rep.Name, 200);
            Length(e, "reporter.relation", rep.Relation, 100);
            if (rep.Phone is { Length: > 0 } phone && (phone.Length > 32 || !phone.All(ch => char.IsAsciiDigit(ch) || ch is '+' or ' ' or '-' or '(' or ')')))
                e.Add(VacErrors.Phone("reporter.phone"));
        }
        return e;
    }

    private static void Length(FieldErrors e, string field, string? value, int max)
    {
        if (value is not null && value.Length > max) e.Add(PlatformErrors.TooLong(field, max));
    }

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
