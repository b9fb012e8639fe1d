using Himaya.Features.Registry;
using Himaya.Platform;

namespace Himaya.Features.Violence;

/// <summary>The report form (public and signed-in) read into the API's input: the same validation follows, with the API's field names.</summary>
public static class VacForm
{
    /// <summary>A field a person never sees (hidden by the stylesheet, out of the tab order): a form that fills it was filled by a program.</summary>
    public const string Honeypot = "website";

    public static VacReportInput Read(IFormCollection form, FieldErrors errors)
    {
        var f = new FormReader(form, errors);
        return new VacReportInput(f.Enum<ViolenceType>("type"), f.Text("description"), f.Text("districtCode"), f.Text("place"),
            f.Date("occurredOn"), f.Check("immediateDanger"),
            new VacChildInput(f.Text("child.givenName"), f.Text("child.surname"), f.Text("child.patronymic"), f.Enum<Sex>("child.sex"),
                f.Date("child.birthDate"), f.Int("child.approximateAge"), f.TriState("child.disability")),
            new VacPerpetratorInput(f.Text("perpetrator.relation"), f.Text("perpetrator.description")),
            new VacReporterInput(f.Text("reporter.name"), f.Text("reporter.phone"), f.Text("reporter.relation")));
    }

    public static FieldErrors Rename(FieldErrors errors, string from, string to)
    {
        var renamed = new FieldErrors();
        foreach (var field in errors.All.Keys)
            foreach (var r in errors.CodedFor(field)) renamed.Add(field == from ? r with { Field = to } : r);
        return renamed;
    }

    /// <summary>Parse errors first (a value that is not a date), then the rules; both with the API's field names.</summary>
    public static FieldErrors Merge(FieldErrors parse, FieldErrors rules)
    {
        foreach (var field in rules.All.Keys)
            foreach (var r in rules.CodedFor(field))
                if (parse.CodedFor(field).Count == 0) parse.Add(r);
        return parse;
    }
}
