using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Himaya.Platform;

/// <summary>
/// UI text from Resources/{az,en,ru}.json (embedded). One flat key → text map per language: easier for
/// translators than .resx, and a missing key falls back to English, then to the key itself.
/// </summary>
public sealed class JsonStringLocalizer : IStringLocalizer
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> ByLanguage = Load();

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var result = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var lang in new[] { "az", "en", "ru" })
        {
            using var stream = typeof(JsonStringLocalizer).Assembly.GetManifestResourceStream($"Himaya.Resources.{lang}.json");
            if (stream is null) continue;
            var map = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
            result[lang] = map.ToFrozenDictionary(StringComparer.Ordinal);
        }
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static IReadOnlyCollection<string> Keys(string lang) => ByLanguage.TryGetValue(lang, out var m) ? m.Keys : [];

    public static string? Find(string lang, string key) => ByLanguage.TryGetValue(lang, out var m) && m.TryGetValue(key, out var v) ? v : null;

    public LocalizedString this[string name]
    {
        get
        {
            var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var value = Find(lang, name) ?? Find("en", name);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var s = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, s.Value, arguments), s.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Keys(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Select(k => this[k]);
}

public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private static readonly JsonStringLocalizer Instance = new();
    public IStringLocalizer Create(Type resourceSource) => Instance;
    public IStringLocalizer Create(string baseName, string location) => Instance;
}
