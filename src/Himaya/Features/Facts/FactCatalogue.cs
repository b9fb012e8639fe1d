using System.Globalization;

namespace Himaya.Features.Facts;

/// <summary>How a fact's value is written and checked.</summary>
public enum FactKind { Choice, YesNo, Whole, Measure }

/// <summary>
/// A registry fact a source can send (school enrolment, immunisation, targeted social assistance…): its code as the
/// import mapping and the API name it, how its value is read, and the source that wins by default (null: the newest
/// observation wins). Values are stored in one written form (a choice's code, <c>yes</c>/<c>no</c>, an invariant number).
/// </summary>
public sealed record Fact(string Code, FactKind Kind, IReadOnlyList<string>? Choices = null, decimal Min = 0, decimal Max = 0, string? PreferredSource = null)
{
    private static readonly string[] Yes = ["yes", "y", "true", "1", "bəli", "hə", "да"];
    private static readonly string[] No = ["no", "n", "false", "0", "xeyr", "yox", "нет"];

    /// <summary>The value in its stored form, or null when it cannot be read as this fact (the caller names the column).</summary>
    public string? Read(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        switch (Kind)
        {
            case FactKind.Choice: return Choices!.FirstOrDefault(c => string.Equals(c, t, StringComparison.OrdinalIgnoreCase));
            case FactKind.YesNo:
                var lower = t.ToLowerInvariant();
                return Yes.Contains(lower) ? "yes" : No.Contains(lower) ? "no" : null;
            default:
                var n = t.Replace(',', '.');
                if (!decimal.TryParse(n, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) || d < Min || d > Max) return null;
                if (Kind == FactKind.Whole && d != decimal.Truncate(d)) return null;
                return d.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>What a value may be, for the error that names the column (English; pages translate by code).</summary>
    public string Expected => Kind switch
    {
        FactKind.Choice => "one of " + string.Join(", ", Choices!),
        FactKind.YesNo => "yes or no",
        _ => string.Create(CultureInfo.InvariantCulture, $"a {(Kind == FactKind.Whole ? "whole number" : "number")} from {Min} to {Max}"),
    };
}

/// <summary>The facts Himaya keeps with their provenance (issue #16's list), by the code a mapping or a feed uses.</summary>
public static class FactCatalogue
{
    /// <summary>The education ministry's word on enrolment, the health ministry's on immunisation, the Fund's on assistance, by default.</summary>
    public const string Education = "Ministry of Education", Health = "Ministry of Health", SocialFund = "State Social Protection Fund";

    public static readonly IReadOnlyList<Fact> All =
    [
        new("enrolment", FactKind.Choice, ["Enrolled", "NotEnrolled", "DroppedOut"], PreferredSource: Education),
        new("school", FactKind.Choice, ["Preschool", "Primary", "Secondary", "Vocational", "Special"], PreferredSource: Education),
        new("dropoutRisk", FactKind.YesNo, PreferredSource: Education),
        new("immunisation", FactKind.Choice, ["UpToDate", "Partial", "None"], PreferredSource: Health),
        new("heightCm", FactKind.Measure, Min: 30, Max: 220, PreferredSource: Health),
        new("weightKg", FactKind.Measure, Min: 0.5m, Max: 150, PreferredSource: Health),
        new("tsaApplied", FactKind.YesNo, PreferredSource: SocialFund),
        new("tsaEligible", FactKind.YesNo, PreferredSource: SocialFund),
        new("receivesTsa", FactKind.YesNo, PreferredSource: SocialFund),
        new("disabilityCertificate", FactKind.YesNo),
        new("disabilityCategory", FactKind.Choice, ["Mild", "Moderate", "Severe", "Profound"]),
        new("householdSize", FactKind.Whole, Min: 1, Max: 40),
        new("rooms", FactKind.Whole, Min: 0, Max: 40),
        new("water", FactKind.Choice, ["Piped", "Well", "Trucked", "Surface", "Other"]),
        new("sanitation", FactKind.Choice, ["Flush", "Pit", "Shared", "None"]),
        new("displaced", FactKind.YesNo),
        new("birthRegistered", FactKind.YesNo),
    ];

    public static Fact? Find(string? code) => All.FirstOrDefault(f => string.Equals(f.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
