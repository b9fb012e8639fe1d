using System.Text.Json;
using System.Text.Json.Serialization;
using Himaya.Platform;

namespace Himaya.Features.Community;

/// <summary>A text in the three languages of the interface; an instrument carries its own (it is data, not code).</summary>
public sealed record Words(string Az, string En, string Ru)
{
    public string In(string language) => language switch { "en" => En, "ru" => Ru, _ => Az };
}

/// <summary>One answer of an instrument's scale and what it scores.</summary>
public sealed record InstrumentAnswer(string Code, int Score, Words Text);

/// <summary>
/// One question; asked only of children whose age in months lies in [<see cref="FromMonths"/>, <see cref="ToMonths"/>)
/// (a milestone checklist asks different things at 6 months and at 3 years). Its answer's score counts
/// <see cref="Weight"/> times (an outreach screen weighs violence in the home above a missing document).
/// </summary>
public sealed record InstrumentItem(string Code, Words Text, int FromMonths = 0, int ToMonths = 216, int Weight = 1);

/// <summary>
/// A short standard screening instrument, kept as data (Instruments/*.json) so that a ministry can replace one with a
/// validated version without a release: a new version is a new file, and scores recorded with the old one keep pointing
/// at the version they were taken with. A score at or above <see cref="Threshold"/> is a concern; for instruments whose
/// <see cref="ProposesCase"/> is set, it proposes a case to the district's social workers with the answers carried over.
/// </summary>
public sealed record Instrument(string Code, int Version, Words Title, string Activity, int Threshold, bool ProposesCase,
    IReadOnlyList<InstrumentAnswer> Answers, IReadOnlyList<InstrumentItem> Items)
{
    public ActivityType ActivityType => Enum.Parse<ActivityType>(Activity);

    /// <summary>The items asked of a child of <paramref name="ageMonths"/> months.</summary>
    public IReadOnlyList<InstrumentItem> ItemsFor(int ageMonths) => [.. Items.Where(i => ageMonths >= i.FromMonths && ageMonths < i.ToMonths)];

    /// <summary>
    /// The score of a set of answers for a child of that age: every item asked must be answered from the scale and nothing
    /// else may be; refusals name the item (<c>answers.{item}</c>).
    /// </summary>
    public (int Score, IReadOnlyList<Refusal> Refusals) Score(IReadOnlyDictionary<string, string>? answers, int ageMonths)
    {
        var asked = ItemsFor(ageMonths);
        var refusals = new List<Refusal>();
        if (asked.Count == 0) refusals.Add(CommunityErrors.InstrumentNotForAge(Code));
        var score = 0;
        foreach (var item in asked)
        {
            var given = answers?.GetValueOrDefault(item.Code)?.Trim();
            var answer = given is null ? null : Answers.FirstOrDefault(a => string.Equals(a.Code, given, StringComparison.OrdinalIgnoreCase));
            if (given is null) refusals.Add(PlatformErrors.Required("answers." + item.Code));
            else if (answer is null) refusals.Add(PlatformErrors.OneOf("answers." + item.Code, string.Join(", ", Answers.Select(a => a.Code))));
            else score += answer.Score * item.Weight;
        }
        foreach (var extra in (answers?.Keys ?? []).Where(k => asked.All(i => i.Code != k)))
            refusals.Add(CommunityErrors.ItemNotAsked("answers." + extra));
        return (score, refusals);
    }

    /// <summary>The answers as kept: item code → answer code, only the items asked, in the instrument's order.</summary>
    public IReadOnlyDictionary<string, string> Kept(IReadOnlyDictionary<string, string> answers, int ageMonths) =>
        ItemsFor(ageMonths).ToDictionary(i => i.Code, i => Answers.First(a => string.Equals(a.Code, answers[i.Code].Trim(), StringComparison.OrdinalIgnoreCase)).Code);

    public bool Concern(int score) => score >= Threshold;

    /// <summary>The answers written out in one language, for a case proposal's summary (what the social worker reads first).</summary>
    public string Summary(IReadOnlyDictionary<string, string> kept, int score, string language) =>
        $"{Title.In(language)} v{Version}: {score} ≥ {Threshold}\n" + string.Join('\n', Items.Where(i => kept.ContainsKey(i.Code))
            .Select(i => $"- {i.Text.In(language)}: {Answers.First(a => a.Code == kept[i.Code]).Text.In(language)}"));

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

/// <summary>The instruments shipped with Himaya (embedded Instruments/*.json), every version of each.</summary>
public sealed class Instruments
{
    private readonly IReadOnlyList<Instrument> _all;

    public Instruments() : this(Load()) { }

    public Instruments(IReadOnlyList<Instrument> all) => _all = all;

    public IReadOnlyList<Instrument> All => _all;

    /// <summary>The latest version of each instrument.</summary>
    public IReadOnlyList<Instrument> Current => [.. _all.GroupBy(i => i.Code).Select(g => g.MaxBy(i => i.Version)!).OrderBy(i => i.Code, StringComparer.Ordinal)];

    /// <summary>A version of an instrument; without one, the latest.</summary>
    public Instrument? Find(string? code, int? version = null) =>
        _all.Where(i => string.Equals(i.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase) && (version is null || i.Version == version)).MaxBy(i => i.Version);

    public static IReadOnlyList<Instrument> Load()
    {
        var assembly = typeof(Instruments).Assembly;
        return [.. assembly.GetManifestResourceNames().Where(n => n.StartsWith("Himaya.Instruments.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var s = assembly.GetManifestResourceStream(n)!;
                return JsonSerializer.Deserialize<Instrument>(s, Instrument.Json) ?? throw new InvalidDataException(n);
            })];
    }
}
