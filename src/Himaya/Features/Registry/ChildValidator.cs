using Himaya.Platform;
using Himaya.Linkage;

namespace Himaya.Features.Registry;

/// <summary>Field rules for a child record; the API and the pages both run exactly this.</summary>
public static class ChildValidator
{
    public const int MaxName = 100;

    public static FieldErrors Validate(ChildInput input, AdminUnits units, DateOnly today, bool isUpdate)
    {
        var e = new FieldErrors();
        Name(e, "givenName", input.GivenName, required: true);
        Name(e, "surname", input.Surname, required: true);
        Name(e, "patronymic", input.Patronymic, required: false);
        if (input.Sex is null) e.Add("sex", "Sex is required (M or F).");
        if (input.BirthDate is not { } dob) e.Add("birthDate", "Date of birth is required.");
        else if (dob > today) e.Add("birthDate", "Date of birth cannot be in the future.");
        else if (dob.AddYears(18) <= today) e.Add("birthDate", "A child must be under 18: this date of birth is 18 or more years ago.");
        if (input.Fin is { Length: > 0 } && Fin.Validate(input.Fin) is { } finError) e.Add("fin", finError);
        if (input.BirthCertificateNumber is { Length: > 0 } && BirthCertificateNumber.Validate(input.BirthCertificateNumber) is { } certError)
            e.Add("birthCertificateNumber", certError);
        if (string.IsNullOrWhiteSpace(input.DistrictCode)) e.Add("districtCode", "District is required.");
        else if (!units.IsDistrict(input.DistrictCode.Trim())) e.Add("districtCode", $"Unknown district code '{Clip(input.DistrictCode)}'.");
        if (input.CareArrangement is null) e.Add("careArrangement", "Care arrangement is required.");
        Text(e, "settlement", input.Settlement, 100);
        Text(e, "schoolName", input.SchoolName, 200);
        Text(e, "disabilityCategory", input.DisabilityCategory, 64);
        Text(e, "relationshipToHead", input.RelationshipToHead, 32);
        if (input.Guardians is { } guardians)
        {
            if (guardians.Count > 10) e.Add("guardians", "At most 10 guardians.");
            for (var i = 0; i < guardians.Count; i++)
            {
                var g = guardians[i];
                if (g is null) { e.Add($"guardians[{i}]", "Guardian is empty."); continue; }
                Name(e, $"guardians[{i}].fullName", g.FullName, required: true, max: 200);
                if (string.IsNullOrWhiteSpace(g.Relationship)) e.Add($"guardians[{i}].relationship", "Relationship is required.");
                else Text(e, $"guardians[{i}].relationship", g.Relationship, 32);
                if (g.Phone is { Length: > 0 } phone && (phone.Length > 32 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
                    e.Add($"guardians[{i}].phone", "Phone may contain only digits, spaces, +, -, ( and ), at most 32 characters.");
            }
        }
        if (isUpdate && input.Version is null) e.Add("version", "Version is required when editing: send the version you read.");
        return e;
    }

    private static void Name(FieldErrors e, string field, string? value, bool required, int max = MaxName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) e.Add(field, "This field is required.");
            return;
        }
        if (value.Length > max) e.Add(field, $"At most {max} characters.");
        else if (!value.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '’' or '.'))
            e.Add(field, "Only letters, spaces, hyphens, apostrophes and full stops are allowed.");
    }

    private static void Text(FieldErrors e, string field, string? value, int max)
    {
        if (value is not null && value.Length > max) e.Add(field, $"At most {max} characters.");
        else if (value is not null && value.Any(char.IsControl)) e.Add(field, "Control characters are not allowed.");
    }

    private static string Clip(string s) => s.Length > 20 ? s[..20] + "…" : s;
}
