namespace Himaya.Platform;

/// <summary>The districts as a form's choices: each by its name in the user's language, in that language's order.</summary>
public static class DistrictChoices
{
    public static IReadOnlyList<(string Value, string Text)> For(AdminUnits units, string culture) =>
        [.. units.Districts.Select(d => (d.Code, units.DisplayName(d.Code, culture))).OrderBy(d => d.Item2, StringComparer.Create(new System.Globalization.CultureInfo(culture), false))];
}
