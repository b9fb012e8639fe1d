using System.Globalization;
using Himaya.Features.Registry;
using Himaya.Linkage;
using Himaya.Platform;

namespace Himaya.Tests.Registry;

/// <summary>
/// The registry's field rules refuse by code, and the API still sends exactly the English it sent before the codes
/// (outside clients read it); pages read the code's text in the user's language.
/// </summary>
public sealed class RegistryRefusalTests
{
    private static readonly AdminUnits Units = Load();
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static AdminUnits Load()
    {
        var u = new AdminUnits();
        u.Load(AdminUnitLoader.ReadBundled());
        return u;
    }

    /// <summary>Each field with its codes, as "field: code, code".</summary>
    internal static string[] Codes(FieldErrors e) => [.. e.All.Keys.Select(f => $"{f}: {string.Join(", ", e.CodedFor(f).Select(r => r.Code))}")];

    internal static Dictionary<string, string[]> Messages(FieldErrors e) => e.ToDictionary();

    [Fact]
    public void A_typical_invalid_child_is_refused_field_by_field_with_codes_and_the_old_english()
    {
        var input = new ChildInput
        {
            GivenName = "Nərmin2", Surname = " ", Sex = null, BirthDate = new DateOnly(2000, 1, 1), Fin = "5ZJGK8I", BirthCertificateNumber = "AZE 12345",
            DistrictCode = "ZZ-999", CareArrangement = CareArrangement.Parents, Settlement = new string('x', 101),
            Guardians = [new GuardianInput("Rəşad Əliyev", null, "abc"), null!],
        };
        var e = ChildValidator.Validate(input, Units, Today, isUpdate: true);
        Codes(e).ShouldBe([
            "givenName: child.name-letters", "surname: registry.required", "sex: child.sex-required", "birthDate: child.not-under-18",
            "fin: child.fin-letter-i-or-o", "birthCertificateNumber: child.certificate-digit-count", "districtCode: child.unknown-district-code",
            "settlement: field.too-long", "guardians[0].relationship: registry.relationship-required", "guardians[0].phone: child.guardian-phone",
            "guardians[1]: child.guardian-empty", "version: registry.version-required",
        ], ignoreOrder: true);
        var m = Messages(e);
        m["givenName"].ShouldBe(["Only letters, spaces, hyphens, apostrophes and full stops are allowed."]);
        m["surname"].ShouldBe(["This field is required."]);
        m["sex"].ShouldBe(["Sex is required (M or F)."]);
        m["birthDate"].ShouldBe(["A child must be under 18: this date of birth is 18 or more years ago."]);
        m["fin"].ShouldBe(["The FIN never contains the letters I or O; check whether they are the digits 1 and 0."]);
        m["birthCertificateNumber"].ShouldBe(["The number after the series must have 6–8 digits; this one has 5."]);
        m["districtCode"].ShouldBe(["Unknown district code 'ZZ-999'."]);
        m["settlement"].ShouldBe(["At most 100 characters."]);
        m["guardians[0].relationship"].ShouldBe(["Relationship is required."]);
        m["guardians[0].phone"].ShouldBe(["Phone may contain only digits, spaces, +, -, ( and ), at most 32 characters."]);
        m["guardians[1]"].ShouldBe(["Guardian is empty."]);
        m["version"].ShouldBe(["Version is required when editing: send the version you read."]);
    }

