using System.Globalization;
using Himaya.Features.Facts;
using Himaya.Features.Registry;
using Himaya.Platform;

namespace Himaya.Features.Linkage;

/// <summary>
/// How a source's columns become registry fields: <c>columns</c> maps a registry field (givenName, surname, patronymic,
/// sex, birthDate, fin, birthCertificateNumber, districtCode, careArrangement) to a column of the file; <c>defaults</c>
/// gives a value the whole source shares (e.g. every child on a school list lives with parents — the importer's stated
/// assumption, kept with the source); <c>recordId</c> names the source's own id column; <c>dateFormat</c> the dates' format.
/// </summary>
public sealed record SourceMapping
{
    public string? RecordId { get; init; }
    public Dictionary<string, string> Columns { get; init; } = [];
    public Dictionary<string, string>? Defaults { get; init; }
    public string? DateFormat { get; init; }
    /// <summary>Registry facts (school enrolment, immunisation, assistance…: <see cref="FactCatalogue"/>) to the columns that hold them.</summary>
    public Dictionary<string, string>? Facts { get; init; }
    /// <summary>When the facts were true: a column of the file, or one date (yyyy-MM-dd) for the whole file; none: the day of the import.</summary>
    public string? ObservedOn { get; init; }

    public static readonly string[] Fields = ["givenName", "surname", "patronymic", "sex", "birthDate", "fin", "birthCertificateNumber", "districtCode", "careArrangement"];
    private static readonly string[] DefaultDateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy", "yyyyMMdd"];

