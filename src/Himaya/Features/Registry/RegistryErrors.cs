using Himaya.Platform;

namespace Himaya.Features.Registry;

/// <summary>
/// The refusals of the registry (children, households, search, the duplicate check before registration), each with a
/// stable code; the texts are kept per language as <c>Error.&lt;code&gt;</c> in Registry/Texts.json.
/// </summary>
public static class RegistryErrors
{
    // Shared by children and households.
    public static Refusal Required(string field) => Refusal.OnField("registry.required", field);
    public static Refusal DistrictRequired(string field) => Refusal.OnField("registry.district-required", field);
    public static Refusal RelationshipRequired(string field) => Refusal.OnField("registry.relationship-required", field);
    public static Refusal ControlCharacters(string field) => Refusal.OnField("registry.control-characters", field);
    public static Refusal VersionRequired() => Refusal.OnField("registry.version-required", "version");
    public static Refusal DistrictOutsideScope() => Refusal.OnField("registry.district-outside-scope", "districtCode");
    public static Refusal ArchivedAtSameMoment() => Refusal.Of("registry.archived-at-same-moment", "version");

    // A child's fields.
    public static Refusal NameLetters(string field) => Refusal.OnField("child.name-letters", field);
    public static Refusal SexRequired() => Refusal.OnField("child.sex-required", "sex");
    public static Refusal BirthDateRequired() => Refusal.OnField("child.birth-date-required", "birthDate");
    public static Refusal BirthDateFuture() => Refusal.OnField("child.birth-date-future", "birthDate");
    public static Refusal NotUnder18() => Refusal.OnField("child.not-under-18", "birthDate");
    public static Refusal UnknownDistrictCode(string code) => Refusal.OnField("child.unknown-district-code", "districtCode", code);
    public static Refusal CareRequired() => Refusal.OnField("child.care-required", "careArrangement");
    public static Refusal TooManyGuardians(int max) => Refusal.OnField("child.too-many-guardians", "guardians", max);
    public static Refusal GuardianEmpty(string field) => Refusal.OnField("child.guardian-empty", field);
    public static Refusal GuardianPhone(string field) => Refusal.OnField("child.guardian-phone", field);

    // The FIN and the birth certificate number: the page says what the number looks like, the API what is wrong with it.
    public static Refusal FinRequired(string field) => Refusal.OnField("child.fin-required", field);
    public static Refusal FinTooLong(string field, int length) => Refusal.OnField("child.fin-too-long", field, length);
    public static Refusal FinCharacters(string field) => Refusal.OnField("child.fin-characters", field);
    public static Refusal FinLength(string field, int length, int has) => Refusal.OnField("child.fin-length", field, length, has);
    public static Refusal FinLetterIOrO(string field) => Refusal.OnField("child.fin-letter-i-or-o", field);
    public static Refusal CertificateRequired(string field) => Refusal.OnField("child.certificate-required", field);
    public static Refusal CertificateTooLong(string field) => Refusal.OnField("child.certificate-too-long", field);
    public static Refusal CertificateCharacters(string field) => Refusal.OnField("child.certificate-characters", field);
    public static Refusal CertificateNoDigits(string field, int min, int max) => Refusal.OnField("child.certificate-no-digits", field, min, max);
    public static Refusal CertificateDigitsOnly(string field) => Refusal.OnField("child.certificate-digits-only", field);
    public static Refusal CertificateDigitCount(string field, int min, int max, int has) => Refusal.OnField("child.certificate-digit-count", field, min, max, has);
    public static Refusal CertificateNoSeries(string field) => Refusal.OnField("child.certificate-no-series", field);
    public static Refusal CertificateSeriesParts(string field) => Refusal.OnField("child.certificate-series-parts", field);
    public static Refusal CertificateRomanNumeral(string field) => Refusal.OnField("child.certificate-roman-numeral", field);
    public static Refusal CertificateSeriesLetters(string field, int max) => Refusal.OnField("child.certificate-series-letters", field, max);

    // Registering and editing a child.
    public static Refusal HouseholdNotFound() => Refusal.OnField("child.household-not-found", "householdId");
    public static Refusal WorkerNotFound() => Refusal.OnField("child.worker-not-found", "assignedWorkerId");
    public static Refusal FinTaken() => Refusal.OnField("child.fin-taken", "fin");
    public static Refusal CertificateTaken() => Refusal.OnField("child.certificate-taken", "birthCertificateNumber");
    public static Refusal SentTwice() => Refusal.Of("child.sent-twice", "$");
    public static Refusal ChildChangedSince(int yours, int current) => Refusal.Of("child.changed-since", "version", yours, current);
    public static Refusal ChildSavedAtSameMoment() => Refusal.Of("child.saved-at-same-moment", "version");

    // Households.
    public static Refusal AddressRequired() => Refusal.OnField("household.address-required", "address");
    public static Refusal RoomsRange() => Refusal.OnField("household.rooms-range", "rooms");
    public static Refusal PeopleRange() => Refusal.OnField("household.people-range", "people");
    public static Refusal MemberEmpty(string field) => Refusal.OnField("household.member-empty", field);
    public static Refusal BirthYearImplausible(string field) => Refusal.OnField("household.birth-year-implausible", field);
    public static Refusal OneHead() => Refusal.OnField("household.one-head", "members");
    public static Refusal HouseholdsBeyondCap(int cap) => Refusal.OnField("household.beyond-cap", "page", cap);
    public static Refusal HouseholdChangedSince(int yours, int current) => Refusal.Of("household.changed-since", "version", yours, current);
    public static Refusal HouseholdSavedAtSameMoment() => Refusal.Of("household.saved-at-same-moment", "version");
    public static Refusal HouseholdHasChildren() => Refusal.Of("household.has-children", "$");

    // Search and the duplicate check.
    public static Refusal AgeRange(string field) => Refusal.OnField("search.age-range", field);
    public static Refusal AgeOrder() => Refusal.OnField("search.age-order", "ageMax");
    public static Refusal ChildrenBeyondCap(int cap) => Refusal.OnField("search.beyond-cap", "page", cap);
    public static Refusal UnknownSort(string sorts) => Refusal.OnField("search.unknown-sort", "sort", sorts);
    public static Refusal IdentityNeeded() => Refusal.OnField("intake.identity-needed", "surname");
    public static Refusal IntakeBirthDateFuture() => Refusal.OnField("intake.birth-date-future", "birthDate");
}
