using System.Globalization;
using System.Text.RegularExpressions;

namespace Himaya.Features.Monitoring;

/// <summary>
/// Periods as SDMX writes them, which is how Himaya keeps them: a year (2024), a quarter (2024-Q1) or a month (2024-03).
/// DHIS2 writes the same periods as 2024, 2024Q1 and 202403.
/// </summary>
public static partial class Periods
{
    /// <summary>The canonical form of an SDMX period, or null if it is none of the three.</summary>
    public static string? FromSdmx(string? text)
    {
        var t = text?.Trim() ?? "";
        var m = Sdmx().Match(t);
        if (!m.Success) return null;
        return Valid(m) ? t : null;
    }

    public static string? FromDhis2(string? text)
    {
        var t = text?.Trim() ?? "";
        var m = Dhis2().Match(t);
        if (!m.Success) return null;
        var year = m.Groups["y"].Value;
        if (m.Groups["q"].Success) return FromSdmx($"{year}-Q{m.Groups["q"].Value}");
        if (m.Groups["m"].Success) return FromSdmx($"{year}-{m.Groups["m"].Value}");
        return FromSdmx(year);
    }

    public static string ToDhis2(string period) => period.Length == 4 ? period : period.Replace("-", "", StringComparison.Ordinal);

    /// <summary>The calendar year a period falls in: what from/to filters compare.</summary>
    public static int Year(string period) => int.Parse(period.AsSpan(0, 4), CultureInfo.InvariantCulture);

    /// <summary>The first and last day of a canonical period (2025: the year; 2025-Q3: July to September; 2025-07: July).</summary>
    public static (DateOnly From, DateOnly To) Span(string period)
    {
        var year = Year(period);
        if (period.Length == 4) return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var first = period[5] == 'Q' ? (period[6] - '1') * 3 + 1 : int.Parse(period.AsSpan(5, 2), CultureInfo.InvariantCulture);
        var months = period[5] == 'Q' ? 3 : 1;
        var from = new DateOnly(year, first, 1);
        return (from, from.AddMonths(months).AddDays(-1));
    }

    private static bool Valid(Match m) =>
        int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) is >= 1900 and <= 2100
        && (!m.Groups["m"].Success || int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12);

    [GeneratedRegex("^(?<y>[0-9]{4})(-Q(?<q>[1-4])|-(?<m>[0-9]{2}))?$")]
    private static partial Regex Sdmx();

    [GeneratedRegex("^(?<y>[0-9]{4})(Q(?<q>[1-4])|(?<m>[0-9]{2}))?$")]
    private static partial Regex Dhis2();
}
