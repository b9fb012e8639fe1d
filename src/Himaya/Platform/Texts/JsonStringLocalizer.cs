using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Himaya.Platform;

/// <summary>
/// UI texts, read at start from each module's Texts.json (the platform's and every feature's, embedded): one key per
/// line, each with its az, en and ru text, so a translator edits one file and sees the three side by side, and a feature
/// brings its own texts without touching a central list. A missing language falls back to English, then to the key.
/// </summary>
public sealed class JsonStringLocalizer : IStringLocalizer
{
    public const string ResourcePrefix = "Himaya.Texts.";
    public static readonly string[] Languages = ["az", "en", "ru"];

    /// <summary>
    /// An optional fourth text of a key: what the API sends when it must differ from the English page's (it names
    /// enum members or JSON values, which pages never show). Never shown on a page.
    /// </summary>
    public const string Api = "api";

    /// <summary>Which module's file holds each key (a key in two files is an error: the test names both). Set by Load.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Files { get; private set; } = null!;

    // After Files: static initialisers run in the order they are written, and Load sets Files.
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> ByLanguage = Load();

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var maps = Languages.Append(Api).ToDictionary(l => l, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var files = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var assembly = typeof(JsonStringLocalizer).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream) ?? [];
            foreach (var (key, texts) in entries)
            {
                if (!files.TryGetValue(key, out var list)) files[key] = list = [];
                list.Add(name[ResourcePrefix.Length..]);
                foreach (var (lang, text) in texts)
                    if (maps.TryGetValue(lang, out var map)) map[key] = text;
            }
        }
        Files = files.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
        return maps.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
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
