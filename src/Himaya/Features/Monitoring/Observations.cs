using System.Globalization;

namespace Himaya.Features.Monitoring;

/// <summary>One observation read from an exchange file, before it is checked against the indicators and places Himaya knows.</summary>
public sealed record Observation(int Line, string Indicator, string Place, string Period, IReadOnlyDictionary<string, string> Disaggregation,
    decimal Value, string? ObsStatus);

/// <summary>A line the import left out, and why (English; the code says it in any language).</summary>
public sealed record LineProblem(int Line, string Problem);

/// <summary>What a file held: its observations, the lines that could not be read, or why the file as a whole is unreadable.</summary>
public sealed record ParsedFile(IReadOnlyList<Observation> Rows, IReadOnlyList<LineProblem> Rejected, string? Malformed)
{
    public static ParsedFile Unreadable(string why) => new([], [], why);
}

internal static class Numbers
{
    public static bool TryValue(string? text, out decimal value) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);

    /// <summary>The same number without trailing zeros (a numeric(18,6) column reads 35 back as 35.000000).</summary>
    public static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>Without trailing zeros, so that 35.0 read goes out as 35.</summary>
    public static string Format(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
