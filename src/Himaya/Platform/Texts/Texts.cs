namespace Himaya.Platform;

/// <summary>
/// The UI texts (key → az/en/ru), as one localiser: <c>IStringLocalizer&lt;Texts&gt;</c>. A platform type names them so
/// that no page needs the app's Program class to ask for a text.
/// </summary>
public sealed class Texts;