    /// <summary>Problems with the mapping itself, against the file's header (field names as in the API: "mapping.columns.surname").</summary>
    public FieldErrors Validate(string[] header)
    {
        var e = new FieldErrors();
        foreach (var (field, column) in Columns)
        {
            if (!Fields.Contains(field)) e.Add(LinkageErrors.UnknownField($"mapping.columns.{field}", string.Join(", ", Fields)));
            else if (!header.Contains(column)) e.Add(LinkageErrors.NoSuchColumn($"mapping.columns.{field}", column));
        }
        foreach (var field in (Defaults ?? []).Keys.Where(f => !Fields.Contains(f)))
            e.Add(LinkageErrors.UnknownDefault($"mapping.defaults.{field}"));
        foreach (var required in new[] { "givenName", "surname", "birthDate" })
            if (!Columns.ContainsKey(required)) e.Add(LinkageErrors.ColumnRequired($"mapping.columns.{required}"));
        if (RecordId is { } id && !header.Contains(id)) e.Add(LinkageErrors.NoSuchColumn("mapping.recordId", id));
        foreach (var (fact, column) in Facts ?? [])
        {
            if (FactCatalogue.Find(fact) is null) e.Add(FactsErrors.UnknownFact($"mapping.facts.{fact}", string.Join(", ", FactCatalogue.All.Select(f => f.Code))));
            else if (!header.Contains(column)) e.Add(LinkageErrors.NoSuchColumn($"mapping.facts.{fact}", column));
        }
        if (ObservedOn is { } on && !header.Contains(on) && !DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            e.Add(FactsErrors.ObservedOn("mapping.observedOn", on));
        if (DateFormat is { } f && !DateOnly.TryParseExact(new DateOnly(2013, 11, 24).ToString(f, CultureInfo.InvariantCulture), f, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            e.Add(LinkageErrors.DateFormat());
        return e;
    }

    /// <summary>One row as registry input; problems name the file's column.</summary>
    public (ChildInput Input, Dictionary<string, string?> Values, List<string> Problems) Map(string[] header, string[] row)
    {
        var values = new Dictionary<string, string?>();
        var problems = new List<string>();
        string? Get(string field)
        {
            if (Columns.TryGetValue(field, out var column))
            {
                var v = row[Array.IndexOf(header, column)].Trim();
                if (v.Length > 0) return v;
            }
            return Defaults is not null && Defaults.TryGetValue(field, out var d) ? d : null;
        }
        foreach (var f in Fields) values[f] = Get(f);
        DateOnly? dob = null;
        if (values["birthDate"] is { } text)
        {
            if (DateOnly.TryParseExact(text, DateFormat is { } df ? [df] : DefaultDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) dob = d;
            else problems.Add($"{Columns.GetValueOrDefault("birthDate", "birthDate")}: \"{text}\" is not a date" + (DateFormat is null ? "" : $" in the format {DateFormat}") + ".");
        }
        Sex? sex = null;
        if (values["sex"] is { } s)
        {
            var n = Himaya.Linkage.Linking.PreparedField.Normalise(Himaya.Linkage.Linking.FieldKind.Sex, s);
            if (n is "M" or "F") sex = Enum.Parse<Sex>(n);
            else problems.Add($"{Columns.GetValueOrDefault("sex", "sex")}: \"{s}\" is not a sex (M/F, male/female, oğlan/qız, м/ж).");
        }
        CareArrangement? care = null;
        if (values["careArrangement"] is { } c)
        {
            if (EnumNames.TryParse<CareArrangement>(c, ignoreCase: true, out var ca)) care = ca;
            else problems.Add($"{Columns.GetValueOrDefault("careArrangement", "careArrangement")}: \"{c}\" is not a care arrangement ({string.Join(", ", Enum.GetNames<CareArrangement>())}).");
        }
        var input = new ChildInput
        {
            GivenName = values["givenName"], Surname = values["surname"], Patronymic = values["patronymic"], Sex = sex, BirthDate = dob,
            Fin = values["fin"], BirthCertificateNumber = values["birthCertificateNumber"], DistrictCode = values["districtCode"], CareArrangement = care,
            Guardians = [],
        };
        return (input, values, problems);
    }

    /// <summary>
    /// One row's facts in their stored form and the day they were observed; a value that cannot be read, or a date that
    /// is not one (or is in the future), is a problem naming the column. Empty cells send nothing.
    /// </summary>
    public (List<(string Fact, string Value)> Facts, DateOnly ObservedOn, List<string> Problems) ReadFacts(string[] header, string[] row, DateOnly today)
    {
        var facts = new List<(string, string)>();
        var problems = new List<string>();
        var on = today;
        if (ObservedOn is { } o)
        {
            if (header.Contains(o))
            {
                var text = row[Array.IndexOf(header, o)].Trim();
                if (text.Length > 0 && !DateOnly.TryParseExact(text, DateFormat is { } df ? [df] : DefaultDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
                    problems.Add($"{o}: \"{text}\" is not a date" + (DateFormat is null ? "" : $" in the format {DateFormat}") + ".");
                else if (text.Length == 0) on = today;
            }
            else on = DateOnly.ParseExact(o, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (on > today) problems.Add($"{o}: the facts' date is in the future.");
        }
        foreach (var (code, column) in Facts ?? [])
        {
            var fact = FactCatalogue.Find(code)!;
            var text = row[Array.IndexOf(header, column)].Trim();
            if (text.Length == 0) continue;
            if (fact.Read(text) is { } value) facts.Add((fact.Code, value));
            else problems.Add($"{column}: \"{text}\" is not {fact.Expected} ({fact.Code}).");
        }
        return (facts, on, problems);
    }

    /// <summary>A kept source record's values (as mapped at import, defaults applied) back to registry input, read with this source's date format.</summary>
    public ChildInput ToInput(IReadOnlyDictionary<string, string?> values)
    {
        var identity = new SourceMapping { Columns = Fields.ToDictionary(f => f, f => f), DateFormat = DateFormat };
        return identity.Map(Fields, Fields.Select(f => values.GetValueOrDefault(f) ?? "").ToArray()).Input;
    }

    /// <summary>A kept source record (its mapped values as JSON) as registry input, read with its source's mapping (JSON).</summary>
    public static ChildInput InputOf(string mappingJson, string valuesJson) =>
        System.Text.Json.JsonSerializer.Deserialize<SourceMapping>(mappingJson, Json.Options)!
            .ToInput(System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string?>>(valuesJson, Json.Options)!);

    /// <summary>The file's column for a registry field, for messages ("Doğum tarixi: ..."), else the field name.</summary>
    public string ColumnFor(string field) => Columns.TryGetValue(field, out var c) ? c : field;
}