    [Fact]
    public void An_empty_child_names_every_required_field_by_its_code()
    {
        var codes = Codes(ChildValidator.Validate(new ChildInput(), Units, Today, isUpdate: false));
        codes.ShouldBe([
            "givenName: registry.required", "surname: registry.required", "sex: child.sex-required", "birthDate: child.birth-date-required",
            "districtCode: registry.district-required", "careArrangement: child.care-required",
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData("   ", "child.fin-required")]
    [InlineData("5ZJGK8", "child.fin-length")]
    [InlineData("5ZJGK8BB", "child.fin-length")]
    [InlineData("5ZJ GK8B", "child.fin-characters")]
    [InlineData("5ZJGK8I", "child.fin-letter-i-or-o")]
    [InlineData("5ZJGK8B5ZJGK8B5ZJGK8B5ZJGK8B5ZJGK8B5ZJGK8B5ZJGK8B5ZJGK8B5ZJGK8B5ZJGK8B", "child.fin-too-long")]
    public void A_fin_problem_has_its_code_and_the_librarys_english(string fin, string code)
    {
        var refusal = ChildValidator.FinError("fin", fin)!;
        refusal.Code.ShouldBe(code);
        refusal.Message.ShouldBe(Fin.Validate(fin));
        PageText(refusal, "az").ShouldBe(JsonStringLocalizer.Find("az", "Error.child.fin-required"));
    }

    [Theory]
    [InlineData("  ", "child.certificate-required")]
    [InlineData("AZE 12345", "child.certificate-digit-count")]
    [InlineData("AZE", "child.certificate-no-digits")]
    [InlineData("1234567", "child.certificate-no-series")]
    [InlineData("ABCDE 123456", "child.certificate-series-letters")]
    [InlineData("AB-CD 123456", "child.certificate-roman-numeral")]
    [InlineData("II-AB-C 123456", "child.certificate-series-parts")]
    [InlineData("AZE 1234567X", "child.certificate-digits-only")]
    [InlineData("AZE/1234567", "child.certificate-characters")]
    [InlineData("AZE 1234567 AZE 1234567 AZE 1234567 AZE 1234567 AZE 1234567 AZE 1234567", "child.certificate-too-long")]
    public void A_certificate_problem_has_its_code_and_the_librarys_english(string number, string code)
    {
        var refusal = ChildValidator.CertificateError("birthCertificateNumber", number)!;
        refusal.Code.ShouldBe(code);
        refusal.Message.ShouldBe(BirthCertificateNumber.Validate(number));
        PageText(refusal, "ru").ShouldBe(JsonStringLocalizer.Find("ru", "Error.child.certificate-required"));
    }

    [Fact]
    public void Valid_identifiers_are_no_refusal()
    {
        ChildValidator.FinError("fin", "5ZJGK8B").ShouldBeNull();
        ChildValidator.CertificateError("birthCertificateNumber", "II-BŞ 123456").ShouldBeNull();
    }

    [Fact]
    public void A_household_is_refused_by_code_with_the_old_english()
    {
        var input = new HouseholdInput
        {
            Address = null, DistrictCode = "ZZ-999", Rooms = 51, People = 0,
            Members = [new HouseholdMemberInput(null, null, null, 1800, true), new HouseholdMemberInput("Ə", "ata", null, null, true)],
        };
        var e = HouseholdRecords.Validate(input, Units, isUpdate: true, thisYear: 2026);
        Codes(e).ShouldBe([
            "address: household.address-required", "districtCode: field.unknown-district", "rooms: household.rooms-range",
            "people: household.people-range", "members[0].fullName: registry.required", "members[0].relationship: registry.relationship-required",
            "members[0].birthYear: household.birth-year-implausible", "members: household.one-head", "version: registry.version-required",
        ], ignoreOrder: true);
        var m = Messages(e);
        m["address"].ShouldBe(["Address is required."]);
        m["districtCode"].ShouldBe(["Unknown district code."]);
        m["rooms"].ShouldBe(["Rooms must be between 0 and 50."]);
        m["members"].ShouldBe(["Only one member can be the head of the household."]);
    }

    [Fact]
    public void A_search_is_refused_by_code_with_the_old_english()
    {
        var e = SearchChildren.Validate(new ChildSearch { AgeMin = 12, AgeMax = 18, Page = 60, PageSize = 20, Sort = "age", District = "ZZ" }, Units);
        Codes(e).ShouldBe([
            "district: field.unknown-district", "ageMax: search.age-range", "page: search.beyond-cap", "sort: search.unknown-sort",
        ], ignoreOrder: true);
        var m = Messages(e);
        m["page"].ShouldBe(["Results are listed up to the first 1000: narrow the search instead of paging further."]);
        m["sort"].ShouldBe(["Sort must be one of: name, -name, birthDate, -birthDate, district, -updated."]);
        Codes(SearchChildren.Validate(new ChildSearch { AgeMin = 9, AgeMax = 3, Page = 0, PageSize = 500 }, Units)).ShouldBe([
            "ageMax: search.age-order", "page: field.page-starts-at-one", "pageSize: field.page-size",
        ], ignoreOrder: true);
    }

    [Fact]
    public void The_duplicate_check_needs_a_name_and_birth_date_or_an_identifier()
    {
        var e = IntakeMatching.Validate(new ChildInput { GivenName = "Aysel", BirthDate = Today.AddDays(1), Fin = "ABC" }, Today);
        Codes(e).ShouldBe(["fin: child.fin-length", "birthDate: intake.birth-date-future"], ignoreOrder: true);
        Messages(IntakeMatching.Validate(new ChildInput { GivenName = "Aysel" }, Today))["surname"]
            .ShouldBe(["Give the given name, surname and date of birth, or a FIN or birth-certificate number, to look for existing records."]);
    }

    [Fact]
    public void A_page_shows_the_refusal_in_the_users_language()
    {
        PageText(RegistryErrors.Required("surname"), "az").ShouldBe("Bu sahə mütləqdir.");
        PageText(RegistryErrors.SexRequired(), "en").ShouldBe("Sex is required.");
        PageText(RegistryErrors.ChildChangedSince(3, 4), "ru").ShouldContain("3");
        PageText(RegistryErrors.UnknownSort("name"), "az").ShouldNotContain("name");
    }

    private static string PageText(Refusal r, string language)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(language);
        try { return r.Localise(new JsonStringLocalizer()); }
        finally { CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture; }
    }
}
