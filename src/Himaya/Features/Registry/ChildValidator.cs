using Himaya.Platform;
using Himaya.Linkage;

namespace Himaya.Features.Registry;

/// <summary>Field rules for a child record; the API and the pages both run exactly this.</summary>
public static class ChildValidator
{
    public const int MaxName = 100;
    public const int MaxGuardians = 10;

    public static FieldErrors Validate(ChildInput input, AdminUnits units, DateOnly today, bool isUpdate)
    {
        var e = new FieldErrors();
        Name(e, "givenName", input.GivenName, required: true);
        Name(e, "surname", input.Surname, required: true);
        Name(e, "patronymic", input.Patronymic, required: false);
        if (input.Sex is null) e.Add(RegistryErrors.SexRequired());
        if (input.BirthDate is not { } dob) e.Add(RegistryErrors.BirthDateRequired());
        else if (dob > today) e.Add(RegistryErrors.BirthDateFuture());
        else if (dob.AddYears(18) <= today) e.Add(RegistryErrors.NotUnder18());
        if (input.Fin is { Length: > 0 } && FinError("fin", input.Fin) is { } finError) e.Add(finError);
        if (input.BirthCertificateNumber is { Length: > 0 } && CertificateError("birthCertificateNumber", input.BirthCertificateNumber) is { } certError)
            e.Add(certError);
        if (string.IsNullOrWhiteSpace(input.DistrictCode)) e.Add(RegistryErrors.DistrictRequired("districtCode"));
        else if (!units.IsDistrict(input.DistrictCode.Trim())) e.Add(RegistryErrors.UnknownDistrictCode(Clip(input.DistrictCode)));
        if (input.CareArrangement is null) e.Add(RegistryErrors.CareRequired());
        Text(e, "settlement", input.Settlement, 100);
        Text(e, "schoolName", input.SchoolName, 200);
        Text(e, "disabilityCategory", input.DisabilityCategory, 64);
        Text(e, "relationshipToHead", input.RelationshipToHead, 32);
        if (input.Guardians is { } guardians)
        {
            if (guardians.Count > MaxGuardians) e.Add(RegistryErrors.TooManyGuardians(MaxGuardians));
            for (var i = 0; i < guardians.Count; i++)
            {
                var g = guardians[i];
                if (g is null) { e.Add(RegistryErrors.GuardianEmpty($"guardians[{i}]")); continue; }
                Name(e, $"guardians[{i}].fullName", g.FullName, required: true, max: 200);
                if (string.IsNullOrWhiteSpace(g.Relationship)) e.Add(RegistryErrors.RelationshipRequired($"guardians[{i}].relationship"));
                else Text(e, $"guardians[{i}].relationship", g.Relationship, 32);
                if (g.Phone is { Length: > 0 } phone && (phone.Length > 32 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
                    e.Add(RegistryErrors.GuardianPhone($"guardians[{i}].phone"));
            }
        }
        if (isUpdate && input.Version is null) e.Add(RegistryErrors.VersionRequired());
        return e;
    }

    private static void Name(FieldErrors e, string field, string? value, bool required, int max = MaxName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) e.Add(RegistryErrors.Required(field));
            return;
        }
        if (value.Length > max) e.Add(PlatformErrors.TooLong(field, max));
        else if (!value.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '’' or '.'))
            e.Add(RegistryErrors.NameLetters(field));
    }

    private static void Text(FieldErrors e, string field, string? value, int max)
    {
        if (value is not null && value.Length > max) e.Add(PlatformErrors.TooLong(field, max));
        else if (value is not null && value.Any(char.IsControl)) e.Add(RegistryErrors.ControlCharacters(field));
    }

    /// <summary>What is wrong with a FIN, coded (null when it is valid); the API's text is the library's message.</summary>
    public static Refusal? FinError(string field, string value) => Fin.Check(value) switch
    {
        null => null,
        (FinProblem.Required, _) => RegistryErrors.FinRequired(field),
        (FinProblem.TooLong, _) => RegistryErrors.FinTooLong(field, Fin.Length),
        (FinProblem.Characters, _) => RegistryErrors.FinCharacters(field),
        (FinProblem.Length, var has) => RegistryErrors.FinLength(field, Fin.Length, has),
        _ => RegistryErrors.FinLetterIOrO(field),
    };

    /// <summary>What is wrong with a birth certificate number, coded (null when it is valid).</summary>
    public static Refusal? CertificateError(string field, string value) => BirthCertificateNumber.Check(value) switch
    {
        null => null,
        (CertificateProblem.Required, _) => RegistryErrors.CertificateRequired(field),
        (CertificateProblem.TooLong, _) => RegistryErrors.CertificateTooLong(field),
        (CertificateProblem.Characters, _) => RegistryErrors.CertificateCharacters(field),
        (CertificateProblem.NoDigits, _) => RegistryErrors.CertificateNoDigits(field, BirthCertificateNumber.MinDigits, BirthCertificateNumber.MaxDigits),
        (CertificateProblem.DigitsOnlyAfterSeries, _) => RegistryErrors.CertificateDigitsOnly(field),
        (CertificateProblem.DigitCount, var has) => RegistryErrors.CertificateDigitCount(field, BirthCertificateNumber.MinDigits, BirthCertificateNumber.MaxDigits, has),
        (CertificateProblem.NoSeries, _) => RegistryErrors.CertificateNoSeries(field),
        (CertificateProblem.SeriesParts, _) => RegistryErrors.CertificateSeriesParts(field),
        (CertificateProblem.RomanNumeral, _) => RegistryErrors.CertificateRomanNumeral(field),
        _ => RegistryErrors.CertificateSeriesLetters(field, BirthCertificateNumber.MaxSeriesLetters),
    };

    private static string Clip(string s) => s.Length > 20 ? s[..20] + "…" : s;
}
