using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Himaya.Features.Monitoring;

/// <summary>
/// ADX (IHE QRPH Aggregate Data Exchange), as DHIS2 reads and writes it: &lt;adx&gt; holds &lt;group orgUnit period&gt;
/// elements, each with &lt;dataValue dataElement value&gt; children whose other attributes are the breakdown (SEX="F").
/// Periods are ISO 8601 start and duration: 2024-01-01/P1Y, 2024-04-01/P3M, 2024-03-01/P1M. A dataValue's "line" is
/// its place among all the file's dataValues, from 1.
/// </summary>
public static class Adx
{
    public static readonly XNamespace Ns = "urn:ihe:qrph:adx:2015";

    public static ParsedFile Read(string text)
    {
        XDocument doc;
        try
        {
            // No DTD, no external entity: the file comes from outside.
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            doc = XDocument.Load(reader);
        }
        catch (XmlException e) { return ParsedFile.Unreadable("The file is not XML: " + e.Message); }
        if (doc.Root is not { } root || root.Name.LocalName != "adx") return ParsedFile.Unreadable("The root element is not adx.");
        var rows = new List<Observation>();
        var rejected = new List<LineProblem>();
        var line = 0;
        foreach (var group in root.Elements().Where(e => e.Name.LocalName == "group"))
        {
            var org = (string?)group.Attribute("orgUnit");
            var rawPeriod = (string?)group.Attribute("period");
            var period = FromIso(rawPeriod);
            foreach (var v in group.Elements().Where(e => e.Name.LocalName == "dataValue"))
            {
                line++;
                var element = (string?)v.Attribute("dataElement");
                if (org is null || element is null) { rejected.Add(new(line, "orgUnit (on the group) and dataElement are required.")); continue; }
                if (period is null) { rejected.Add(new(line, $"period '{rawPeriod}' is not a year, quarter or month (2024-01-01/P1Y, 2024-04-01/P3M, 2024-03-01/P1M).")); continue; }
                if (!Numbers.TryValue((string?)v.Attribute("value"), out var value)) { rejected.Add(new(line, $"value '{(string?)v.Attribute("value")}' is not a number.")); continue; }
                var parts = v.Attributes().Where(a => a.Name.LocalName is not ("dataElement" or "value") && !a.IsNamespaceDeclaration)
                    .ToDictionary(a => a.Name.LocalName, a => a.Value, StringComparer.Ordinal);
                if (parts.FirstOrDefault(p => !Disaggregations.Dimensions.Contains(p.Key) || !Disaggregations.IsValue(p.Value)) is { Key: not null } bad)
                {
                    rejected.Add(new(line, $"{bad.Key}=\"{bad.Value}\" is not a breakdown Himaya knows ({string.Join(", ", Disaggregations.Dimensions)})."));
                    continue;
                }
                rows.Add(new(line, element, org, period, parts, value, null));
            }
        }
        return new(rows, rejected, null);
    }

    public static string Write(IEnumerable<(string Indicator, string Place, string Period, IReadOnlyDictionary<string, string> Disaggregation, decimal Value)> rows)
    {
        var root = new XElement(Ns + "adx", new XAttribute("exported", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        foreach (var g in rows.GroupBy(r => (r.Place, r.Period)))
        {
            root.Add(new XElement(Ns + "group", new XAttribute("orgUnit", g.Key.Place), new XAttribute("period", ToIso(g.Key.Period)),
                g.Select(r => new XElement(Ns + "dataValue",
                    [new XAttribute("dataElement", r.Indicator), .. r.Disaggregation.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new XAttribute(p.Key, p.Value)),
                    new XAttribute("value", Numbers.Format(r.Value))]))));
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).ToString(SaveOptions.None);
    }

    /// <summary>2024 → 2024-01-01/P1Y, 2024-Q2 → 2024-04-01/P3M, 2024-03 → 2024-03-01/P1M.</summary>
    public static string ToIso(string period) => period.Length switch
    {
        4 => $"{period}-01-01/P1Y",
        7 when period[5] == 'Q' => $"{period[..4]}-{(period[6] - '1') * 3 + 1:00}-01/P3M",
        _ => $"{period}-01/P1M",
    };

    public static string? FromIso(string? text)
    {
        var parts = text?.Trim().Split('/');
        if (parts is not { Length: 2 } || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) || start.Day != 1) return null;
        return parts[1] switch
        {
            "P1Y" when start.Month == 1 => Periods.FromSdmx($"{start.Year:0000}"),
            "P3M" when start.Month % 3 == 1 => Periods.FromSdmx($"{start.Year:0000}-Q{(start.Month - 1) / 3 + 1}"),
            "P1M" => Periods.FromSdmx($"{start.Year:0000}-{start.Month:00}"),
            _ => null,
        };
    }
}
