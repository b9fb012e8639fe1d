using System.Globalization;
using Himaya.Platform;

namespace Himaya.Features.Cases;

/// <summary>
/// An administrative unit as a refusal's argument: its English name in the API (as it has always been sent), its name in
/// the page's language on pages (a refusal formats its arguments with the current culture).
/// </summary>
public sealed record PlaceName(AdminUnits Units, string Code) : IFormattable
{
    public string ToString(string? format, IFormatProvider? provider) =>
        Units.DisplayName(Code, provider is CultureInfo { TwoLetterISOLanguageName: "az" or "ru" } c ? c.TwoLetterISOLanguageName : "en");

    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);
}
