namespace Himaya.Platform;

/// <summary>
/// The field errors every module shares (a missing value, a text too long, a date in the future, a value that does not
/// parse), each with a stable code; texts in Platform/Texts/Texts.json as <c>Error.&lt;code&gt;</c>.
/// </summary>
public static class PlatformErrors
{
    public static Refusal Required(string field) => Refusal.OnField("field.required", field);
    public static Refusal TooLong(string field, int max) => Refusal.OnField("field.too-long", field, max);
    public static Refusal FutureDate(string field) => Refusal.OnField("field.future-date", field);
    public static Refusal UnknownDistrict(string field) => Refusal.OnField("field.unknown-district", field);
    public static Refusal PageStartsAtOne(string field) => Refusal.OnField("field.page-starts-at-one", field);
    public static Refusal PageSize(string field, int max) => Refusal.OnField("field.page-size", field, max);
    public static Refusal WholeNumber(string field) => Refusal.OnField("field.whole-number", field);
    public static Refusal Number(string field) => Refusal.OnField("field.number", field);
    public static Refusal TrueOrFalse(string field) => Refusal.OnField("field.true-or-false", field);
    public static Refusal NotAnId(string field) => Refusal.OnField("field.not-an-id", field);
    /// <summary>A value outside an enum (the API lists the names; pages say choose from the list).</summary>
    public static Refusal OneOf(string field, string names) => Refusal.OnField("field.one-of", field, names);
    public static Refusal ChooseListed(string field) => Refusal.OnField("field.choose-listed", field);
    public static Refusal YesNoUnknown(string field) => Refusal.OnField("field.yes-no-unknown", field);
    public static Refusal WrongFormat(string field) => Refusal.OnField("field.wrong-format", field);
    public static Refusal NotADate(string field) => Refusal.OnField("field.not-a-date", field);
    public static Refusal BodyNotJson() => Refusal.OnField("body.not-json", "$");
    public static Refusal BodyEmpty() => Refusal.OnField("body.empty", "$");
    public static Refusal UnknownField(string field) => Refusal.OnField("body.unknown-field", field);
    public static Refusal BodyInvalid(string field) => Refusal.OnField("body.invalid-json", field);
}
